// Invitations to a purchasing group: the coordinator invites a collectivité found by SIREN; the invited organization's
// ORG_ADMIN accepts (it joins, INTERESTED) or declines. Who may call them is decided by the schema's scopes
// (coordinates, administers); the group's state and the eligibility are checked here, under the group's row lock.
import { Prisma } from '@mutualis/db/client';
import { canActForOrganization, type Actor } from '../../../shared/permissions.ts';
import { Siren } from '../../../shared/validation.ts';
import { columns, columnsOf, withColumns } from '../../audit/service.ts';
import { notify, organizationAdminIds } from '../../notifications/service.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { Context } from '../../../graphql/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../graphql/errors.ts';
import { Checks, clean } from '../../../graphql/validate.ts';
import { answerError, groupPath, invitationError } from '../rules.ts';
import { groupAudited, ineligibility, MEMBERSHIP_COLUMNS, membershipOf, refuseClosedMemberships } from '../service.ts';

export interface InvitationQuery {
  include?: Prisma.GroupInvitationInclude;
  select?: Prisma.GroupInvitationSelect;
}

const INVITATION_COLUMNS = columns(Prisma.GroupInvitationScalarFieldEnum);
const NOT_FOUND = 'Invitation introuvable.';

/**
 * Who sees an invitation: the approved people of the invited organization and of the group's coordinator, no one
 * else (the platform ADMIN neither: an invitation is a matter between two collectivités). A Prisma `where`.
 */
export function invitationWhere(viewer: Actor | null): Prisma.GroupInvitationWhereInput {
  if (!viewer || !canActForOrganization(viewer, viewer.organizationId)) return { id: -1 };
  return { OR: [{ organizationId: viewer.organizationId }, { group: { coordinatorId: viewer.organizationId } }] };
}

/** The organization an invitation is addressed to (NOT_FOUND when the viewer may not see it): the scope of answering. */
export async function invitedOrganizationId(ctx: Context, invitationId: number): Promise<number> {
  const invitation = await ctx.prisma.groupInvitation.findFirst({
    where: { AND: [{ id: invitationId }, invitationWhere(ctx.viewer)] },
    select: { organizationId: true },
  });
  if (!invitation) throw new NotFoundError(NOT_FOUND);
  return invitation.organizationId;
}

export interface NewInvitation {
  groupId: number;
  organizationSiren: string;
  message?: string | null;
}

/** The organization behind the SIREN typed by the coordinator, once the input rules hold. */
async function invitedOrganization(ctx: Context, input: NewInvitation) {
  const checks = new Checks().text(input.message, 'message', 'Le message', { max: 1000 });
  const siren = checks.parse(Siren, input.organizationSiren, 'organizationSiren');
  checks.done();
  const organization = await ctx.prisma.organization.findUnique({ where: { siren: siren! } });
  if (!organization) throw new ValidationError('Aucune collectivité ne porte ce SIREN.', 'organizationSiren');
  return organization;
}

/**
 * The coordinator invites a collectivité: while the group is open and before its deadline (a draft is seen by no one
 * else), an eligible collectivité (the group's eligibility rule, as for joining: an invitation opens no door the rule
 * keeps shut), neither the coordinator itself nor a current member, once per group (CONFLICT). Its ORG_ADMINs are
 * notified in the same transaction.
 */
export async function inviteToGroup(ctx: Context, actor: SessionUser, input: NewInvitation, query: InvitationQuery) {
  const organization = await invitedOrganization(ctx, input);
  return groupAudited(ctx, 'group.invite', input.groupId, async (tx, group) => {
    const closed = invitationError(group.status, group.interestDeadline, new Date());
    if (closed) throw new ConflictError(closed);
    if (organization.id === group.coordinatorId) {
      throw new ValidationError('Votre collectivité coordonne ce groupement : elle y adhère directement, sans invitation.', 'organizationSiren');
    }
    const ineligible = await ineligibility(tx, group, organization);
    if (ineligible) throw new ValidationError(`${organization.name} ne peut pas être invitée. ${ineligible}`, 'organizationSiren');
    const membership = await membershipOf(tx, group.id, organization.id);
    if (membership && membership.status !== 'WITHDRAWN') throw new ConflictError(`${organization.name} adhère déjà à ce groupement.`, 'organizationSiren');
    const existing = await tx.groupInvitation.findUnique({ where: { groupId_organizationId: { groupId: group.id, organizationId: organization.id } } });
    if (existing) throw new ConflictError(`${organization.name} a déjà été invitée à ce groupement.`, 'organizationSiren');
    await notify(tx, await organizationAdminIds(tx, organization.id), {
      kind: 'GROUP_INVITATION',
      title: `Invitation au groupement « ${group.title} »`,
      body: `${actor.organization.name} invite ${organization.name} à rejoindre le groupement de commandes « ${group.title} », jusqu’au ${group.interestDeadline.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}.${clean(input.message) ? ` Message : ${clean(input.message)}` : ''}`,
      link: groupPath(group.id, group.title),
    });
    const invitation = await tx.groupInvitation.create({
      ...withColumns(query, INVITATION_COLUMNS),
      data: { groupId: group.id, organizationId: organization.id, invitedById: actor.id, message: clean(input.message) },
    });
    return { result: invitation, after: columnsOf(invitation), entityType: 'GroupInvitation', entityId: invitation.id };
  });
}

export interface Answer {
  invitationId: number;
  accept: boolean;
  estimatedVolume?: string | null;
}

/**
 * The invited organization's ORG_ADMIN answers, once. Accepting joins the group as INTERESTED (with the estimated
 * volume given, if any) under the rules of joining: open, before the deadline, eligible; a member already is left as
 * it is, a withdrawn one joins again. Declining is possible whatever the group's state.
 */
export async function answerInvitation(ctx: Context, actor: SessionUser, input: Answer, query: InvitationQuery) {
  const found = await ctx.prisma.groupInvitation.findUnique({ where: { id: input.invitationId }, select: { groupId: true } });
  if (!found) throw new NotFoundError(NOT_FOUND);
  return groupAudited(ctx, input.accept ? 'group.acceptInvitation' : 'group.declineInvitation', found.groupId, async (tx, group) => {
    const before = await tx.groupInvitation.findUniqueOrThrow({ where: { id: input.invitationId } });
    const answered = answerError(before.status);
    if (answered) throw new ConflictError(answered);
    if (input.accept) {
      refuseClosedMemberships(group);
      const ineligible = await ineligibility(tx, group, actor.organization);
      if (ineligible) throw new ForbiddenError(ineligible);
      const membership = await membershipOf(tx, group.id, before.organizationId);
      const data = { status: 'INTERESTED', estimatedVolume: input.estimatedVolume ?? null, committedVolume: null, committedAt: null, withdrawnAt: null } as const;
      if (!membership) await tx.groupMembership.create({ select: MEMBERSHIP_COLUMNS, data: { ...data, groupId: group.id, organizationId: before.organizationId } });
      else if (membership.status === 'WITHDRAWN') await tx.groupMembership.update({ select: MEMBERSHIP_COLUMNS, where: { id: membership.id }, data });
      await tx.purchasingGroup.update({ where: { id: group.id }, data: { version: { increment: 1 } } });
    }
    const after = await tx.groupInvitation.update({
      ...withColumns(query, INVITATION_COLUMNS),
      where: { id: before.id },
      data: { status: input.accept ? 'ACCEPTED' : 'DECLINED', answeredAt: new Date() },
    });
    return { result: after, before, after: columnsOf(after), entityType: 'GroupInvitation', entityId: after.id };
  });
}
