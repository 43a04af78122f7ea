import { builder } from '../../graphql/builder.ts';
import { AiActRiskTier, Certification, DeploymentMode, ImpactMethod, PriceSource, PricingModel, ProviderKind, RgaaStatus } from './schema.ts';

// The inputs of catalogue curation, apart from the mutation fields so that the use cases (service/<entity>.ts) can
// take their shapes without importing the fields that call them.

export const ProviderInput = builder.inputType('ProviderInput', {
  extensions: { model: 'Provider' },
  fields: (t) => ({
    slug: t.string({ required: false, description: 'Identifiant (minuscules et tirets) ; à la création seulement.' }),
    name: t.string({ required: false }),
    kind: t.field({ type: ProviderKind, required: false }),
    siren: t.string({ required: false }),
    country: t.string({ required: false, description: 'Pays du siège (ISO 3166-1 alpha-2).' }),
    certifications: t.field({ type: [Certification], required: false }),
    verified: t.boolean({ required: false }),
    website: t.string({ required: false }),
    description: t.string({ required: false, extensions: { multiline: true } }),
    sourceUrl: t.string({ required: false }),
    sourceDate: t.field({ type: 'Date', required: false }),
  }),
});

export const ToolInput = builder.inputType('ToolInput', {
  extensions: { model: 'Tool' },
  fields: (t) => ({
    slug: t.string({ required: false, description: 'À la création seulement.' }),
    name: t.string({ required: false }),
    providerSlug: t.string({ required: false, description: 'À la création seulement.' }),
    categorySlug: t.string({ required: false }),
    description: t.string({ required: false, extensions: { multiline: true } }),
    models: t.stringList({ required: false }),
    openSourceLicense: t.string({ required: false }),
    deploymentMode: t.field({ type: DeploymentMode, required: false }),
    hostingCountry: t.string({ required: false }),
    hostingRegion: t.string({ required: false }),
    dataResidency: t.string({ required: false }),
    trainingOptOut: t.boolean({ required: false }),
    aiActRiskTier: t.field({ type: AiActRiskTier, required: false }),
    aiActRationale: t.string({ required: false, extensions: { multiline: true } }),
    gdprDpaAvailable: t.boolean({ required: false }),
    secNumCloud: t.boolean({ required: false }),
    rgaaStatus: t.field({ type: RgaaStatus, required: false }),
    languages: t.stringList({ required: false }),
    website: t.string({ required: false }),
    sourceUrl: t.string({ required: false }),
    sourceDate: t.field({ type: 'Date', required: false }),
  }),
});

const TierInput = builder.inputType('PriceTierInput', {
  extensions: { model: 'PriceTier' },
  fields: (t) => ({ minVolume: t.field({ type: 'Decimal' }), unitPrice: t.field({ type: 'Decimal' }) }),
});

export const PricingPlanInput = builder.inputType('PricingPlanInput', {
  extensions: { model: 'PricingPlan' },
  fields: (t) => ({
    name: t.string({ required: false }),
    pricingModel: t.field({ type: PricingModel, required: false }),
    unitPrice: t.field({ type: 'Decimal', required: false, description: 'Euros HT.' }),
    setupFee: t.field({ type: 'Decimal', required: false }),
    minimumQuantity: t.field({ type: 'Decimal', required: false }),
    minimumAnnualAmount: t.field({ type: 'Decimal', required: false }),
    tiers: t.field({ type: [TierInput], required: false, description: 'Remplace tous les paliers.' }),
    source: t.field({ type: PriceSource, required: false }),
    sourceUrl: t.string({ required: false }),
    sourceDate: t.field({ type: 'Date', required: false }),
    notes: t.string({ required: false, extensions: { multiline: true } }),
  }),
});

export const ImpactFigureInput = builder.inputType('ImpactFigureInput', {
  extensions: { model: 'ImpactFigure' },
  fields: (t) => ({
    energyWhPerRequest: t.field({ type: 'Decimal', required: false }),
    gco2ePerRequest: t.field({ type: 'Decimal', required: false }),
    waterMlPerRequest: t.field({ type: 'Decimal', required: false }),
    hostingCountry: t.string({ required: false }),
    pue: t.field({ type: 'Decimal', required: false }),
    method: t.field({ type: ImpactMethod, required: false }),
    methodVersion: t.string({ required: false }),
    scope: t.string({ required: false }),
    sourceUrl: t.string({ required: false }),
    sourceDate: t.field({ type: 'Date', required: false }),
  }),
});
