import { builder } from '../../graphql/builder.ts';
import { countedConnection } from '../../graphql/counts.ts';
import type { ComparedTool } from '../comparison/service.ts';
import { organizationContractCount, providerContractCount, toolContractCount } from './loaders.ts';
import { DecpImportStatus } from './schema.ts';
import { contractOrder, PUBLIC_DECISION, providerPricesPaid, toolPricesPaid, type PricesPaid } from './service.ts';

// Where the contracts are shown: on a tool, a provider and an organization (CONFIRMED contracts only), prices paid
// on a tool, a provider and a row of the comparison, and the import runs for the admin progress screen.

const PricesPaidRef = builder.objectRef<PricesPaid>('PricesPaid').implement({
  description:
    'Prix payés par d’autres collectivités, d’après les marchés publics confirmés (DECP) : montant HT du marché (pour un ' +
    'accord-cadre, son maximum) par habitant de l’acheteur, arrondi au centime.',
  fields: (t) => ({
    contractCount: t.exposeInt('contractCount', { description: 'Marchés confirmés ayant un montant.' }),
    withPopulationCount: t.exposeInt('withPopulationCount', { description: 'Parmi eux, ceux dont la population de l’acheteur est connue (base des chiffres par habitant).' }),
    medianPerInhabitant: t.expose('medianPerInhabitant', { type: 'Decimal', nullable: true, description: 'Médiane, euros HT par habitant.' }),
    minPerInhabitant: t.expose('minPerInhabitant', { type: 'Decimal', nullable: true }),
    maxPerInhabitant: t.expose('maxPerInhabitant', { type: 'Decimal', nullable: true }),
    totalAmount: t.expose('totalAmount', { type: 'Decimal', nullable: true, description: 'Somme des montants HT.' }),
  }),
});

const CONFIRMED_FIRST = () => ({ where: { decision: PUBLIC_DECISION }, orderBy: contractOrder });

builder.prismaObjectFields('Tool', (t) => ({
  publicContracts: t.relatedConnection('publicContracts', {
    description: 'Marchés publics attribués (DECP) confirmés pour cet outil, les plus récents d’abord.',
    cursor: 'id',
    maxSize: 100,
    query: CONFIRMED_FIRST,
  }, countedConnection(toolContractCount)),
  pricesPaid: t.loadable({
    type: PricesPaidRef,
    description: 'Prix payés pour cet outil par d’autres collectivités (marchés confirmés).',
    resolve: (tool) => tool.id,
    load: (ids: readonly number[], ctx) => toolPricesPaid(ctx, ids),
  }),
}));

builder.prismaObjectFields('Organization', (t) => ({
  publicContracts: t.relatedConnection('publicContracts', {
    description: 'Marchés publics d’IA de cette collectivité (DECP, confirmés), les plus récents d’abord.',
    cursor: 'id',
    maxSize: 100,
    query: CONFIRMED_FIRST,
  }, countedConnection(organizationContractCount)),
}));

builder.prismaObjectFields('Provider', (t) => ({
  publicContracts: t.prismaConnection({
    type: 'PublicContract',
    description: 'Marchés publics attribués (DECP) confirmés où ce fournisseur est titulaire ou dont l’outil est le sien, les plus récents d’abord.',
    cursor: 'id',
    maxSize: 100,
    totalCount: (provider, _args, ctx) => providerContractCount(ctx, provider.id),
    resolve: (query, provider, _args, ctx) =>
      ctx.prisma.publicContract.findMany({
        ...query,
        where: { decision: PUBLIC_DECISION, OR: [{ holders: { some: { providerId: provider.id } } }, { tool: { providerId: provider.id } }] },
        orderBy: contractOrder,
      }),
  }),
  pricesPaid: t.loadable({
    type: PricesPaidRef,
    description: 'Prix payés à ce fournisseur par les collectivités (marchés confirmés).',
    resolve: (provider) => provider.id,
    load: (ids: readonly number[], ctx) => providerPricesPaid(ctx, ids),
  }),
}));

