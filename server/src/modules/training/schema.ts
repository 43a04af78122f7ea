import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { TrainingAudience as AudienceValues, TrainingFormat as FormatValues } from '@mutualis/db/enums';
import { builder } from '../../graphql/builder.ts';
import { prismaEnum } from '../../graphql/enums.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';
import { isFree } from './rules.ts';
import { checkedFilter, countTrainings, declarationScope, declareTraining, findTrainings, trainingVisibility, type TrainingFilter } from './service.ts';

// The training catalogue (public, sourced: provider, audiences, format, duration, cost, language, source and date;
// demonstration entries say so) and what organizations declare of the agents and elected officials they trained.
// The statistics by territory of those declarations are in statistics/training-schema.ts.

export const TrainingAudience = prismaEnum('TrainingAudience', AudienceValues, 'Public d’une formation : agents, DSI et équipes numériques, élus.');
export const TrainingFormat = prismaEnum('TrainingFormat', FormatValues, 'Format : en présentiel, à distance (classe virtuelle), hybride, en autonomie (e-learning).');

export const Training = builder.prismaNode('Training', {
  description: 'Formation à l’IA recensée, avec sa source et sa date ; les entrées de démonstration sont signalées (isDemo).',
  id: { field: 'id' },
  ...visibleTo('Training', trainingVisibility),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    title: t.exposeString('title'),
    provider: t.exposeString('provider', { description: 'L’organisme qui la propose.' }),
    description: t.exposeString('description'),
    audiences: t.field({ type: [TrainingAudience], resolve: (tr) => tr.audiences }),
    format: t.expose('format', { type: TrainingFormat }),
    durationHours: t.expose('durationHours', { type: 'Decimal', nullable: true, description: 'Durée en heures ; null : non communiquée.' }),
    cost: t.expose('cost', { type: 'Decimal', nullable: true, description: 'Coût par personne, euros HT ; null : gratuit ou non communiqué (voir costNote).' }),
    costNote: t.exposeString('costNote', { nullable: true, description: 'Précision sur le coût (« sur devis », « gratuit pour les agents publics »…).' }),
    isFree: t.boolean({ description: 'Gratuite : coût nul, ou sans coût ni précision.', resolve: (tr) => isFree(tr) }),
    language: t.exposeString('language', { description: 'Langue (code ISO 639-1, « fr »).' }),
    sourceUrl: t.exposeString('sourceUrl', { description: 'Page publique où l’offre est décrite.' }),
    sourceDate: t.expose('sourceDate', { type: 'DateTime', description: 'Date de consultation de la source.' }),
    isDemo: t.exposeBoolean('isDemo', { description: 'Entrée de démonstration (fictive).' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const TrainingFilterInput = builder.inputType('TrainingFilter', {
  description: 'Filtres du catalogue des formations ; ils se combinent.',
  fields: (t) => ({
    audience: t.field({ type: TrainingAudience, required: false }),
    format: t.field({ type: TrainingFormat, required: false }),
    maxCost: t.field({ type: 'Decimal', required: false, description: 'Coût maximal par personne, euros HT (les formations gratuites y sont).', extensions: { column: 'Training.cost' } }),
    search: t.string({ required: false, description: 'Mots cherchés dans le titre, l’organisme et la description (100 caractères au plus).' }),
  }),
});

builder.prismaObject('TrainingDeclaration', {
  description: 'Agents et élus formés à l’IA une année, déclarés par la collectivité (chiffres publics).',
  fields: (t) => ({
    year: t.exposeInt('year'),
    agentsTrained: t.exposeInt('agentsTrained'),
    electedTrained: t.exposeInt('electedTrained'),
    isDemo: t.exposeBoolean('isDemo', { description: 'Déclaration de démonstration (fictive).' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'Dernière déclaration de ces chiffres.' }),
  }),
});

builder.prismaObjectFields('Organization', (t) => ({
  trainingDeclarations: t.relation('trainingDeclarations', {
    description: 'Personnes formées à l’IA déclarées par la collectivité, l’année la plus récente d’abord (20 années au plus).',
    query: { orderBy: { year: 'desc' }, take: 20 },
  }),
}));

builder.queryFields((t) => ({
  trainings: t.connection(
    {
      type: Training,
      description: 'Le catalogue des formations à l’IA (public), les entrées sourcées avant celles de démonstration, 50 par page au plus.',
      args: { filter: t.arg({ type: TrainingFilterInput, required: false }) },
      resolve: async (_root, args, ctx) => {
        const filter = checkedFilter(args.filter as TrainingFilter | null);
        return { ...(await resolveOffsetConnection({ args, defaultSize: 20, maxSize: 50 }, ({ offset, limit }) => findTrainings(ctx, filter, limit, offset))), filter };
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (connection, _a, ctx) => countTrainings(ctx, (connection as unknown as { filter: TrainingFilter }).filter) }) }) },
  ),
}));

builder.mutationFields((t) => ({
  declareTraining: t.withAuth({ loggedIn: true }).prismaField({
    type: 'TrainingDeclaration',
    description: 'Déclare les agents et élus de sa collectivité formés à l’IA une année (membres approuvés) ; remplace les chiffres déjà déclarés pour cette année.',
    errors: {},
    args: { year: t.arg.int(), agentsTrained: t.arg.int(), electedTrained: t.arg.int() },
    authScopes: (_p, _a, ctx) => declarationScope(ctx),
    resolve: (query, _p, args, ctx) => declareTraining(ctx, args, query),
  }),
}));
