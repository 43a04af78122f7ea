import { canEditTool, editsAsProvider, isAdmin } from '../auth/rules.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { normalizeSearch } from '../../shared/text.ts';
import { audited } from '../audit/service.ts';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError, requireViewer } from '../../graphql/errors.ts';
import { Checks, clean, HTTP_URL } from '../../graphql/validate.ts';
import {
  AiActRiskTier,
  Certification,
  DeploymentMode,
  ImpactFigure,
  ImpactMethod,
  PriceSource,
  PricingModel,
  PricingPlan,
  ProviderKind,
  RgaaStatus,
} from './schema.ts';

// Catalogue curation: ADMIN creates, updates and archives providers, tools, plans and impact figures; a PROVIDER
// user edits its own provider's tools, plans and figures, which are then shown as declared by the provider.

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;

function requireAdmin(ctx: Context) {
  requireViewer(ctx);
  if (!isAdmin(ctx.viewer)) throw new ForbiddenError('Réservé aux administrateurs de la plateforme.');
  return ctx.viewer;
}

/** The record, or the error the caller should see: UNAUTHENTICATED before NOT_FOUND, so anonymous callers learn nothing. */
function existing<T>(ctx: Context, record: T | null, message: string): T {
  if (record) return record;
  if (!ctx.viewer) throw new UnauthenticatedError();
  throw new NotFoundError(message);
}

async function editableTool(ctx: Context, toolId: number) {
  if (!ctx.viewer) throw new UnauthenticatedError();
  const tool = await ctx.prisma.tool.findUnique({ where: { id: toolId } });
  if (!tool) throw new NotFoundError('Outil introuvable.');
  if (!canEditTool(ctx.viewer, tool)) throw new ForbiddenError('Seuls les administrateurs et le fournisseur de cet outil peuvent le modifier.');
  return tool;
}

