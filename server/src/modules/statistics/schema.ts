import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { AiActRiskTier, ImpactMethod } from '../catalogue/schema.ts';
import { DeploymentStatus, ProcurementRoute } from '../deployments/schema.ts';
import { EpciType, OrganizationKind } from '../organizations/schema.ts';
import { BreakdownDimension, countFields, HostingZone, keyedCount, PopulationBand, StatAmount, StatCount, type AmountShape, type CountShape } from './figures-schema.ts';
import { adoptionStats, breakdownLabel, organizationDetailCount, organizationDetails, spendDisclosed, TOP_SIZE, type StatsData, type StatsScope } from './service.ts';
import type { DeploymentGroup } from './loaders.ts';

const StatsScopeInput = builder.inputType('StatsScopeInput', {
  description: 'Périmètre d’une statistique ; les critères se combinent. Vide : toute la France.',
  fields: (t) => ({
    region: t.string({ required: false, description: 'Code INSEE de la région (ex. « 27 »).' }),
    departement: t.string({ required: false, description: 'Code du département (ex. « 25 », « 2A », « 974 »).' }),
    epciSiren: t.string({ required: false, description: 'SIREN d’un EPCI : l’EPCI et ses communes membres.' }),
    epciType: t.field({ type: EpciType, required: false, description: 'Les EPCI de ce type et leurs communes membres.' }),
    organizationKind: t.field({ type: OrganizationKind, required: false }),
    populationBand: t.field({ type: PopulationBand, required: false }),
  }),
});

const StatsScopeEcho = builder.objectRef<StatsScope>('StatsScope').implement({
  fields: (t) => ({
    region: t.string({ nullable: true, resolve: (s) => s.region ?? null }),
    departement: t.string({ nullable: true, resolve: (s) => s.departement ?? null }),
    epciSiren: t.string({ nullable: true, resolve: (s) => s.epciSiren ?? null }),
    epciType: t.field({ type: EpciType, nullable: true, resolve: (s) => s.epciType ?? null }),
    organizationKind: t.field({ type: OrganizationKind, nullable: true, resolve: (s) => s.organizationKind ?? null }),
    populationBand: t.field({ type: PopulationBand, nullable: true, resolve: (s) => s.populationBand ?? null }),
  }),
});

const StatusCount = keyedCount('DeploymentStatusFigure', 'Déploiements d’une étape ; taux sur l’ensemble des déploiements.', DeploymentStatus);
const TierCount = keyedCount('AiActTierCount', 'Déploiements en usage d’outils d’un niveau AI Act ; taux sur les déploiements en usage.', AiActRiskTier);
const ZoneCount = keyedCount('HostingZoneCount', 'Déploiements en usage d’outils hébergés dans la zone ; taux sur les déploiements en usage.', HostingZone);
const ReasonCount = keyedCount('AbandonReasonCount', 'Déploiements abandonnés pour une raison ; taux sur les abandons.', 'String');

interface WithSpend extends CountShape {
  key: string | null;
  label?: string;
  slug?: string;
  providerName?: string;
  spend?: AmountShape;
  organizations?: number;
  kgco2e?: string;
  /** A share of the declared spend (0 to 1, 6 decimals). */
  spendShare?: string | null;
}

const noSpend: AmountShape = { amount: '0', demo: '0', payers: 0, disclosed: true };

const RouteFigure = builder.objectRef<WithSpend>('ProcurementRouteFigure').implement({
  description: 'Déploiements par voie d’achat (taux sur les déploiements), et leur dépense annuelle déclarée en usage.',
  fields: (t) => ({ key: t.field({ type: ProcurementRoute, nullable: true, description: 'null : non renseignée.', resolve: (r) => r.key as never }), ...countFields(t as never), spend: t.field({ type: StatAmount, resolve: (r) => r.spend ?? noSpend }) }),
});

const NamedFigure = (name: string, description: string) =>
  builder.objectRef<WithSpend>(name).implement({
    description,
    fields: (t) => ({
      slug: t.string({ resolve: (r) => r.slug ?? '' }),
      name: t.string({ resolve: (r) => r.label ?? '' }),
      ...countFields(t as never),
      spend: t.field({ type: StatAmount, resolve: (r) => r.spend ?? noSpend }),
      organizations: t.int({ resolve: (r) => r.organizations ?? 0, description: 'Collectivités concernées (tous statuts).' }),
    }),
  });
