import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatCount } from '../../lib/format';
import { CatalogueFilters } from './CatalogueFilters';
import { CompareBar } from './CompareBar';
import { ToolCard } from './ToolCard';
import {
  effectiveOrder,
  ORDER_OPTIONS,
  readCatalogueParams,
  toCatalogueVariables,
  toggle,
  writeCatalogueParams,
  type CatalogueParams,
} from './catalogueParams';
import { rememberedToolName, rememberToolName } from './rememberedNames';
import { useDebouncedSearch } from './useDebouncedSearch';
import './catalogue.css';

export const CatalogueQuery = graphql(`
  query CatalogueQuery($filter: CatalogueFilter, $search: String, $orderBy: CatalogueOrder, $first: Int!, $after: String) {
    categories {
      id
      slug
      name
    }
    tools(filter: $filter, search: $search, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      ...CatalogueFilters_connection
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          slug
          name
          ...ToolCard_tool
        }
      }
    }
  }
`);

export function CataloguePage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readCatalogueParams(searchParams);
  const ids = { search: useId(), order: useId() };

  // Typing replaces the history entry; choosing a filter adds one. The debounced writer must keep its
  // identity across renders (a new one would restart the timer), so it reads the latest setter.
  const setSearchParamsRef = useRef(setSearchParams);
  useEffect(() => {
    setSearchParamsRef.current = setSearchParams;
  });
  const writeSearch = useCallback(
    (q: string) => setSearchParamsRef.current((current) => writeCatalogueParams(current, { q }), { replace: true }),
    [],
  );
  const [draft, setDraft, flushSearch] = useDebouncedSearch(params.q, writeSearch);

  // A filter chosen while a search is still being typed applies both at once.
  const setFilter = (change: Partial<CatalogueParams>) =>
    setSearchParams((current) => writeCatalogueParams(current, { q: flushSearch(), ...change }));
  // Ticking tools for the comparison changes no result: it replaces the history entry instead of adding one.
  const setCompare = (compare: string[]) =>
    setSearchParams((current) => writeCatalogueParams(current, { compare }), { replace: true });

  const { data, previousData, error, refetch, fetchMore, loading } = useQuery(CatalogueQuery, {
    variables: toCatalogueVariables(params),
  });
  // While a new search loads, the filters stay on screen with the previous counts; the results do not,
  // so that a card about to disappear cannot be ticked.
  const shown = data ?? (error ? undefined : previousData);
  const pending = data === undefined && loading;

  const categoryNames = useMemo(() => new Map((shown?.categories ?? []).map((c) => [c.slug, c.name])), [shown?.categories]);
  const toolNames = new Map((shown?.tools.edges ?? []).map((edge) => [edge.node.slug, edge.node.name]));
  const selection = params.compare.map((slug) => ({ slug, name: toolNames.get(slug) ?? rememberedToolName(slug) ?? slug }));

  return (
    <>
      <title>Catalogue — Mutualis</title>
      <h1>Catalogue des ressources d'IA</h1>
      <p className="lead">
        Les outils d'intelligence artificielle utilisés ou proposés aux collectivités, avec leur hébergement, leur
        niveau de risque au sens de l'AI Act et leur prix d'entrée. Chaque chiffre renvoie à sa source.
      </p>

      <form
        className="filters catalogue-search"
        role="search"
        aria-label="Rechercher dans le catalogue"
        onSubmit={(event) => {
          event.preventDefault();
          const q = flushSearch();
          setSearchParams((current) => writeCatalogueParams(current, { q }), { replace: true });
        }}
      >
        <div className="field field--grow">
          <label htmlFor={ids.search}>Rechercher un outil</label>
          <input
            id={ids.search}
            type="search"
            aria-label="Rechercher un outil"
            autoComplete="off"
            placeholder="Nom, usage, éditeur : « chatbot », « transcription »…"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.order}>Trier par</label>
          <select
            id={ids.order}
            value={effectiveOrder(params)}
            onChange={(event) => setFilter({ order: event.target.value as CatalogueParams['order'] })}
          >
            {ORDER_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </form>

      <QueryState data={shown} error={error} refetch={refetch}>
        {({ tools }) => {
          const nodes = tools.edges.map((edge) => edge.node);
          return (
            <div className="catalogue">
              <aside className="catalogue__filters" aria-label="Filtres">
                <CatalogueFilters connection={tools} categoryNames={categoryNames} params={params} onChange={setFilter} />
              </aside>
              <div className="catalogue__results results" aria-busy={pending || undefined}>
                <p className="results__count" aria-live="polite">
                  {pending ? (
                    <span className="results__pending">Recherche en cours…</span>
                  ) : (
                    <>
                      {tools.totalCount === 0 ? 'Aucun outil' : formatCount(tools.totalCount, 'outil', 'outils')}
                      {params.q.trim() ? ` pour « ${params.q.trim()} »` : null}
                    </>
                  )}
                </p>
                {pending ? null : (
                  <>
                    {nodes.length === 0 ? (
                      <p>Aucun outil ne correspond à ces critères : retirez un filtre ou modifiez la recherche.</p>
                    ) : null}
                    <section aria-label="Catalogue des outils" className="tool-grid">
                      {nodes.map((tool) => (
                        <ToolCard
                          key={tool.id}
                          tool={tool}
                          compare={{
                            checked: params.compare.includes(tool.slug),
                            onChange: (checked) => {
                              if (checked) rememberToolName(tool.slug, tool.name);
                              setCompare(toggle(params.compare, tool.slug, checked));
                            },
                          }}
                        />
                      ))}
                    </section>
                    {tools.pageInfo.hasNextPage ? (
                      <LoadMoreButton onLoadMore={() => fetchMore({ variables: { after: tools.pageInfo.endCursor } })} />
                    ) : null}
                  </>
                )}
              </div>
            </div>
          );
        }}
      </QueryState>

      <CompareBar selection={selection} onRemove={(slug) => setCompare(toggle(params.compare, slug, false))} onClear={() => setCompare([])} />
    </>
  );
}
