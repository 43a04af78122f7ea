import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router-dom';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { formatCount } from '../../lib/format';
import { ToolCard } from './ToolCard';

export const CatalogueQuery = graphql(`
  query CatalogueQuery($after: String) {
    categories {
      id
      slug
      name
      toolCount
    }
    tools(first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          category {
            id
            slug
          }
          ...ToolCard_tool
        }
      }
    }
  }
`);

export function CataloguePage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const selected = searchParams.get('categorie') ?? '';
  const { data, error, refetch, fetchMore } = useQuery(CatalogueQuery);

  return (
    <>
      <title>Catalogue — Mutualis</title>
      <h1>Catalogue des ressources d'IA</h1>
      <p className="lead">
        Les outils d'intelligence artificielle utilisés ou proposés aux collectivités, avec leur hébergement, leur
        niveau de risque au sens de l'AI Act et leur prix d'entrée. Chaque chiffre renvoie à sa source.
      </p>
      <QueryState data={data} error={error} refetch={refetch}>
        {({ categories, tools }) => {
          const all = tools.edges.flatMap((edge) => (edge.node ? [edge.node] : []));
          const category = categories.find((c) => c.slug === selected);
          // Client-side filter over the loaded page (the catalogue is small); unknown slugs show everything.
          const shown = category ? all.filter((tool) => tool.category.slug === category.slug) : all;
          const choose = (slug: string) =>
            setSearchParams((current) => {
              const next = new URLSearchParams(current);
              if (slug) next.set('categorie', slug);
              else next.delete('categorie');
              return next;
            });
          return (
            <>
              <div className="chips" role="group" aria-label="Filtrer par catégorie">
                <button type="button" className="chip" aria-pressed={!category} onClick={() => choose('')}>
                  Toutes <span className="chip__count">({tools.totalCount})</span>
                </button>
                {categories
                  .filter((c) => c.toolCount > 0)
                  .map((c) => (
                    <button
                      key={c.id}
                      type="button"
                      className="chip"
                      aria-pressed={category?.slug === c.slug}
                      onClick={() => choose(c.slug)}
                    >
                      {c.name} <span className="chip__count">({c.toolCount})</span>
                    </button>
                  ))}
              </div>
              <p className="results__count" aria-live="polite">
                {formatCount(shown.length, 'outil', 'outils')}
                {category ? ` dans la catégorie « ${category.name} »` : null}
              </p>
              <section aria-label="Catalogue des outils" className="tool-grid">
                {shown.map((tool) => (
                  <ToolCard key={tool.id} tool={tool} />
                ))}
              </section>
              {tools.pageInfo.hasNextPage ? (
                <LoadMoreButton onLoadMore={() => fetchMore({ variables: { after: tools.pageInfo.endCursor } })} />
              ) : null}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
