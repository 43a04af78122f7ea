import type { Organization, User } from '@mutualis/db/client';
import { audited, columnsOf, type Tx } from '../audit/service.ts';
import { applicantOrganization, type UserQuery } from '../auth/service.ts';
import { clearedSessionCookie } from '../auth/service.ts';
import { notifyAdminDecision, notifyAdminRequest, notifyMembershipDecision, organizationAdminIds } from '../notifications/service.ts';
import type { Context } from '../../graphql/context.ts';
import { ConflictError, NotFoundError } from '../../graphql/errors.ts';
import type { AuthContexts } from '../../graphql/scopes.ts';
import { Checks, clean } from '../../graphql/validate.ts';
import { pendingApplicationCount, pendingApplicationIds } from './loaders.ts';
import {
  adminRequestRefusal,
  decidersLabel,
  domainHint,
  domainLooksLikeOrganization,
  emailDomain,
  REASON_MAX,
  type AdminRequestState,
  type DomainHint,
} from './rules.ts';

// Onboarding: nobody stays pending. The platform team decides for the organizations that have no ORG_ADMIN (their
// queue), the ORG_ADMINs for theirs; the first verified member of an organization without ORG_ADMIN may ask for the
// role; a person may withdraw what they asked. Every decision is audited and notified in the same transaction.

type SignedIn = AuthContexts['loggedIn'];
export { applicantOrganization };

/** What cancelling an application leaves as the decision's reason. */
export const CANCELLED_REASON = 'annulée par la personne';

export type ApplicationKind = 'MEMBERSHIP' | 'ORGANIZATION_ADMIN';

/** One person of the platform team's queue, with what helps to decide. */
export interface PendingApplication {
  kind: ApplicationKind;
  user: User & { organization: Organization };
  since: Date;
  emailDomain: string;
  domainHint: DomainHint;
  domainMatchesOrganization: boolean;
}

function application(user: User & { organization: Organization }): PendingApplication {
  const domain = emailDomain(user.email);
  const hint = domainHint(domain, user.organization.name);
  const membership = user.membershipStatus === 'PENDING';
  return {
    kind: membership ? 'MEMBERSHIP' : 'ORGANIZATION_ADMIN',
    user,
    since: membership ? user.createdAt : (user.adminRequestedAt ?? user.updatedAt),
    emailDomain: domain,
    domainHint: hint,
    domainMatchesOrganization: domainLooksLikeOrganization(hint),
  };
}

/** One page of the queue (loaders.ts keeps the order). */
export async function pendingApplications(ctx: Context, offset: number, limit: number): Promise<PendingApplication[]> {
  const ids = await pendingApplicationIds(ctx, offset, limit);
  const users = await ctx.prisma.user.findMany({ where: { id: { in: ids } }, include: { organization: true } });
  const byId = new Map(users.map((user) => [user.id, user]));
  return ids.flatMap((id) => (byId.has(id) ? [application(byId.get(id)!)] : []));
}

export const pendingApplicationTotal = (ctx: Context) => pendingApplicationCount(ctx);

async function findPerson(ctx: Context, userId: number): Promise<User> {
  const user = await ctx.prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError('Personne introuvable.');
  return user;
}

/** A decision's reason: required to refuse, at most REASON_MAX characters. */
function checkReason(approve: boolean, reason: string | null | undefined): string | null {
  new Checks()
    .text(reason, 'reason', 'Le motif', { min: approve ? 0 : 3, max: REASON_MAX })
    .done();
  return clean(reason);
}

/** Changes a person's row, audited for their organization, then tells whom it concerns in the same transaction. */
function updatePerson(
  ctx: Context,
  action: string,
  user: User,
  data: Parameters<Tx['user']['update']>[0]['data'],
  query: UserQuery,
  then: (tx: Tx, updated: User) => Promise<void>,
): Promise<User> {
  return audited(ctx, action, async (tx) => {
    const updated = await tx.user.update({ ...query, where: { id: user.id }, data });
    await then(tx, updated);
    return { result: updated, entityType: 'User', entityId: user.id, organizationId: user.organizationId, before: user, after: columnsOf(updated) };
  });
}

/** Approves or refuses a PENDING membership, with a reason (required to refuse); the person is told. */
export async function decideMembership(ctx: SignedIn, userId: number, approve: boolean, reason: string | null | undefined, query: UserQuery): Promise<User> {
  const given = checkReason(approve, reason);
  const user = await findPerson(ctx, userId);
  if (user.membershipStatus !== 'PENDING') throw new ConflictError('Cette adhésion a déjà été traitée.');
  const data = { membershipStatus: approve ? ('APPROVED' as const) : ('REJECTED' as const), membershipDecisionReason: given, membershipDecidedAt: new Date() };
  return updatePerson(ctx, approve ? 'membership.approve' : 'membership.reject', user, data, query, (tx) =>
    notifyMembershipDecision(tx, user, approve, given),
  );
}

/** The facts adminRequestRefusal judges, for a person. */
async function adminRequestState(ctx: Context, user: User): Promise<AdminRequestState> {
  const [organization, admins, others] = await Promise.all([
    ctx.prisma.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { siren: true } }),
    organizationAdminIds(ctx.prisma, user.organizationId),
    ctx.prisma.user.count({ where: { organizationId: user.organizationId, adminRequestStatus: 'PENDING', id: { not: user.id } } }),
  ]);
  return {
    collectivite: organization.siren !== null,
    membershipStatus: user.membershipStatus,
    verified: user.membershipVerifiedAt !== null,
    isOrgAdmin: user.roles.includes('ORG_ADMIN') && user.membershipStatus === 'APPROVED',
    ownRequest: user.adminRequestStatus,
    organizationHasAdmin: admins.length > 0,
    otherPendingRequest: others > 0,
  };
}

