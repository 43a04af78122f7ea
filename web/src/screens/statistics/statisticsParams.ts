import type { EpciType, OrganizationKind, PopulationBand, StatsScopeInput } from '../../gql/graphql';

// The drill-down and the filters of the statistics live in the URL query string, so that a view can be
// bookmarked, shared and restored by the back button:
// /statistiques?region=27&departement=25&epci=242500361&epciType=METRO&organizationKind=COMMUNE&populationBand=UNDER_1000&indicateur=charter

export const POPULATION_BAND_LABELS: Record<PopulationBand, string> = {
  UNDER_1000: 'Moins de 1 000 habitants',
  FROM_1000_TO_3499: '1 000 à 3 499 habitants',
  FROM_3500_TO_9999: '3 500 à 9 999 habitants',
  FROM_10000_TO_49999: '10 000 à 49 999 habitants',
  FROM_50000_TO_199999: '50 000 à 199 999 habitants',
  FROM_200000: '200 000 habitants et plus',
};

const EPCI_TYPES: readonly EpciType[] = ['CC', 'CA', 'CU', 'METRO', 'MET69'];
const ORGANIZATION_KINDS: readonly OrganizationKind[] = ['COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'SYNDICAT', 'STATE'];
const POPULATION_BANDS = Object.keys(POPULATION_BAND_LABELS) as PopulationBand[];

/** What the map colours the départements by. */
export const INDICATORS = ['adoption', 'declaring', 'charter', 'deployments', 'spend'] as const;
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_LABELS: Record<Indicator, string> = {
  adoption: 'Taux d’adoption (outil en expérimentation ou en production)',
  declaring: 'Taux de collectivités déclarantes',
  charter: 'Taux de chartes éthiques adoptées',
  deployments: 'Nombre de déploiements déclarés',
  spend: 'Dépense annuelle déclarée (€ HT)',
};

export interface StatisticsParams {
  region: string;
  departement: string;
  /** SIREN of the EPCI. */
  epci: string;
  epciType: EpciType | '';
  organizationKind: OrganizationKind | '';
  populationBand: PopulationBand | '';
  indicator: Indicator;
}

const REGION_CODE = /^\d{2}$/;
const DEPARTEMENT_CODE = /^(\d{2,3}|2[AB])$/;
const SIREN = /^\d{9}$/;

function pick<T extends string>(value: string | null, values: readonly T[]): T | '' {
  return values.find((candidate) => candidate === value) ?? '';
}

function matching(value: string | null, pattern: RegExp): string {
  const trimmed = (value ?? '').trim().toUpperCase();
  return pattern.test(trimmed) ? trimmed : '';
}

/** Reads the URL; malformed or unknown values are ignored rather than sent to the server. */
export function readStatisticsParams(searchParams: URLSearchParams): StatisticsParams {
  return {
    region: matching(searchParams.get('region'), REGION_CODE),
    departement: matching(searchParams.get('departement'), DEPARTEMENT_CODE),
    epci: matching(searchParams.get('epci'), SIREN),
    epciType: pick(searchParams.get('epciType'), EPCI_TYPES),
    organizationKind: pick(searchParams.get('organizationKind'), ORGANIZATION_KINDS),
    populationBand: pick(searchParams.get('populationBand'), POPULATION_BANDS),
    indicator: pick(searchParams.get('indicateur'), INDICATORS) || 'adoption',
  };
}

const URL_KEYS: Record<keyof StatisticsParams, string> = {
  region: 'region',
  departement: 'departement',
  epci: 'epci',
  epciType: 'epciType',
  organizationKind: 'organizationKind',
  populationBand: 'populationBand',
  indicator: 'indicateur',
};

/** Applies a change to the URL parameters, keeping the ones it does not mention (the default indicator is left out). */
export function writeStatisticsParams(current: URLSearchParams, change: Partial<StatisticsParams>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(change) as [keyof StatisticsParams, string | undefined][]) {
    if (value === undefined) continue;
    const key = URL_KEYS[name];
    if (value && !(name === 'indicator' && value === 'adoption')) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** The query string (with its « ? », or empty) of a view. */
export function statisticsSearch(params: StatisticsParams, change: Partial<StatisticsParams> = {}): string {
  const search = writeStatisticsParams(new URLSearchParams(), { ...params, ...change }).toString();
  return search ? `?${search}` : '';
}

/** The filters that are not a place: the map keeps showing all of France under them. */
export function filterScope(params: StatisticsParams): StatsScopeInput {
  const scope: StatsScopeInput = {};
  if (params.epciType) scope.epciType = params.epciType;
  if (params.organizationKind) scope.organizationKind = params.organizationKind;
  if (params.populationBand) scope.populationBand = params.populationBand;
  return scope;
}

/** The GraphQL scope: only the criteria actually chosen, so equal views share a cache entry. */
export function toStatsScope(params: StatisticsParams): StatsScopeInput {
  const scope: StatsScopeInput = {};
  if (params.region) scope.region = params.region;
  if (params.departement) scope.departement = params.departement;
  if (params.epci) scope.epciSiren = params.epci;
  return { ...scope, ...filterScope(params) };
}

/** The query string of the open-data exports for a scope (`format=standard`: commas and decimal points). */
export function exportSearch(scope: StatsScopeInput, standard = false): string {
  const search = new URLSearchParams();
  for (const key of ['region', 'departement', 'epciSiren', 'epciType', 'organizationKind', 'populationBand'] as const) {
    const value = scope[key];
    if (value) search.set(key, value);
  }
  if (standard) search.set('format', 'standard');
  const text = search.toString();
  return text ? `?${text}` : '';
}