const ToolFigure = NamedFigure('ToolStatsFigure', 'Un outil : ses déploiements en usage (taux sur les déploiements en usage) et leur dépense.');
builder.objectFields(ToolFigure, (t) => ({ providerName: t.string({ resolve: (r) => r.providerName ?? '' }) }));
const CategoryFigure = NamedFigure('CategoryStatsFigure', 'Une catégorie : ses déploiements en usage et leur dépense.');
const ProviderFigure = NamedFigure('ProviderShare', 'Un fournisseur : sa part des déploiements en usage et de la dépense déclarée.');
builder.objectFields(ProviderFigure, (t) => ({
  spendShare: t.float({ nullable: true, description: 'Part de la dépense déclarée (0 à 1) ; null sous le secret statistique.', resolve: (r) => (r.spend?.disclosed && r.spendShare != null ? Math.round(Number(r.spendShare) * 10_000) / 10_000 : null) }),
}));

const MethodFigure = builder.objectRef<WithSpend>('FootprintMethodFigure').implement({
  description: 'Déploiements en usage dont l’empreinte vient d’une méthode (taux sur les déploiements couverts) ; les méthodes ne sont pas comparables entre elles.',
  fields: (t) => ({
    key: t.field({ type: ImpactMethod, resolve: (r) => r.key as never }),
    ...countFields(t as never),
    kgco2e: t.field({ type: 'Decimal', resolve: (r) => r.kgco2e ?? '0' }),
  }),
});

type Ctx = Pick<Context, 'viewer'>;
const amount = (ctx: Ctx, spend: string, demo: string, payers: number): AmountShape => ({ amount: spend, demo, payers, disclosed: spendDisclosed(ctx, payers) });
/** The deployment groups of a computed statistic by dimension, indexed once per computation (a national one holds a group per tool). */
const indexed = new WeakMap<StatsData, Map<DeploymentGroup['dimension'], DeploymentGroup[]>>();
function groupsOf(data: StatsData, dimension: DeploymentGroup['dimension']): DeploymentGroup[] {
  let index = indexed.get(data);
  if (!index) {
    index = new Map();
    for (const group of data.deployments) {
      const list = index.get(group.dimension);
      if (list) list.push(group);
      else index.set(group.dimension, [group]);
    }
    indexed.set(data, index);
  }
  return index.get(dimension) ?? [];
}
const totalOf = (data: StatsData) => groupsOf(data, 'TOTAL')[0]!;
const byCount = <T extends CountShape>(rows: T[]) => rows.sort((a, b) => b.count - a.count);

const Breakdown = builder.objectRef<StatsData['breakdowns'][number] & { label: string; ctx: Ctx }>('StatsBreakdown').implement({
  description: 'Les chiffres d’une région, d’un département, d’un type d’EPCI ou d’une tranche de population du périmètre.',
  fields: (t) => ({
    dimension: t.field({ type: BreakdownDimension, resolve: (r) => r.dimension as never }),
    key: t.string({ description: 'Code INSEE, type d’EPCI ou tranche ; NONE / UNKNOWN quand non renseigné.', resolve: (r) => r.key }),
    label: t.string({ resolve: (r) => r.label }),
    organizations: t.int({ resolve: (r) => r.organizations }),
    declaring: t.field({ type: StatCount, resolve: (r) => ({ count: r.declaring, demo: r.declaringDemo, of: r.organizations }) }),
    adopting: t.field({ type: StatCount, resolve: (r) => ({ count: r.adopting, demo: r.adoptingDemo, of: r.organizations }) }),
    chartersAdopted: t.field({ type: StatCount, resolve: (r) => ({ count: r.chartersAdopted, demo: r.chartersAdoptedDemo, of: r.organizations }) }),
    chartersPlanned: t.field({ type: StatCount, resolve: (r) => ({ count: r.chartersPlanned, demo: r.chartersPlannedDemo, of: r.organizations }) }),
    deployments: t.field({ type: StatCount, resolve: (r) => ({ count: r.deployments, demo: r.deploymentsDemo }) }),
    spend: t.field({ type: StatAmount, resolve: (r) => amount(r.ctx, r.spend, r.spendDemo, r.payers) }),
  }),
});

