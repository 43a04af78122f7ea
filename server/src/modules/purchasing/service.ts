// The use cases of purchasing groups. Who may call them is decided by the schema's scopes (coordinates, administers);
// what depends on the group itself (its state, its deadline, who is eligible) is checked here, under the group's row lock.
import { Prisma, type GroupMembership } from '@mutualis/db/client';
import { dec, type DecimalLike } from '../../shared/money.ts';
import { canAdministerOrganization, groupVisibility, visibleWhere } from '../../shared/permissions.ts';
import type { SessionUser } from '../auth/session.ts';
import { audited, columns, columnsOf, withColumns, type Tx } from '../audit/service.ts';
import type { Context } from '../../graphql/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../graphql/errors.ts';
import { decimalColumnError, type DecimalColumn } from '../../graphql/input.ts';
import { Checks, clean } from '../../graphql/validate.ts';
import { groupConventionHtml, groupMembersCsv, type CsvFormat } from './exports.ts';
import { loadGroupExport } from './loaders.ts';
import {
  allocationRuleError,
  eligibilityError,
  groupEconomics,
  membershipChangeError,
  planPrice,
  transitionError,
  type AllocationRule,
  type Eligibility,
  type GroupStatus,
  type OrgGeo,
  type VolumeUnit,
} from './rules.ts';

/** The selection GraphQL asked for, which the last write of a use case reads back (`...query`). */
export interface GroupQuery {
  include?: Prisma.PurchasingGroupInclude;
  select?: Prisma.PurchasingGroupSelect;
}
export interface MembershipQuery {
  include?: Prisma.GroupMembershipInclude;
  select?: Prisma.GroupMembershipSelect;
}

const GROUP_COLUMNS = columns(Prisma.PurchasingGroupScalarFieldEnum);
export const MEMBERSHIP_COLUMNS = columns(Prisma.GroupMembershipScalarFieldEnum);

const NOT_FOUND = 'Groupement introuvable.';

/** NOT_FOUND unless the viewer sees the group: a draft it may not see is as unknown as a missing group. */
export async function ensureVisibleGroup(ctx: Context, id: number): Promise<void> {
  const group = await ctx.prisma.purchasingGroup.findUnique({ where: { id, ...visibleWhere(groupVisibility(ctx.viewer)) }, select: { id: true } });
  if (!group) throw new NotFoundError(NOT_FOUND);
}

/** Locks the group row for the rest of the transaction: concurrent changes to one group are serialized. */
async function lockGroup(tx: Tx, id: number) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "PurchasingGroup" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError(NOT_FOUND);
  return tx.purchasingGroup.findUniqueOrThrow({ where: { id } });
}
export type LockedGroup = Awaited<ReturnType<typeof lockGroup>>;

/** Group writes wait for the row lock rather than for the default 2 s of Prisma. */
const TX = { maxWait: 15_000, timeout: 20_000 };

interface GroupChange<T> {
  result: T;
  before?: unknown;
  after?: unknown;
  entityType?: string;
  entityId?: number;
}

/** An audited change of one group, made under its row lock; the event names the group unless the change says otherwise. */
export function groupAudited<T>(ctx: Context, action: string, groupId: number, change: (tx: Tx, group: LockedGroup) => Promise<GroupChange<T>>) {
  return audited(ctx, action, async (tx) => ({ entityType: 'PurchasingGroup', entityId: groupId, ...(await change(tx, await lockGroup(tx, groupId))) }), TX);
}

/** Why `value` does not fit `column` once the database rounds its scale, or null. */
const overflow = (value: DecimalLike, column: DecimalColumn, label: string) => decimalColumnError(dec(value).toFixed(), column, label, { rounded: true });

// ----------------------------------------------------------------------------- creation

type PriceTier = { minVolume: string; unitPrice: string };

export interface NewGroup {
  title: string;
  description?: string | null;
  toolSlug?: string | null;
  categorySlug?: string | null;
  candidateToolSlugs?: string[] | null;
  interestDeadline: Date;
  eligibility?: Eligibility | null;
  allocationRule: AllocationRule;
  volumeUnit: VolumeUnit;
  listUnitPrice?: string | null;
  tiers?: PriceTier[] | null;
}

