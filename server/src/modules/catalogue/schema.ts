import {
  AiActRiskTier as RiskValues,
  Certification as CertificationValues,
  DeploymentMode as ModeValues,
  ImpactMethod as MethodValues,
  PriceSource as PriceSourceValues,
  PricingModel as PricingModelValues,
  ProviderKind as ProviderKindValues,
  RgaaStatus as RgaaValues,
} from '@mutualis/db/enums';
import { prismaEnum } from '../../graphql/enums.ts';
import { builder } from '../../graphql/builder.ts';

export const ProviderKind = prismaEnum('ProviderKind', ProviderKindValues);
export const Certification = prismaEnum('Certification', CertificationValues, 'Qualification ou certification : SecNumCloud (ANSSI), HDS, ISO 27001.');
export const DeploymentMode = prismaEnum('DeploymentMode', ModeValues);
export const AiActRiskTier = prismaEnum('AiActRiskTier', RiskValues, 'Niveau de risque au sens du règlement européen sur l’IA (AI Act).');
export const RgaaStatus = prismaEnum('RgaaStatus', RgaaValues, 'Conformité au référentiel d’accessibilité RGAA 4.1.');
export const PricingModel = prismaEnum('PricingModel', PricingModelValues);
export const PriceSource = prismaEnum('PriceSource', PriceSourceValues, 'Origine du prix : publié, négocié, déclaré par une collectivité.');
export const ImpactMethod = prismaEnum('ImpactMethod', MethodValues, 'Méthode d’évaluation de l’impact : les chiffres de méthodes différentes ne sont pas comparables.');

builder.prismaNode('Category', {
  description: 'Catégorie de cas d’usage (taxonomie du catalogue).',
  id: { field: 'id' },
  // public, like the list that shows it; an unknown id reads as null, as for the restricted types
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    toolCount: t.relationCount('tools', { where: { archivedAt: null } }),
  }),
});

builder.prismaNode('Provider', {
  description: 'Éditeur ou opérateur public d’outils d’IA.',
  id: { field: 'id' },
  // public, like the list that shows it; an unknown id reads as null, as for the restricted types
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: ProviderKind }),
    siren: t.exposeString('siren', { nullable: true }),
    country: t.exposeString('country', { description: 'Pays du siège (ISO 3166-1 alpha-2).' }),
    certifications: t.expose('certifications', { type: [Certification] }),
    verified: t.exposeBoolean('verified'),
    website: t.exposeString('website', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true }),
    sourceDate: t.expose('sourceDate', { type: 'Date', nullable: true }),
    isDemo: t.exposeBoolean('isDemo'),
    tools: t.relation('tools', { query: { where: { archivedAt: null }, orderBy: { name: 'asc' } } }),
  }),
});

builder.prismaObject('PriceTier', {
  description: 'Palier : à partir de minVolume unités, le prix unitaire devient unitPrice.',
  fields: (t) => ({
    minVolume: t.expose('minVolume', { type: 'Decimal' }),
    unitPrice: t.expose('unitPrice', { type: 'Decimal' }),
  }),
});

export const PricingPlan = builder.prismaNode('PricingPlan', {
  description: 'Offre tarifaire, en euros HT.',
  id: { field: 'id' },
  // public, like the list that shows it; an unknown id reads as null, as for the restricted types
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    pricingModel: t.expose('pricingModel', { type: PricingModel }),
    unitPrice: t.expose('unitPrice', { type: 'Decimal' }),
    // euro amounts keep their two decimals ("1500.00", not "1500")
    setupFee: t.field({ type: 'Decimal', resolve: (p) => p.setupFee.toFixed(2) }),
    minimumQuantity: t.expose('minimumQuantity', { type: 'Decimal', nullable: true }),
    minimumAnnualAmount: t.field({ type: 'Decimal', nullable: true, resolve: (p) => p.minimumAnnualAmount?.toFixed(2) ?? null }),
    source: t.expose('source', { type: PriceSource }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true }),
    sourceDate: t.expose('sourceDate', { type: 'Date' }),
    notes: t.exposeString('notes', { nullable: true }),
    isDemo: t.exposeBoolean('isDemo'),
    tiers: t.relation('tiers', { query: { orderBy: { minVolume: 'asc' } } }),
  }),
});