const Concentration = builder.objectRef<{ data: StatsData; ctx: Ctx }>('VendorConcentration').implement({
  description: 'Concentration des fournisseurs : indice de Herfindahl–Hirschman (parts en %, au carré, sommées : de 0 à 10 000 ; au-delà de 2 500, marché très concentré).',
  fields: (t) => ({
    hhiDeployments: t.float({ nullable: true, description: 'Sur les déploiements en usage.', resolve: ({ data }) => num(data.concentration.hhiDeployments) }),
    hhiDeploymentsWithoutDemo: t.float({ nullable: true, resolve: ({ data }) => num(data.concentration.hhiDeploymentsWithoutDemo) }),
    hhiSpend: t.float({ nullable: true, description: 'Sur la dépense déclarée ; null sous le secret statistique.', resolve: ({ data, ctx }) => (spendDisclosed(ctx, totalOf(data).payers) ? num(data.concentration.hhiSpend) : null) }),
    hhiSpendWithoutDemo: t.float({ nullable: true, resolve: ({ data, ctx }) => (spendDisclosed(ctx, totalOf(data).payers) ? num(data.concentration.hhiSpendWithoutDemo) : null) }),
    providers: t.int({ description: 'Fournisseurs des déploiements en usage.', resolve: ({ data }) => data.concentration.providers }),
    top: t.field({
      type: [ProviderFigure],
      description: `Les ${TOP_SIZE} premiers fournisseurs par nombre de déploiements en usage.`,
      resolve: ({ data, ctx }) =>
        data.concentration.top.map((p) => {
          const provider = data.providers.get(p.providerId);
          return { key: String(p.providerId), slug: provider?.slug, label: provider?.name, count: p.inUse, demo: p.inUseDemo, of: totalOf(data).inUse, ofDemo: totalOf(data).inUseDemo, spend: amount(ctx, p.spend, p.spendDemo, p.payers), spendShare: p.spendShare };
        }),
    }),
  }),
});

const num = (value: string | null) => (value == null ? null : Number(value));

const Footprint = builder.objectRef<StatsData>('StatsFootprint').implement({
  description: 'Empreinte annuelle des déploiements en usage qui déclarent leur volume de requêtes et dont l’outil publie un chiffre d’impact (méthode de comparison/footprint-rules).',
  fields: (t) => ({
    covered: t.field({ type: StatCount, description: 'Déploiements en usage couverts (empreinte connue) ; taux : la couverture.', resolve: (d) => ({ count: totalOf(d).covered, demo: totalOf(d).coveredDemo, of: totalOf(d).inUse, ofDemo: totalOf(d).inUseDemo }) }),
    kwh: t.field({ type: 'Decimal', resolve: (d) => totalOf(d).kwh }),
    kgco2e: t.field({ type: 'Decimal', resolve: (d) => totalOf(d).kgco2e }),
    kgco2eDemo: t.field({ type: 'Decimal', description: 'Part des données de démonstration.', resolve: (d) => totalOf(d).kgco2eDemo }),
    waterL: t.field({ type: 'Decimal', resolve: (d) => totalOf(d).waterL }),
    methods: t.field({
      type: [MethodFigure],
      resolve: (d) => byCount(groupsOf(d, 'METHOD').filter((g) => g.key != null && g.covered > 0).map((g) => ({ key: g.key, count: g.covered, demo: g.coveredDemo, of: totalOf(d).covered, ofDemo: totalOf(d).coveredDemo, kgco2e: g.kgco2e }))),
    }),
  }),
});