/** The input rules of a new group, every refusal at once (prices and volumes: their columns, by the input guard). */
function checkNewGroup(actor: SessionUser, input: NewGroup) {
  const tiers = input.tiers ?? [];
  const ruleError = allocationRuleError(input.allocationRule, input.volumeUnit);
  new Checks()
    .text(input.title, 'title', 'Le titre', { min: 5, max: 200 })
    .text(input.description, 'description', 'La description', { max: 5000 })
    .check(!!input.toolSlug !== !!input.categorySlug, 'toolSlug', 'Choisissez un outil, ou bien une catégorie avec des outils candidats.')
    .check(input.interestDeadline.getTime() > Date.now(), 'interestDeadline', 'La date limite doit être dans le futur.')
    .check(tiers.length <= 20, 'tiers', '20 paliers au plus.')
    .check((input.candidateToolSlugs ?? []).length <= 20, 'candidateToolSlugs', '20 outils candidats au plus.')
    .check(new Set(tiers.map((t) => Number(t.minVolume))).size === tiers.length, 'tiers', 'Deux paliers ne peuvent pas commencer au même volume.')
    .check(!ruleError, 'allocationRule', ruleError ?? '')
    .check(input.eligibility !== 'EPCI_MEMBERS' || actor.organization.kind === 'EPCI', 'eligibility', 'Seul un EPCI peut réserver un groupement à ses communes membres.')
    .done();
}

interface Target {
  toolId: number | null;
  categoryId: number | null;
  candidateIds: number[];
  basePlanId: number | null;
  price: { listUnitPrice: string | null; tiers: PriceTier[] | null };
}

/** What the group buys: a catalogue tool, priced by default by its first plan in the group's unit; or a category and candidate tools. */
async function groupTarget(ctx: Context, input: NewGroup): Promise<Target> {
  const price = { listUnitPrice: input.listUnitPrice ?? null, tiers: input.tiers ?? null };
  if (input.toolSlug) {
    const tool = await ctx.prisma.tool.findUnique({
      where: { slug: input.toolSlug },
      include: { plans: { where: { archivedAt: null }, include: { tiers: true }, orderBy: { id: 'asc' } } },
    });
    if (!tool || tool.archivedAt) throw new ValidationError('Outil introuvable dans le catalogue.', 'toolSlug');
    const base = tool.plans.map((plan) => ({ id: plan.id, converted: planPrice(plan, input.volumeUnit) })).find((p) => p.converted);
    const catalogue = base?.converted;
    return {
      toolId: tool.id, categoryId: null, candidateIds: [], basePlanId: base?.id ?? null,
      price: { listUnitPrice: price.listUnitPrice ?? catalogue?.listUnitPrice ?? null, tiers: price.tiers ?? catalogue?.tiers ?? null },
    };
  }
  const category = await ctx.prisma.category.findUnique({ where: { slug: input.categorySlug! } });
  if (!category) throw new ValidationError('Catégorie introuvable.', 'categorySlug');
  const slugs = input.candidateToolSlugs ?? [];
  const candidates = await ctx.prisma.tool.findMany({ where: { slug: { in: slugs }, archivedAt: null } });
  if (candidates.length !== slugs.length) throw new ValidationError('Un outil candidat est introuvable.', 'candidateToolSlugs');
  return { toolId: null, categoryId: category.id, candidateIds: candidates.map((c) => c.id), basePlanId: null, price };
}

/** A price converted from the catalogue (×12 per month, ÷1000 per request) must still fit the group's columns; one is needed. */
function checkPrice(price: Target['price']): string {
  const checks = new Checks();
  if (price.listUnitPrice != null) {
    const error = overflow(price.listUnitPrice, 'PurchasingGroup.listUnitPrice', 'Le prix unitaire annuel');
    checks.check(!error, 'listUnitPrice', error ?? '');
  }
  for (const tier of price.tiers ?? []) {
    const error = overflow(tier.minVolume, 'GroupPriceTier.minVolume', 'Le volume d’un palier') ?? overflow(tier.unitPrice, 'GroupPriceTier.unitPrice', 'Le prix d’un palier');
    checks.check(!error, 'tiers', error ?? '');
  }
  checks.done();
  if (price.listUnitPrice == null) {
    throw new ValidationError('Aucune offre du catalogue n’est exprimée dans cette unité : indiquez le prix unitaire annuel.', 'listUnitPrice');
  }
  return price.listUnitPrice;
}

