import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { getFragmentData, graphql } from '../gql';
import type { OrganizationSummary_OrganizationFragment } from '../gql/graphql';
import { natureLabel } from '../lib/labels';
import { useDebounced } from '../lib/useDebouncedSearch';
import { InputField, IntegerField } from './Form';
import { ErrorMessage } from './QueryState';

// Finding a collectivité in a form, by its SIREN or by its name, with the two queries below; each screen
// says what it shows of the collectivité found.

/** What the forms, the search results and the directory show of a collectivité. */
export const OrganizationSummary_organization = graphql(`
  fragment OrganizationSummary_organization on Organization {
    id
    siren
    name
    kind
    epciType
    departementCode
    population
  }
`);

/** The collectivité behind a SIREN. */
export const OrganizationBySirenQuery = graphql(`
  query OrganizationBySirenQuery($siren: String!) {
    organization(siren: $siren) {
      ...OrganizationSummary_organization
    }
  }
`);

/** The first six collectivités whose name matches a search. */
export const OrganizationSearchQuery = graphql(`
  query OrganizationSearchQuery($search: String!) {
    organizations(filter: { search: $search }, first: 6) {
      edges {
        node {
          ...OrganizationSummary_organization
        }
      }
    }
  }
`);

const SIREN = /^\d{9}$/;

/** Nine digits, once the spaces are taken out. */
export const isSiren = (value: string) => SIREN.test(value);

/** A SIREN as typed (`212 500 565`), without its spaces. */
export const compactSiren = (value: string) => value.replace(/\s/g, '');

/** A Field for a SIREN: nine digits, spaces allowed. */
export function SirenField(props: Parameters<typeof IntegerField>[0]) {
  return <IntegerField autoComplete="off" maxLength={11} {...props} />;
}

/** What is known of a collectivité found. */
export type OrganizationSummary = OrganizationSummary_OrganizationFragment;

/**
 * The collectivité behind a typed SIREN, looked up once the nine digits are there; `children` says what
 * is shown of it once found.
 */
export function SirenLookup(props: { siren: string; children: (organization: OrganizationSummary) => ReactNode }) {
  const siren = compactSiren(props.siren);
  const valid = isSiren(siren);
  const { data, error, refetch } = useQuery(OrganizationBySirenQuery, { variables: { siren }, skip: !valid });
  if (!valid) return null;
  if (error) return <ErrorMessage error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) return <p className="lookup lookup--pending">Recherche de la collectivité…</p>;
  const organization = getFragmentData(OrganizationSummary_organization, data.organization);
  if (!organization) return <p className="lookup lookup--missing">Aucune collectivité ne porte ce SIREN.</p>;
  return (
    <p className="lookup lookup--found" aria-live="polite">
      {props.children(organization)}
    </p>
  );
}

/**
 * Finds a collectivité by name and gives its SIREN to `onChoose`. Each result shows its nature,
 * département and SIREN, then what `details` adds.
 */
export function OrganizationSearch(props: {
  label: string;
  onChoose: (siren: string) => void;
  /** The search box is emptied once a collectivité is chosen. */
  clearOnChoose?: boolean;
  details?: (organization: OrganizationSummary) => ReactNode;
}) {
  const { details } = props;
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const active = search.length >= 2;
  // Not cached: a six-line suggestion list must not stand in for the directory's result of the same search.
  const { data, error, refetch } = useQuery(OrganizationSearchQuery, {
    variables: { search },
    skip: !active,
    fetchPolicy: 'no-cache',
  });
  const results = (data?.organizations.edges ?? []).map((edge) => getFragmentData(OrganizationSummary_organization, edge.node)).filter((node) => node.siren);
  return (
    <>
      <InputField label={props.label} hint="Tapez au moins deux lettres." type="search" autoComplete="off" value={text} onChange={setText} />
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
                    props.onChoose(organization.siren ?? '');
                    if (props.clearOnChoose) setText('');
                  }}
                >
                  {organization.name}
                </button>{' '}
                <span className="muted">
                  {natureLabel(organization.kind, organization.epciType)}
                  {organization.departementCode ? ` · ${organization.departementCode}` : ''} · SIREN {organization.siren}
                  {details ? (
                    <>
                      {' ·'} {details(organization)}
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="lookup lookup--missing">Aucune collectivité ne correspond à « {search} ».</p>
        )
      ) : null}
    </>
  );
}
