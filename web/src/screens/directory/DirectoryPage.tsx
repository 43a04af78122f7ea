import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { graphql } from '../../gql';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { formatCount } from '../../lib/format';
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
          ...OrganizationRow_organization
        }
      }
    }
  }
`);

export const DIRECTORY_PAGE_SIZE = 50;
export const SEARCH_DEBOUNCE_MS = 250;

/** The search box text, written to the URL (?q=) once typing pauses. */
function useDebouncedSearch(q: string, write: (q: string) => void) {
  const [draft, setDraft] = useState(q);
  const written = useRef(q);

  // The URL changed without typing (back button, link): show its search in the box.
  useEffect(() => {
    if (q !== written.current) {
      written.current = q;
      setDraft(q);
    }
  }, [q]);

  useEffect(() => {
    const next = draft.trim();
    if (next === q.trim()) return;
    const timer = setTimeout(() => {
      written.current = next;
      write(next);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, q, write]);

  // Enter: search now, without waiting for the pause.
  const flush = () => {
    const next = draft.trim();
    if (next === q.trim()) return;
    written.current = next;
    write(next);
  };

  return [draft, setDraft, flush] as const;
}

export function DirectoryPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readDirectoryParams(searchParams);
  const ids = { search: useId(), kind: useId(), epci: useId(), dep: useId() };

  // Typing replaces the history entry; choosing a filter adds one. The debounced writer must keep
  // its identity across renders (a new one would restart the timer), so it reads the latest setter.
  const setSearchParamsRef = useRef(setSearchParams);
  useEffect(() => {
    setSearchParamsRef.current = setSearchParams;
  });
  const writeSearch = useCallback(
    (q: string) => setSearchParamsRef.current((current) => writeDirectoryParams(current, { q }), { replace: true }),
    [],
  );
  const [draft, setDraft, flushSearch] = useDebouncedSearch(params.q, writeSearch);

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

      <form
        className="filters"
        role="search"
        aria-label="Annuaire des collectivités"
        onSubmit={(event) => {
          event.preventDefault();
          flushSearch();
        }}
      >
        <div className="field field--grow">
          <label htmlFor={ids.search}>Rechercher une collectivité</label>
          <input
            id={ids.search}
            type="search"
            aria-label="Rechercher une collectivité"
            autoComplete="off"
            spellCheck={false}
            placeholder="Nom, par exemple « Besançon »"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>Nature</label>
          <select
            id={ids.kind}
            value={params.epciType ? 'EPCI' : params.kind}
            onChange={(event) => {
              const kind = event.target.value as DirectoryParams['kind'];
              setFilter(kind === 'EPCI' ? { kind } : { kind, epciType: '' });
            }}
          >
            {KIND_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.epci}>Type d'EPCI</label>
          <select
            id={ids.epci}
            value={params.epciType}
            onChange={(event) => {
              const epciType = event.target.value as DirectoryParams['epciType'];
              setFilter(epciType ? { epciType, kind: 'EPCI' } : { epciType });
            }}
          >
            {EPCI_TYPE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--narrow">
          <label htmlFor={ids.dep}>Département</label>
          <input
            id={ids.dep}
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
        </div>
      </form>

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
                <table className="table">
                  <caption className="visually-hidden">Collectivités correspondant à la recherche</caption>
                  <thead>
                    <tr>
                      <th scope="col">Nom</th>
                      <th scope="col">Nature</th>
                      <th scope="col">Département</th>
                      <th scope="col" className="numeric">
                        Population
                      </th>
                      <th scope="col">SIREN</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((organization) => (
                      <OrganizationRow key={organization.id} organization={organization} />
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>Aucune collectivité ne correspond à ces critères.</p>
              )}
              {organizations.pageInfo.hasNextPage && !stale ? (
                <LoadMoreButton onLoadMore={() => fetchMore({ variables: { after: organizations.pageInfo.endCursor } })} />
              ) : null}
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