export const AdoptionStats = builder.objectRef<{ data: StatsData; ctx: Ctx }>('AdoptionStats').implement({
  description: 'Adoption de l’IA sur un périmètre, calculée par la base ; chaque chiffre dit sa part de données de démonstration.',
  fields: (t) => ({
    scope: t.field({ type: StatsScopeEcho, resolve: ({ data }) => data.scope }),
    generatedAt: t.field({ type: 'DateTime', description: 'Calcul des chiffres (ils suivent chaque modification des données).', resolve: ({ data }) => data.generatedAt }),
    organizations: t.int({ description: 'Collectivités du périmètre.', resolve: ({ data }) => data.total.organizations }),
    declaring: t.field({ type: StatCount, description: 'Collectivités qui déclarent au moins un outil (démo : celles qui n’en déclarent que de démonstration).', resolve: ({ data: { total } }) => ({ count: total.declaring, demo: total.declaringDemo, of: total.organizations }) }),
    adopting: t.field({ type: StatCount, description: 'Collectivités qui ont un outil en expérimentation ou en production.', resolve: ({ data: { total } }) => ({ count: total.adopting, demo: total.adoptingDemo, of: total.organizations }) }),
    chartersAdopted: t.field({ type: StatCount, resolve: ({ data: { total } }) => ({ count: total.chartersAdopted, demo: total.chartersAdoptedDemo, of: total.organizations }) }),
    chartersPlanned: t.field({ type: StatCount, resolve: ({ data: { total } }) => ({ count: total.chartersPlanned, demo: total.chartersPlannedDemo, of: total.organizations }) }),
    deployments: t.field({ type: StatCount, resolve: ({ data }) => ({ count: totalOf(data).count, demo: totalOf(data).demo }) }),
    inUse: t.field({ type: StatCount, description: 'Déploiements en expérimentation ou en production.', resolve: ({ data }) => ({ count: totalOf(data).inUse, demo: totalOf(data).inUseDemo, of: totalOf(data).count, ofDemo: totalOf(data).demo }) }),
    byStatus: t.field({ type: [StatusCount], resolve: ({ data }) => groupsOf(data, 'STATUS').map((g) => ({ key: g.key, count: g.count, demo: g.demo, of: totalOf(data).count, ofDemo: totalOf(data).demo })) }),
    aiActTiers: t.field({ type: [TierCount], resolve: ({ data }) => byCount(groupsOf(data, 'TIER').filter((g) => g.inUse > 0).map((g) => ({ key: g.key, count: g.inUse, demo: g.inUseDemo, of: totalOf(data).inUse, ofDemo: totalOf(data).inUseDemo }))) }),
    hosting: t.field({ type: [ZoneCount], resolve: ({ data }) => byCount(groupsOf(data, 'ZONE').filter((g) => g.inUse > 0).map((g) => ({ key: g.key, count: g.inUse, demo: g.inUseDemo, of: totalOf(data).inUse, ofDemo: totalOf(data).inUseDemo }))) }),
    spend: t.field({ type: StatAmount, description: 'Dépense annuelle déclarée des déploiements en usage.', resolve: ({ data, ctx }) => amount(ctx, totalOf(data).spend, totalOf(data).spendDemo, totalOf(data).payers) }),
    spendOutsideEu: t.field({ type: StatAmount, description: 'Part de cette dépense qui va à des fournisseurs dont le siège est hors de l’UE.', resolve: ({ data, ctx }) => amount(ctx, totalOf(data).spendOutsideEu, totalOf(data).spendOutsideEuDemo, totalOf(data).payers) }),
    spendOutsideEuShare: t.float({
      nullable: true,
      description: 'Dépense hors UE ÷ dépense déclarée (0 à 1, 4 décimales).',
      resolve: ({ data, ctx }) => (spendDisclosed(ctx, totalOf(data).payers) && Number(totalOf(data).spend) > 0 ? Math.round((Number(totalOf(data).spendOutsideEu) / Number(totalOf(data).spend)) * 10_000) / 10_000 : null),
    }),
    concentration: t.field({ type: Concentration, resolve: (parent) => parent }),
    footprint: t.field({ type: Footprint, resolve: ({ data }) => data }),
    abandoned: t.field({ type: StatCount, description: 'Déploiements abandonnés ; taux sur tous les déploiements.', resolve: ({ data }) => { const s = groupsOf(data, 'STATUS').find((g) => g.key === 'ABANDONED'); return { count: s?.count ?? 0, demo: s?.demo ?? 0, of: totalOf(data).count, ofDemo: totalOf(data).demo }; } }),
    abandonReasons: t.field({ type: [ReasonCount], resolve: ({ data }) => byCount(groupsOf(data, 'REASON').filter((g) => g.key != null).map((g) => ({ key: g.key, count: g.count, demo: g.demo, of: groupsOf(data, 'STATUS').find((s) => s.key === 'ABANDONED')?.count ?? 0 }))).slice(0, TOP_SIZE) }),
    procurementRoutes: t.field({ type: [RouteFigure], resolve: ({ data, ctx }) => byCount(groupsOf(data, 'ROUTE').map((g) => ({ key: g.key, count: g.count, demo: g.demo, of: totalOf(data).count, ofDemo: totalOf(data).demo, spend: amount(ctx, g.spend, g.spendDemo, g.payers) }))) }),
    topTools: t.field({
      type: [ToolFigure],
      description: `Les ${TOP_SIZE} outils les plus déployés (en usage).`,
      resolve: ({ data, ctx }) => byCount(groupsOf(data, 'TOOL').filter((g) => g.inUse > 0).map((g) => { const tool = data.tools.get(Number(g.key)); return { key: g.key, slug: tool?.slug, label: tool?.name, providerName: tool?.providerName, count: g.inUse, demo: g.inUseDemo, of: totalOf(data).inUse, ofDemo: totalOf(data).inUseDemo, organizations: g.organizations, spend: amount(ctx, g.spend, g.spendDemo, g.payers) }; })).slice(0, TOP_SIZE),
    }),
    categories: t.field({
      type: [CategoryFigure],
      resolve: ({ data, ctx }) => byCount(groupsOf(data, 'CATEGORY').map((g) => { const category = data.categories.get(Number(g.key)); return { key: g.key, slug: category?.slug, label: category?.name, count: g.inUse, demo: g.inUseDemo, of: totalOf(data).inUse, ofDemo: totalOf(data).inUseDemo, organizations: g.organizations, spend: amount(ctx, g.spend, g.spendDemo, g.payers) }; })),
    }),
    breakdown: t.field({
      type: [Breakdown],
      description: 'Les chiffres par région, département (pour la carte), type d’EPCI ou tranche de population, dans l’ordre des codes.',
      args: { by: t.arg({ type: BreakdownDimension, required: true }) },
      resolve: ({ data, ctx }, { by }) => data.breakdowns.filter((g) => g.dimension === by).map((g) => ({ ...g, label: breakdownLabel(data, g), ctx })).sort((a, b) => a.key.localeCompare(b.key, 'fr', { numeric: true })),
    }),
  }),
});