/** Whether the signed-in person may ask for the ORG_ADMIN role (viewerCanRequestOrganizationAdmin). */
export async function canRequestOrganizationAdmin(ctx: Context, userId: number): Promise<boolean> {
  const user = await findPerson(ctx, userId);
  return adminRequestRefusal(await adminRequestState(ctx, user)) === null;
}

/** The first verified member of an organization without ORG_ADMIN asks for the role; the platform ADMINs are told. */
export async function requestOrganizationAdmin(ctx: SignedIn, reason: string, query: UserQuery): Promise<User> {
  new Checks().text(reason, 'reason', 'Le motif de la demande', { min: 3, max: REASON_MAX }).done();
  const user = await findPerson(ctx, ctx.viewer.id);
  const refusal = adminRequestRefusal(await adminRequestState(ctx, user));
  if (refusal) throw new ConflictError(refusal);
  const data = { adminRequestStatus: 'PENDING' as const, adminRequestedAt: new Date(), adminRequestReason: clean(reason), adminDecisionReason: null };
  return updatePerson(ctx, 'membership.requestAdmin', user, data, query, (tx, updated) => notifyAdminRequest(tx, updated, reason));
}

/** The platform ADMIN decides on an ORG_ADMIN request: approval adds the role (and approves a pending membership). */
export async function decideAdminRequest(ctx: SignedIn, userId: number, approve: boolean, reason: string | null | undefined, query: UserQuery): Promise<User> {
  const given = checkReason(approve, reason);
  const user = await findPerson(ctx, userId);
  if (user.adminRequestStatus !== 'PENDING') throw new ConflictError('Aucune demande du rôle d’administrateur n’attend pour cette personne.');
  const approval = {
    roles: [...new Set([...user.roles, 'MEMBER' as const, 'ORG_ADMIN' as const])],
    ...(user.membershipStatus === 'PENDING' ? { membershipStatus: 'APPROVED' as const, membershipDecidedAt: new Date() } : {}),
  };
  const data = { adminRequestStatus: approve ? ('APPROVED' as const) : ('REFUSED' as const), adminDecisionReason: given, ...(approve ? approval : {}) };
  return updatePerson(ctx, approve ? 'membership.approveAdmin' : 'membership.refuseAdmin', user, data, query, (tx) =>
    notifyAdminDecision(tx, user, approve, given),
  );
}

/**
 * The pending person withdraws their application. The account is kept, REJECTED with the reason « annulée par la
 * personne », rather than erased: the audit log keeps who applied and withdrew, and the address cannot be reused to
 * apply again in silence. Every session of the person ends (the browser's cookie then names no session); erasure stays
 * available from the platform team.
 */
export async function cancelMembershipRequest(ctx: SignedIn): Promise<boolean> {
  const user = await findPerson(ctx, ctx.viewer.id);
  if (user.membershipStatus !== 'PENDING') throw new ConflictError('Vous n’avez pas de demande d’adhésion en attente.');
  const data = {
    membershipStatus: 'REJECTED' as const,
    membershipDecisionReason: CANCELLED_REASON,
    membershipDecidedAt: new Date(),
    ...(user.adminRequestStatus === 'PENDING' ? { adminRequestStatus: null, adminRequestedAt: null, adminRequestReason: null } : {}),
  };
  await updatePerson(ctx, 'membership.cancel', user, data, {}, async (tx) => {
    await tx.session.deleteMany({ where: { userId: user.id } });
  });
  ctx.sessionToken = undefined;
  // The browser forgets the cookie too, as after « Se déconnecter ».
  ctx.setCookie(clearedSessionCookie(ctx.secureCookies));
  return true;
}

/** The person withdraws their ORG_ADMIN request. */
export async function cancelAdminRequest(ctx: SignedIn, query: UserQuery): Promise<User> {
  const user = await findPerson(ctx, ctx.viewer.id);
  if (user.adminRequestStatus !== 'PENDING') throw new ConflictError('Vous n’avez pas de demande du rôle d’administrateur en cours.');
  const data = { adminRequestStatus: null, adminRequestedAt: null, adminRequestReason: null };
  return updatePerson(ctx, 'membership.cancelAdmin', user, data, query, async () => undefined);
}

/** What the waiting person is told: who decides (never their addresses) and since when. */
export interface PendingDecision {
  kind: ApplicationKind;
  deciders: string;
  /** The organization's ORG_ADMINs; 0 when the platform team decides. */
  deciderCount: number;
  byPlatformTeam: boolean;
  since: Date;
}

export async function pendingDecision(ctx: Context, userId: number): Promise<PendingDecision | null> {
  const user = await ctx.prisma.user.findUnique({ where: { id: userId }, include: { organization: { select: { name: true } } } });
  if (!user) return null;
  if (user.membershipStatus === 'PENDING') {
    const admins = (await organizationAdminIds(ctx.prisma, user.organizationId)).length;
    const deciders = decidersLabel(user.organization.name, admins);
    return { kind: 'MEMBERSHIP', deciders, deciderCount: admins, byPlatformTeam: admins === 0, since: user.createdAt };
  }
  if (user.adminRequestStatus === 'PENDING') {
    const since = user.adminRequestedAt ?? user.updatedAt;
    return { kind: 'ORGANIZATION_ADMIN', deciders: decidersLabel(user.organization.name, 0), deciderCount: 0, byPlatformTeam: true, since };
  }
  return null;
}
