import type { Prisma } from '../../generated/prisma/client.ts';
import { dec } from '../../shared/money.ts';
import { canAdministerOrganization, groupVisibility, visibleWhere } from '../auth/rules.ts';
import {
  allocationRuleError,
  eligibilityError,
  groupEconomics,
  membershipChangeError,
  transitionError,
  type GroupStatus as Status,
  type VolumeUnit as Unit,
} from './rules.ts';
import { audited, type Tx } from '../audit/service.ts';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, requireViewer } from '../../graphql/errors.ts';
import { decimalColumnError } from '../../graphql/input.ts';
import { Checks, clean } from '../../graphql/validate.ts';
import { AllocationRule, GroupEligibility, PurchasingGroup, VolumeUnit } from './schema.ts';

// ----------------------------------------------------------------------------- mutations

const TierInput = builder.inputType('GroupTierInput', {
  extensions: { model: 'GroupPriceTier' },
  fields: (t) => ({ minVolume: t.field({ type: 'Decimal' }), unitPrice: t.field({ type: 'Decimal', description: 'Euros HT par unité et par an.' }) }),
});

const CreateGroupInput = builder.inputType('CreatePurchasingGroupInput', {
  fields: (t) => ({
    title: t.string(),
    description: t.string({ required: false, extensions: { multiline: true } }),
    toolSlug: t.string({ required: false, description: 'L’outil visé ; ou bien une catégorie et des outils candidats.' }),
    categorySlug: t.string({ required: false }),
    candidateToolSlugs: t.stringList({ required: false }),
    interestDeadline: t.field({ type: 'DateTime' }),
    eligibility: t.field({ type: GroupEligibility, required: false, defaultValue: 'ALL' }),
    allocationRule: t.field({ type: AllocationRule }),
    volumeUnit: t.field({ type: VolumeUnit }),
    listUnitPrice: t.field({ type: 'Decimal', required: false, extensions: { column: 'PurchasingGroup.listUnitPrice' }, description: 'Par défaut, tiré de l’offre catalogue de l’outil.' }),
    tiers: t.field({ type: [TierInput], required: false, description: 'Par défaut, les paliers de l’offre catalogue.' }),
  }),
});

/** Converts a catalogue plan into a yearly price per group unit, when their units agree. */
function planPrice(plan: { pricingModel: string; unitPrice: Prisma.Decimal; tiers: { minVolume: Prisma.Decimal; unitPrice: Prisma.Decimal }[] }, unit: Unit) {
  const conversions: Record<string, { unit: Unit; price: (p: string) => string; volume: (v: string) => string } | undefined> = {
    PER_SEAT_MONTH: { unit: 'SEATS', price: (p) => dec(p).times(12).toString(), volume: (v) => v },
    PER_INHABITANT_YEAR: { unit: 'INHABITANTS', price: (p) => p, volume: (v) => v },
    PER_1K_REQUESTS: { unit: 'REQUESTS', price: (p) => dec(p).div(1000).toString(), volume: (v) => dec(v).times(1000).toString() },
  };
  const conversion = conversions[plan.pricingModel];
  if (!conversion || conversion.unit !== unit) return null;
  return {
    listUnitPrice: conversion.price(plan.unitPrice.toString()),
    tiers: plan.tiers.map((tier) => ({ minVolume: conversion.volume(tier.minVolume.toString()), unitPrice: conversion.price(tier.unitPrice.toString()) })),
  };
}


/** Locks the group row for the rest of the transaction: concurrent changes to one group are serialized. */
async function lockGroup(tx: Tx, id: number) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "PurchasingGroup" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('Groupement introuvable.');
  return tx.purchasingGroup.findUniqueOrThrow({ where: { id } });
}

/** Group writes wait for the row lock rather than for the default 2 s of Prisma. */
const TX = { maxWait: 15_000, timeout: 20_000 };

async function groupAudited<T>(ctx: Context, action: string, groupId: number, change: (tx: Tx, group: Awaited<ReturnType<typeof lockGroup>>) => Promise<{ result: T; before?: unknown; after?: unknown; entityType?: string; entityId?: number }>) {
  return audited(
    ctx,
    action,
    async (tx) => {
      const group = await lockGroup(tx, groupId);
      const done = await change(tx, group);
      return { entityType: done.entityType ?? 'PurchasingGroup', entityId: done.entityId ?? groupId, organizationId: ctx.viewer?.organizationId, ...done };
    },
    TX,
  );
}

