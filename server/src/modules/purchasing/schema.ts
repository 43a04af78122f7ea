import {
  AllocationRule as RuleValues,
  GroupEligibility as EligibilityValues,
  GroupMembershipStatus as MembershipValues,
  GroupStatus as StatusValues,
  VolumeUnit as UnitValues,
} from '@mutualis/db/enums';
import type { Prisma } from '@mutualis/db/client';
import { canAdministerOrganization, groupVisibility, visibleWhere } from '../../shared/permissions.ts';
import { nextStatuses, type GroupEconomics, type GroupStatus as Status, type MemberShare } from './rules.ts';
import { prismaEnum } from '../../graphql/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';
import { Tool } from '../catalogue/schema.ts';
import type { Context } from '../../graphql/context.ts';
import { loadEconomics } from './loaders.ts';
import { conventionHtml, joinRefusal, membersCsv } from './service.ts';

export const GroupStatus = prismaEnum('GroupStatus', StatusValues, 'Groupement : en préparation, ouvert aux adhésions, clos (engagements figés), attribué, annulé.');
export const GroupEligibility = prismaEnum('GroupEligibility', EligibilityValues, 'Qui peut adhérer : toutes les collectivités, les communes membres de l’EPCI coordonnateur, son département, sa région.');
export const AllocationRule = prismaEnum('AllocationRule', RuleValues, 'Répartition du coût : au prorata de la population, des sièges, de l’usage, ou à parts égales.');
export const VolumeUnit = prismaEnum('VolumeUnit', UnitValues);
const CsvFormatEnum = builder.enumType('MembersCsvFormat', {
  description: 'FRENCH : point-virgule, virgule décimale, BOM, statuts en français ; STANDARD : RFC 4180, point décimal, codes.',
  values: ['FRENCH', 'STANDARD'] as const,
});
const GroupMembershipStatus = prismaEnum('GroupMembershipStatus', MembershipValues, 'Intéressé (volume estimé), engagé (volume ferme), retiré.');

const MemberShareRef = builder.objectRef<MemberShare>('MemberShare').implement({
  description: 'Part annuelle d’un membre, en euros HT, et ses économies.',
  fields: (t) => ({
    organization: t.prismaField({
      type: 'Organization',
      // findUnique (not …OrThrow) so that Prisma batches the members of a group into one query
      resolve: async (query, share, _args, ctx) =>
        (await ctx.prisma.organization.findUnique({ ...query, where: { id: share.organizationId } }))!,
    }),
    volume: t.expose('volume', { type: 'Decimal' }),
    weight: t.expose('weight', { type: 'Decimal', description: 'Poids dans la répartition (population, volume ou 1).' }),
    share: t.expose('share', { type: 'Decimal' }),
    aloneCost: t.expose('aloneCost', { type: 'Decimal', description: 'Coût de son seul volume, au prix catalogue et à ses propres paliers.' }),
    savingsVsAlone: t.expose('savingsVsAlone', { type: 'Decimal' }),
    currentAnnualCost: t.expose('currentAnnualCost', { type: 'Decimal', nullable: true, description: 'Ce qu’il déclare payer aujourd’hui.' }),
    savingsVsCurrent: t.expose('savingsVsCurrent', { type: 'Decimal', nullable: true }),
  }),
});

const NextTier = builder.objectRef<NonNullable<GroupEconomics['nextTier']>>('NextTier').implement({
  fields: (t) => ({
    minVolume: t.expose('minVolume', { type: 'Decimal' }),
    unitPrice: t.expose('unitPrice', { type: 'Decimal' }),
    missingVolume: t.expose('missingVolume', { type: 'Decimal', description: 'Volume manquant pour atteindre ce palier.' }),
  }),
});

const VolumeBasis = builder.enumType('VolumeBasis', {
  description: 'COMMITTED : volumes fermes ; PROJECTED : estimations des intéressés, avant le premier engagement.',
  values: ['COMMITTED', 'PROJECTED'] as const,
});

