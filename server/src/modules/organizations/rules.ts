import { normalizeSearch } from '../../shared/text.ts';

// Rules of the directory of organizations and of their ethics charter.

export type CharterStatus = 'NONE' | 'PLANNED' | 'ADOPTED';

/** The longest directory search accepted. */
export const MAX_SEARCH_LENGTH = 100;

/** What a charter declaration writes: an adoption date only for an adopted charter, no address when there is none. */
export function charterColumns(status: CharterStatus, adoptedAt: Date | null | undefined, url: string | null) {
  return {
    charterStatus: status,
    charterAdoptedAt: status === 'ADOPTED' ? (adoptedAt ?? null) : null,
    charterUrl: status === 'NONE' ? null : url,
    charterIsDemo: false,
  };
}

/** The charter columns an audit event keeps, before and after. */
export const charterOf = (o: { charterStatus: CharterStatus; charterAdoptedAt: Date | null; charterUrl: string | null }) => ({
  charterStatus: o.charterStatus,
  charterAdoptedAt: o.charterAdoptedAt,
  charterUrl: o.charterUrl,
});

export interface DirectoryFilter<Kind extends string, Epci extends string> {
  kind?: Kind | null;
  epciType?: Epci | null;
  departement?: string | null;
  region?: string | null;
  search?: string | null;
}

interface DirectoryConditions<Kind, Epci> {
  kind?: Kind;
  epciType?: Epci;
  departementCode?: string;
  regionCode?: string;
}

/** The directory's filters but the search (ranked in SQL: loaders.ts) as column conditions. */
export function directoryConditions<Kind extends string, Epci extends string>(
  filter: DirectoryFilter<Kind, Epci> | null | undefined,
): DirectoryConditions<Kind, Epci> {
  if (!filter) return {};
  return {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.epciType ? { epciType: filter.epciType } : {}),
    ...(filter.departement ? { departementCode: filter.departement.toUpperCase() } : {}),
    ...(filter.region ? { regionCode: filter.region } : {}),
  };
}

/** What a search box holds: a SIREN, a commune's INSEE code, or words of a name. */
export type OrganizationSearch =
  | { by: 'siren'; value: string }
  | { by: 'insee'; value: string }
  | { by: 'name'; phrase: string; words: string[] };

// « St-Denis », « Ste-Marie »: the registry spells communes « Saint-… », « Sainte-… ».
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte' };

/**
 * A name as the searchName column holds it (lower case, no accents, hyphens and apostrophes as spaces: « Saint-Denis »,
 * « SAINT DENIS » and « saint-dénis » are one), with « St »/« Ste » written out as the registry writes them.
 */
export function normalizeOrganizationName(text: string): string {
  return normalizeSearch(text)
    .split(' ')
    .filter(Boolean)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}

const SIREN = /^\d{9}$/;
// five characters: two digits or Corsica's 2A/2B, then three digits (overseas communes: 971xx to 976xx)
const INSEE = /^(\d{2}|2[AB])\d{3}$/;

/** Reads a search: nine digits (spaces allowed) are a SIREN, a commune code (`25532`, `2A004`) an INSEE code, anything else a name; null when nothing is left to search. */
export function parseOrganizationSearch(text: string): OrganizationSearch | null {
  const compact = text.replace(/\s/g, '').toUpperCase();
  if (SIREN.test(compact)) return { by: 'siren', value: compact };
  if (INSEE.test(compact)) return { by: 'insee', value: compact };
  const phrase = normalizeOrganizationName(text);
  return phrase ? { by: 'name', phrase, words: phrase.split(' ') } : null;
}

/** Below this length a phrase is not compared by trigram similarity (too many look-alikes). */
export const FUZZY_MIN_LENGTH = 4;

/** The trigram similarity of a look-alike that a search still shows (a typo such as « bezancon »). */
export const FUZZY_SIMILARITY = 0.5;