const ProviderInput = builder.inputType('ProviderInput', {
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

const ToolInput = builder.inputType('ToolInput', {
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

const PricingPlanInput = builder.inputType('PricingPlanInput', {
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

const ImpactFigureInput = builder.inputType('ImpactFigureInput', {
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

/** Drops undefined keys; trims strings; turns empty strings into null. */
function defined<T extends Record<string, unknown>>(input: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'string' ? clean(value) : value;
  }
  return out as Partial<T>;
}

const urlOk = (url: unknown) => url == null || (typeof url === 'string' && HTTP_URL.test(url) && url.length <= 500);
const notFuture = (date: unknown) => date == null || (date as Date).getTime() <= Date.now();

function checkProvider(p: Record<string, unknown>, creating: boolean) {
  const checks = new Checks();
  if (creating) {
    checks.check(typeof p.slug === 'string' && SLUG.test(p.slug) && p.slug.length <= 60, 'slug', 'Identifiant invalide (minuscules, chiffres et tirets).');
    checks.check(!!p.name, 'name', 'Le nom est obligatoire.').check(!!p.country, 'country', 'Le pays du siège est obligatoire.');
  }
  checks
    .text(p.name as string, 'name', 'Le nom', { max: 120 })
    .check(p.country == null || COUNTRY.test(p.country as string), 'country', 'Pays : code à deux lettres majuscules (ex. FR).')
    .check(p.siren == null || /^\d{9}$/.test(p.siren as string), 'siren', 'Le SIREN doit comporter 9 chiffres.')
    .check(urlOk(p.website), 'website', 'Adresse web invalide (https://…).')
    .check(urlOk(p.sourceUrl), 'sourceUrl', 'Adresse de la source invalide (https://…).')
    .check(notFuture(p.sourceDate), 'sourceDate', 'La date de la source ne peut pas être dans le futur.')
    .text(p.description as string, 'description', 'La description', { max: 2000 })
    .done();
}

function checkTool(p: Record<string, unknown>, creating: boolean) {
  const checks = new Checks();
  if (creating) {
    checks
      .check(typeof p.slug === 'string' && SLUG.test(p.slug) && p.slug.length <= 60, 'slug', 'Identifiant invalide (minuscules, chiffres et tirets).')
      .check(!!p.name, 'name', 'Le nom est obligatoire.')
      .check(!!p.providerSlug, 'providerSlug', 'Le fournisseur est obligatoire.')
      .check(!!p.categorySlug, 'categorySlug', 'La catégorie est obligatoire.')
      .check(!!p.description, 'description', 'La description est obligatoire.')
      .check(!!p.deploymentMode, 'deploymentMode', 'Le mode de déploiement est obligatoire.');
  }
  checks
    .text(p.name as string, 'name', 'Le nom', { max: 120 })
    .text(p.description as string, 'description', 'La description', { max: 3000 })
    .text(p.aiActRationale as string, 'aiActRationale', 'La justification du niveau de risque', { max: 2000 })
    .text(p.openSourceLicense as string, 'openSourceLicense', 'La licence', { max: 100 })
    .text(p.hostingRegion as string, 'hostingRegion', 'La région d’hébergement', { max: 100 })
    .text(p.dataResidency as string, 'dataResidency', 'La localisation des données', { max: 200 })
    .check(((p.models as string[] | null) ?? []).length <= 30 && ((p.models as string[] | null) ?? []).every((m) => m.length <= 100), 'models', '30 modèles au plus, de 100 caractères chacun au plus.')
    .check(((p.languages as string[] | null) ?? []).length <= 30 && ((p.languages as string[] | null) ?? []).every((l) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l)), 'languages', 'Langues : codes comme « fr » ou « en-GB », 30 au plus.')
    .check(p.hostingCountry == null || COUNTRY.test(p.hostingCountry as string), 'hostingCountry', 'Pays : code à deux lettres majuscules (ex. FR).')
    .check(urlOk(p.website), 'website', 'Adresse web invalide (https://…).')
    .check(urlOk(p.sourceUrl), 'sourceUrl', 'Adresse de la source invalide (https://…).')
    .check(notFuture(p.sourceDate), 'sourceDate', 'La date de la source ne peut pas être dans le futur.')
    .check(p.aiActRiskTier == null || !!p.aiActRationale || !creating, 'aiActRationale', 'Justifiez le niveau de risque AI Act.')
    .done();
}

function checkPlan(p: Record<string, unknown>, creating: boolean) {
  const checks = new Checks();
  if (creating) {
    checks
      .check(!!p.name, 'name', 'Le nom de l’offre est obligatoire.')
      .check(!!p.pricingModel, 'pricingModel', 'Le modèle de prix est obligatoire.')
      .check(p.unitPrice != null, 'unitPrice', 'Le prix unitaire est obligatoire.')
      .check(!!p.source, 'source', 'L’origine du prix est obligatoire.')
      .check(!!p.sourceDate, 'sourceDate', 'La date du prix est obligatoire.');
  }
  // amounts and volumes are checked against their columns by the input guard (graphql/input.ts)
  const tiers = (p.tiers as { minVolume: string; unitPrice: string }[] | undefined) ?? [];
  checks
    .text(p.name as string, 'name', 'Le nom de l’offre', { max: 120 })
    .check(tiers.length <= 20, 'tiers', '20 paliers au plus.')
    .check(new Set(tiers.map((t) => Number(t.minVolume))).size === tiers.length, 'tiers', 'Deux paliers ne peuvent pas commencer au même volume.')
    .check(urlOk(p.sourceUrl), 'sourceUrl', 'Adresse de la source invalide (https://…).')
    .check(notFuture(p.sourceDate), 'sourceDate', 'La date du prix ne peut pas être dans le futur.')
    .text(p.notes as string, 'notes', 'Les remarques', { max: 1000 })
    .done();
}

function checkFigure(p: Record<string, unknown>, creating: boolean) {
  const checks = new Checks();
  if (creating) {
    checks
      .check(!!p.method, 'method', 'La méthode est obligatoire : les chiffres de méthodes différentes ne se comparent pas.')
      .check(!!p.sourceUrl, 'sourceUrl', 'La source est obligatoire.')
      .check(!!p.sourceDate, 'sourceDate', 'La date de la source est obligatoire.')
      .check(p.energyWhPerRequest != null || p.gco2ePerRequest != null || p.waterMlPerRequest != null, 'energyWhPerRequest', 'Renseignez au moins une valeur (énergie, émissions ou eau).');
  }
  // values are checked against their columns by the input guard (graphql/input.ts)
  checks
    .text(p.methodVersion as string, 'methodVersion', 'La version de la méthode', { max: 50 })
    .text(p.scope as string, 'scope', 'Le périmètre', { max: 300 })
    .check(p.hostingCountry == null || COUNTRY.test(p.hostingCountry as string), 'hostingCountry', 'Pays : code à deux lettres majuscules (ex. FR).')
    .check(urlOk(p.sourceUrl), 'sourceUrl', 'Adresse de la source invalide (https://…).')
    .check(notFuture(p.sourceDate), 'sourceDate', 'La date de la source ne peut pas être dans le futur.')
    .done();
}

const toolSearchText = (tool: { name: string; description: string }, provider: string, category: string) =>
  normalizeSearch([tool.name, tool.description, provider, category].join(' '));

builder.mutationFields((t) => ({
  createProvider: t.prismaField({
    type: 'Provider',
    errors: {},
    args: { input: t.arg({ type: ProviderInput }) },
    resolve: async (query, _p, { input }, ctx) => {
      requireAdmin(ctx);
      const data = defined(input);
      checkProvider(data, true);
      if (await ctx.prisma.provider.findUnique({ where: { slug: data.slug! } })) throw new ConflictError('Un fournisseur porte déjà cet identifiant.');
      const created = await audited(ctx, 'provider.create', async (tx) => {
        const provider = await tx.provider.create({ data: { ...(data as Prisma.ProviderCreateInput) } });
        return { result: provider, entityType: 'Provider', entityId: provider.id, after: provider };
      });
      return ctx.prisma.provider.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  updateProvider: t.prismaField({
    type: 'Provider',
    errors: {},
    args: { slug: t.arg.string(), input: t.arg({ type: ProviderInput }) },
    resolve: async (query, _p, args, ctx) => {
      requireAdmin(ctx);
      const before = await ctx.prisma.provider.findUnique({ where: { slug: args.slug } });
      if (!before) throw new NotFoundError('Fournisseur introuvable.');
      const { slug: _slug, ...data } = defined(args.input);
      checkProvider(data, false);
      await audited(ctx, 'provider.update', async (tx) => {
        const after = await tx.provider.update({ where: { id: before.id }, data: data as Prisma.ProviderUpdateInput });
        return { result: after, entityType: 'Provider', entityId: before.id, before, after };
      });
      return ctx.prisma.provider.findUniqueOrThrow({ ...query, where: { id: before.id } });
    },
  }),
  archiveProvider: t.prismaField({
    type: 'Provider',
    errors: {},
    description: 'Retire un fournisseur et ses outils du catalogue (l’historique est conservé).',
    args: { slug: t.arg.string() },
    resolve: async (query, _p, args, ctx) => {
      requireAdmin(ctx);
      const before = await ctx.prisma.provider.findUnique({ where: { slug: args.slug } });
      if (!before) throw new NotFoundError('Fournisseur introuvable.');
      await audited(ctx, 'provider.archive', async (tx) => {
        const now = new Date();
        const after = await tx.provider.update({ where: { id: before.id }, data: { archivedAt: now } });
        await tx.tool.updateMany({ where: { providerId: before.id, archivedAt: null }, data: { archivedAt: now } });
        return { result: after, entityType: 'Provider', entityId: before.id, before, after };
      });
      return ctx.prisma.provider.findUniqueOrThrow({ ...query, where: { id: before.id } });
    },
  }),

  createTool: t.prismaField({
    type: 'Tool',
    errors: {},
    args: { input: t.arg({ type: ToolInput }) },
    resolve: async (query, _p, { input }, ctx) => {
      if (!ctx.viewer) throw new UnauthenticatedError();
      const data = defined(input);
      checkTool(data, true);
      const provider = await ctx.prisma.provider.findUnique({ where: { slug: data.providerSlug! } });
      if (!provider) throw new ValidationError('Fournisseur introuvable.', 'providerSlug');
      if (!canEditTool(ctx.viewer, { providerId: provider.id })) throw new ForbiddenError('Seuls les administrateurs, ou le fournisseur lui-même, peuvent ajouter cet outil.');
      const category = await ctx.prisma.category.findUnique({ where: { slug: data.categorySlug! } });
      if (!category) throw new ValidationError('Catégorie introuvable.', 'categorySlug');
      if (await ctx.prisma.tool.findUnique({ where: { slug: data.slug! } })) throw new ConflictError('Un outil porte déjà cet identifiant.');
      const { providerSlug: _p1, categorySlug: _c1, ...fields } = data;
      const created = await audited(ctx, 'tool.create', async (tx) => {
        const tool = await tx.tool.create({
          data: {
            ...(fields as Omit<Prisma.ToolUncheckedCreateInput, 'providerId' | 'categoryId'>),
            providerId: provider.id,
            categoryId: category.id,
            searchText: toolSearchText(fields as { name: string; description: string }, provider.name, category.name),
            declaredByProvider: editsAsProvider(ctx.viewer),
          },
        });
        return { result: tool, entityType: 'Tool', entityId: tool.id, after: tool };
      });
      return ctx.prisma.tool.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  updateTool: t.prismaField({
    type: 'Tool',
    errors: {},
    args: { slug: t.arg.string(), input: t.arg({ type: ToolInput }) },
    resolve: async (query, _p, args, ctx) => {
      const found = existing(ctx, await ctx.prisma.tool.findUnique({ where: { slug: args.slug } }), 'Outil introuvable.');
      const before = await editableTool(ctx, found.id);
      const { slug: _s, providerSlug: _p2, categorySlug, ...fields } = defined(args.input);
      checkTool(fields, false);
      const category = categorySlug ? await ctx.prisma.category.findUnique({ where: { slug: categorySlug } }) : null;
      if (categorySlug && !category) throw new ValidationError('Catégorie introuvable.', 'categorySlug');
      await audited(ctx, 'tool.update', async (tx) => {
        const provider = await tx.provider.findUniqueOrThrow({ where: { id: before.providerId } });
        const finalCategory = category ?? (await tx.category.findUniqueOrThrow({ where: { id: before.categoryId } }));
        const merged = { name: (fields.name as string) ?? before.name, description: (fields.description as string) ?? before.description };
        const after = await tx.tool.update({
          where: { id: before.id },
          data: {
            ...(fields as Prisma.ToolUncheckedUpdateInput),
            ...(category ? { categoryId: category.id } : {}),
            searchText: toolSearchText(merged, provider.name, finalCategory.name),
            declaredByProvider: editsAsProvider(ctx.viewer),
            isDemo: false,
          },
        });
        return { result: after, entityType: 'Tool', entityId: before.id, before, after };
      });
      return ctx.prisma.tool.findUniqueOrThrow({ ...query, where: { id: before.id } });
    },
  }),
  archiveTool: t.prismaField({
    type: 'Tool',
    errors: {},
    args: { slug: t.arg.string() },
    resolve: async (query, _p, args, ctx) => {
      const found = existing(ctx, await ctx.prisma.tool.findUnique({ where: { slug: args.slug } }), 'Outil introuvable.');
      const before = await editableTool(ctx, found.id);
      await audited(ctx, 'tool.archive', async (tx) => {
        const after = await tx.tool.update({ where: { id: before.id }, data: { archivedAt: new Date() } });
        return { result: after, entityType: 'Tool', entityId: before.id, before, after };
      });
      return ctx.prisma.tool.findUniqueOrThrow({ ...query, where: { id: before.id } });
    },
  }),

  createPricingPlan: t.prismaField({
    type: 'PricingPlan',
    errors: {},
    args: { toolSlug: t.arg.string(), input: t.arg({ type: PricingPlanInput }) },
    resolve: async (query, _p, args, ctx) => {
      const found = existing(ctx, await ctx.prisma.tool.findUnique({ where: { slug: args.toolSlug } }), 'Outil introuvable.');
      const tool = await editableTool(ctx, found.id);
      const { tiers, ...data } = defined(args.input);
      checkPlan({ ...data, tiers }, true);
      if (await ctx.prisma.pricingPlan.findUnique({ where: { toolId_name: { toolId: tool.id, name: data.name! } } })) {
        throw new ValidationError('Cet outil a déjà une offre de ce nom.', 'name');
      }
      const created = await audited(ctx, 'plan.create', async (tx) => {
        const plan = await tx.pricingPlan.create({
          data: {
            ...(data as Omit<Prisma.PricingPlanUncheckedCreateInput, 'toolId'>),
            toolId: tool.id,
            tiers: { create: (tiers ?? []).map((tier) => ({ minVolume: tier.minVolume, unitPrice: tier.unitPrice })) },
          },
          include: { tiers: true },
        });
        return { result: plan, entityType: 'PricingPlan', entityId: plan.id, after: plan };
      });
      return ctx.prisma.pricingPlan.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  updatePricingPlan: t.prismaField({
    type: 'PricingPlan',
    errors: {},
    args: { id: t.arg.globalID({ for: PricingPlan }), input: t.arg({ type: PricingPlanInput }) },
    resolve: async (query, _p, args, ctx) => {
      const before = existing(ctx, await ctx.prisma.pricingPlan.findUnique({ where: { id: Number(args.id.id) }, include: { tiers: true } }), 'Offre introuvable.');
      await editableTool(ctx, before.toolId);
      const { tiers, ...data } = defined(args.input);
      checkPlan({ ...data, tiers }, false);
      await audited(ctx, 'plan.update', async (tx) => {
        if (tiers) await tx.priceTier.deleteMany({ where: { planId: before.id } });
        const after = await tx.pricingPlan.update({
          where: { id: before.id },
          data: {
            ...(data as Prisma.PricingPlanUncheckedUpdateInput),
            isDemo: false,
            ...(tiers ? { tiers: { create: tiers.map((tier) => ({ minVolume: tier.minVolume, unitPrice: tier.unitPrice })) } } : {}),
          },
          include: { tiers: true },
        });
        return { result: after, entityType: 'PricingPlan', entityId: before.id, before, after };
      });
      return ctx.prisma.pricingPlan.findUniqueOrThrow({ ...query, where: { id: before.id } });
    },
  }),
  archivePricingPlan: t.prismaField({
    type: 'PricingPlan',
    errors: {},
    args: { id: t.arg.globalID({ for: PricingPlan }) },
    resolve: async (query, _p, args, ctx) => {
      const before = existing(ctx, await ctx.prisma.pricingPlan.findUnique({ where: { id: Number(args.id.id) } }), 'Offre introuvable.');
      await editableTool(ctx, before.toolId);
      await audited(ctx, 'plan.archive', async (tx) => {
        const after = await tx.pricingPlan.update({ where: { id: before.id }, data: { archivedAt: new Date() } });
        return { result: after, entityType: 'PricingPlan', entityId: before.id, before, after };
      });
      return ctx.prisma.pricingPlan.findUniqueOrThrow({ ...query, where: { id: before.id } });
    },
  }),

  createImpactFigure: t.prismaField({
    type: 'ImpactFigure',
    errors: {},
    args: { toolSlug: t.arg.string(), input: t.arg({ type: ImpactFigureInput }) },
    resolve: async (query, _p, args, ctx) => {
      const found = existing(ctx, await ctx.prisma.tool.findUnique({ where: { slug: args.toolSlug } }), 'Outil introuvable.');
      const tool = await editableTool(ctx, found.id);
      const data = defined(args.input);
      checkFigure(data, true);
      const created = await audited(ctx, 'impact.create', async (tx) => {
        const figure = await tx.impactFigure.create({
          data: { ...(data as Omit<Prisma.ImpactFigureUncheckedCreateInput, 'toolId'>), toolId: tool.id, declaredByProvider: editsAsProvider(ctx.viewer) },
        });
        return { result: figure, entityType: 'ImpactFigure', entityId: figure.id, after: figure };
      });
      return ctx.prisma.impactFigure.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),
  updateImpactFigure: t.prismaField({
    type: 'ImpactFigure',
    errors: {},
    args: { id: t.arg.globalID({ for: ImpactFigure }), input: t.arg({ type: ImpactFigureInput }) },
    resolve: async (query, _p, args, ctx) => {
      const before = existing(ctx, await ctx.prisma.impactFigure.findUnique({ where: { id: Number(args.id.id) } }), 'Chiffre d’impact introuvable.');
      await editableTool(ctx, before.toolId);
      const data = defined(args.input);
      checkFigure(data, false);
      await audited(ctx, 'impact.update', async (tx) => {
        const after = await tx.impactFigure.update({
          where: { id: before.id },
          data: { ...(data as Prisma.ImpactFigureUncheckedUpdateInput), declaredByProvider: editsAsProvider(ctx.viewer), isDemo: false },
        });
        return { result: after, entityType: 'ImpactFigure', entityId: before.id, before, after };
      });
      return ctx.prisma.impactFigure.findUniqueOrThrow({ ...query, where: { id: before.id } });
    },
  }),
  archiveImpactFigure: t.prismaField({
    type: 'ImpactFigure',
    errors: {},
    args: { id: t.arg.globalID({ for: ImpactFigure }) },
    resolve: async (query, _p, args, ctx) => {
      const before = existing(ctx, await ctx.prisma.impactFigure.findUnique({ where: { id: Number(args.id.id) } }), 'Chiffre d’impact introuvable.');
      await editableTool(ctx, before.toolId);
      await audited(ctx, 'impact.archive', async (tx) => {
        const after = await tx.impactFigure.update({ where: { id: before.id }, data: { archivedAt: new Date() } });
        return { result: after, entityType: 'ImpactFigure', entityId: before.id, before, after };
      });
      return ctx.prisma.impactFigure.findUniqueOrThrow({ ...query, where: { id: before.id } });
    },
  }),
}));
