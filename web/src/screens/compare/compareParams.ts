import type { UsageProfileInput } from '../../gql/graphql';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { parseIntegerInput } from '../../lib/format';

// The comparison lives in the URL, so that it can be shared, bookmarked and printed again:
//   /comparer?outils=albert,le-chat-pro,api-mistral&siren=242500361&sieges=50&requetes=20000&annees=3
// `outils` alone (a link from the catalogue) fills the selection without comparing yet; the profile
// parameters, written by « Comparer », make the page compare.

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;
export const DEFAULT_YEARS = '3';

/** What the form holds and the URL carries: the numbers as typed, checked before they are sent. */
export interface CompareParams {
  slugs: string[];
  siren: string;
  population: string;
  seats: string;
  requests: string;
  years: string;
  tokens: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const SIREN = /^\d{9}$/;

/** URL parameter of each profile field. */
const PROFILE_KEYS = {
  siren: 'siren',
  population: 'population',
  seats: 'sieges',
  requests: 'requetes',
  years: 'annees',
  tokens: 'jetons',
} as const satisfies Record<Exclude<keyof CompareParams, 'slugs'>, string>;

/** The API's name for each profile field, as its field errors name them. */
export const PROFILE_FIELDS = ['slugs', 'organizationSiren', 'population', 'seats', 'requestsPerMonth', 'years', 'tokensPerRequest'] as const;

export function readCompareParams(searchParams: URLSearchParams): CompareParams {
  const slugs = (searchParams.get('outils') ?? '')
    .split(',')
    .map((slug) => slug.trim())
    .filter((slug) => SLUG.test(slug));
  const get = (key: string) => (searchParams.get(key) ?? '').trim();
  return {
    slugs: [...new Set(slugs)],
    siren: get(PROFILE_KEYS.siren),
    population: get(PROFILE_KEYS.population),
    seats: get(PROFILE_KEYS.seats),
    requests: get(PROFILE_KEYS.requests),
    years: get(PROFILE_KEYS.years),
    tokens: get(PROFILE_KEYS.tokens),
  };
}

/** True when the URL carries a profile, that is, when « Comparer » was pressed (or such a link was shared). */
export function isSubmitted(searchParams: URLSearchParams): boolean {
  return Object.values(PROFILE_KEYS).some((key) => searchParams.has(key));
}

/** The URL of a submitted comparison: the selection and every profile field given (the duration always). */
export function writeCompareParams(params: CompareParams): URLSearchParams {
  const next = new URLSearchParams();
  if (params.slugs.length) next.set('outils', params.slugs.join(','));
  for (const [field, key] of Object.entries(PROFILE_KEYS) as [keyof typeof PROFILE_KEYS, string][]) {
    const value = field === 'siren' ? params.siren.replace(/\s/g, '') : params[field].replace(/[\s\u00a0\u202f]/g, '');
    if (value) next.set(key, value);
  }
  if (!next.has(PROFILE_KEYS.years)) next.set(PROFILE_KEYS.years, DEFAULT_YEARS);
  return next;
}

/** Search string of a URL, with the commas of the tool list left readable. */
export function compareSearch(params: CompareParams): string {
  return `?${writeCompareParams(params).toString().replace(/%2C/g, ',')}`;
}

/**
 * The checks the API makes, done before sending so that the message appears at once next to the field;
 * keyed by the API's field names, like its ValidationError.
 */
export function validateCompareParams(params: CompareParams): FormErrors | undefined {
  const fields: FormErrors['fields'] = {};
  if (params.slugs.length < COMPARE_MIN || params.slugs.length > COMPARE_MAX) {
    fields['slugs'] = `Choisissez de ${COMPARE_MIN} à ${COMPARE_MAX} outils à comparer (${params.slugs.length} choisi${params.slugs.length > 1 ? 's' : ''}).`;
  }
  const siren = params.siren.replace(/\s/g, '');
  if (siren && !SIREN.test(siren)) fields['organizationSiren'] = 'Le SIREN doit comporter 9 chiffres.';
  const integer = (text: string, field: string, message: string, valid: (n: number) => boolean) => {
    if (!text.trim()) return;
    const value = parseIntegerInput(text);
    if (value === null || !valid(value)) fields[field] = message;
  };
  integer(params.population, 'population', 'La population doit être un nombre entier positif.', (n) => n > 0);
  integer(params.seats, 'seats', 'Le nombre d’utilisateurs doit être un nombre entier positif ou nul.', () => true);
  integer(params.requests, 'requestsPerMonth', 'Le nombre de requêtes par mois doit être un nombre entier positif ou nul.', () => true);
  integer(params.tokens, 'tokensPerRequest', 'Le nombre de jetons par requête doit être compris entre 1 et 1 000 000.', (n) => n > 0 && n <= 1_000_000);
  // Left empty, the duration is the API's default (3 years).
  integer(params.years, 'years', 'La durée doit être comprise entre 1 et 10 ans.', (n) => n >= 1 && n <= 10);
  return clientValidation(fields);
}

/** The query variables of a comparison whose parameters passed validateCompareParams. */
export function toCompareVariables(params: CompareParams): { slugs: string[]; profile: UsageProfileInput } {
  const profile: UsageProfileInput = {};
  const siren = params.siren.replace(/\s/g, '');
  if (siren) profile.organizationSiren = siren;
  const number = (text: string) => (text.trim() ? parseIntegerInput(text) : null);
  const population = number(params.population);
  if (population !== null) profile.population = population;
  const seats = number(params.seats);
  if (seats !== null) profile.seats = seats;
  const requests = number(params.requests);
  if (requests !== null) profile.requestsPerMonth = requests;
  profile.years = number(params.years) ?? Number(DEFAULT_YEARS);
  const tokens = number(params.tokens);
  if (tokens !== null) profile.tokensPerRequest = tokens;
  return { slugs: params.slugs, profile };
}
