import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { SearchField, SearchForm, SelectField } from '../../components/Form';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatCount, formatInteger } from '../../lib/format';
import { useDebouncedSearch } from '../../lib/useDebouncedSearch';
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
import './catalogue.css';

export const CatalogueQuery = graphql(`
  query CatalogueQuery($filter: CatalogueFilter, $search: String, $orderBy: CatalogueOrder, $first: Int!, $after: String) {
    categories {
      id
      slug
      name
    }
    catalogueReferenceProfile {
      population
      seats
      requestsPerMonth
      tokensPerRequest
      years
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

  const search = useDebouncedSearch(params.q, (current, q) => writeCatalogueParams(current, { q }));

  // A filter chosen while a search is still being typed applies both at once.
  const setFilter = (change: Partial<CatalogueParams>) =>
    setSearchParams((current) => writeCatalogueParams(current, { q: search.flush(), ...change }));
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
      {params.provider ? (
        <p className="notice" role="status">
          Outils du fournisseur « {params.provider} » seulement.{' '}
          <button type="button" className="link-button" onClick={() => setFilter({ provider: '' })}>
            Voir tout le catalogue
          </button>
        </p>
      ) : null}

      <SearchForm label="Rechercher dans le catalogue" className="catalogue-search" onSearch={() => search.write(search.flush())}>
        <SearchField
          label="Rechercher un outil"
          placeholder="Nom, usage, éditeur : « chatbot », « transcription »…"
          value={search.draft}
          onChange={search.setDraft}
        />
        <SelectField label="Trier par" options={ORDER_OPTIONS} value={effectiveOrder(params)} onChange={(order) => setFilter({ order })} />
      </SearchForm>

      <QueryState data={shown} error={error} refetch={refetch}>
        {({ tools, catalogueReferenceProfile: profile }) => {
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
                <p className="catalogue__profile">
                  Le coût annuel estimé de chaque outil, celui du tri par prix, vaut pour un profil de référence :{' '}
                  {formatInteger(profile.population)} habitants, {formatInteger(profile.seats)} agents utilisateurs,{' '}
                  {formatInteger(profile.requestsPerMonth)} requêtes par mois ({formatInteger(profile.tokensPerRequest)} jetons
                  chacune), frais de mise en service répartis sur {formatInteger(profile.years)} ans ; l’offre la moins chère
                  pour ce profil est retenue, paliers et minimums compris.
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
                    <LoadMore pageInfo={tools.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />
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