/** A new group in preparation (DRAFT), coordinated by the actor's organization. */
export async function createGroup(ctx: Context, actor: SessionUser, input: NewGroup, query: GroupQuery) {
  checkNewGroup(actor, input);
  const { price, candidateIds, ...target } = await groupTarget(ctx, input);
  const listUnitPrice = checkPrice(price);
  return audited(ctx, 'group.create', async (tx) => {
    const group = await tx.purchasingGroup.create({
      ...withColumns(query, GROUP_COLUMNS),
      data: {
        ...target,
        title: input.title.trim(),
        description: clean(input.description),
        coordinatorId: actor.organizationId,
        interestDeadline: input.interestDeadline,
        eligibility: input.eligibility ?? 'ALL',
        allocationRule: input.allocationRule,
        volumeUnit: input.volumeUnit,
        listUnitPrice,
        tiers: { create: (price.tiers ?? []).map((tier) => ({ minVolume: tier.minVolume, unitPrice: tier.unitPrice })) },
        candidateTools: { create: candidateIds.map((id) => ({ toolId: id })) },
      },
    });
    // the event keeps the tiers with the group, whatever the response selects
    const tiers = await tx.groupPriceTier.findMany({ where: { groupId: group.id }, orderBy: { id: 'asc' } });
    return { result: group, entityType: 'PurchasingGroup', entityId: group.id, after: { ...columnsOf(group), tiers } };
  });
}

// ----------------------------------------------------------------------------- life cycle (coordinator)

async function changeStatus(ctx: Context, id: number, target: GroupStatus, action: string, query: GroupQuery, data: Prisma.PurchasingGroupUpdateInput = {}) {
  return groupAudited(ctx, action, id, async (tx, group) => {
    const refusal = transitionError(group.status, target);
    if (refusal) throw new ConflictError(refusal);
    const after = await tx.purchasingGroup.update({ ...withColumns(query, GROUP_COLUMNS), where: { id }, data: { status: target, version: { increment: 1 }, ...data } });
    return { result: after, before: group, after: columnsOf(after) };
  });
}

/** Opens a draft to memberships. */
export const openGroup = (ctx: Context, id: number, query: GroupQuery) => changeStatus(ctx, id, 'OPEN', 'group.open', query);

/** Closes the group: commitments are frozen. */
export const closeGroup = (ctx: Context, id: number, query: GroupQuery) => changeStatus(ctx, id, 'CLOSED', 'group.close', query);

/** Cancels the group, with the reason its members will read. */
export function cancelGroup(ctx: Context, input: { id: number; reason: string }, query: GroupQuery) {
  new Checks().text(input.reason, 'reason', 'Le motif d’annulation', { min: 3, max: 1000 }).done();
  return changeStatus(ctx, input.id, 'CANCELLED', 'group.cancel', query, { cancelReason: clean(input.reason) });
}

/** The tool awarded: the group's own, or one of its candidates. */
async function awardedTool(tx: Tx, group: LockedGroup, toolSlug: string | null | undefined) {
  const tool = toolSlug
    ? await tx.tool.findUnique({ where: { slug: toolSlug } })
    : group.toolId
      ? await tx.tool.findUnique({ where: { id: group.toolId } })
      : null;
  if (!tool) throw new ValidationError('Indiquez l’outil retenu.', 'toolSlug');
  if (group.toolId && tool.id !== group.toolId) throw new ValidationError('L’outil retenu doit être celui du groupement.', 'toolSlug');
  if (!group.toolId && !(await tx.groupCandidateTool.findUnique({ where: { groupId_toolId: { groupId: group.id, toolId: tool.id } } }))) {
    throw new ValidationError('L’outil retenu doit être l’un des outils candidats.', 'toolSlug');
  }
  return tool;
}

