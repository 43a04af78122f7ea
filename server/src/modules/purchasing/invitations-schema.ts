// Invitations to a purchasing group: the type, the lists (the group's, for its coordinator; the viewer's organization's,
// received) and the two mutations.
import { InvitationStatus as StatusValues } from '@mutualis/db/enums';
import { canAdministerOrganization } from '../../shared/permissions.ts';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { prismaEnum } from '../../graphql/enums.ts';
import { PurchasingGroup } from './schema.ts';
import { answerInvitation, invitationWhere, invitedOrganizationId, inviteToGroup } from './service/invitations.ts';

const InvitationStatus = prismaEnum('InvitationStatus', StatusValues, 'Invitation : en attente de réponse, acceptée (la collectivité a adhéré), déclinée.');

export const GroupInvitation = builder.prismaNode('GroupInvitation', {
  description: 'Invitation d’une collectivité à un groupement, par son coordonnateur : visible de la collectivité invitée et du coordonnateur.',
  id: { field: 'id' },
  nullable: true,
  // node(id:) finds only what the viewer may see, as every list below
  findUnique: (id, ctx) => ({ id: Number(id), AND: [invitationWhere(ctx.viewer)] }),
  fields: (t) => ({
    group: t.relation('group'),
    organization: t.relation('organization'),
    message: t.exposeString('message', { nullable: true }),
    status: t.expose('status', { type: InvitationStatus }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true }),
    viewerCanAnswer: t.boolean({
      description: 'Si la personne connectée peut répondre : un administrateur de la collectivité invitée, tant que l’invitation attend.',
      resolve: (invitation, _args, ctx) => invitation.status === 'PENDING' && canAdministerOrganization(ctx.viewer, invitation.organizationId),
    }),
  }),
});

/** What a list of invitations shows to this viewer: its rule, and the page's order (newest first). */
const visibleInvitations = (ctx: Context) => ({ where: invitationWhere(ctx.viewer), orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }] });

builder.prismaObjectFields('PurchasingGroup', (t) => ({
  invitations: t.relatedConnection('invitations', {
    description: 'Les invitations du groupement : toutes pour le coordonnateur, la sienne pour une collectivité invitée, aucune pour les autres.',
    cursor: 'id',
    query: (_args, ctx) => visibleInvitations(ctx),
  }),
  // a plain field (see viewerMembership): anonymous visitors read nothing
  viewerInvitation: t.field({
    type: GroupInvitation,
    nullable: true,
    description: 'L’invitation reçue par l’organisation de la personne connectée, s’il y en a une.',
    resolve: (group, _args, ctx) =>
      ctx.prisma.groupInvitation.findFirst({ where: { AND: [{ groupId: group.id, organizationId: ctx.viewer?.organizationId ?? -1 }, invitationWhere(ctx.viewer)] } }),
  }),
}));

builder.queryFields((t) => ({
  receivedGroupInvitations: t.prismaConnection({
    type: 'GroupInvitation',
    description: 'Les invitations reçues par l’organisation de la personne connectée (en attente par défaut) ; vide pour un visiteur.',
    cursor: 'id',
    args: { status: t.arg({ type: InvitationStatus, required: false, defaultValue: 'PENDING' }) },
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.groupInvitation.findMany({
        ...query,
        ...visibleInvitations(ctx),
        where: { AND: [invitationWhere(ctx.viewer), { organizationId: ctx.viewer?.organizationId ?? -1 }, args.status ? { status: args.status } : {}] },
      }),
  }),
}));

builder.mutationFields((t) => ({
  inviteToPurchasingGroup: t.withAuth({ loggedIn: true }).prismaField({
    type: 'GroupInvitation',
    description: 'Le coordonnateur invite une collectivité éligible (par son SIREN) ; ses administrateurs sont notifiés.',
    errors: {},
    args: {
      groupId: t.arg.globalID({ for: PurchasingGroup }),
      organizationSiren: t.arg.string(),
      message: t.arg.string({ required: false, extensions: { multiline: true } }),
    },
    authScopes: (_p, args) => ({ coordinates: Number(args.groupId.id) }),
    resolve: (query, _p, { groupId, ...input }, ctx) => inviteToGroup(ctx, ctx.viewer, { groupId: Number(groupId.id), ...input }, query),
  }),
  answerGroupInvitation: t.withAuth({ loggedIn: true }).prismaField({
    type: 'GroupInvitation',
    description: 'Un administrateur de la collectivité invitée accepte (elle adhère, intéressée, avec le volume estimé donné) ou décline.',
    errors: {},
    args: {
      invitationId: t.arg.globalID({ for: GroupInvitation }),
      accept: t.arg.boolean(),
      estimatedVolume: t.arg({ type: 'Decimal', required: false, extensions: { column: 'GroupMembership.estimatedVolume' } }),
    },
    // an invitation the viewer may not see is NOT_FOUND; one it sees, FORBIDDEN unless it administers the invited organization
    authScopes: async (_p, args, ctx) => (ctx.viewer ? { administers: await invitedOrganizationId(ctx, Number(args.invitationId.id)) } : { loggedIn: true }),
    resolve: (query, _p, { invitationId, ...answer }, ctx) => answerInvitation(ctx, ctx.viewer, { invitationId: Number(invitationId.id), ...answer }, query),
  }),
}));
