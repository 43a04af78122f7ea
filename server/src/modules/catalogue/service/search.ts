import type { Context } from '../../../graphql/context.ts';
import { Checks } from '../../../graphql/validate.ts';
import { cheapestYearlyCost } from '../../comparison/service.ts';
import { loadCatalogueRows } from '../loaders.ts';
import { queryCatalogue, REFERENCE_PROFILE, type CatalogueFilter, type CatalogueOrder } from '../rules.ts';

export interface CatalogueSearch {
  filter?: CatalogueFilter | null;
  search?: string | null;
  orderBy?: CatalogueOrder | null;
  /** The page size asked for. */
  first?: number | null;
}

/** The catalogue's tools that match a search and filters, in order, with the facet counts; the caller pages them. */
export async function searchCatalogue(ctx: Context, args: CatalogueSearch) {
  new Checks()
    .check(!args.search || args.search.length <= 200, 'search', 'Recherche trop longue (200 caractères au plus).')
    .check(args.filter?.minRating == null || (args.filter.minRating >= 1 && args.filter.minRating <= 5), 'minRating', 'La note minimale doit être comprise entre 1 et 5.')
    .check((args.first ?? 0) <= 100, 'first', '100 outils au plus par page.')
    .done();
  const rows = (await loadCatalogueRows(ctx)).map((row) => ({ ...row, referencePrice: cheapestYearlyCost(row.plans, REFERENCE_PROFILE) }));
  return queryCatalogue(rows, { filter: args.filter, search: args.search, orderBy: args.orderBy ?? null });
}