const Economics = builder.objectRef<GroupEconomics>('GroupEconomics').implement({
  description: 'Volume mutualisé, palier atteint, prix unitaire annuel, total annuel et parts (la somme des parts égale le total au centime).',
  fields: (t) => ({
    committedVolume: t.expose('committedVolume', { type: 'Decimal' }),
    projectedVolume: t.expose('projectedVolume', { type: 'Decimal' }),
    pooledVolume: t.expose('pooledVolume', { type: 'Decimal' }),
    basis: t.expose('basis', { type: VolumeBasis }),
    tierIndex: t.exposeInt('tierIndex', { description: 'Palier atteint (-1 : prix catalogue).' }),
    unitPrice: t.expose('unitPrice', { type: 'Decimal' }),
    projectedUnitPrice: t.expose('projectedUnitPrice', {
      type: 'Decimal',
      description: 'Prix unitaire annuel au volume projeté, si tous les intéressés s’engagent (une fois attribué : le prix attribué).',
    }),
    total: t.expose('total', { type: 'Decimal' }),
    nextTier: t.field({ type: NextTier, nullable: true, resolve: (e) => e.nextTier }),
    shares: t.field({ type: [MemberShareRef], resolve: (e) => e.shares }),
    totalSavingsVsAlone: t.expose('totalSavingsVsAlone', { type: 'Decimal' }),
  }),
});

builder.prismaObject('GroupPriceTier', {
  fields: (t) => ({
    minVolume: t.expose('minVolume', { type: 'Decimal' }),
    unitPrice: t.expose('unitPrice', { type: 'Decimal', description: 'Euros HT par unité et par an.' }),
  }),
});

export const GroupMembership = builder.prismaNode('GroupMembership', {
  id: { field: 'id' },
  // visible with its group: the other paths (group.memberships, viewerMembership, join…) start from a visible group
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), group: visibleWhere(groupVisibility(ctx.viewer)) }),
  fields: (t) => ({
    group: t.relation('group'),
    organization: t.relation('organization'),
    status: t.expose('status', { type: GroupMembershipStatus }),
    estimatedVolume: t.expose('estimatedVolume', { type: 'Decimal', nullable: true }),
    committedVolume: t.expose('committedVolume', { type: 'Decimal', nullable: true }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
    committedAt: t.expose('committedAt', { type: 'DateTime', nullable: true }),
    withdrawnAt: t.expose('withdrawnAt', { type: 'DateTime', nullable: true }),
  }),
});

/** The viewer administers the group's coordinator organization (the `coordinates` scope, on a group already loaded). */
const coordinatedByViewer = (group: { coordinatorId: number }, _args: unknown, ctx: Context) => canAdministerOrganization(ctx.viewer, group.coordinatorId);

const Permission = builder.objectRef<{ allowed: boolean; reason: string | null }>('Permission').implement({
  fields: (t) => ({ allowed: t.exposeBoolean('allowed'), reason: t.exposeString('reason', { nullable: true }) }),
});

