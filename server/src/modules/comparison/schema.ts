import type { BestOn } from './rules.ts';
import type { FootprintResult, Measure } from './footprint-rules.ts';
import { DEFAULT_TOKENS_PER_REQUEST, type TcoResult } from './tco-rules.ts';
import { builder } from '../../graphql/builder.ts';
import { Tool } from '../catalogue/schema.ts';
import { compareTools, type ComparedTool, type Comparison as ComparisonShape, type ResolvedProfile, type TcoShape } from './service.ts';

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

const Comparison = builder.objectRef<ComparisonShape>('Comparison').implement({
  fields: (t) => ({
    profile: t.field({ type: UsageProfile, resolve: (c) => c.profile }),
    tools: t.field({ type: [ToolComparison], resolve: (c) => c.tools }),
    best: t.field({ type: [BestOnRef], resolve: (c) => c.best }),
  }),
});

builder.queryFields((t) => ({
  compareTools: t.field({
    type: Comparison,
    description: 'Compare 2 à 4 outils pour un profil d’usage : coût total, empreinte, notes, conformité, adoption, et le meilleur sur chaque dimension.',
    errors: {},
    args: { slugs: t.arg.stringList(), profile: t.arg({ type: UsageProfileInput }) },
    resolve: (_root, args, ctx) => compareTools(ctx, args.slugs, args.profile),
  }),
}));
