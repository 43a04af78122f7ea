// The statistics' training figures: the agents and elected officials trained that the organizations of the scope
// declared (latest year per organization, see training-loaders.ts), by territory and per year, each with its demo part.
import { builder } from '../../graphql/builder.ts';
import { BreakdownDimension, StatCount } from './figures-schema.ts';
import { AdoptionStats } from './schema.ts';
import { breakdownLabel, type StatsData } from './service.ts';
import type { TrainingGroup, TrainingYear } from './training-loaders.ts';

const TrainingYearFigure = builder.objectRef<TrainingYear>('TrainingYearFigure').implement({
  description: 'Les déclarations d’une année : collectivités, agents et élus formés cette année-là.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    declaring: t.field({ type: StatCount, description: 'Collectivités qui ont déclaré cette année.', resolve: (y) => ({ count: y.declaring, demo: y.declaringDemo }) }),
    agentsTrained: t.field({ type: StatCount, resolve: (y) => ({ count: y.agents, demo: y.agentsDemo }) }),
    electedTrained: t.field({ type: StatCount, resolve: (y) => ({ count: y.elected, demo: y.electedDemo }) }),
  }),
});

type Row = TrainingGroup & { label: string };

const TrainingBreakdown = builder.objectRef<Row>('TrainingBreakdown').implement({
  description: 'Les formations déclarées d’une région, d’un département, d’un type d’EPCI ou d’une tranche de population du périmètre.',
  fields: (t) => ({
    dimension: t.field({ type: BreakdownDimension, resolve: (r) => r.dimension as never }),
    key: t.string({ description: 'Code INSEE, type d’EPCI ou tranche ; NONE / UNKNOWN quand non renseigné.', resolve: (r) => r.key }),
    label: t.string({ resolve: (r) => r.label }),
    organizations: t.int({ resolve: (r) => r.organizations }),
    declaring: t.field({ type: StatCount, resolve: (r) => ({ count: r.declaring, demo: r.declaringDemo, of: r.organizations }) }),
    agentsTrained: t.field({ type: StatCount, resolve: (r) => ({ count: r.agents, demo: r.agentsDemo }) }),
    electedTrained: t.field({ type: StatCount, resolve: (r) => ({ count: r.elected, demo: r.electedDemo }) }),
  }),
});

const totalOf = (data: StatsData) => data.training.groups.find((g) => g.dimension === 'TOTAL')!;

const TrainingStats = builder.objectRef<StatsData>('TrainingStats').implement({
  description:
    'Agents et élus formés à l’IA que les collectivités du périmètre ont déclarés. Chaque collectivité compte une fois, avec sa ' +
    'dernière année déclarée (additionner les années compterait deux fois une personne formée à nouveau) ; byYear donne chaque année.',
  fields: (t) => ({
    organizations: t.int({ description: 'Collectivités du périmètre.', resolve: (d) => totalOf(d).organizations }),
    declaring: t.field({ type: StatCount, description: 'Collectivités qui ont déclaré des formations ; taux sur les collectivités du périmètre.', resolve: (d) => ({ count: totalOf(d).declaring, demo: totalOf(d).declaringDemo, of: totalOf(d).organizations }) }),
    agentsTrained: t.field({ type: StatCount, description: 'Agents formés (dernière année déclarée de chaque collectivité).', resolve: (d) => ({ count: totalOf(d).agents, demo: totalOf(d).agentsDemo }) }),
    electedTrained: t.field({ type: StatCount, description: 'Élus formés (dernière année déclarée de chaque collectivité).', resolve: (d) => ({ count: totalOf(d).elected, demo: totalOf(d).electedDemo }) }),
    firstYear: t.int({ nullable: true, description: 'La plus ancienne des dernières années déclarées.', resolve: (d) => totalOf(d).firstYear }),
    lastYear: t.int({ nullable: true, description: 'La plus récente des années déclarées.', resolve: (d) => totalOf(d).lastYear }),
    byYear: t.field({ type: [TrainingYearFigure], description: 'Chaque année déclarée, de la plus ancienne à la plus récente.', resolve: (d) => d.training.years }),
    breakdown: t.field({
      type: [TrainingBreakdown],
      description: 'Les chiffres par région, département, type d’EPCI ou tranche de population, dans l’ordre des codes.',
      args: { by: t.arg({ type: BreakdownDimension, required: true }) },
      resolve: (d, { by }) =>
        d.training.groups
          .filter((g) => g.dimension === by)
          .map((g) => ({ ...g, label: breakdownLabel(d, g) }))
          .sort((a, b) => a.key.localeCompare(b.key, 'fr', { numeric: true })),
    }),
  }),
});

builder.objectField(AdoptionStats, 'training', (t) =>
  t.field({ type: TrainingStats, description: 'Formation à l’IA des agents et des élus, déclarée par les collectivités.', resolve: ({ data }) => data }),
);
