import type { ResultOf } from '@graphql-typed-document-node/core';
import type { StatisticsMapQuery, StatisticsQuery } from './queries';

type Success<T> = Extract<T, { __typename: 'QueryAdoptionStatsSuccess' }>;

/** The figures of a scope, as StatisticsQuery reads them. */
export type Stats = Success<ResultOf<typeof StatisticsQuery>['adoptionStats']>['data'];
/** The map's figures: régions and départements of all of France under the filters. */
export type MapStats = Success<ResultOf<typeof StatisticsMapQuery>['adoptionStats']>['data'];
/** One row of a breakdown (a région, a département, an EPCI type, a population band). */
export type Breakdown = MapStats['departements'][number];
export type Count = Stats['declaring'];
export type Amount = Stats['spend'];
