import type { Prisma, User } from '@mutualis/db/client';
import type { Role } from '@mutualis/db/enums';
import { Siren } from '../../shared/validation.ts';
import { erasePerson } from './erasure.ts';
import { hashPassword, passwordProblems, verifyPassword } from './password.ts';
import { purgeIfDue } from './purge.ts';
import { reserveAttempt } from './rate-limit.ts';
import { rememberLogoutUrl } from './proconnect-service.ts';
import { clearedSessionCookie, createSession, deleteOtherSessions, deleteSession, sessionCookie, sessionIdToken } from './session.ts';
import { audited, columnsOf, type Tx } from '../audit/service.ts';
import { notifyApplication, notifyMembershipDecision } from '../notifications/service.ts';
import type { Context } from '../../graphql/context.ts';
import type { AuthContexts } from '../../graphql/scopes.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../graphql/errors.ts';
import { Checks, EMAIL } from '../../graphql/validate.ts';

// The account use cases: who may call each is the schema's business (its scopes); here, the checks, the writes
// through `audited`, and the row the mutation answers with (`query`, the GraphQL selection, on the last write).

type SignedIn = AuthContexts['loggedIn'];
/** The GraphQL selection of a User, as the Prisma plugin hands it to a resolver. */
/** The cookie that ends the browser's session (another module that closes a person's sessions sends it too). */
export { clearedSessionCookie } from './session.ts';

export type UserQuery = { include?: Prisma.UserInclude; select?: Prisma.UserSelect };
type Session = Awaited<ReturnType<typeof createSession>>;

const WRONG_PASSWORD = 'Adresse électronique ou mot de passe incorrect.';
const NO_PERSON = 'Personne introuvable.';

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** The first problem of a new password, on `field`. */
const checkPassword = (checks: Checks, password: string, field: string) =>
  checks.check(passwordProblems(password).length === 0, field, passwordProblems(password)[0] ?? '');

/** A new session for the user; the browser's previous one (perhaps planted by someone else) ends first. */
async function replaceSession(tx: Tx, previous: string | undefined, userId: number): Promise<Session> {
  if (previous) await deleteSession(tx, previous);
  return createSession(tx, userId);
}

/**
 * Sends the new session's cookie; the rest of the request answers as the new viewer (the user's own fields,
 * e-mail…), exactly as the next request, carrying the new cookie, will.
 */
async function startSession(ctx: Context, session: Session, userId: number): Promise<void> {
  ctx.setCookie(sessionCookie(session.token, session.expiresAt, ctx.secureCookies));
  ctx.viewer = await ctx.prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { organization: true } });
  ctx.sessionToken = session.token;
}

export interface SignUpFields {
  email: string;
  password: string;
  name: string;
  organizationSiren: string;
}

/** A MEMBER account, PENDING until an administrator of the organization approves it, signed in at once. */
export async function signUp(ctx: Context, input: SignUpFields, query: UserQuery): Promise<User> {
  const email = normalizeEmail(input.email);
  const checks = new Checks().check(EMAIL.test(email) && email.length <= 200, 'email', 'Adresse électronique invalide.');
  checkPassword(checks, input.password, 'password').text(input.name, 'name', 'Le nom', { min: 2, max: 120 });
  const siren = checks.parse(Siren, input.organizationSiren, 'organizationSiren');
  checks.done();
  const organization = await ctx.prisma.organization.findUnique({ where: { siren: siren! }, select: { id: true } });
  if (!organization) throw new ValidationError('Aucune collectivité ne porte ce SIREN.', 'organizationSiren');
  if (await ctx.prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new ValidationError('Un compte existe déjà avec cette adresse.', 'email');
  }
  const passwordHash = await hashPassword(input.password);
  const user = await audited(ctx, 'user.signUp', async (tx) => {
    const created = await tx.user.create({
      ...query,
      data: { email, name: input.name.trim(), passwordHash, organizationId: organization.id, roles: ['MEMBER'], membershipStatus: 'PENDING' },
    });
    // whoever decides is told in the same transaction (the organization's ORG_ADMINs, or the platform team)
    await notifyApplication(tx, { id: created.id, name: created.name, organizationId: organization.id });
    return { result: created, entityType: 'User', entityId: created.id, organizationId: organization.id, actorId: created.id, after: columnsOf(created) };
  });
  // a new account gets a new session, written without an event of its own (the sign-up is the event)
  const previous = ctx.sessionToken;
  await startSession(ctx, await ctx.prisma.$transaction((tx) => replaceSession(tx, previous, user.id)), user.id);
  return user;
}

