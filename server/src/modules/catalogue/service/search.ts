import type { Context } from '../../../graphql/context.ts';
import { Checks } from '../../../graphql/validate.ts';
import { loadCatalogueFacets, loadCataloguePage } from '../loaders.ts';
import { catalogueQuery, type CatalogueFacets, type CatalogueFilter, type CatalogueOrder } from '../rules.ts';

export interface CatalogueSearch {
  filter?: CatalogueFilter | null;
  search?: string | null;
  orderBy?: CatalogueOrder | null;
  /** The page size asked for. */
  first?: number | null;
}

export interface CatalogueSearchResult {
  /** One page: the ids of its tools in order, and how many tools match. */
  page(offset: number, limit: number): Promise<{ ids: number[]; totalCount: number }>;
  /** The facet counts, read only when the request asks for them. */
  facets(): Promise<CatalogueFacets>;
}

/** The catalogue's tools that match a search and filters, in order, with the facet counts; the caller pages them. */
export function searchCatalogue(ctx: Context, args: CatalogueSearch): CatalogueSearchResult {
  new Checks()
    .check(!args.search || args.search.length <= 200, 'search', 'Recherche trop longue (200 caractères au plus).')
    .check(args.filter?.minRating == null || (args.filter.minRating >= 1 && args.filter.minRating <= 5), 'minRating', 'La note minimale doit être comprise entre 1 et 5.')
    .check((args.first ?? 0) <= 100, 'first', '100 outils au plus par page.')
    .done();
  const query = catalogueQuery(args.filter, args.search, args.orderBy);
  let facets: Promise<CatalogueFacets> | undefined;
  return {
    page: (offset, limit) => loadCataloguePage(ctx, query, { offset, limit }),
    facets: () => (facets ??= loadCatalogueFacets(ctx, query)),
  };
}
