import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Field, FormAlert } from '../../components/Form';
import { SirenField } from '../../components/OrganizationSearch';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { readResult, type FormErrors } from '../../lib/mutationResult';
import { ComparisonResults } from './ComparisonResults';
import {
  compareSearch,
  DEFAULT_YEARS,
  isSubmitted,
  PROFILE_FIELDS,
  readCompareParams,
  toCompareVariables,
  validateCompareParams,
  type CompareParams,
} from './compareParams';
import { CompareSirenLookup, OrganizationFinder } from './OrganizationFinder';
import { ToolPicker, type PickableTool } from './ToolPicker';
import './compare.css';

export const ComparePageQuery = graphql(`
  query ComparePageQuery {
    viewer {
      id
      organization {
        id
        siren
        name
      }
    }
    tools(first: 100, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          slug
          name
          provider {
            id
            name
          }
          categoryDetails {
            id
            name
          }
        }
      }
    }
  }
`);

export const ComparePageComparisonQuery = graphql(`
  query ComparePageComparisonQuery($slugs: [String!]!, $profile: UsageProfileInput!) {
    compareTools(slugs: $slugs, profile: $profile) {
      __typename
      ... on QueryCompareToolsSuccess {
        data {
          ...ComparisonResults_comparison
        }
      }
      ...MutationError
    }
  }
`);

/** The selection and the usage profile; « Comparer » writes them to the URL, which runs the comparison. */
function CompareForm({
  initial,
  tools,
  viewerOrganization,
  errors: shownErrors,
  onSubmit,
}: {
  initial: CompareParams;
  tools: readonly PickableTool[];
  viewerOrganization: { siren: string | null; name: string } | null;
  errors: FormErrors | undefined;
  onSubmit: (params: CompareParams) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [localErrors, setLocalErrors] = useState<FormErrors>();
  const errors = localErrors ?? shownErrors;
  const set = (change: Partial<CompareParams>) => setDraft((current) => ({ ...current, ...change }));
  const ownSiren = viewerOrganization?.siren ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = validateCompareParams(draft);
    setLocalErrors(local);
    if (!local) onSubmit(draft);
  };

  const numberInput = (field: 'population' | 'seats' | 'requests' | 'tokens' | 'years') => (control: object) => (
    <input
      {...control}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      value={draft[field]}
      onChange={(event) => set({ [field]: event.target.value })}
    />
  );

  return (
    <form className="form compare-form" noValidate onSubmit={submit} aria-label="Comparer des outils">
      <ToolPicker tools={tools} selected={draft.slugs} onChange={(slugs) => set({ slugs })} error={errors?.fields['slugs']} />

      <fieldset className="form__group">
        <legend>Ma collectivité</legend>
        {ownSiren ? (
          <p className="field__hint">
            Pré-rempli avec votre organisation, {viewerOrganization?.name}. Vous pouvez saisir le SIREN d’une autre
            collectivité.
            {draft.siren.replace(/\s/g, '') !== ownSiren ? (
              <>
                {' '}
                <button type="button" className="link-button" onClick={() => set({ siren: ownSiren })}>
                  Reprendre le SIREN de {viewerOrganization?.name}
                </button>
              </>
            ) : null}
          </p>
        ) : null}
        <div className="form__grid">
          <SirenField
            label="SIREN de la collectivité"
            hint="9 chiffres : sa population vient alors du référentiel officiel."
            error={errors?.fields['organizationSiren']}
            value={draft.siren}
            onChange={(siren) => set({ siren })}
          />
          <Field
            label="Population (habitants)"
            hint="Facultatif : sans SIREN, ou pour remplacer la population du référentiel."
            error={errors?.fields['population']}
          >
            {numberInput('population')}
          </Field>
        </div>
        <CompareSirenLookup siren={draft.siren} />
        <OrganizationFinder onChoose={(siren) => set({ siren })} />
      </fieldset>

      <fieldset className="form__group">
        <legend>Usage prévu</legend>
        <div className="form__grid">
          <Field label="Utilisateurs (sièges)" hint="Agents qui auront un compte." error={errors?.fields['seats']}>
            {numberInput('seats')}
          </Field>
          <Field label="Requêtes par mois" hint="Questions, documents ou appels d’API." error={errors?.fields['requestsPerMonth']}>
            {numberInput('requests')}
          </Field>
          <Field label="Durée (années)" hint="De 1 à 10 ans." error={errors?.fields['years']}>
            {numberInput('years')}
          </Field>
          <Field
            label="Jetons par requête (facultatif)"
            hint="Pour les API facturées au jeton ; 1 000 par défaut."
            error={errors?.fields['tokensPerRequest']}
          >
            {numberInput('tokens')}
          </Field>
        </div>
      </fieldset>

      <FormAlert errors={errors} placed={PROFILE_FIELDS} />
      <div className="form__actions">
        <button type="submit" className="button">
          Comparer
        </button>
      </div>
    </form>
  );
}

