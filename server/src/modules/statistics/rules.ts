// Adoption statistics: the definitions every figure follows (pure; the SQL of loaders.ts applies them, the web and the
// data dictionary print them). Unit-tested in test/domain-statistics.test.ts.

/** Population bands of the statistics (population municipale; an EPCI's own population). */
export const POPULATION_BANDS = [
  { key: 'UNDER_1000', label: 'Moins de 1 000 habitants', min: 0, max: 999 },
  { key: 'FROM_1000_TO_3499', label: '1 000 à 3 499 habitants', min: 1000, max: 3499 },
  { key: 'FROM_3500_TO_9999', label: '3 500 à 9 999 habitants', min: 3500, max: 9999 },
  { key: 'FROM_10000_TO_49999', label: '10 000 à 49 999 habitants', min: 10_000, max: 49_999 },
  { key: 'FROM_50000_TO_199999', label: '50 000 à 199 999 habitants', min: 50_000, max: 199_999 },
  { key: 'FROM_200000', label: '200 000 habitants et plus', min: 200_000, max: null },
] as const;

export type PopulationBand = (typeof POPULATION_BANDS)[number]['key'];
export const POPULATION_BAND_KEYS = POPULATION_BANDS.map((b) => b.key) as PopulationBand[];

/** The band of a population, or null when it is unknown. */
export function populationBand(population: number | null | undefined): PopulationBand | null {
  if (population == null) return null;
  return POPULATION_BANDS.find((b) => population >= b.min && (b.max == null || population <= b.max))?.key ?? null;
}

/** A deployment "in use": an experiment (pilot) or production. Spend, vendors, hosting, AI Act and footprint count these. */
export const IN_USE_STATUSES = ['PILOT', 'PRODUCTION'] as const;

/**
 * Below this number of organizations, a spend figure of a public statistic is withheld (statistical confidentiality):
 * a scope of one or two collectivités would otherwise reveal what each pays. Auditors and administrators see it.
 */
export const SPEND_DISCLOSURE_MIN_ORGANIZATIONS = 3;

/** How many providers, tools, categories and abandonment reasons the statistics list. */
export const TOP_SIZE = 10;

/** Where a tool is hosted, for the statistics: France, another EU state, outside the EU, or not provided. */
export type HostingZone = 'FRANCE' | 'EU' | 'OUTSIDE_EU' | 'UNKNOWN';

/** Seconds a computed statistic stays in the cache when the data has not changed (a bound on a missed change). */
export const STATS_CACHE_SECONDS = 300;
