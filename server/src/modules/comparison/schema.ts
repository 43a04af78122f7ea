import { bestOn, type BestOn } from './rules.ts';
import { VERIFYING_STATUSES } from '../deployments/rules.ts';
import { computeFootprint, type FootprintResult, type Measure } from './footprint-rules.ts';
import { cheapestPlan, DEFAULT_TOKENS_PER_REQUEST, type TcoResult } from './tco-rules.ts';
import type { PricingPlan, PriceTier, Tool as ToolRow } from '../../generated/prisma/client.ts';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { NotFoundError, ValidationError } from '../../graphql/errors.ts';
import { Checks } from '../../graphql/validate.ts';
import { loadRatings } from '../reviews/schema.ts';
import { Tool } from '../catalogue/schema.ts';

const ADOPTING = VERIFYING_STATUSES.filter((s) => s !== 'ABANDONED');

const UsageProfileInput = builder.inputType('UsageProfileInput', {
  description: 'Profil d’usage : la population vient du référentiel quand un SIREN est donné sans population.',
  fields: (t) => ({
    organizationSiren: t.string({ required: false }),
    population: t.int({ required: false }),
    seats: t.int({ required: false, description: 'Nombre d’utilisateurs (sièges).' }),
    requestsPerMonth: t.int({ required: false }),
    years: t.int({ required: false, defaultValue: 3, description: 'Durée en années (1 à 10), 3 par défaut.' }),
    tokensPerRequest: t.int({
      required: false,
      description: `Jetons par requête pour les API facturées au jeton (${DEFAULT_TOKENS_PER_REQUEST} par défaut).`,
    }),
  }),
});

interface ResolvedProfile {
  organization: { id: number; name: string; siren: string | null } | null;
  population: number | null;
  populationSource: string | null;
  seats: number | null;
  requestsPerMonth: number | null;
  years: number;
  tokensPerRequest: number;
}

const UsageProfile = builder.objectRef<ResolvedProfile>('UsageProfile').implement({
  fields: (t) => ({
    organizationName: t.string({ nullable: true, resolve: (p) => p.organization?.name ?? null }),
    organizationSiren: t.string({ nullable: true, resolve: (p) => p.organization?.siren ?? null }),
    population: t.exposeInt('population', { nullable: true }),
    populationSource: t.exposeString('populationSource', { nullable: true, description: 'Origine de la population (référentiel ou saisie).' }),
    seats: t.exposeInt('seats', { nullable: true }),
    requestsPerMonth: t.exposeInt('requestsPerMonth', { nullable: true }),
    years: t.exposeInt('years'),
    tokensPerRequest: t.exposeInt('tokensPerRequest'),
  }),
});

type KnownTco = Extract<TcoResult, { known: true }>;
interface TcoShape {
  result: TcoResult;
}
const TcoEstimate = builder.objectRef<TcoShape>('TcoEstimate').implement({
  description: 'Coût total de possession en euros HT, arrondi une seule fois au centime ; inconnu avec sa raison, jamais zéro par défaut.',
  fields: (t) => {
    const known = <K extends keyof KnownTco>(key: K) => (s: TcoShape) => (s.result.known ? s.result[key] : null);
    return {
      known: t.boolean({ resolve: (s) => s.result.known }),
      reason: t.string({ nullable: true, resolve: (s) => (s.result.known ? null : s.result.reason) }),
      setup: t.field({ type: 'Decimal', nullable: true, resolve: known('setup') }),
      perYear: t.field({ type: 'Decimal', nullable: true, resolve: known('perYear') }),
      total: t.field({ type: 'Decimal', nullable: true, resolve: known('total') }),
      perInhabitantPerYear: t.field({ type: 'Decimal', nullable: true, resolve: known('perInhabitantPerYear') }),
      quantity: t.field({ type: 'Decimal', nullable: true, description: 'Quantité annuelle dans l’unité de l’offre.', resolve: known('quantity') }),
      billedQuantity: t.field({ type: 'Decimal', nullable: true, resolve: known('billedQuantity') }),
      unit: t.string({ nullable: true, resolve: known('unit') }),
      unitPrice: t.field({ type: 'Decimal', nullable: true, description: 'Prix unitaire appliqué (palier atteint).', resolve: known('unitPrice') }),
      tierIndex: t.int({ nullable: true, description: 'Palier atteint (-1 : prix catalogue).', resolve: known('tierIndex') }),
      minimumApplied: t.boolean({ nullable: true, resolve: known('minimumApplied') }),
      cumulative: t.field({
        type: ['Decimal'],
        description: 'Coût cumulé à la fin de chaque année.',
        resolve: (s) => (s.result.known ? s.result.cumulative : []),
      }),
    };
  },
});

