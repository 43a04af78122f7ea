import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@mutualis/db/client';

export const SESSION_COOKIE = 'mutualis_session';
/** Absolute lifetime: a session is refused 30 days after sign-in, however often it is used. */
export const SESSION_DAYS = 30;
/** Idle timeout: a session left unused for 7 days (a lost laptop, a shared computer) is refused. */
export const SESSION_IDLE_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;
// lastSeenAt is written at most once an hour, so idleness is known to within an hour without a write per request
const TOUCH_AFTER_MS = 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Only the token's hash is stored: a leaked table does not open sessions. A ProConnect sign-in keeps its id_token,
 * handed back to the provider at sign-out (id_token_hint).
 */
export async function createSession(
  prisma: Pick<PrismaClient, 'session'>,
  userId: number,
  idToken?: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await prisma.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt, ...(idToken ? { idToken } : {}) } });
  return { token, expiresAt };
}

/** The ProConnect id_token of a session, or null (a password session, or none). */
export async function sessionIdToken(prisma: Pick<PrismaClient, 'session'>, token: string): Promise<string | null> {
  const session = await prisma.session.findUnique({ where: { tokenHash: hashToken(token) }, select: { idToken: true } });
  return session?.idToken ?? null;
}

export async function deleteSession(prisma: Pick<PrismaClient, 'session'>, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Deletes every session of a user but the one given (password change: other browsers are signed out). */
export async function deleteOtherSessions(prisma: Pick<PrismaClient, 'session'>, userId: number, keepToken?: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({
    where: { userId, ...(keepToken ? { tokenHash: { not: hashToken(keepToken) } } : {}) },
  });
  return count;
}

const isStale = (session: { expiresAt: Date; lastSeenAt: Date }, now: number) =>
  session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() >= SESSION_IDLE_DAYS * DAY_MS;

/** Deletes the sessions past their absolute expiry or idle timeout (they are refused anyway). */
export async function purgeSessions(prisma: Pick<PrismaClient, 'session'>, now = new Date()): Promise<number> {
  const { count } = await prisma.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_DAYS * DAY_MS) } }] },
  });
  return count;
}

/** The signed-in user of a session token, with the organization, or null when absent, expired or idle too long. */
export async function loadSessionUser(prisma: PrismaClient, token: string | undefined) {
  if (!token) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { organization: true } } },
  });
  if (!session) return null;
  const now = Date.now();
  if (isStale(session, now)) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return session.user;
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof loadSessionUser>>>;

export function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (name && !(name in cookies)) {
      try {
        cookies[name] = decodeURIComponent(value);
      } catch {
        cookies[name] = value;
      }
    }
  }
  return cookies;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', ...(secure ? ['Secure'] : [])].join('; ');
}
