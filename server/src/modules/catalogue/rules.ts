// Catalogue search, filters, ordering and facets: the rules the SQL of loaders.ts applies.
import { normalizeSearch } from '../../shared/text.ts';
import { EU_COUNTRIES } from '../../shared/validation.ts';

/** The 27 member states (ISO 3166-1 alpha-2), from the shared input rules. */
export { EU_COUNTRIES };

/**
 * The profile the PRICE order compares plans on, whatever their unit (per seat and month, per request, per inhabitant,
 * flat): a mid-sized collectivité (an agglomeration or a town of 50,000 inhabitants) where 50 agents use the tool and
 * send 20,000 requests a month of 1,000 tokens each. Its « coût annuel estimé » is the plan's cost over `years` (the
 * comparison page's default horizon, the usual length of a public contract) divided by `years`: a setup fee is spread
 * over those years rather than ignored or charged to the first. service/reference-cost.ts computes it with the
 * comparison's cost rules (tiers, minimum quantity, minimum annual amount); the database keeps it in ToolStats.
 */
export const REFERENCE_PROFILE = { population: 50_000, seats: 50, requestsPerMonth: 20_000, tokensPerRequest: 1000, years: 3 } as const;

export interface CatalogueFilter {
  categories?: readonly string[] | null;
  hostingCountries?: readonly string[] | null;
  euHostedOnly?: boolean | null;
  /** With euHostedOnly: also the tools whose hosting country is not provided. */
  includeUnknownHosting?: boolean | null;
  secNumCloud?: boolean | null;
  openSource?: boolean | null;
  aiActRiskTiers?: readonly string[] | null;
  minRating?: number | null;
  /** A provider's slug: its tools only. */
  provider?: string | null;
}

export type CatalogueOrderField = 'RELEVANCE' | 'NAME' | 'RATING' | 'ADOPTION' | 'PRICE';
export interface CatalogueOrder {
  field: CatalogueOrderField;
  /** Default: best first — most relevant, best rated, most adopted; A to Z for names, cheapest for prices. */
  direction?: 'ASC' | 'DESC' | null;
}

export const DEFAULT_DIRECTION: Record<CatalogueOrderField, 'ASC' | 'DESC'> = {
  RELEVANCE: 'DESC',
  NAME: 'ASC',
  RATING: 'DESC',
  ADOPTION: 'DESC',
  PRICE: 'ASC',
};

const STOPWORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'au', 'aux', 'en', 'pour', 'un', 'une', 'par', 'sur', 'dans', 'avec']);

/** French light stemming: plurals in -s / -x ("réseaux" → "reseau", "eaux" → "eau"). */
export function stem(word: string): string {
  if (word.length > 3 && (word.endsWith('s') || word.endsWith('x'))) return word.slice(0, -1);
  return word;
}

export function searchTokens(text: string): string[] {
  return normalizeSearch(text)
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w))
    .map(stem);
}

export interface Facet {
  value: string;
  count: number;
}

export interface CatalogueFacets {
  categories: Facet[];
  hostingCountries: Facet[];
  aiActRiskTiers: Facet[];
}

/** Most frequent value first, then alphabetical (French order). */
export const sortFacets = (facets: readonly Facet[]): Facet[] =>
  facets.map(({ value, count }) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr'));

/** A catalogue query as the database runs it: the filters, the search words (searchTokens) and the order. */
export interface CatalogueQuery {
  filter?: CatalogueFilter | null;
  tokens: readonly string[];
  order: CatalogueOrder;
}

/** The order of a query: by relevance with a search, by name without, unless asked otherwise. */
export const catalogueQuery = (filter: CatalogueFilter | null | undefined, search: string | null | undefined, orderBy: CatalogueOrder | null | undefined): CatalogueQuery => {
  const tokens = searchTokens(search ?? '');
  return { filter, tokens, order: orderBy ?? { field: tokens.length ? 'RELEVANCE' : 'NAME' } };
};

/** What a tool is found by in the catalogue: its name and description, its provider's and its category's names. */
export const toolSearchText = (tool: { name: string; description: string }, provider: string, category: string) =>
  normalizeSearch([tool.name, tool.description, provider, category].join(' '));