/** Runs the comparison of the URL and renders its outcome: results, or the API's refusal in French. */
function useComparison(params: CompareParams, submitted: boolean, clientErrors: FormErrors | undefined) {
  const run = submitted && !clientErrors;
  const query = useQuery(ComparePageComparisonQuery, { variables: toCompareVariables(params), skip: !run });
  const result = query.data?.compareTools;
  const outcome = result ? readResult(result) : undefined;
  return { run, query, outcome };
}

export function ComparePage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const params = readCompareParams(searchParams);
  const submitted = isSubmitted(searchParams);
  const clientErrors = submitted ? validateCompareParams(params) : undefined;
  const page = useQuery(ComparePageQuery);
  const { run, query, outcome } = useComparison(params, submitted, clientErrors);
  const formErrors = clientErrors ?? (outcome && !outcome.ok ? outcome.errors : undefined);

  return (
    <div className="compare-page">
      <title>Comparer des outils — Mutualis</title>
      <h1>Comparer des outils</h1>
      <p className="lead">
        Deux à quatre outils côte à côte pour votre collectivité : coût total sur la durée du contrat, empreinte
        environnementale, notes des collectivités, conformité et adoption. Chaque chiffre a sa source ; une valeur
        inconnue est dite inconnue, jamais comptée comme zéro.
      </p>
      <QueryState data={page.data} error={page.error} refetch={page.refetch}>
        {({ viewer, tools }) => {
          const initial: CompareParams = {
            ...params,
            // Pre-filled with the signed-in person's collectivité until a profile is given.
            siren: params.siren || (!submitted && !params.population ? (viewer?.organization.siren ?? '') : ''),
            years: params.years || DEFAULT_YEARS,
          };
          return (
            <CompareForm
              // The URL changed (submission, back button): the form starts again from it.
              key={searchParams.toString()}
              initial={initial}
              tools={tools.edges.map((edge) => edge.node)}
              viewerOrganization={viewer?.organization ?? null}
              errors={formErrors}
              onSubmit={(next) => navigate({ search: compareSearch(next) })}
            />
          );
        }}
      </QueryState>

      {run ? (
        <QueryState data={query.data} error={query.error} refetch={query.refetch} loadingLabel="Calcul de la comparaison…">
          {() =>
            outcome?.ok ? (
              <ComparisonResults comparison={outcome.data} />
            ) : (
              <p className="notice notice--warning">La comparaison n’a pas pu être calculée : voyez le message du formulaire ci-dessus.</p>
            )
          }
        </QueryState>
      ) : (
        <p className="notice compare-empty">
          {params.slugs.length > 0 ? (
            <>Complétez le profil de votre collectivité, puis cliquez sur « Comparer ».</>
          ) : (
            <>
              Choisissez les outils ci-dessus, ou cochez-les dans le <Link to="/catalogue">catalogue</Link>.
            </>
          )}
        </p>
      )}
    </div>
  );
}
