import { useQuery } from '@apollo/client/react';
import { useId, type FormEvent } from 'react';
import { DecimalField, Field, FormActions, FormAlert, InputField, IntegerField, labelledOptions, SelectField, TextAreaField, useFormValues } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { DeclareDeploymentInput, DeploymentStatus, ProcurementRoute, UpdateDeploymentInput } from '../../gql/graphql';
import { parseAmountInput, parseIntegerInput } from '../../lib/format';
import { DEPLOYMENT_STATUS_LABELS, nextDeploymentStatuses, PROCUREMENT_ROUTE_LABELS } from '../../lib/labels';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { useDeclareDeployment } from './useDeclareDeployment';
import { useUpdateDeployment } from './useUpdateDeployment';

export const DeploymentFormQuery = graphql(`
  query DeploymentFormQuery {
    tools(first: 100) {
      edges {
        node {
          id
          slug
          name
        }
      }
    }
  }
`);

export const DeploymentForm_deployment = graphql(`
  fragment DeploymentForm_deployment on Deployment {
    id
    tool {
      id
      slug
      name
    }
    status
    service
    startDate
    endDate
    users
    monthlyRequests
    annualCost
    annualCostPublic
    procurementRoute
    abandonReason
  }
`);

const FIELDS = [
  'toolSlug',
  'status',
  'service',
  'startDate',
  'endDate',
  'users',
  'monthlyRequests',
  'annualCost',
  'annualCostPublic',
  'procurementRoute',
  'abandonReason',
] as const;

interface Values {
  toolSlug: string;
  status: DeploymentStatus | '';
  service: string;
  startDate: string;
  endDate: string;
  users: string;
  monthlyRequests: string;
  annualCost: string;
  annualCostPublic: boolean;
  procurementRoute: ProcurementRoute | '';
  abandonReason: string;
}

const EMPTY: Values = {
  toolSlug: '',
  status: '',
  service: '',
  startDate: '',
  endDate: '',
  users: '',
  monthlyRequests: '',
  annualCost: '',
  annualCostPublic: false,
  procurementRoute: '',
  abandonReason: '',
};

/** The typed amount shown back in French ("1234.50" → "1234,50"). */
const amountText = (value: string | null | undefined) => (value ? value.replace('.', ',') : '');

/** The form's values, checked and converted to what the API takes (the amount with a point). */
function readValues(values: Values) {
  const errors: FormErrors['fields'] = {};
  const integer = (text: string, field: 'users' | 'monthlyRequests') => {
    if (!text.trim()) return null;
    const value = parseIntegerInput(text);
    if (value === null) errors[field] = 'Saisissez un nombre entier positif, par exemple 25.';
    return value;
  };
  const users = integer(values.users, 'users');
  const monthlyRequests = integer(values.monthlyRequests, 'monthlyRequests');
  let annualCost: string | null = null;
  if (values.annualCost.trim()) {
    annualCost = parseAmountInput(values.annualCost);
    if (annualCost === null) errors['annualCost'] = 'Saisissez un montant en euros, par exemple 1234,50.';
  }
  if (!values.status) errors['status'] = 'Choisissez le statut du déploiement.';
  const abandoned = values.status === 'ABANDONED';
  if (abandoned && !values.abandonReason.trim()) errors['abandonReason'] = "Indiquez la raison de l'abandon.";
  return {
    errors,
    fields: {
      service: values.service.trim() || null,
      startDate: values.startDate || null,
      endDate: values.endDate || null,
      users,
      monthlyRequests,
      annualCost,
      annualCostPublic: values.annualCostPublic,
      procurementRoute: values.procurementRoute || null,
      abandonReason: abandoned ? values.abandonReason.trim() : null,
    },
  };
}

/**
 * Declares a tool (without `deployment`) or updates a declaration. Saved: `onSaved` with a sentence
 * for the page to announce.
 */