const OrganizationStatsDetail = builder.objectRef<Awaited<ReturnType<typeof organizationDetails>>[number]>('OrganizationStatsDetail').implement({
  description: 'Détail par collectivité (auditeurs et administrateurs).',
  fields: (t) => ({
    siren: t.exposeString('siren', { nullable: true }),
    name: t.exposeString('name'),
    kind: t.field({ type: OrganizationKind, resolve: (o) => o.kind as never }),
    departementCode: t.exposeString('departementCode', { nullable: true }),
    population: t.exposeInt('population', { nullable: true }),
    deployments: t.exposeInt('deployments'),
    inUse: t.exposeInt('inUse'),
    abandoned: t.exposeInt('abandoned'),
    demo: t.exposeInt('demo', { description: 'Déploiements de démonstration.' }),
    spend: t.field({ type: 'Decimal', nullable: true, resolve: (o) => o.spend }),
  }),
});

builder.objectField(AdoptionStats, 'organizationDetails', (t) =>
  t.connection({
    type: OrganizationStatsDetail,
    description: 'Les collectivités du périmètre qui déclarent un outil, par nom (auditeurs et administrateurs).',
    authScopes: { auditor: true },
    resolve: async ({ data }, args, ctx) => ({
      ...(await resolveOffsetConnection({ args, defaultSize: 50, maxSize: 100 }, ({ offset, limit }) => organizationDetails(ctx.prisma, data.scope, offset, limit))),
      scope: data.scope,
    }),
  }, { fields: (c) => ({ totalCount: c.int({ resolve: (connection, _a, ctx) => organizationDetailCount(ctx.prisma, (connection as unknown as { scope: StatsScope }).scope) }) }) }),
);

builder.queryFields((t) => ({
  adoptionStats: t.field({
    type: AdoptionStats,
    description: 'Statistiques d’adoption de l’IA (publiques) : de la France entière à une commune.',
    errors: {},
    args: { scope: t.arg({ type: StatsScopeInput, required: false }) },
    resolve: async (_root, { scope }, ctx) => ({ data: await adoptionStats(ctx, scope as StatsScope | null), ctx }),
  }),
}));

export type { CountShape };
