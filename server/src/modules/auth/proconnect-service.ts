import { createHash, timingSafeEqual } from 'node:crypto';
import type { Organization, User } from '@mutualis/db/client';
import { proconnectConfig, type ProConnectConfig } from '../../config.ts';
import { landingPath } from '../../shared/landing.ts';
import { audited, type Tx } from '../audit/service.ts';
import type { Context } from '../../graphql/context.ts';
import { authorizationUrl, endSessionUrl, exchangeCode, newLoginSecrets, providerConfiguration } from './proconnect-client.ts';
import { personName, readClaims, refusalPath, safeReturnPath, siteOrigin, sirenOfSiret, type ProConnectClaims } from './proconnect-rules.ts';
import { createSession, deleteSession, sessionCookie } from './session.ts';

// The ProConnect sign-in's use cases: a login started (its secrets kept server-side for 10 minutes, one use), a
// callback turned into an account and a session, and the provider's logout URL at sign-out.

/** How long a started sign-in may wait for its callback. */
export const LOGIN_TTL_MS = 10 * 60 * 1000;

/** A failed sign-in: the callback answers `/connexion?erreur=proconnect`; `reason` goes to the log only. */
export class ProConnectFailure extends Error {}

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

/** The configuration in force, or undefined when ProConnect is not configured. */
export const proconnectSettings = (): ProConnectConfig | undefined => proconnectConfig();

