import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { AllocationRule, GroupEligibility, PurchasingGroup, VolumeUnit } from './schema.ts';
import './invitations-schema.ts';
import {
  awardGroup,
  cancelGroup,
  closeGroup,
  commitToGroup,
  createGroup,
  ensureVisibleGroup,
  joinGroup,
  openGroup,
  withdrawFromGroup,
} from './service.ts';

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

/** An ORG_ADMIN acting in its own organization's name (anonymous: UNAUTHENTICATED). */
const administersOwn = (ctx: Context) => (ctx.viewer ? { administers: ctx.viewer.organizationId } : { loggedIn: true });

/**
 * Joining, committing, withdrawing: an ORG_ADMIN in its own organization's name, on a group it sees. A signed-in
 * viewer who may not see the group gets NOT_FOUND, whatever its role, before any refusal (anonymous: UNAUTHENTICATED).
 */
async function joinsGroup(ctx: Context, groupId: number) {
  if (ctx.viewer) await ensureVisibleGroup(ctx, groupId);
  return administersOwn(ctx);
}

const coordinatorOf = (_p: unknown, args: { id: { id: string } }) => ({ coordinates: Number(args.id.id) });
const memberOf = (_p: unknown, args: { id: { id: string } }, ctx: Context) => joinsGroup(ctx, Number(args.id.id));

builder.mutationFields((t) => ({
  createPurchasingGroup: t.withAuth({ loggedIn: true }).prismaField({
    type: 'PurchasingGroup',
    description: 'Crée un groupement (en préparation), coordonné par l’organisation de la personne connectée (ORG_ADMIN).',
    errors: {},
    args: { input: t.arg({ type: CreateGroupInput }) },
    authScopes: (_p, _args, ctx) => administersOwn(ctx),
    resolve: (query, _p, { input }, ctx) => createGroup(ctx, ctx.viewer, input, query),
  }),

  openPurchasingGroup: t.withAuth({ loggedIn: true }).prismaField({
    type: 'PurchasingGroup',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }) },
    authScopes: coordinatorOf,
    resolve: (query, _p, args, ctx) => openGroup(ctx, Number(args.id.id), query),
  }),
  closePurchasingGroup: t.withAuth({ loggedIn: true }).prismaField({
    type: 'PurchasingGroup',
    description: 'Clôt le groupement : les engagements sont figés.',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }) },
    authScopes: coordinatorOf,
    resolve: (query, _p, args, ctx) => closeGroup(ctx, Number(args.id.id), query),
  }),
  cancelPurchasingGroup: t.withAuth({ loggedIn: true }).prismaField({
    type: 'PurchasingGroup',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }), reason: t.arg.string({ extensions: { multiline: true } }) },
    authScopes: coordinatorOf,
    resolve: (query, _p, args, ctx) => cancelGroup(ctx, { id: Number(args.id.id), reason: args.reason }, query),
  }),

  joinPurchasingGroup: t.withAuth({ loggedIn: true }).prismaField({
    type: 'GroupMembership',
    description: 'Fait adhérer sa collectivité (INTERESTED) avec un volume estimé, dans l’unité du groupement.',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }), estimatedVolume: t.arg({ type: 'Decimal', extensions: { column: 'GroupMembership.estimatedVolume' } }) },
    authScopes: memberOf,
    resolve: (query, _p, args, ctx) => joinGroup(ctx, ctx.viewer, { groupId: Number(args.id.id), estimatedVolume: args.estimatedVolume }, query),
  }),
  commitToPurchasingGroup: t.withAuth({ loggedIn: true }).prismaField({
    type: 'GroupMembership',
    description: 'Engage sa collectivité sur un volume ferme (COMMITTED).',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }), volume: t.arg({ type: 'Decimal', extensions: { column: 'GroupMembership.committedVolume' } }) },
    authScopes: memberOf,
    resolve: (query, _p, args, ctx) => commitToGroup(ctx, ctx.viewer, { groupId: Number(args.id.id), volume: args.volume }, query),
  }),
  withdrawFromPurchasingGroup: t.withAuth({ loggedIn: true }).prismaField({
    type: 'GroupMembership',
    description: 'Retire sa collectivité du groupement, tant qu’il est ouvert.',
    errors: {},
    args: { id: t.arg.globalID({ for: PurchasingGroup }) },
    authScopes: memberOf,
    resolve: (query, _p, args, ctx) => withdrawFromGroup(ctx, ctx.viewer, Number(args.id.id), query),
  }),

  awardPurchasingGroup: t.withAuth({ loggedIn: true }).prismaField({
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
    authScopes: coordinatorOf,
    resolve: (query, _p, { id, ...award }, ctx) => awardGroup(ctx, ctx.viewer, { groupId: Number(id.id), ...award }, query),
  }),
}));
