import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { DemoBadge } from '../../components/DemoBadge';
import { FormActions, FormAlert, IntegerField, SelectField, useFormValues } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { Table } from '../../components/Table';
import { graphql } from '../../gql';
import { formatDate, formatInteger, parseIntegerInput } from '../../lib/format';
import { mutationHook } from '../../lib/mutationHook';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';

export const TrainingDeclarationsQuery = graphql(`
  query TrainingDeclarationsQuery {
    viewer {
      id
      organization {
        id
        name
        trainingDeclarations {
          year
          agentsTrained
          electedTrained
          isDemo
          updatedAt
        }
      }
    }
  }
`);

export const DeclareTrainingMutation = graphql(`
  mutation DeclareTrainingMutation($year: Int!, $agentsTrained: Int!, $electedTrained: Int!) {
    declareTraining(year: $year, agentsTrained: $agentsTrained, electedTrained: $electedTrained) {
      __typename
      ... on MutationDeclareTrainingSuccess {
        data {
          year
          agentsTrained
          electedTrained
        }
      }
      ...MutationError
    }
  }
`);

/** A declaration replaces the figures of its year: the list is read again from the API. */
const useDeclareTraining = mutationHook(DeclareTrainingMutation, 'declareTraining', {
  variables: (year: number, agentsTrained: number, electedTrained: number) => ({ year, agentsTrained, electedTrained }),
  refetchQueries: (result) => (result?.__typename === 'MutationDeclareTrainingSuccess' ? ['TrainingDeclarationsQuery'] : []),
  awaitRefetchQueries: true,
});

/** The first year a declaration may name (the API refuses earlier ones). */
const FIRST_YEAR = 2020;
const FIELDS = ['year', 'agentsTrained', 'electedTrained'];

interface Values {
  year: string;
  agentsTrained: string;
  electedTrained: string;
}

const people = (count: number, singular: string, plural: string) => `${formatInteger(count)} ${count > 1 ? plural : singular}`;

/** « Déclarer les personnes formées »: a member of a collectivité declares a year's figures, and sees those already declared. */
export function DeclareTraining() {
  const headingId = useId();
  const currentYear = new Date().getFullYear();
  const years = Array.from({ length: currentYear - FIRST_YEAR + 1 }, (_, i) => String(currentYear - i));
  const { values, bind, errors, setErrors } = useFormValues<Values>({ year: String(currentYear), agentsTrained: '', electedTrained: '' });
  const [saved, setSaved] = useState<string | null>(null);
  const [declare, { loading }] = useDeclareTraining();
  const declarations = useQuery(TrainingDeclarationsQuery);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const local: FormErrors['fields'] = {};
    const agents = parseIntegerInput(values.agentsTrained);
    const elected = parseIntegerInput(values.electedTrained);
    if (agents === null) local['agentsTrained'] = 'Saisissez un nombre entier, 0 si aucun agent n’a été formé.';
    if (elected === null) local['electedTrained'] = 'Saisissez un nombre entier, 0 si aucun élu n’a été formé.';
    const invalid = clientValidation(local);
    setErrors(invalid);
    if (invalid || agents === null || elected === null) return;
    const outcome = await declare(Number(values.year), agents, elected);
    if (!outcome.ok) return setErrors(outcome.errors);
    const { year, agentsTrained, electedTrained } = outcome.data;
    setSaved(`Déclaration enregistrée pour ${year} : ${people(agentsTrained, 'agent formé', 'agents formés')} et ${people(electedTrained, 'élu formé', 'élus formés')}.`);
  };

  return (
    <section aria-labelledby={headingId} className="panel form-panel training-declare">
      <h2 id={headingId}>Déclarer les personnes formées</h2>
      <p>
        Combien d’agents et d’élus de votre collectivité ont suivi une formation à l’IA dans l’année ? Les chiffres sont publics : ils
        alimentent les statistiques par territoire. Une nouvelle déclaration pour la même année remplace la précédente.
      </p>
      <form className="form" noValidate aria-label="Déclarer les personnes formées" onSubmit={(event) => void submit(event)}>
        <FormAlert errors={errors} placed={FIELDS} />
        <div className="form__grid">
          <SelectField label="Année" options={years.map((year) => ({ value: year, label: year }))} {...bind('year')} />
          <IntegerField label="Agents formés" hint="Nombre de personnes, 0 si aucune." {...bind('agentsTrained')} />
          <IntegerField label="Élus formés" hint="Nombre de personnes, 0 si aucune." {...bind('electedTrained')} />
        </div>
        <FormActions submit="Enregistrer la déclaration" busy={loading} />
      </form>
      {saved ? (
        <p role="status" className="form-success">
          {saved}
        </p>
      ) : null}
      <QueryState data={declarations.data} error={declarations.error} refetch={declarations.refetch} loadingLabel="Chargement des déclarations…">
        {({ viewer }) => {
          const rows = viewer?.organization.trainingDeclarations ?? [];
          if (rows.length === 0) return <p>{viewer ? `${viewer.organization.name} n’a encore rien déclaré.` : null}</p>;
          return (
            <Table caption={`Déclarations de ${viewer!.organization.name}`} showCaption columns={['Année', { label: 'Agents formés', numeric: true }, { label: 'Élus formés', numeric: true }, 'Déclarée le']}>
              {rows.map((row) => (
                <tr key={row.year}>
                  <th scope="row">
                    {row.year} <DemoBadge show={row.isDemo} />
                  </th>
                  <td className="numeric">{formatInteger(row.agentsTrained)}</td>
                  <td className="numeric">{formatInteger(row.electedTrained)}</td>
                  <td>{formatDate(row.updatedAt)}</td>
                </tr>
              ))}
            </Table>
          );
        }}
      </QueryState>
    </section>
  );
}
