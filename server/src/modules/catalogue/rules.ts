// Catalogue search, filters, ordering and facets: pure functions over light rows, one per tool.
import { normalizeSearch } from '../../shared/text.ts';
import { dec } from '../../shared/money.ts';
import { EU_COUNTRIES } from '../../shared/validation.ts';

/** The 27 member states (ISO 3166-1 alpha-2), from the shared input rules. */
export { EU_COUNTRIES };

/** The profile the PRICE order compares plans on: a mid-sized collectivité, for one year. */
export const REFERENCE_PROFILE = { population: 50_000, seats: 50, requestsPerMonth: 20_000, years: 1 };

export interface CatalogueRow {
  id: number;
  name: string;
  description: string;
  providerName: string;
  categorySlug: string;
  categoryName: string;
  hostingCountry: string | null;
  aiActRiskTier: string | null;
  secNumCloud: boolean;
  openSource: boolean;
  /** Average overall rating of visible reviews, as a decimal string. */
  ratingAverage: string | null;
  /** Organizations using it in pilot or production. */
  adoptionCount: number;
  /** Yearly cost of the cheapest plan for the reference profile, in euros; null when unknown. */
  referencePrice: string | null;
}

export interface CatalogueFilter {
  categories?: readonly string[] | null;
  hostingCountries?: readonly string[] | null;
  euHostedOnly?: boolean | null;
  secNumCloud?: boolean | null;
  openSource?: boolean | null;
  aiActRiskTiers?: readonly string[] | null;
  minRating?: number | null;
}

export type CatalogueOrderField = 'RELEVANCE' | 'NAME' | 'RATING' | 'ADOPTION' | 'PRICE';
export interface CatalogueOrder {
  field: CatalogueOrderField;
  /** Default: best first — most relevant, best rated, most adopted; A to Z for names, cheapest for prices. */
  direction?: 'ASC' | 'DESC' | null;
}

const DEFAULT_DIRECTION: Record<CatalogueOrderField, 'ASC' | 'DESC'> = {
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

const WEIGHTS = { name: 10, provider: 6, category: 4, description: 2 } as const;

/**
 * Relevance of a tool for a query: every query word must appear (as a word prefix, plural-insensitive) in the
 * name, provider, category or description; a word found in the name weighs most. 0 means no match.
 */
export function relevance(row: CatalogueRow, query: string): number {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return 1;
  const fields = {
    name: searchTokens(row.name),
    provider: searchTokens(row.providerName),
    category: searchTokens(row.categoryName),
    description: searchTokens(row.description),
  };
  let score = 0;
  for (const token of tokens) {
    let best = 0;
    for (const [field, words] of Object.entries(fields) as [keyof typeof WEIGHTS, string[]][]) {
      if (words.some((w) => w.startsWith(token))) best = Math.max(best, WEIGHTS[field]);
    }
    if (best === 0) return 0;
    score += best;
  }
  return score;
}

type Dimension = 'categories' | 'hostingCountries' | 'aiActRiskTiers';

function matches(row: CatalogueRow, filter: CatalogueFilter, except?: Dimension): boolean {
  if (except !== 'categories' && filter.categories?.length && !filter.categories.includes(row.categorySlug)) return false;
  // UNKNOWN selects the tools whose hosting country is not provided, as the facet counts them
  if (except !== 'hostingCountries' && filter.hostingCountries?.length && !filter.hostingCountries.includes(row.hostingCountry ?? 'UNKNOWN')) return false;
  if (except !== 'aiActRiskTiers' && filter.aiActRiskTiers?.length && !filter.aiActRiskTiers.includes(row.aiActRiskTier ?? '')) return false;
  // an unknown hosting country is not "hosted in the EU"; the country facet ignores both hosting criteria
  if (except !== 'hostingCountries' && filter.euHostedOnly && !(row.hostingCountry && EU_COUNTRIES.has(row.hostingCountry))) return false;
  if (filter.secNumCloud && !row.secNumCloud) return false;
  if (filter.openSource && !row.openSource) return false;
  if (filter.minRating != null && !(row.ratingAverage != null && dec(row.ratingAverage).greaterThanOrEqualTo(filter.minRating))) return false;
  return true;
}

export interface Facet {
  value: string;
  count: number;
}

export interface CatalogueResult<R extends CatalogueRow> {
  rows: R[];
  facets: { categories: Facet[]; hostingCountries: Facet[]; aiActRiskTiers: Facet[] };
}

function facet<R extends CatalogueRow>(rows: R[], key: (row: R) => string | null): Facet[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = key(row) ?? 'UNKNOWN';
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

const byName = (a: CatalogueRow, b: CatalogueRow) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }) || a.id - b.id;

/** Nulls (unknown rating or price) always go last, whatever the direction. */
function compareNullable(a: string | number | null, b: string | number | null, direction: number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return dec(a).comparedTo(dec(b)) * direction;
}

/**
 * Filters, searches and orders the catalogue, and counts the facets: each facet counts the tools that match
 * every other criterion (so that choosing a category still shows how many tools the other categories hold).
 */
export function queryCatalogue<R extends CatalogueRow>(
  all: readonly R[],
  options: { filter?: CatalogueFilter | null; search?: string | null; orderBy?: CatalogueOrder | null },
): CatalogueResult<R> {
  const filter = options.filter ?? {};
  const search = options.search?.trim() ?? '';
  const scored = all.map((row) => ({ row, score: search ? relevance(row, search) : 1 })).filter((s) => s.score > 0);
  const order = options.orderBy ?? { field: search ? 'RELEVANCE' : 'NAME' };
  const direction = (order.direction ?? DEFAULT_DIRECTION[order.field]) === 'DESC' ? -1 : 1;
  const rows = scored
    .filter((s) => matches(s.row, filter))
    .sort((a, b) => {
      switch (order.field) {
        case 'RELEVANCE':
          return (a.score - b.score) * direction || byName(a.row, b.row);
        case 'NAME':
          return byName(a.row, b.row) * direction;
        case 'RATING':
          return compareNullable(a.row.ratingAverage, b.row.ratingAverage, direction) || byName(a.row, b.row);
        case 'ADOPTION':
          return (a.row.adoptionCount - b.row.adoptionCount) * direction || byName(a.row, b.row);
        case 'PRICE':
          return compareNullable(a.row.referencePrice, b.row.referencePrice, direction) || byName(a.row, b.row);
      }
    })
    .map((s) => s.row);
  const base = scored.map((s) => s.row);
  return {
    rows,
    facets: {
      categories: facet(base.filter((r) => matches(r, filter, 'categories')), (r) => r.categorySlug),
      hostingCountries: facet(base.filter((r) => matches(r, filter, 'hostingCountries')), (r) => r.hostingCountry),
      aiActRiskTiers: facet(base.filter((r) => matches(r, filter, 'aiActRiskTiers')), (r) => r.aiActRiskTier),
    },
  };
}

/** What a tool is found by in the catalogue: its name and description, its provider's and its category's names. */
export const toolSearchText = (tool: { name: string; description: string }, provider: string, category: string) =>
  normalizeSearch([tool.name, tool.description, provider, category].join(' '));