/** The committed members' shares at the final price (a final unit price replaces the tiers). */
async function awardEconomics(tx: Tx, group: LockedGroup, unitPrice: string | null | undefined) {
  const [tiers, memberships] = await Promise.all([
    tx.groupPriceTier.findMany({ where: { groupId: group.id } }),
    tx.groupMembership.findMany({ where: { groupId: group.id }, orderBy: { id: 'asc' }, include: { organization: true } }),
  ]);
  if (!memberships.some((m) => m.status === 'COMMITTED')) throw new ConflictError('Aucun membre ne s’est engagé : le groupement ne peut pas être attribué.');
  const economics = groupEconomics({
    listUnitPrice: unitPrice || group.listUnitPrice,
    tiers: unitPrice ? [] : tiers,
    allocationRule: group.allocationRule,
    members: memberships.map((m) => ({
      organizationId: m.organizationId, status: m.status, estimatedVolume: m.estimatedVolume, committedVolume: m.committedVolume,
      population: m.organization.population, epciId: m.organization.epciId, currentAnnualCost: null,
    })),
  });
  // each member's share becomes its deployment's annual cost: refuse, typed, what the column cannot hold
  const tooLarge =
    overflow(economics.unitPrice, 'PurchasingGroup.awardedUnitPrice', 'Montant') || economics.shares.some((share) => overflow(share.share, 'Deployment.annualCost', 'Montant'));
  if (tooLarge) throw new ValidationError('Montants hors limites : vérifiez le prix unitaire et les volumes engagés.', 'unitPrice');
  return economics;
}

export interface Award {
  groupId: number;
  toolSlug?: string | null;
  unitPrice?: string | null;
}

/**
 * Awards the contract: provider, plan and final unit price; each committed member's deployment of the tool is created
 * or updated (procurement route PURCHASING_GROUP, annual cost = its share).
 */
export function awardGroup(ctx: Context, actor: SessionUser, input: Award, query: GroupQuery) {
  return groupAudited(ctx, 'group.award', input.groupId, async (tx, group) => {
    const refusal = transitionError(group.status, 'AWARDED');
    if (refusal) throw new ConflictError(refusal);
    const tool = await awardedTool(tx, group, input.toolSlug);
    const economics = await awardEconomics(tx, group, input.unitPrice);
    for (const share of economics.shares) {
      await tx.deployment.upsert({
        where: { organizationId_toolId: { organizationId: share.organizationId, toolId: tool.id } },
        create: {
          organizationId: share.organizationId, toolId: tool.id, status: 'PRODUCTION', procurementRoute: 'PURCHASING_GROUP',
          annualCost: share.share, purchasingGroupId: group.id, createdById: actor.id, startDate: new Date(),
        },
        update: { procurementRoute: 'PURCHASING_GROUP', annualCost: share.share, purchasingGroupId: group.id, isDemo: false },
      });
    }
    const after = await tx.purchasingGroup.update({
      ...withColumns(query, GROUP_COLUMNS),
      where: { id: group.id },
      data: {
        status: 'AWARDED', awardedAt: new Date(), awardedUnitPrice: economics.unitPrice, awardedProviderId: tool.providerId,
        awardedPlanId: group.basePlanId, version: { increment: 1 }, ...(group.toolId ? {} : { toolId: tool.id }),
      },
    });
    return { result: after, before: group, after: { ...columnsOf(after), shares: economics.shares, total: economics.total } };
  });
}

// ----------------------------------------------------------------------------- memberships (each organization's ORG_ADMIN)

/** Why `candidate` may not join the group, or null (the rule depends on the coordinator, loaded here). */
export async function ineligibility(db: Pick<Tx, 'organization'>, group: { eligibility: Eligibility; coordinatorId: number }, candidate: OrgGeo) {
  const coordinator = await db.organization.findUniqueOrThrow({ where: { id: group.coordinatorId } });
  return eligibilityError(group.eligibility, coordinator, candidate);
}

/** CONFLICT once the group is not open, or its deadline passed. */
export function refuseClosedMemberships(group: LockedGroup) {
  const refusal = membershipChangeError(group.status, group.interestDeadline, new Date());
  if (refusal) throw new ConflictError(refusal);
}

export const membershipOf = (tx: Tx, groupId: number, organizationId: number) =>
  tx.groupMembership.findUnique({ where: { groupId_organizationId: { groupId, organizationId } } });

/**
 * A change to one organization's membership, under the group's lock. The group's version moves first, so that the
 * membership write is the transaction's last and serves the response; the event names the membership.
 */
function membershipAudited<M extends GroupMembership>(
  ctx: Context,
  action: string,
  groupId: number,
  change: (tx: Tx, group: LockedGroup) => Promise<{ before: GroupMembership | null; after: M }>,
) {
  return groupAudited(ctx, action, groupId, async (tx, group) => {
    await tx.purchasingGroup.update({ where: { id: group.id }, data: { version: { increment: 1 } } });
    const { before, after } = await change(tx, group);
    return { result: after, before, after: columnsOf(after), entityType: 'GroupMembership', entityId: after.id };
  });
}

