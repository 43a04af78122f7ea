import type { TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { EpciType, OrganizationKind } from '../gql/graphql';
import { natureLabel } from '../lib/labels';
import { useDebounced } from '../lib/useDebouncedSearch';
import { InputField, IntegerField } from './Form';
import { ErrorMessage } from './QueryState';

// Finding a collectivité in a form, by its SIREN or by its name. The screens share the two queries below
// and each says what it shows of the collectivité found.

/** The collectivité behind a SIREN, with what the forms show of it. */
export const OrganizationBySirenQuery = graphql(`
  query OrganizationBySirenQuery($siren: String!) {
    organization(siren: $siren) {
      id
      siren
      name
      kind
      epciType
      departementCode
      population
    }
  }
`);

/** The first six collectivités whose name matches a search. */
export const OrganizationSearchQuery = graphql(`
  query OrganizationSearchQuery($search: String!) {
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

/** Nine digits, once the spaces are taken out. */
export const isSiren = (value: string) => SIREN.test(value);

/** A SIREN as typed (`212 500 565`), without its spaces. */
export const compactSiren = (value: string) => value.replace(/\s/g, '');

/** A Field for a SIREN: nine digits, spaces allowed. */
export function SirenField(props: Parameters<typeof IntegerField>[0]) {
  return <IntegerField autoComplete="off" maxLength={11} {...props} />;
}

/** What the search results show of a collectivité. */
interface FoundOrganization {
  id: string;
  siren: string | null;
  name: string;
  kind: OrganizationKind;
  epciType: EpciType | null;
  departementCode: string | null;
}

/**
 * The collectivité behind a typed SIREN, looked up once the nine digits are there (`query` takes
 * `$siren`); `children` says what is shown of it once found.
 */
export function SirenLookup<TOrganization>(props: {
  query: TypedDocumentNode<{ organization: TOrganization | null }, { siren: string }>;
  siren: string;
  children: (organization: TOrganization) => ReactNode;
}) {
  const siren = compactSiren(props.siren);
  const valid = isSiren(siren);
  const { data, error, refetch } = useQuery(props.query, { variables: { siren }, skip: !valid });
  if (!valid) return null;
  if (error) return <ErrorMessage error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) return <p className="lookup lookup--pending">Recherche de la collectivité…</p>;
  const { organization } = data;
  if (!organization) return <p className="lookup lookup--missing">Aucune collectivité ne porte ce SIREN.</p>;
  return (
    <p className="lookup lookup--found" aria-live="polite">
      {props.children(organization)}
    </p>
  );
}

/**
 * Finds a collectivité by name (`query` takes `$search`) and gives its SIREN to `onChoose`. Each result
 * shows its nature, département and SIREN, then what `details` adds.
 */
export function OrganizationSearch<TOrganization extends FoundOrganization>(props: {
  query: TypedDocumentNode<{ organizations: { edges: readonly { node: TOrganization }[] } }, { search: string }>;
  label: string;
  onChoose: (siren: string) => void;
  /** The search box is emptied once a collectivité is chosen. */
  clearOnChoose?: boolean;
  details?: (organization: TOrganization) => ReactNode;
}) {
  const { details } = props;
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const active = search.length >= 2;
  // Not cached: a six-line suggestion list must not stand in for the directory's result of the same search.
  const { data, error, refetch } = useQuery(props.query, {
    variables: { search },
    skip: !active,
    fetchPolicy: 'no-cache',
  });
  const results = data?.organizations.edges.map((edge) => edge.node).filter((node) => node.siren) ?? [];
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
