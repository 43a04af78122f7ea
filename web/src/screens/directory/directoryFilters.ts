import type { EpciType, OrganizationFilter, OrganizationKind } from '../../gql/graphql';

// The directory's search and filters live in the URL query string, so that a search can be
// bookmarked, shared and restored by the back button: ?q=besancon&type=EPCI&epci=CA&dep=25

export const KIND_OPTIONS = [
  { value: '', label: 'Toutes' },
  { value: 'COMMUNE', label: 'Communes' },
  { value: 'EPCI', label: 'EPCI' },
  { value: 'DEPARTEMENT', label: 'Départements' },
  { value: 'REGION', label: 'Régions' },
] as const satisfies readonly { value: OrganizationKind | ''; label: string }[];

export const EPCI_TYPE_OPTIONS = [
  { value: '', label: 'Tous les types' },
  { value: 'CC', label: 'Communautés de communes' },
  { value: 'CA', label: "Communautés d'agglomération" },
  { value: 'CU', label: 'Communautés urbaines' },
  { value: 'METRO', label: 'Métropoles' },
  { value: 'MET69', label: 'Métropole de Lyon' },
] as const satisfies readonly { value: EpciType | ''; label: string }[];

export interface DirectoryParams {
  q: string;
  kind: OrganizationKind | '';
  epciType: EpciType | '';
  departement: string;
}

function pick<T extends string>(value: string | null, options: readonly { value: T }[]): T | '' {
  return options.find((option) => option.value !== '' && option.value === value)?.value ?? '';
}

const DEPARTEMENT_CODE = /^(\d{2,3}|2[AB])$/;

/** Reads the URL; unknown values are ignored rather than sent to the server. */
export function readDirectoryParams(searchParams: URLSearchParams): DirectoryParams {
  const departement = (searchParams.get('dep') ?? '').trim().toUpperCase();
  return {
    q: searchParams.get('q') ?? '',
    kind: pick(searchParams.get('type'), KIND_OPTIONS),
    epciType: pick(searchParams.get('epci'), EPCI_TYPE_OPTIONS),
    departement: DEPARTEMENT_CODE.test(departement) ? departement : '',
  };
}

/** Applies a change to the URL parameters, keeping the ones it does not mention. */
export function writeDirectoryParams(current: URLSearchParams, change: Partial<DirectoryParams>): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | undefined) => {
    if (value === undefined) return;
    if (value.trim()) next.set(key, value.trim());
    else next.delete(key);
  };
  set('q', change.q);
  set('type', change.kind);
  set('epci', change.epciType);
  set('dep', change.departement);
  return next;
}

/** The GraphQL filter: only the criteria actually chosen, so equal searches share a cache entry. */
export function toOrganizationFilter(params: DirectoryParams): OrganizationFilter {
  const filter: OrganizationFilter = {};
  const search = params.q.trim();
  if (search) filter.search = search;
  if (params.epciType) {
    filter.kind = 'EPCI';
    filter.epciType = params.epciType;
  } else if (params.kind) {
    filter.kind = params.kind;
  }
  if (params.departement) filter.departement = params.departement;
  return filter;
}
