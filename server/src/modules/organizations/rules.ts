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
  AND?: { searchName: { contains: string } }[];
}

/** The directory filter as column conditions; each word of the search must appear in the accent-free name. */
export function directoryConditions<Kind extends string, Epci extends string>(
  filter: DirectoryFilter<Kind, Epci> | null | undefined,
): DirectoryConditions<Kind, Epci> {
  if (!filter) return {};
  const words = filter.search ? normalizeSearch(filter.search).split(' ').filter(Boolean) : [];
  return {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.epciType ? { epciType: filter.epciType } : {}),
    ...(filter.departement ? { departementCode: filter.departement.toUpperCase() } : {}),
    ...(filter.region ? { regionCode: filter.region } : {}),
    ...(words.length ? { AND: words.map((word) => ({ searchName: { contains: word } })) } : {}),
  };
}
