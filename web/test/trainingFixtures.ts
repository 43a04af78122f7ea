import type { ResultOf } from '@graphql-typed-document-node/core';
import type { TrainingStatistics_stats } from '../src/screens/training/TrainingStatistics';

// The training figures of a statistics answer (TrainingStatistics_stats), shared by the statistics and training tests.

type Training = ResultOf<typeof TrainingStatistics_stats>['training'];
type Count = Training['agentsTrained'];

const count = (value: number, demo: number): Count => ({ __typename: 'StatCount', count: value, demo });

type Row = Training['regions'][number];
const row = (key: string, label: string, declaring: [number, number], agents: [number, number], elected: [number, number]): Row => ({
  __typename: 'TrainingBreakdown',
  key,
  label,
  declaring: count(...declaring),
  agentsTrained: count(...agents),
  electedTrained: count(...elected),
});

/** Four demo métropoles (the seed's) and Besançon's real declaration of 2025: 110 agents, 12 élus. */
export function trainingStatsFixture(overrides: Partial<Training> = {}): Training {
  return {
    __typename: 'TrainingStats',
    organizations: 36249,
    firstYear: 2024,
    lastYear: 2025,
    declaring: { __typename: 'StatCount', count: 5, demo: 4, rate: 0.0001 },
    agentsTrained: count(680, 570),
    electedTrained: count(87, 75),
    byYear: [
      { __typename: 'TrainingYearFigure', year: 2024, declaring: count(2, 2), agentsTrained: count(210, 210), electedTrained: count(27, 27) },
      { __typename: 'TrainingYearFigure', year: 2025, declaring: count(4, 3), agentsTrained: count(590, 480), electedTrained: count(75, 63) },
    ],
    regions: [
      row('27', 'Bourgogne-Franche-Comté', [1, 0], [110, 0], [12, 0]),
      row('52', 'Pays de la Loire', [1, 1], [240, 240], [30, 30]),
      row('84', 'Auvergne-Rhône-Alpes', [0, 0], [0, 0], [0, 0]),
    ],
    departements: [row('25', 'Doubs', [1, 0], [110, 0], [12, 0])],
    ...overrides,
  };
}
