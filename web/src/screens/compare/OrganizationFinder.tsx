import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Field } from '../../components/Form';
import { ErrorMessage } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatInhabitants } from '../../lib/format';
import { natureLabel } from '../../lib/labels';

export const ComparePageOrganizationQuery = graphql(`
  query ComparePageOrganizationQuery($siren: String!) {
    organization(siren: $siren) {
      id
      siren
      name
      kind
      epciType
      population
    }
  }
`);

export const ComparePageOrganizationSearchQuery = graphql(`
  query ComparePageOrganizationSearchQuery($search: String!) {
    organizations(filter: { search: $search }, first: 6) {
      edges {
        node {
          id
          siren
          name
          kind
          epciType
          departementCode
          population
        }
      }
    }
  }
`);

const SIREN = /^\d{9}$/;

function useDebounced(value: string, delay = 250): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** The collectivité behind a typed SIREN and its population, looked up once the nine digits are there. */
export function SirenLookup({ siren }: { siren: string }) {
  const compact = siren.replace(/\s/g, '');
  const valid = SIREN.test(compact);
  const { data, error, refetch } = useQuery(ComparePageOrganizationQuery, { variables: { siren: compact }, skip: !valid });
  if (!valid) return null;
  if (error) return <ErrorMessage error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) return <p className="lookup lookup--pending">Recherche de la collectivité…</p>;
  const { organization } = data;
  if (!organization) return <p className="lookup lookup--missing">Aucune collectivité ne porte ce SIREN.</p>;
  return (
    <p className="lookup lookup--found" aria-live="polite">
      <strong>{organization.name}</strong> ({natureLabel(organization.kind, organization.epciType)}) —{' '}
      {formatInhabitants(organization.population)}
    </p>
  );
}

/** Finds a collectivité by name and gives its SIREN to the form. */
export function OrganizationFinder({ onChoose }: { onChoose: (siren: string) => void }) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const active = search.length >= 2;
  // Not cached: a six-line suggestion list must not stand in for the directory's result of the same search.
  const { data, error, refetch } = useQuery(ComparePageOrganizationSearchQuery, {
    variables: { search },
    skip: !active,
    fetchPolicy: 'no-cache',
  });
  const results = data?.organizations.edges.map((edge) => edge.node).filter((node) => node.siren) ?? [];
  return (
    <details className="finder compare-finder">
      <summary>Vous ne connaissez pas le SIREN ? Cherchez la collectivité par son nom</summary>
      <Field label="Nom de la collectivité" hint="Tapez au moins deux lettres.">
        {(control) => <input {...control} type="search" autoComplete="off" value={text} onChange={(event) => setText(event.target.value)} />}
      </Field>
      {active && error ? <ErrorMessage error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
      {active && !error && !data ? <p className="lookup lookup--pending">Recherche…</p> : null}
      {active && data ? (
        results.length > 0 ? (
          <ul className="finder__results" aria-label="Collectivités trouvées">
            {results.map((organization) => (
              <li key={organization.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onChoose(organization.siren ?? '');
                    setText('');
                  }}
                >
                  {organization.name}
                </button>{' '}
                <span className="muted">
                  {natureLabel(organization.kind, organization.epciType)}
                  {organization.departementCode ? ` · ${organization.departementCode}` : ''} · SIREN {organization.siren} ·{' '}
                  {formatInhabitants(organization.population)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="lookup lookup--missing">Aucune collectivité ne correspond à « {search} ».</p>
        )
      ) : null}
    </details>
  );
}