/** Opens a session with an e-mail and a password, within the limits of rate-limit.ts. */
export async function signIn(ctx: Context, credentials: { email: string; password: string }, query: UserQuery): Promise<User> {
  const email = normalizeEmail(credentials.email);
  await purgeIfDue(ctx.prisma);
  // counted before the password is checked, so that parallel guesses cannot all be checked
  const attempt = await reserveAttempt(ctx.prisma, email, ctx.clientAddress);
  const user = await ctx.prisma.user.findUnique({ where: { email } });
  if (!(await verifyPassword(user?.passwordHash, credentials.password)) || !user) {
    await attempt.failed();
    throw new ValidationError(WRONG_PASSWORD, 'password');
  }
  await attempt.succeeded();
  const previous = ctx.sessionToken;
  const session = await audited(ctx, 'user.signIn', async (tx) => ({
    result: await replaceSession(tx, previous, user.id),
    entityType: 'User',
    entityId: user.id,
    organizationId: user.organizationId,
    actorId: user.id,
  }));
  await startSession(ctx, session, user.id);
  return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
}

/**
 * Ends the current session; without one, nothing changed and no event is written. A ProConnect session also leaves
 * the provider's end-session URL (with its id_token) for the mutation's `logoutUrl`.
 */
export async function signOut(ctx: Context): Promise<boolean> {
  const { viewer, sessionToken: token } = ctx;
  if (token) {
    const idToken = await sessionIdToken(ctx.prisma, token);
    await audited(ctx, 'user.signOut', async (tx) => {
      await deleteSession(tx, token);
      return { result: true, entityType: 'User', entityId: viewer?.id ?? 0, organizationId: viewer?.organizationId ?? null };
    });
    if (idToken) await rememberLogoutUrl(ctx, idToken);
  }
  ctx.setCookie(clearedSessionCookie(ctx.secureCookies));
  return true;
}

/**
 * Checks the current password (the sign-in limits apply: a stolen session must not be a free guessing oracle), then
 * closes every session of the person, the current one included, and opens a new one.
 */
export async function changePassword(
  ctx: SignedIn,
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
  query: UserQuery,
): Promise<User> {
  checkPassword(new Checks(), newPassword, 'newPassword')
    .check(newPassword !== currentPassword, 'newPassword', 'Le nouveau mot de passe doit différer de l’actuel.')
    .done();
  const attempt = await reserveAttempt(ctx.prisma, ctx.viewer.email, ctx.clientAddress);
  const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.viewer.id } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await attempt.failed();
    throw new ValidationError('Mot de passe actuel incorrect.', 'currentPassword');
  }
  await attempt.succeeded();
  const passwordHash = await hashPassword(newPassword);
  const { updated, session } = await audited(ctx, 'user.changePassword', async (tx) => {
    const updated = await tx.user.update({ ...query, where: { id: user.id }, data: { passwordHash } });
    // whoever knew the old password is signed out everywhere
    const revokedSessions = await deleteOtherSessions(tx, user.id);
    const session = await createSession(tx, user.id);
    const after = { revokedSessions, updatedAt: updated.updatedAt };
    return { result: { updated, session }, entityType: 'User', entityId: user.id, organizationId: user.organizationId, after };
  });
  await startSession(ctx, session, user.id);
  return updated;
}