const MeasureBasis = builder.enumType('MeasureBasis', {
  description: 'FIGURE : chiffre publié ; GRID : déduit du mix électrique du pays d’hébergement ; UNKNOWN : inconnu.',
  values: ['FIGURE', 'GRID', 'UNKNOWN'] as const,
});
const MeasureRef = builder.objectRef<Measure>('Measure').implement({
  fields: (t) => ({
    value: t.expose('value', { type: 'Decimal', nullable: true }),
    basis: t.expose('basis', { type: MeasureBasis }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const FootprintEstimate = builder.objectRef<FootprintResult>('FootprintEstimate').implement({
  description: 'Empreinte annuelle (kWh, kg CO2e, litres d’eau), toujours avec sa méthode ; inconnue avec sa raison.',
  fields: (t) => ({
    known: t.exposeBoolean('known'),
    reason: t.string({ nullable: true, resolve: (f) => (f.known ? null : f.reason) }),
    method: t.string({ nullable: true, resolve: (f) => (f.known ? f.method : null) }),
    methodVersion: t.string({ nullable: true, resolve: (f) => (f.known ? f.methodVersion : null) }),
    requestsPerYear: t.int({ nullable: true, resolve: (f) => (f.known ? f.requestsPerYear : null) }),
    kwh: t.field({ type: MeasureRef, nullable: true, resolve: (f) => (f.known ? f.kwh : null) }),
    kgco2e: t.field({ type: MeasureRef, nullable: true, resolve: (f) => (f.known ? f.kgco2e : null) }),
    waterL: t.field({ type: MeasureRef, nullable: true, resolve: (f) => (f.known ? f.waterL : null) }),
    derivedFromGrid: t.boolean({ resolve: (f) => f.known && f.derivedFromGrid }),
    gridZone: t.string({ nullable: true, resolve: (f) => (f.known ? (f.grid?.zone ?? null) : null) }),
    gridBasis: t.string({ nullable: true, resolve: (f) => (f.known ? (f.grid?.basis ?? null) : null) }),
    gridSourceUrl: t.string({ nullable: true, resolve: (f) => (f.known ? (f.grid?.sourceUrl ?? null) : null) }),
    figureSourceUrl: t.string({ nullable: true, resolve: (f) => (f.known ? (f.figure.sourceUrl ?? null) : null) }),
    figureSourceDate: t.field({ type: 'Date', nullable: true, resolve: (f) => (f.known ? (f.figure.sourceDate as Date) : null) }),
  }),
});

interface ComparedTool {
  tool: ToolRow;
  plan: (PricingPlan & { tiers: PriceTier[] }) | null;
  tco: TcoShape;
  footprint: FootprintResult;
  adoptionCount: number;
}

const ToolComparison = builder.objectRef<ComparedTool>('ToolComparison').implement({
  fields: (t) => ({
    tool: t.field({ type: Tool, resolve: (c) => c.tool }),
    plan: t.prismaField({ type: 'PricingPlan', nullable: true, description: 'Offre applicable la moins chère.', resolve: (_q, c) => c.plan }),
    tco: t.field({ type: TcoEstimate, resolve: (c) => c.tco }),
    footprint: t.field({ type: FootprintEstimate, resolve: (c) => c.footprint }),
    adoptionCount: t.exposeInt('adoptionCount', { description: 'Collectivités en expérimentation ou en production.' }),
  }),
});

const ComparisonDimension = builder.enumType('ComparisonDimension', { values: ['COST', 'CARBON', 'ENERGY', 'WATER', 'RATING', 'ADOPTION'] as const });
const BestOnRef = builder.objectRef<BestOn>('BestOn').implement({
  fields: (t) => ({
    dimension: t.expose('dimension', { type: ComparisonDimension }),
    toolSlugs: t.exposeStringList('toolSlugs', { description: 'Le ou les meilleurs (ex æquo) ; vide si aucune valeur n’est connue.' }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const Comparison = builder.objectRef<{ profile: ResolvedProfile; tools: ComparedTool[]; best: BestOn[] }>('Comparison').implement({
  fields: (t) => ({
    profile: t.field({ type: UsageProfile, resolve: (c) => c.profile }),
    tools: t.field({ type: [ToolComparison], resolve: (c) => c.tools }),
    best: t.field({ type: [BestOnRef], resolve: (c) => c.best }),
  }),
});

type ProfileArgs = { organizationSiren?: string | null; population?: number | null; seats?: number | null; requestsPerMonth?: number | null; years?: number | null; tokensPerRequest?: number | null };

async function resolveProfile(ctx: Context, input: ProfileArgs): Promise<ResolvedProfile> {
  const years = input.years ?? 3;
  new Checks()
    .check(Number.isInteger(years) && years >= 1 && years <= 10, 'years', 'La durée doit être comprise entre 1 et 10 ans.')
    .check(input.population == null || input.population > 0, 'population', 'La population doit être positive.')
    .check(input.seats == null || input.seats >= 0, 'seats', 'Le nombre d’utilisateurs doit être positif.')
    .check(input.requestsPerMonth == null || input.requestsPerMonth >= 0, 'requestsPerMonth', 'Le nombre de requêtes doit être positif.')
    .check(input.tokensPerRequest == null || (input.tokensPerRequest > 0 && input.tokensPerRequest <= 1_000_000), 'tokensPerRequest', 'Le nombre de jetons par requête doit être positif.')
    .done();
  let organization: ResolvedProfile['organization'] = null;
  let population = input.population ?? null;
  let populationSource: string | null = population != null ? 'saisie' : null;
  if (input.organizationSiren) {
    const org = await ctx.prisma.organization.findUnique({ where: { siren: input.organizationSiren.replace(/\s/g, '') } });
    if (!org) throw new NotFoundError('Aucune collectivité ne porte ce SIREN.');
    organization = { id: org.id, name: org.name, siren: org.siren };
    if (population == null && org.population != null) {
      population = org.population;
      populationSource = `population municipale, ${org.source}`;
    }
  }
  return {
    organization,
    population,
    populationSource,
    seats: input.seats ?? null,
    requestsPerMonth: input.requestsPerMonth ?? null,
    years,
    tokensPerRequest: input.tokensPerRequest ?? DEFAULT_TOKENS_PER_REQUEST,
  };
}

builder.queryFields((t) => ({
  compareTools: t.field({
    type: Comparison,
    description: 'Compare 2 à 4 outils pour un profil d’usage : coût total, empreinte, notes, conformité, adoption, et le meilleur sur chaque dimension.',
    errors: {},
    args: { slugs: t.arg.stringList(), profile: t.arg({ type: UsageProfileInput }) },
    resolve: async (_root, args, ctx) => {
      const slugs = [...new Set(args.slugs)];
      if (slugs.length < 2 || slugs.length > 4) throw new ValidationError('Choisissez de 2 à 4 outils différents à comparer.', 'slugs');
      const profile = await resolveProfile(ctx, args.profile);
      const tools = await ctx.prisma.tool.findMany({
        where: { slug: { in: slugs }, archivedAt: null },
        include: {
          plans: { where: { archivedAt: null }, orderBy: { id: 'asc' }, include: { tiers: true } },
          impactFigures: { where: { archivedAt: null }, orderBy: { id: 'asc' } },
        },
      });
      const missing = slugs.filter((slug) => !tools.some((tool) => tool.slug === slug));
      if (missing.length) throw new NotFoundError(`Outil introuvable dans le catalogue : ${missing.join(', ')}.`);
      const ordered = slugs.map((slug) => tools.find((tool) => tool.slug === slug)!);
      const [grids, adoption, ratings] = await Promise.all([
        ctx.prisma.gridIntensity.findMany(),
        ctx.prisma.deployment.groupBy({
          by: ['toolId'],
          where: { toolId: { in: tools.map((tool) => tool.id) }, status: { in: ADOPTING } },
          _count: { _all: true },
        }),
        loadRatings(ordered.map((tool) => tool.id), ctx),
      ]);
      const compared: ComparedTool[] = ordered.map((tool) => {
        const cheapest = cheapestPlan(tool.plans, profile);
        return {
          tool,
          plan: cheapest.plan,
          tco: { result: cheapest.plan ? cheapest.tco : { known: false, reason: cheapest.reason } },
          footprint: computeFootprint(tool.impactFigures, grids, profile, tool.hostingCountry),
          adoptionCount: adoption.find((a) => a.toolId === tool.id)?._count._all ?? 0,
        };
      });
      const best = bestOn(
        compared.map((c, i) => ({
          slug: c.tool.slug,
          name: c.tool.name,
          total: c.tco.result.known ? c.tco.result.total : null,
          kgco2e: c.footprint.known ? c.footprint.kgco2e.value : null,
          kwh: c.footprint.known ? c.footprint.kwh.value : null,
          waterL: c.footprint.known ? c.footprint.waterL.value : null,
          method: c.footprint.known ? c.footprint.method : null,
          rating: ratings[i]?.average ?? null,
          adoption: c.adoptionCount,
        })),
      );
      return { profile, tools: compared, best };
    },
  }),
}));