export const PurchasingGroup = builder.prismaNode('PurchasingGroup', {
  description: 'Groupement de commandes (Code de la commande publique, art. L2113-6 et L2113-7).',
  id: { field: 'id' },
  // the rule of purchasingGroups on every path; node(id:) finds nothing rather than a refused draft
  ...visibleTo('PurchasingGroup', groupVisibility),
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    tool: t.relation('tool', { nullable: true }),
    category: t.relation('category', { nullable: true }),
    candidateTools: t.field({
      type: [Tool],
      // the Tool selection (its category, provider…) is planned through the join table
      select: (_args, _ctx, nestedSelection) => ({ candidateTools: { select: { tool: nestedSelection(true) } } }),
      resolve: (group) => group.candidateTools.map((c) => c.tool),
    }),
    coordinator: t.relation('coordinator'),
    status: t.expose('status', { type: GroupStatus }),
    interestDeadline: t.expose('interestDeadline', { type: 'DateTime' }),
    eligibility: t.expose('eligibility', { type: GroupEligibility }),
    allocationRule: t.expose('allocationRule', { type: AllocationRule }),
    volumeUnit: t.expose('volumeUnit', { type: VolumeUnit }),
    listUnitPrice: t.expose('listUnitPrice', { type: 'Decimal', description: 'Prix catalogue, euros HT par unité et par an.' }),
    basePlan: t.relation('basePlan', { nullable: true }),
    tiers: t.relation('tiers', { query: { orderBy: { minVolume: 'asc' } } }),
    memberships: t.relation('memberships', { query: { orderBy: { id: 'asc' } } }),
    economics: t.loadable({ type: Economics, resolve: (group) => group.id, load: loadEconomics }),
    awardedProvider: t.relation('awardedProvider', { nullable: true }),
    awardedPlan: t.relation('awardedPlan', { nullable: true }),
    awardedUnitPrice: t.expose('awardedUnitPrice', { type: 'Decimal', nullable: true }),
    awardedAt: t.expose('awardedAt', { type: 'DateTime', nullable: true }),
    cancelReason: t.exposeString('cancelReason', { nullable: true }),
    isDemo: t.exposeBoolean('isDemo'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    // a plain field (see Tool.viewerReview): anonymous visitors read nothing and log nothing
    viewerMembership: t.field({
      type: GroupMembership,
      nullable: true,
      description: 'L’adhésion de l’organisation de la personne connectée.',
      resolve: (group, _args, ctx) =>
        ctx.viewer
          ? ctx.prisma.groupMembership.findUnique({ where: { groupId_organizationId: { groupId: group.id, organizationId: ctx.viewer.organizationId } } })
          : null,
    }),
    viewerCanJoin: t.field({
      type: Permission,
      description: 'Si la personne connectée peut faire adhérer son organisation, ou pourquoi pas.',
      resolve: async (group, _args, ctx) => {
        const reason = await joinRefusal(ctx, group);
        return { allowed: reason === null, reason };
      },
    }),
    viewerCanCoordinate: t.boolean({
      description: 'Si la personne connectée administre l’organisation coordonnatrice (ouvrir, clore, annuler, attribuer le groupement).',
      resolve: coordinatedByViewer,
    }),
    viewerNextStatuses: t.field({
      type: [GroupStatus],
      description: 'Les états où la personne connectée peut faire passer le groupement (ouvrir, clore, attribuer, annuler) : vide sauf pour le coordonnateur.',
      resolve: (group, args, ctx) => (coordinatedByViewer(group, args, ctx) ? [...nextStatuses(group.status)] : []),
    }),
    viewerIsCoordinator: t.boolean({ deprecationReason: 'Remplacé par viewerCanCoordinate.', resolve: coordinatedByViewer }),
    membersCsv: t.string({
      description:
        'Membres, volumes et parts, au format CSV : FRENCH (par défaut) pour les tableurs français (point-virgule, virgule décimale, ' +
        'UTF-8 avec BOM, statuts en français), STANDARD pour les programmes (RFC 4180 : virgule, point décimal, codes de statut).',
      args: { format: t.arg({ type: CsvFormatEnum, required: false, defaultValue: 'FRENCH' }) },
      resolve: (group, args, ctx) => membersCsv(ctx, group.id, args.format ?? 'FRENCH'),
    }),
    conventionHtml: t.string({
      description: 'Projet de convention constitutive du groupement, en HTML imprimable.',
      resolve: (group, _args, ctx) => conventionHtml(ctx, group.id),
    }),
  }),
});

// ----------------------------------------------------------------------------- queries

const GroupFilter = builder.inputType('PurchasingGroupFilter', {
  fields: (t) => ({
    status: t.field({ type: [GroupStatus], required: false }),
    categorySlug: t.string({ required: false }),
    mine: t.boolean({ required: false, description: 'Seulement les groupements coordonnés par mon organisation ou auxquels elle adhère.' }),
  }),
});

function groupWhere(filter: { status?: Status[] | null; categorySlug?: string | null; mine?: boolean | null } | null | undefined, ctx: Context): Prisma.PurchasingGroupWhereInput {
  const orgId = ctx.viewer?.organizationId ?? -1;
  // each criterion is its own AND term: none can replace another's OR, and none lifts the draft rule
  return {
    AND: [
      visibleWhere(groupVisibility(ctx.viewer)),
      ...(filter?.status?.length ? [{ status: { in: filter.status } }] : []),
      ...(filter?.categorySlug
        ? [{ OR: [{ category: { slug: filter.categorySlug } }, { tool: { category: { slug: filter.categorySlug } } }] }]
        : []),
      ...(filter?.mine ? [{ OR: [{ coordinatorId: orgId }, { memberships: { some: { organizationId: orgId, status: { not: 'WITHDRAWN' as const } } } }] }] : []),
    ],
  };
}

builder.queryFields((t) => ({
  purchasingGroups: t.prismaConnection({
    type: 'PurchasingGroup',
    cursor: 'id',
    args: { filter: t.arg({ type: GroupFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.purchasingGroup.count({ where: groupWhere(args.filter, ctx) }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.purchasingGroup.findMany({ ...query, where: groupWhere(args.filter, ctx), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
  purchasingGroup: t.prismaField({
    type: 'PurchasingGroup',
    nullable: true,
    args: { id: t.arg.globalID({ for: PurchasingGroup }) },
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.purchasingGroup.findFirst({ ...query, where: { AND: [{ id: Number(args.id.id) }, groupWhere(null, ctx)] } }),
  }),
}));