async function findPerson(ctx: Context, userId: number): Promise<User> {
  const user = await ctx.prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError(NO_PERSON);
  return user;
}

/** The organization a person applies to (scope `approves`); an unknown person is NOT_FOUND. */
export async function applicantOrganization(ctx: Context, userId: number): Promise<number> {
  const user = await ctx.prisma.user.findUnique({ where: { id: userId }, select: { organizationId: true } });
  if (!user) throw new NotFoundError(NO_PERSON);
  return user.organizationId;
}

/** Changes a person's row, with the event recorded for that person's organization. */
function updatePerson(ctx: Context, action: string, user: User, data: Prisma.UserUncheckedUpdateInput, query: UserQuery): Promise<User> {
  return audited(ctx, action, async (tx) => {
    const updated = await tx.user.update({ ...query, where: { id: user.id }, data });
    return { result: updated, entityType: 'User', entityId: user.id, organizationId: user.organizationId, before: user, after: columnsOf(updated) };
  });
}

/** Approves (or rejects) a PENDING membership; a decided one is not reopened (an approved member is removed otherwise). */
export async function approveMembership(ctx: SignedIn, userId: number, approve: boolean, query: UserQuery): Promise<User> {
  const user = await findPerson(ctx, userId);
  if (user.membershipStatus !== 'PENDING') {
    throw new ConflictError('Cette adhésion a déjà été traitée : seules les adhésions en attente se décident ici.');
  }
  const membershipStatus = approve ? 'APPROVED' : 'REJECTED';
  return audited(ctx, approve ? 'membership.approve' : 'membership.reject', async (tx) => {
    const updated = await tx.user.update({ ...query, where: { id: user.id }, data: { membershipStatus, membershipDecidedAt: new Date() } });
    // the applicant is told in the same transaction (onboarding's decideMembership also takes a reason)
    await notifyMembershipDecision(tx, user, approve, null);
    return { result: updated, entityType: 'User', entityId: user.id, organizationId: user.organizationId, before: user, after: columnsOf(updated) };
  });
}

/** Appoints a person's roles (PROVIDER with the provider represented); the membership becomes APPROVED. */
export async function setUserRoles(
  ctx: SignedIn,
  { userId, roles, providerSlug }: { userId: number; roles: Role[]; providerSlug?: string | null },
  query: UserQuery,
): Promise<User> {
  const user = await findPerson(ctx, userId);
  const distinct = [...new Set(roles)];
  new Checks().check(distinct.length > 0, 'roles', 'Choisissez au moins un rôle.').done();
  const provider = providerSlug ? await ctx.prisma.provider.findUnique({ where: { slug: providerSlug }, select: { id: true } }) : null;
  if (distinct.includes('PROVIDER') && !provider) {
    throw new ValidationError('Le rôle PROVIDER demande le fournisseur représenté.', 'providerSlug');
  }
  const providerId = distinct.includes('PROVIDER') ? provider!.id : null;
  return updatePerson(ctx, 'user.setRoles', user, { roles: distinct, providerId, membershipStatus: 'APPROVED' }, query);
}

/** Erases a person's personal data (erasure.ts); nobody erases their own account. */
export async function eraseUser(ctx: SignedIn, userId: number, query: UserQuery): Promise<User> {
  // an administrator who erased themselves would lock the platform out without anyone having decided it
  if (userId === ctx.viewer.id) throw new ConflictError('Vous ne pouvez pas effacer votre propre compte : demandez-le à un autre administrateur.');
  return audited(ctx, 'user.erase', async (tx) => {
    const done = await erasePerson(tx, userId, query);
    if (!done) throw new NotFoundError(NO_PERSON);
    const after = { erased: true, auditEventsPseudonymized: done.auditEvents, sessionsClosed: done.sessions };
    return { result: done.user, entityType: 'User', entityId: userId, organizationId: done.organizationId, after };
  });
}