/** The actor's organization joins (INTERESTED) with an estimated volume, in the group's unit; a withdrawn member joins again. */
export function joinGroup(ctx: Context, actor: SessionUser, input: { groupId: number; estimatedVolume: string }, query: MembershipQuery) {
  return membershipAudited(ctx, 'group.join', input.groupId, async (tx, group) => {
    const ineligible = await ineligibility(tx, group, actor.organization);
    if (ineligible) throw new ForbiddenError(ineligible);
    refuseClosedMemberships(group);
    const before = await membershipOf(tx, group.id, actor.organizationId);
    if (before && before.status !== 'WITHDRAWN') throw new ConflictError('Votre collectivité adhère déjà à ce groupement.');
    const data = { status: 'INTERESTED', estimatedVolume: input.estimatedVolume } as const;
    const after = before
      ? await tx.groupMembership.update({ ...withColumns(query, MEMBERSHIP_COLUMNS), where: { id: before.id }, data: { ...data, committedVolume: null, committedAt: null, withdrawnAt: null } })
      : await tx.groupMembership.create({ ...withColumns(query, MEMBERSHIP_COLUMNS), data: { ...data, groupId: group.id, organizationId: actor.organizationId } });
    return { before, after };
  });
}

/** The actor's organization commits to a firm volume (COMMITTED). */
export function commitToGroup(ctx: Context, actor: SessionUser, input: { groupId: number; volume: string }, query: MembershipQuery) {
  return membershipAudited(ctx, 'group.commit', input.groupId, async (tx, group) => {
    refuseClosedMemberships(group);
    const before = await membershipOf(tx, group.id, actor.organizationId);
    if (!before || before.status === 'WITHDRAWN') throw new ConflictError('Adhérez d’abord au groupement avant de vous engager.');
    const after = await tx.groupMembership.update({
      ...withColumns(query, MEMBERSHIP_COLUMNS),
      where: { id: before.id },
      data: { status: 'COMMITTED', committedVolume: input.volume, committedAt: new Date() },
    });
    return { before, after };
  });
}

/** The actor's organization withdraws, while the group is open (after the deadline too). */
export function withdrawFromGroup(ctx: Context, actor: SessionUser, groupId: number, query: MembershipQuery) {
  return membershipAudited(ctx, 'group.withdraw', groupId, async (tx, group) => {
    if (group.status !== 'OPEN') throw new ConflictError('Le groupement n’est plus ouvert : les engagements sont figés.');
    const before = await membershipOf(tx, group.id, actor.organizationId);
    if (!before || before.status === 'WITHDRAWN') throw new ConflictError('Votre collectivité n’adhère pas à ce groupement.');
    const after = await tx.groupMembership.update({ ...withColumns(query, MEMBERSHIP_COLUMNS), where: { id: before.id }, data: { status: 'WITHDRAWN', withdrawnAt: new Date() } });
    return { before, after };
  });
}

// ----------------------------------------------------------------------------- what the viewer may do, exports

/** Why the viewer cannot make its organization join (null: it can). */
export async function joinRefusal(ctx: Context, group: Pick<LockedGroup, 'status' | 'interestDeadline' | 'eligibility' | 'coordinatorId'>) {
  if (!ctx.viewer) return 'Connectez-vous pour adhérer.';
  if (!canAdministerOrganization(ctx.viewer, ctx.viewer.organizationId)) return 'Seuls les administrateurs d’une collectivité peuvent l’engager dans un groupement.';
  return membershipChangeError(group.status, group.interestDeadline, new Date()) ?? ineligibility(ctx.prisma, group, ctx.viewer.organization);
}

/** Members, volumes and shares as CSV, French (`;`, decimal comma, BOM) unless the standard dialect is asked for. */
export async function membersCsv(ctx: Context, groupId: number, format: CsvFormat) {
  const { group, economics } = await loadGroupExport(ctx, groupId);
  return groupMembersCsv(group, economics, format);
}

/** The draft constitutive agreement, dated today. */
export async function conventionHtml(ctx: Context, groupId: number) {
  const { group, economics } = await loadGroupExport(ctx, groupId);
  return groupConventionHtml(group, economics, new Date());
}
