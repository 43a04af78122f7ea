// The statistics' use cases, and what other modules (the open-data exports) read of the statistics.
export { assertScopeExists, checkScope, ORGANIZATIONS, POPULATION_BAND, scopeConditions, scopeSlug, TERRITORY_EPCI_TYPE, type StatsScope } from './scope.ts';
export { IN_USE_STATUSES, POPULATION_BANDS, POPULATION_BAND_KEYS, populationBand, type HostingZone, type PopulationBand } from './rules.ts';

/** One row of a statistics breakdown: a région, a département, an EPCI type or a population band of the scope. */
export interface BreakdownRow {
  dimension: 'REGION' | 'DEPARTEMENT' | 'EPCI_TYPE' | 'POPULATION_BAND';
  /** The région's or département's INSEE code, the EpciType, the PopulationBand key, or 'NONE' / 'UNKNOWN'. */
  key: string;
  label: string;
  organizations: number;
  /** Organizations with at least one deployment (any status); `…Demo`: those that have demo deployments only. */
  declaring: number;
  declaringDemo: number;
  /** Organizations with a deployment in use (PILOT or PRODUCTION). */
  adopting: number;
  adoptingDemo: number;
  chartersAdopted: number;
  chartersAdoptedDemo: number;
  chartersPlanned: number;
  chartersPlannedDemo: number;
  deployments: number;
  deploymentsDemo: number;
  /** Declared yearly spend of the deployments in use, euros HT (two decimals), and its demo part. */
  spend: string;
  spendDemo: string;
}