// a row of the comparison (comparison/schema.ts), extended from here so that module stays as it is
const ToolComparisonRow = 'ToolComparison' as unknown as ReturnType<typeof builder.objectRef<ComparedTool>>;
builder.objectFields(ToolComparisonRow, (t) => ({
  pricesPaid: t.loadable({
    type: PricesPaidRef,
    description: 'Ligne « prix payés par d’autres collectivités » : marchés publics confirmés de cet outil.',
    resolve: (row) => row.tool.id,
    load: (ids: readonly number[], ctx) => toolPricesPaid(ctx, ids),
  }),
  providerPricesPaid: t.loadable({
    type: PricesPaidRef,
    description: 'Les mêmes chiffres pour tous les marchés confirmés du fournisseur de l’outil.',
    resolve: (row) => row.tool.providerId,
    load: (ids: readonly number[], ctx) => providerPricesPaid(ctx, ids),
  }),
}));

// ----------------------------------------------------------------------------- import runs (ADMIN)

const ImportErrorRef = builder.objectRef<{ position: number; path: string; reason: string }>('DecpImportError').implement({
  description: 'Enregistrement écarté : sa position (0 pour le premier du fichier), son chemin dans le fichier et la raison.',
  fields: (t) => ({ position: t.exposeInt('position'), path: t.exposeString('path'), reason: t.exposeString('reason') }),
});

builder.prismaObject('DecpImport', {
  description: 'Une importation DECP et sa progression (compteurs mis à jour après chaque lot écrit).',
  fields: (t) => ({
    id: t.exposeInt('id'),
    source: t.exposeString('source'),
    status: t.expose('status', { type: DecpImportStatus }),
    formatVersion: t.exposeString('formatVersion', { nullable: true }),
    readCount: t.exposeInt('readCount', { description: 'Enregistrements lus.' }),
    keptCount: t.exposeInt('keptCount', { description: 'Marchés retenus par le classement (KEPT).' }),
    linkedCount: t.exposeInt('linkedCount', { description: 'Marchés retenus reliés à une collectivité du référentiel ou à un fournisseur du catalogue.' }),
    rejectedCount: t.exposeInt('rejectedCount', { description: 'Marchés écartés par le classement (pas d’IA).' }),
    invalidCount: t.exposeInt('invalidCount', { description: 'Enregistrements malformés, écartés sans rien écrire.' }),
    position: t.exposeInt('position', { description: 'Enregistrements traités : une reprise repart de là.' }),
    errors: t.field({
      type: [ImportErrorRef],
      description: 'Les 1 000 premiers enregistrements écartés, avec leur position et la raison.',
      select: { errors: true },
      resolve: (run) => run.errors as { position: number; path: string; reason: string }[],
    }),
    failure: t.exposeString('failure', { nullable: true, description: 'Pourquoi l’importation entière a échoué.' }),
    ratePerSecond: t.int({
      description: 'Enregistrements lus par seconde depuis le début.',
      select: { readCount: true, startedAt: true, updatedAt: true },
      resolve: (run) => {
        const ms = run.updatedAt.getTime() - run.startedAt.getTime();
        return ms > 0 ? Math.round((run.readCount * 1000) / ms) : 0;
      },
    }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  decpImports: t.prismaConnection({
    type: 'DecpImport',
    description: 'Importations DECP, les plus récentes d’abord (administrateurs).',
    cursor: 'id',
    maxSize: 100,
    authScopes: { admin: true },
    totalCount: (_p, _a, ctx) => ctx.prisma.decpImport.count(),
    resolve: (query, _p, _a, ctx) => ctx.prisma.decpImport.findMany({ ...query, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }] }),
  }),
  decpImport: t.prismaField({
    type: 'DecpImport',
    nullable: true,
    description: 'Une importation DECP, pour suivre sa progression (administrateurs).',
    authScopes: { admin: true },
    args: { id: t.arg.int() },
    resolve: (query, _p, args, ctx) => ctx.prisma.decpImport.findUnique({ ...query, where: { id: args.id } }),
  }),
}));
