import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router-dom';
import { graphql } from '../../gql';
import { Field, SearchField, SearchForm, SelectField } from '../../components/Form';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { POPULATION, Table } from '../../components/Table';
import { formatCount } from '../../lib/format';
import { useDebouncedSearch } from '../../lib/useDebouncedSearch';
import { OrganizationRow } from './OrganizationRow';
import {
  EPCI_TYPE_OPTIONS,
  KIND_OPTIONS,
  readDirectoryParams,
  toOrganizationFilter,
  writeDirectoryParams,
  type DirectoryParams,
} from './directoryFilters';

export const DirectoryQuery = graphql(`
  query DirectoryQuery($filter: OrganizationFilter, $first: Int!, $after: String) {
    organizations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...OrganizationSummary_organization
        }
      }
    }
  }
`);

export const DIRECTORY_PAGE_SIZE = 50;

export function DirectoryPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readDirectoryParams(searchParams);

  const search = useDebouncedSearch(params.q, (current, q) => writeDirectoryParams(current, { q }));

  const setFilter = (change: Partial<DirectoryParams>) => setSearchParams((current) => writeDirectoryParams(current, change));
  const setDepartement = (value: string) => {
    if (value.trim().toUpperCase() !== params.departement) setFilter({ departement: value });
  };

  const { data, previousData, error, refetch, fetchMore, loading } = useQuery(DirectoryQuery, {
    variables: { filter: toOrganizationFilter(params), first: DIRECTORY_PAGE_SIZE },
  });
  // While a new search loads, keep the previous results on screen (marked busy) instead of flashing.
  const shown = data ?? (error ? undefined : previousData);

  return (
    <>
      <title>Territoires — Mutualis</title>
      <h1>Territoires</h1>
      <p className="lead">
        L'annuaire des collectivités : communes, intercommunalités (EPCI à fiscalité propre), départements et régions.
      </p>

      <SearchForm
        label="Annuaire des collectivités"
        onSearch={() => {
          // Enter: search now, without waiting for the pause.
          if (search.draft.trim() !== params.q.trim()) search.write(search.flush());
        }}
      >
        <SearchField
          label="Rechercher une collectivité"
          spellCheck={false}
          placeholder="Nom, par exemple « Besançon »"
          value={search.draft}
          onChange={search.setDraft}
        />
        <SelectField
          label="Nature"
          options={KIND_OPTIONS}
          value={params.epciType ? 'EPCI' : params.kind}
          onChange={(kind) => setFilter(kind === 'EPCI' ? { kind } : { kind, epciType: '' })}
        />
        <SelectField
          label="Type d'EPCI"
          options={EPCI_TYPE_OPTIONS}
          value={params.epciType}
          onChange={(epciType) => setFilter(epciType ? { epciType, kind: 'EPCI' } : { epciType })}
        />
        <Field label="Département" className="field--narrow">
          {(control) => (
            <input
              {...control}
              maxLength={3}
              pattern="\d{2,3}|2[ABab]"
              title="Code du département : 25, 2A, 974…"
              placeholder="ex. 25"
              defaultValue={params.departement}
              key={params.departement}
              onBlur={(event) => setDepartement(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') setDepartement(event.currentTarget.value);
              }}
            />
          )}
        </Field>
      </SearchForm>

      <QueryState data={shown} error={error} refetch={refetch}>
        {({ organizations }) => {
          const stale = data === undefined && loading;
          const rows = organizations.edges.flatMap((edge) => (edge.node ? [edge.node] : []));
          return (
            <div className="results" aria-busy={stale || undefined}>
              <p className="results__count" aria-live="polite">
                {formatCount(organizations.totalCount, 'collectivité', 'collectivités')}
                {stale ? <span className="results__pending"> — recherche en cours…</span> : null}
              </p>
              {rows.length > 0 ? (
                <Table caption="Collectivités correspondant à la recherche" columns={['Nom', 'Nature', 'Département', POPULATION, 'SIREN']}>
                  {rows.map((organization) => (
                    <OrganizationRow key={organization.id} organization={organization} />
                  ))}
                </Table>
              ) : (
                <p>Aucune collectivité ne correspond à ces critères.</p>
              )}
              {stale ? null : <LoadMore pageInfo={organizations.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />}
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