export const ImpactFigure = builder.prismaNode('ImpactFigure', {
  description: 'Impact environnemental par requête, toujours accompagné de sa méthode, de sa source et de sa date.',
  id: { field: 'id' },
  // public, like the list that shows it; an unknown id reads as null, as for the restricted types
  nullable: true,
  fields: (t) => ({
    energyWhPerRequest: t.expose('energyWhPerRequest', { type: 'Decimal', nullable: true }),
    gco2ePerRequest: t.expose('gco2ePerRequest', { type: 'Decimal', nullable: true }),
    waterMlPerRequest: t.expose('waterMlPerRequest', { type: 'Decimal', nullable: true }),
    hostingCountry: t.exposeString('hostingCountry', { nullable: true }),
    pue: t.expose('pue', { type: 'Decimal', nullable: true }),
    method: t.expose('method', { type: ImpactMethod }),
    methodVersion: t.exposeString('methodVersion', { nullable: true }),
    scope: t.exposeString('scope', { nullable: true }),
    sourceUrl: t.exposeString('sourceUrl'),
    sourceDate: t.expose('sourceDate', { type: 'Date' }),
    declaredByProvider: t.exposeBoolean('declaredByProvider'),
    isDemo: t.exposeBoolean('isDemo'),
  }),
});

builder.prismaObject('GridIntensity', {
  description: 'Intensité carbone de l’électricité d’une zone.',
  fields: (t) => ({
    zone: t.exposeString('zone'),
    gco2ePerKwh: t.expose('gco2ePerKwh', { type: 'Decimal' }),
    waterLPerKwh: t.expose('waterLPerKwh', { type: 'Decimal', nullable: true }),
    year: t.exposeInt('year', { nullable: true }),
    basis: t.exposeString('basis'),
    sourceUrl: t.exposeString('sourceUrl'),
    sourceDate: t.expose('sourceDate', { type: 'Date' }),
  }),
});

export const Tool = builder.prismaNode('Tool', {
  description: 'Une ressource d’IA du catalogue.',
  id: { field: 'id' },
  // public, like the list that shows it; an unknown id reads as null, as for the restricted types
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    provider: t.relation('provider'),
    category: t.string({
      description: 'Identifiant (slug) de la catégorie de cas d’usage, ex. « chatbot-citoyen » ; le détail est dans categoryDetails.',
      select: { category: { select: { slug: true } } },
      resolve: (tool) => tool.category.slug,
    }),
    categoryDetails: t.relation('category', { description: 'La catégorie de cas d’usage (nom, description).' }),
    models: t.exposeStringList('models'),
    openSourceLicense: t.exposeString('openSourceLicense', { nullable: true }),
    deploymentMode: t.expose('deploymentMode', { type: DeploymentMode }),
    hostingCountry: t.exposeString('hostingCountry', { nullable: true }),
    hostingRegion: t.exposeString('hostingRegion', { nullable: true }),
    dataResidency: t.exposeString('dataResidency', { nullable: true }),
    trainingOptOut: t.exposeBoolean('trainingOptOut', { nullable: true }),
    aiActRiskTier: t.expose('aiActRiskTier', { type: AiActRiskTier, nullable: true }),
    aiActRationale: t.exposeString('aiActRationale', { nullable: true }),
    gdprDpaAvailable: t.exposeBoolean('gdprDpaAvailable', { nullable: true }),
    secNumCloud: t.exposeBoolean('secNumCloud'),
    rgaaStatus: t.expose('rgaaStatus', { type: RgaaStatus }),
    languages: t.exposeStringList('languages'),
    website: t.exposeString('website', { nullable: true }),
    declaredByProvider: t.exposeBoolean('declaredByProvider'),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true }),
    sourceDate: t.expose('sourceDate', { type: 'Date', nullable: true }),
    isDemo: t.exposeBoolean('isDemo'),
    plans: t.relation('plans', { query: { where: { archivedAt: null }, orderBy: { id: 'asc' } } }),
    impactFigures: t.relation('impactFigures', { query: { where: { archivedAt: null }, orderBy: { id: 'asc' } } }),
    // the editsTool scope (auth/rules.ts canEditTool) answered as a boolean: false for a visitor too
    viewerCanEdit: t.boolean({
      description: 'Vrai quand la personne connectée peut modifier l’outil, ses offres et ses chiffres d’impact (administrateur de la plateforme, ou fournisseur de l’outil).',
      authScopes: (tool) => ({ editsTool: tool.providerId }),
      unauthorizedResolver: () => false,
      resolve: () => true,
    }),
  }),
});

builder.queryFields((t) => ({
  tool: t.prismaField({
    type: 'Tool',
    nullable: true,
    args: { slug: t.arg.string() },
    resolve: (query, _parent, { slug }, ctx) => ctx.prisma.tool.findUnique({ ...query, where: { slug } }),
  }),
  providers: t.prismaField({
    type: ['Provider'],
    resolve: (query, _parent, _args, ctx) =>
      ctx.prisma.provider.findMany({ ...query, where: { archivedAt: null }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
  categories: t.prismaField({
    type: ['Category'],
    resolve: (query, _parent, _args, ctx) => ctx.prisma.category.findMany({ ...query, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
  }),
  gridIntensities: t.prismaField({
    type: ['GridIntensity'],
    resolve: (query, _parent, _args, ctx) => ctx.prisma.gridIntensity.findMany({ ...query, orderBy: [{ zone: 'asc' }, { basis: 'asc' }] }),
  }),
}));