async function existingGroup(ctx: Context, id: string) {
  // a draft the viewer may not see is as unknown as a missing group (no "exists but refused" answer)
  const group = await ctx.prisma.purchasingGroup.findUnique({ where: { id: Number(id), ...visibleWhere(groupVisibility(ctx.viewer)) } });
  if (!group) throw new NotFoundError('Groupement introuvable.');
  return group;
}

function coordinatorOnly(ctx: Context, group: { coordinatorId: number }) {
  const viewer = requireViewer(ctx);
  if (!canAdministerOrganization(viewer, group.coordinatorId)) throw new ForbiddenError('Seuls les administrateurs de la collectivité coordonnatrice peuvent faire cela.');
  return viewer;
}

const stateChange = (target: Status, action: string, extra?: (args: Record<string, unknown>) => Prisma.PurchasingGroupUpdateInput) =>
  async (query: object, args: { id: { id: string }; reason?: string | null }, ctx: Context) => {
    const found = await existingGroup(ctx, args.id.id);
    coordinatorOnly(ctx, found);
    await groupAudited(ctx, action, found.id, async (tx, group) => {
      const refusal = transitionError(group.status, target);
      if (refusal) throw new ConflictError(refusal);
      const after = await tx.purchasingGroup.update({
        where: { id: group.id },
        data: { status: target, version: { increment: 1 }, ...(extra?.(args as Record<string, unknown>) ?? {}) },
      });
      return { result: after, before: group, after };
    });
    return ctx.prisma.purchasingGroup.findUniqueOrThrow({ ...(query as object), where: { id: found.id } });
  };

