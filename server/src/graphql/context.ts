import type { SessionUser } from '../modules/auth/session.ts';
import type { Database } from '../db/database.ts';
import type { PrismaClient } from '@mutualis/db/client';
import type { Logger } from '../log.ts';

/** Built once per request. */
export interface Context {
  prisma: PrismaClient;
  db: Database;
  requestId: string;
  /** This request's logger: every line carries `requestId`. */
  log: Logger;
  /** The signed-in user (with organization), or null. */
  viewer: SessionUser | null;
  /** The raw session token from the cookie, if any. */
  sessionToken: string | undefined;
  /** Client address for rate limiting. */
  clientAddress: string;
  secureCookies: boolean;
  /** Adds a Set-Cookie header to the response. */
  setCookie(cookie: string): void;
}