/** Starts a sign-in: the provider's URL to send the browser to, and the state its cookie binds it to. */
export async function beginLogin(ctx: Context, settings: ProConnectConfig, redirectUri: string, retour: string | null) {
  const configuration = await providerConfiguration(settings);
  const secrets = newLoginSecrets();
  const now = Date.now();
  // started sign-ins never finished are dropped as new ones come
  await ctx.prisma.oidcLogin.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  await ctx.prisma.oidcLogin.create({
    data: {
      stateHash: hashState(secrets.state),
      nonce: secrets.nonce,
      codeVerifier: secrets.codeVerifier,
      returnTo: safeReturnPath(retour),
      expiresAt: new Date(now + LOGIN_TTL_MS),
    },
  });
  return { url: (await authorizationUrl(configuration, redirectUri, secrets)).toString(), state: secrets.state };
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export type LoginOutcome = { redirect: string; sessionCookie?: string };

/**
 * Finishes a sign-in from the provider's callback: state checked against the cookie and the table (one use), code
 * exchanged, identity verified, then the account found (by `sub`, else by e-mail in the same organization) or made.
 */
export async function completeLogin(ctx: Context, settings: ProConnectConfig, callbackUrl: URL, cookieState: string | undefined): Promise<LoginOutcome> {
  const state = callbackUrl.searchParams.get('state');
  if (!state || !cookieState || !sameText(state, cookieState)) throw new ProConnectFailure('state absent ou différent du cookie');
  // one use: the row is deleted before anything else, so a replayed callback finds nothing
  const login = await ctx.prisma.oidcLogin.delete({ where: { stateHash: hashState(state) } }).catch(() => null);
  if (!login) throw new ProConnectFailure('state inconnu ou déjà utilisé');
  if (login.expiresAt.getTime() <= Date.now()) throw new ProConnectFailure('connexion commencée il y a plus de 10 minutes');
  if (callbackUrl.searchParams.has('error')) throw new ProConnectFailure(`erreur du fournisseur : ${callbackUrl.searchParams.get('error')}`);
  const configuration = await providerConfiguration(settings);
  const identity = await exchangeCode(configuration, callbackUrl, { state, nonce: login.nonce, codeVerifier: login.codeVerifier });
  const claims = readClaims(identity.claims);
  if (!claims) throw new ProConnectFailure('revendications absentes ou invalides (sub, email, given_name, usual_name, siret)');
  const organization = await ctx.prisma.organization.findUnique({ where: { siren: sirenOfSiret(claims.siret) } });
  if (!organization) return { redirect: refusalPath('organisation-inconnue', claims) };
  const user = await findAccount(ctx, claims);
  if (user && user.organizationId !== organization.id) return { redirect: refusalPath('autre-organisation', claims) };
  const account = user ?? (await createAccount(ctx, claims, organization));
  const session = await signInAccount(ctx, account, claims, identity.idToken);
  const person = await ctx.prisma.user.findUniqueOrThrow({ where: { id: account.id }, include: { provider: { select: { slug: true } } } });
  return { redirect: login.returnTo ?? landingPath(person), sessionCookie: sessionCookie(session.token, session.expiresAt, ctx.secureCookies) };
}

/** The account of this identity: the one ProConnect already knows (`sub`), else the one with the same e-mail. */
async function findAccount(ctx: Context, claims: ProConnectClaims): Promise<User | null> {
  return (
    (await ctx.prisma.user.findUnique({ where: { proconnectSub: claims.sub } })) ??
    (await ctx.prisma.user.findUnique({ where: { email: claims.email } }))
  );
}

/** A MEMBER account without password, its membership APPROVED: ProConnect proved it. */
function createAccount(ctx: Context, claims: ProConnectClaims, organization: Organization): Promise<User> {
  return audited(ctx, 'user.signUp', async (tx) => {
    const created = await tx.user.create({
      data: {
        email: claims.email,
        name: personName(claims.givenName, claims.usualName),
        organizationId: organization.id,
        roles: ['MEMBER'],
        membershipStatus: 'APPROVED',
        membershipVerifiedAt: new Date(),
        proconnectSub: claims.sub,
        proconnectSiret: claims.siret,
      },
    });
    const after = { method: 'proconnect', roles: created.roles, membershipStatus: created.membershipStatus, membershipVerifiedAt: created.membershipVerifiedAt };
    return { result: created, entityType: 'User', entityId: created.id, organizationId: organization.id, actorId: created.id, after };
  });
}

/**
 * The identity attached to the account (sub, SIRET, membership verified and APPROVED: the SIRET's organization is the
 * account's), the browser's previous session closed and a new one opened with the id_token, in one audited write.
 */
function signInAccount(ctx: Context, user: User, claims: ProConnectClaims, idToken: string) {
  const previous = ctx.sessionToken;
  return audited(ctx, 'user.signIn', async (tx: Tx) => {
    const verifiedAt = new Date();
    await tx.user.update({
      where: { id: user.id },
      data: { proconnectSub: claims.sub, proconnectSiret: claims.siret, membershipVerifiedAt: verifiedAt, membershipStatus: 'APPROVED' },
    });
    if (previous) await deleteSession(tx, previous);
    const session = await createSession(tx, user.id, idToken);
    const before = { membershipStatus: user.membershipStatus, membershipVerifiedAt: user.membershipVerifiedAt };
    const after = { method: 'proconnect', membershipStatus: 'APPROVED', membershipVerifiedAt: verifiedAt, linked: user.proconnectSub !== claims.sub };
    return { result: session, entityType: 'User', entityId: user.id, organizationId: user.organizationId, actorId: user.id, before, after };
  });
}

/** The logout URLs computed by signOut for the request, read by the mutation's `logoutUrl` field. */
const logoutUrls = new WeakMap<object, string>();

/** The provider's end-session URL for a closed ProConnect session (null without ProConnect, or if it cannot be reached). */
export async function rememberLogoutUrl(ctx: Context, idToken: string): Promise<void> {
  const settings = proconnectSettings();
  const request = (ctx as Context & { request?: Request }).request;
  if (!settings || !request) return;
  try {
    const home = `${siteOrigin(new URL(request.url).host, ctx.secureCookies)}/`;
    logoutUrls.set(ctx, endSessionUrl(await providerConfiguration(settings), idToken, home));
  } catch (error) {
    ctx.log.warn({ err: error }, 'ProConnect injoignable : la session Mutualis est fermée, celle de ProConnect reste ouverte.');
  }
}

/** What signOut left for this request: the URL the browser must visit to end the ProConnect session too. */
export const logoutUrlOf = (ctx: Context): string | null => logoutUrls.get(ctx) ?? null;