builder.mutationFields((t) => ({
  createPurchasingGroup: t.prismaField({
    type: 'PurchasingGroup',
    description: 'Crée un groupement (en préparation), coordonné par l’organisation de la personne connectée (ORG_ADMIN).',
    errors: {},
    args: { input: t.arg({ type: CreateGroupInput }) },
    resolve: async (query, _p, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      if (!canAdministerOrganization(viewer, viewer.organizationId)) throw new ForbiddenError('Seuls les administrateurs d’une collectivité peuvent créer un groupement.');
      const checks = new Checks()
        .text(input.title, 'title', 'Le titre', { min: 5, max: 200 })
        .text(input.description, 'description', 'La description', { max: 5000 })
        .check(!!input.toolSlug !== !!input.categorySlug, 'toolSlug', 'Choisissez un outil, ou bien une catégorie avec des outils candidats.')
        .check(input.interestDeadline.getTime() > Date.now(), 'interestDeadline', 'La date limite doit être dans le futur.')
        // prices and volumes are checked against their columns by the input guard (graphql/input.ts)
        .check((input.tiers ?? []).length <= 20, 'tiers', '20 paliers au plus.')
        .check((input.candidateToolSlugs ?? []).length <= 20, 'candidateToolSlugs', '20 outils candidats au plus.')
        .check(new Set((input.tiers ?? []).map((t) => Number(t.minVolume))).size === (input.tiers ?? []).length, 'tiers', 'Deux paliers ne peuvent pas commencer au même volume.');
      const ruleError = allocationRuleError(input.allocationRule, input.volumeUnit);
      checks.check(!ruleError, 'allocationRule', ruleError ?? '');
      if (input.eligibility === 'EPCI_MEMBERS') checks.check(viewer.organization.kind === 'EPCI', 'eligibility', 'Seul un EPCI peut réserver un groupement à ses communes membres.');
      checks.done();

      let toolId: number | null = null;
      let categoryId: number | null = null;
      let candidateIds: number[] = [];
      let price = { listUnitPrice: input.listUnitPrice ?? null, tiers: input.tiers ?? null } as { listUnitPrice: string | null; tiers: { minVolume: string; unitPrice: string }[] | null };
      let basePlanId: number | null = null;
      if (input.toolSlug) {
        const tool = await ctx.prisma.tool.findUnique({
          where: { slug: input.toolSlug },
          include: { plans: { where: { archivedAt: null }, include: { tiers: true }, orderBy: { id: 'asc' } } },
        });
        if (!tool || tool.archivedAt) throw new ValidationError('Outil introuvable dans le catalogue.', 'toolSlug');
        toolId = tool.id;
        for (const plan of tool.plans) {
          const converted = planPrice(plan, input.volumeUnit);
          if (!converted) continue;
          basePlanId = plan.id;
          price = { listUnitPrice: price.listUnitPrice ?? converted.listUnitPrice, tiers: price.tiers ?? converted.tiers };
          break;
        }
      } else {
        const category = await ctx.prisma.category.findUnique({ where: { slug: input.categorySlug! } });
        if (!category) throw new ValidationError('Catégorie introuvable.', 'categorySlug');
        categoryId = category.id;
        const candidates = await ctx.prisma.tool.findMany({ where: { slug: { in: input.candidateToolSlugs ?? [] }, archivedAt: null } });
        if (candidates.length !== (input.candidateToolSlugs ?? []).length) throw new ValidationError('Un outil candidat est introuvable.', 'candidateToolSlugs');
        candidateIds = candidates.map((c) => c.id);
      }
      // a price converted from the catalogue (×12 per month, ÷1000 per request) must still fit the group's columns
      const derived = new Checks();
      if (price.listUnitPrice != null) {
        const error = decimalColumnError(dec(price.listUnitPrice).toFixed(), 'PurchasingGroup.listUnitPrice', 'Le prix unitaire annuel', { rounded: true });
        derived.check(!error, 'listUnitPrice', error ?? '');
      }
      for (const tier of price.tiers ?? []) {
        const error =
          decimalColumnError(dec(tier.minVolume).toFixed(), 'GroupPriceTier.minVolume', 'Le volume d’un palier', { rounded: true }) ??
          decimalColumnError(dec(tier.unitPrice).toFixed(), 'GroupPriceTier.unitPrice', 'Le prix d’un palier', { rounded: true });
        derived.check(!error, 'tiers', error ?? '');
      }
      derived.done();
      if (price.listUnitPrice == null) {
        throw new ValidationError('Aucune offre du catalogue n’est exprimée dans cette unité : indiquez le prix unitaire annuel.', 'listUnitPrice');
      }
      const created = await audited(ctx, 'group.create', async (tx) => {
        const group = await tx.purchasingGroup.create({
          data: {
            title: input.title.trim(),
            description: clean(input.description),
            toolId,
            categoryId,
            coordinatorId: viewer.organizationId,
            interestDeadline: input.interestDeadline,
            eligibility: input.eligibility ?? 'ALL',
            allocationRule: input.allocationRule,
            volumeUnit: input.volumeUnit,
            listUnitPrice: price.listUnitPrice!,
            basePlanId,
            tiers: { create: (price.tiers ?? []).map((tier) => ({ minVolume: tier.minVolume, unitPrice: tier.unitPrice })) },
            candidateTools: { create: candidateIds.map((id) => ({ toolId: id })) },
          },
          include: { tiers: true },
        });
        return { result: group, entityType: 'PurchasingGroup', entityId: group.id, after: group };
      });
      return ctx.prisma.purchasingGroup.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),

  openPurchasingGroup: t.withAuth({ loggedIn: true }).prismaField({
    type: 'PurchasingGroup',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }) },
    authScopes: (_p, args) => ({ coordinates: Number(args.id.id) }),
    resolve: (query, _p, args, ctx) => stateChange('OPEN', 'group.open')(query, args, ctx),
  }),
  closePurchasingGroup: t.prismaField({
    type: 'PurchasingGroup',
    description: 'Clôt le groupement : les engagements sont figés.',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }) },
    resolve: (query, _p, args, ctx) => stateChange('CLOSED', 'group.close')(query, args, ctx),
  }),
  cancelPurchasingGroup: t.prismaField({
    type: 'PurchasingGroup',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }), reason: t.arg.string({ extensions: { multiline: true } }) },
    resolve: (query, _p, args, ctx) => {
      new Checks().text(args.reason, 'reason', 'Le motif d’annulation', { min: 3, max: 1000 }).done();
      return stateChange('CANCELLED', 'group.cancel', (a) => ({ cancelReason: clean(a.reason as string) }))(query, args, ctx);
    },
  }),

  joinPurchasingGroup: t.prismaField({
    type: 'GroupMembership',
    description: 'Fait adhérer sa collectivité (INTERESTED) avec un volume estimé, dans l’unité du groupement.',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }), estimatedVolume: t.arg({ type: 'Decimal', extensions: { column: 'GroupMembership.estimatedVolume' } }) },
    resolve: async (query, _p, args, ctx) => {
      const viewer = requireViewer(ctx);
      const found = await existingGroup(ctx, args.id.id);
      if (!canAdministerOrganization(viewer, viewer.organizationId)) {
        throw new ForbiddenError('Seuls les administrateurs d’une collectivité peuvent l’engager dans un groupement.');
      }
      const coordinator = await ctx.prisma.organization.findUniqueOrThrow({ where: { id: found.coordinatorId } });
      const ineligible = eligibilityError(found.eligibility, coordinator, viewer.organization);
      if (ineligible) throw new ForbiddenError(ineligible);
      const membership = await groupAudited(ctx, 'group.join', found.id, async (tx, group) => {
        const refusal = membershipChangeError(group.status, group.interestDeadline, new Date());
        if (refusal) throw new ConflictError(refusal);
        const before = await tx.groupMembership.findUnique({ where: { groupId_organizationId: { groupId: group.id, organizationId: viewer.organizationId } } });
        if (before && before.status !== 'WITHDRAWN') throw new ConflictError('Votre collectivité adhère déjà à ce groupement.');
        const after = before
          ? await tx.groupMembership.update({
              where: { id: before.id },
              data: { status: 'INTERESTED', estimatedVolume: args.estimatedVolume, committedVolume: null, committedAt: null, withdrawnAt: null },
            })
          : await tx.groupMembership.create({
              data: { groupId: group.id, organizationId: viewer.organizationId, status: 'INTERESTED', estimatedVolume: args.estimatedVolume },
            });
        await tx.purchasingGroup.update({ where: { id: group.id }, data: { version: { increment: 1 } } });
        return { result: after, before, after, entityType: 'GroupMembership', entityId: after.id };
      });
      return ctx.prisma.groupMembership.findUniqueOrThrow({ ...query, where: { id: membership.id } });
    },
  }),

  commitToPurchasingGroup: t.prismaField({
    type: 'GroupMembership',
    description: 'Engage sa collectivité sur un volume ferme (COMMITTED).',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }), volume: t.arg({ type: 'Decimal', extensions: { column: 'GroupMembership.committedVolume' } }) },
    resolve: async (query, _p, args, ctx) => {
      const viewer = requireViewer(ctx);
      const found = await existingGroup(ctx, args.id.id);
      if (!canAdministerOrganization(viewer, viewer.organizationId)) {
        throw new ForbiddenError('Seuls les administrateurs d’une collectivité peuvent l’engager dans un groupement.');
      }
      const membership = await groupAudited(ctx, 'group.commit', found.id, async (tx, group) => {
        const refusal = membershipChangeError(group.status, group.interestDeadline, new Date());
        if (refusal) throw new ConflictError(refusal);
        const before = await tx.groupMembership.findUnique({ where: { groupId_organizationId: { groupId: group.id, organizationId: viewer.organizationId } } });
        if (!before || before.status === 'WITHDRAWN') throw new ConflictError('Adhérez d’abord au groupement avant de vous engager.');
        const after = await tx.groupMembership.update({
          where: { id: before.id },
          data: { status: 'COMMITTED', committedVolume: args.volume, committedAt: new Date() },
        });
        await tx.purchasingGroup.update({ where: { id: group.id }, data: { version: { increment: 1 } } });
        return { result: after, before, after, entityType: 'GroupMembership', entityId: after.id };
      });
      return ctx.prisma.groupMembership.findUniqueOrThrow({ ...query, where: { id: membership.id } });
    },
  }),

  withdrawFromPurchasingGroup: t.prismaField({
    type: 'GroupMembership',
    description: 'Retire sa collectivité du groupement, tant qu’il est ouvert.',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }) },
    resolve: async (query, _p, args, ctx) => {
      const viewer = requireViewer(ctx);
      const found = await existingGroup(ctx, args.id.id);
      if (!canAdministerOrganization(viewer, viewer.organizationId)) throw new ForbiddenError();
      const membership = await groupAudited(ctx, 'group.withdraw', found.id, async (tx, group) => {
        if (group.status !== 'OPEN') throw new ConflictError('Le groupement n’est plus ouvert : les engagements sont figés.');
        const before = await tx.groupMembership.findUnique({ where: { groupId_organizationId: { groupId: group.id, organizationId: viewer.organizationId } } });
        if (!before || before.status === 'WITHDRAWN') throw new ConflictError('Votre collectivité n’adhère pas à ce groupement.');
        const after = await tx.groupMembership.update({ where: { id: before.id }, data: { status: 'WITHDRAWN', withdrawnAt: new Date() } });
        await tx.purchasingGroup.update({ where: { id: group.id }, data: { version: { increment: 1 } } });
        return { result: after, before, after, entityType: 'GroupMembership', entityId: after.id };
      });
      return ctx.prisma.groupMembership.findUniqueOrThrow({ ...query, where: { id: membership.id } });
    },
  }),

  awardPurchasingGroup: t.prismaField({
    type: 'PurchasingGroup',
    description:
      'Attribue le marché : fournisseur, offre et prix unitaire final ; crée ou met à jour le déploiement de chaque membre engagé ' +
      '(voie d’achat PURCHASING_GROUP, coût annuel = sa part).',
    errors: {},
    args: {
      id: t.arg.globalID({ for: PurchasingGroup }),
      toolSlug: t.arg.string({ required: false, description: 'Outil retenu (obligatoire pour un groupement par catégorie).' }),
      unitPrice: t.arg({ type: 'Decimal', required: false, extensions: { column: 'PurchasingGroup.awardedUnitPrice' }, description: 'Prix unitaire annuel final ; par défaut celui du palier atteint.' }),
    },
    resolve: async (query, _p, args, ctx) => {
      const found = await existingGroup(ctx, args.id.id);
      coordinatorOnly(ctx, found);
      await groupAudited(ctx, 'group.award', found.id, async (tx, group) => {
        const refusal = transitionError(group.status, 'AWARDED');
        if (refusal) throw new ConflictError(refusal);
        const tool = args.toolSlug
          ? await tx.tool.findUnique({ where: { slug: args.toolSlug } })
          : group.toolId
            ? await tx.tool.findUnique({ where: { id: group.toolId } })
            : null;
        if (!tool) throw new ValidationError('Indiquez l’outil retenu.', 'toolSlug');
        if (group.toolId && tool.id !== group.toolId) throw new ValidationError('L’outil retenu doit être celui du groupement.', 'toolSlug');
        if (!group.toolId && !(await tx.groupCandidateTool.findUnique({ where: { groupId_toolId: { groupId: group.id, toolId: tool.id } } }))) {
          throw new ValidationError('L’outil retenu doit être l’un des outils candidats.', 'toolSlug');
        }
        const [tiers, memberships] = await Promise.all([
          tx.groupPriceTier.findMany({ where: { groupId: group.id } }),
          tx.groupMembership.findMany({ where: { groupId: group.id }, orderBy: { id: 'asc' }, include: { organization: true } }),
        ]);
        const committed = memberships.filter((m) => m.status === 'COMMITTED');
        if (committed.length === 0) throw new ConflictError('Aucun membre ne s’est engagé : le groupement ne peut pas être attribué.');
        const economics = groupEconomics({
          listUnitPrice: group.listUnitPrice,
          // a final price replaces the tiers
          tiers: args.unitPrice ? [] : tiers,
          allocationRule: group.allocationRule,
          members: memberships.map((m) => ({
            organizationId: m.organizationId, status: m.status, estimatedVolume: m.estimatedVolume, committedVolume: m.committedVolume,
            population: m.organization.population, currentAnnualCost: null,
          })),
          ...(args.unitPrice ? { listUnitPrice: args.unitPrice } : {}),
        });
        // each member's share becomes its deployment's annual cost: refuse, typed, what the column cannot hold
        const tooLarge = [String(economics.unitPrice), ...economics.shares.map((share) => String(share.share))].some(
          (value, i) => decimalColumnError(dec(value).toFixed(), i === 0 ? 'PurchasingGroup.awardedUnitPrice' : 'Deployment.annualCost', 'Montant', { rounded: true }),
        );
        if (tooLarge) throw new ValidationError('Montants hors limites : vérifiez le prix unitaire et les volumes engagés.', 'unitPrice');
        for (const share of economics.shares) {
          await tx.deployment.upsert({
            where: { organizationId_toolId: { organizationId: share.organizationId, toolId: tool.id } },
            create: {
              organizationId: share.organizationId, toolId: tool.id, status: 'PRODUCTION', procurementRoute: 'PURCHASING_GROUP',
              annualCost: share.share, purchasingGroupId: group.id, createdById: ctx.viewer!.id, startDate: new Date(),
            },
            update: { procurementRoute: 'PURCHASING_GROUP', annualCost: share.share, purchasingGroupId: group.id, isDemo: false },
          });
        }
        const after = await tx.purchasingGroup.update({
          where: { id: group.id },
          data: {
            status: 'AWARDED', awardedAt: new Date(), awardedUnitPrice: economics.unitPrice, awardedProviderId: tool.providerId,
            awardedPlanId: group.basePlanId, version: { increment: 1 }, ...(group.toolId ? {} : { toolId: tool.id }),
          },
        });
        return { result: after, before: group, after: { ...after, shares: economics.shares, total: economics.total } };
      });
      return ctx.prisma.purchasingGroup.findUniqueOrThrow({ ...query, where: { id: found.id } });
    },
  }),
}));