export function DeploymentForm(props: {
  deployment?: FragmentType<typeof DeploymentForm_deployment>;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const deployment = getFragmentData(DeploymentForm_deployment, props.deployment);
  const headingId = useId();
  const [declare, { loading: declaring }] = useDeclareDeployment();
  const [update, { loading: updating }] = useUpdateDeployment();
  const { values, set, bind, errors, setErrors } = useFormValues<Values>(() =>
    deployment
      ? {
          toolSlug: deployment.tool.slug,
          status: deployment.status,
          service: deployment.service ?? '',
          startDate: deployment.startDate ?? '',
          endDate: deployment.endDate ?? '',
          users: deployment.users?.toString() ?? '',
          monthlyRequests: deployment.monthlyRequests?.toString() ?? '',
          annualCost: amountText(deployment.annualCost),
          annualCostPublic: deployment.annualCostPublic,
          procurementRoute: deployment.procurementRoute ?? '',
          abandonReason: deployment.abandonReason ?? '',
        }
      : EMPTY,
  );
  const tools = useQuery(DeploymentFormQuery, { skip: !!deployment });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { errors: local, fields } = readValues(values);
    if (!deployment && !values.toolSlug) local['toolSlug'] = "Choisissez l'outil dans le catalogue.";
    const invalid = clientValidation(local);
    setErrors(invalid);
    if (invalid || !values.status) return;
    if (deployment) {
      const input: UpdateDeploymentInput = { status: values.status, ...fields };
      const outcome = await update(deployment.id, input);
      if (outcome.ok) props.onSaved(`La déclaration de ${deployment.tool.name} est mise à jour.`);
      else setErrors(outcome.errors);
    } else {
      // A new declaration sends only what was filled in (an unticked « Rendre ce coût public » keeps the cost private).
      const input: DeclareDeploymentInput = { toolSlug: values.toolSlug, status: values.status };
      for (const [key, value] of Object.entries(fields)) {
        if (value !== null && value !== false) Object.assign(input, { [key]: value });
      }
      const outcome = await declare(input);
      const name = tools.data?.tools.edges.find((edge) => edge.node.slug === values.toolSlug)?.node.name ?? 'L’outil';
      if (outcome.ok) props.onSaved(`${name} est déclaré pour votre collectivité.`);
      else setErrors(outcome.errors);
    }
  };

  const statuses = nextDeploymentStatuses(deployment?.status);

  const form = (toolOptions: readonly { slug: string; name: string }[] | null) => (
    <form className="form" noValidate aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
      <h3 id={headingId}>{deployment ? `Modifier la déclaration : ${deployment.tool.name}` : 'Déclarer un déploiement'}</h3>
      <FormAlert errors={errors} placed={FIELDS} />
      <div className="form__grid">
        {toolOptions ? (
          <SelectField
            label="Outil"
            error={errors?.fields['toolSlug']}
            placeholder="Choisir un outil du catalogue"
            options={toolOptions.map((tool) => ({ value: tool.slug, label: tool.name }))}
            value={values.toolSlug}
            onChange={set('toolSlug')}
          />
        ) : null}
        <SelectField
          label="Statut"
          error={errors?.fields['status']}
          hint={deployment ? 'Le statut avance (exploration, expérimentation, production) ou passe à l’abandon ; il ne revient pas en arrière.' : undefined}
          placeholder={deployment ? undefined : 'Choisir un statut'}
          options={statuses.map((status) => ({ value: status, label: DEPLOYMENT_STATUS_LABELS[status] }))}
          value={values.status}
          onChange={set('status')}
        />
        <InputField label="Service" hint="Par exemple « Accueil et relation usagers »." {...bind('service')} type="text" maxLength={200} />
        <InputField label="Date de début" {...bind('startDate')} type="date" />
        <InputField label="Date de fin" {...bind('endDate')} type="date" />
        <IntegerField label="Utilisateurs" {...bind('users')} />
        <IntegerField label="Requêtes par mois" {...bind('monthlyRequests')} />
        <DecimalField
          label="Coût annuel payé (€ HT)"
          hint="Ce que la collectivité paie réellement sur un an, hors taxes. Par exemple 1234,50."
          {...bind('annualCost')}
        />
        <Field
          label="Rendre ce coût public"
          hint="Coché, tout le monde voit ce coût sur la page de la collectivité ; sinon, seuls ses membres, les auditeurs et les administrateurs de la plateforme le voient."
          error={errors?.fields['annualCostPublic']}
          className="field--checkbox"
        >
          {(control) => (
            <input {...control} type="checkbox" checked={values.annualCostPublic} onChange={(event) => set('annualCostPublic')(event.target.checked)} />
          )}
        </Field>
        <SelectField
          label="Voie d'achat"
          {...bind('procurementRoute')}
          placeholder="Non précisée"
          options={labelledOptions(PROCUREMENT_ROUTE_LABELS)}
        />
        {values.status === 'ABANDONED' ? (
          <TextAreaField label="Raison de l'abandon" {...bind('abandonReason')} className="field--wide" rows={3} maxLength={1000} />
        ) : null}
      </div>
      <FormActions submit="Enregistrer" busy={declaring || updating} cancel="Annuler" onCancel={props.onCancel} />
    </form>
  );

  if (deployment) return <div className="panel form-panel">{form(null)}</div>;
  return (
    <div className="panel form-panel">
      <QueryState data={tools.data} error={tools.error} refetch={tools.refetch} loadingLabel="Chargement du catalogue…">
        {({ tools: connection }) =>
          form(
            connection.edges
              .map((edge) => edge.node)
              .sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' })),
          )
        }
      </QueryState>
    </div>
  );
}
