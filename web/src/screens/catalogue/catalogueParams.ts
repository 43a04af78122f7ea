import type { AiActRiskTier, CatalogueFilter, CatalogueOrder, CatalogueOrderField, OrderDirection } from '../../gql/graphql';

// The catalogue's search, filters, order and comparison selection live in the URL query string, so that a
// search can be bookmarked, shared and restored by the back button:
//   /catalogue?q=chatbot&ue=1&hebergement-inconnu=1&categorie=chatbot-citoyen,traduction&pays=FR&risque=LIMITED&snc=1&libre=1&note=4&tri=PRICE
//   &comparer=albert,le-chat-pro
// Lists are comma-separated (slugs, country codes and tiers never contain a comma).

export const CATALOGUE_PAGE_SIZE = 20;

export const ORDER_OPTIONS = [
  { value: 'RELEVANCE', label: 'Pertinence' },
  { value: 'NAME', label: 'Nom' },
  { value: 'RATING', label: 'Note' },
  { value: 'ADOPTION', label: 'Adoption' },
  { value: 'PRICE', label: 'Prix' },
] as const satisfies readonly { value: CatalogueOrderField; label: string }[];

/**
 * The direction each order reads best in. The API defaults every order to ASC, which for RELEVANCE would put
 * the weakest matches first: the direction is always sent.
 */
export const ORDER_DIRECTIONS: Record<CatalogueOrderField, OrderDirection> = {
  RELEVANCE: 'DESC',
  NAME: 'ASC',
  RATING: 'DESC',
  ADOPTION: 'DESC',
  PRICE: 'ASC',
};

export const MIN_RATING_OPTIONS = [
  { value: '', label: 'Toutes les notes' },
  { value: '2', label: '2 / 5 et plus' },
  { value: '3', label: '3 / 5 et plus' },
  { value: '3.5', label: '3,5 / 5 et plus' },
  { value: '4', label: '4 / 5 et plus' },
  { value: '4.5', label: '4,5 / 5 et plus' },
] as const;

const AI_ACT_TIERS: readonly AiActRiskTier[] = ['MINIMAL', 'LIMITED', 'HIGH', 'PROHIBITED'];

/** The comparison takes 2 to 4 tools. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export interface CatalogueParams {
  q: string;
  categories: string[];
  countries: string[];
  euOnly: boolean;
  /** `hebergement-inconnu`: with euOnly, the tools whose hosting country is not provided too. */
  includeUnknownHosting: boolean;
  tiers: AiActRiskTier[];
  secNumCloud: boolean;
  openSource: boolean;
  /** "" or one of MIN_RATING_OPTIONS. */
  minRating: string;
  /** "" when the URL names no order: the API's default (relevance when searching, else name). */
  order: CatalogueOrderField | '';
  /** Tools ticked for the comparison, in the order they were ticked. */
  compare: string[];
  /** `fournisseur`: one provider's tools (a provider lands there after signing in); "" for all. */
  provider: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const COUNTRY = /^[A-Z]{2}$/;

function list(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((item) => item.trim()).filter(Boolean))];
}

/** Reads the URL; values that are not well formed are ignored rather than sent to the server. */
export function readCatalogueParams(searchParams: URLSearchParams): CatalogueParams {
  const order = searchParams.get('tri');
  const minRating = searchParams.get('note') ?? '';
  return {
    q: searchParams.get('q') ?? '',
    categories: list(searchParams.get('categorie')).filter((slug) => SLUG.test(slug)),
    countries: list(searchParams.get('pays'))
      .map((code) => code.toUpperCase())
      .filter((code) => COUNTRY.test(code)),
    euOnly: searchParams.get('ue') === '1',
    includeUnknownHosting: searchParams.get('hebergement-inconnu') === '1',
    tiers: list(searchParams.get('risque')).filter((tier): tier is AiActRiskTier => (AI_ACT_TIERS as string[]).includes(tier)),
    secNumCloud: searchParams.get('snc') === '1',
    openSource: searchParams.get('libre') === '1',
    minRating: MIN_RATING_OPTIONS.some((option) => option.value !== '' && option.value === minRating) ? minRating : '',
    order: ORDER_OPTIONS.find((option) => option.value === order)?.value ?? '',
    compare: list(searchParams.get('comparer')).filter((slug) => SLUG.test(slug)),
    provider: SLUG.test(searchParams.get('fournisseur') ?? '') ? (searchParams.get('fournisseur') ?? '') : '',
  };
}

/** Applies a change to the URL parameters, keeping the ones it does not mention. */
export function writeCatalogueParams(current: URLSearchParams, change: Partial<CatalogueParams>): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | undefined) => {
    if (value === undefined) return;
    if (value.trim()) next.set(key, value.trim());
    else next.delete(key);
  };
  const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? '1' : '');
  const join = (values: readonly string[] | undefined) => values?.join(',');
  set('q', change.q);
  set('categorie', join(change.categories));
  set('pays', join(change.countries));
  set('ue', flag(change.euOnly));
  set('hebergement-inconnu', flag(change.includeUnknownHosting));
  set('risque', join(change.tiers));
  set('snc', flag(change.secNumCloud));
  set('libre', flag(change.openSource));
  set('note', change.minRating);
  set('tri', change.order);
  set('comparer', join(change.compare));
  set('fournisseur', change.provider);
  return next;
}

/** The order the select shows when the URL names none: what the API does by default. */
export function effectiveOrder(params: CatalogueParams): CatalogueOrderField {
  return params.order || (params.q.trim() ? 'RELEVANCE' : 'NAME');
}

/** Query variables: only the criteria actually chosen, so that equal searches share a cache entry. */
export function toCatalogueVariables(params: CatalogueParams): {
  filter: CatalogueFilter;
  search?: string;
  orderBy?: CatalogueOrder;
  first: number;
} {
  const filter: CatalogueFilter = {};
  if (params.categories.length) filter.categories = params.categories;
  if (params.countries.length) filter.hostingCountries = params.countries;
  if (params.euOnly) filter.euHostedOnly = true;
  if (params.euOnly && params.includeUnknownHosting) filter.includeUnknownHosting = true;
  if (params.tiers.length) filter.aiActRiskTiers = params.tiers;
  if (params.secNumCloud) filter.secNumCloud = true;
  if (params.openSource) filter.openSource = true;
  if (params.minRating) filter.minRating = Number(params.minRating);
  if (params.provider) filter.provider = params.provider;
  const search = params.q.trim();
  return {
    filter,
    ...(search ? { search } : {}),
    ...(params.order ? { orderBy: { field: params.order, direction: ORDER_DIRECTIONS[params.order] } } : {}),
    first: CATALOGUE_PAGE_SIZE,
  };
}

/** Adds or removes a slug, keeping the order of the selection. */
export function toggle<T>(values: readonly T[], value: T, on: boolean): T[] {
  const without = values.filter((item) => item !== value);
  return on ? [...without, value] : without;
}

/** Link to the comparison page for the selected tools. */
export function comparePath(slugs: readonly string[]): string {
  return `/comparer?${new URLSearchParams({ outils: slugs.join(',') }).toString().replace(/%2C/g, ',')}`;
}
