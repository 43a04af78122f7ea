import type { PrismaClient } from '@mutualis/db/client';
import { RateLimitedError } from '../../graphql/errors.ts';

type Db = Pick<PrismaClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

export const WINDOW_MS = 15 * 60 * 1000;
export const BLOCK_MS = 15 * 60 * 1000;

/**
 * Sign-in limits, each counted per window of WINDOW_MS; reaching a limit with a wrong password blocks that key
 * for BLOCK_MS.
 *
 * - per (account, address) pair, tight: the usual guesser, on one account from one place, gets MAX_FAILURES
 *   password checks per window. Blocking the pair only keeps everybody else behind the same address (all the
 *   agents of a commune behind one NAT) and the account's owner elsewhere free to sign in.
 * - per account, higher: an attacker who spreads guesses over many addresses (or forges X-Forwarded-For when a
 *   proxy is trusted) still gets at most ACCOUNT_MAX checks per window on one account; locking the account out
 *   for its owner takes ACCOUNT_MAX / MAX_FAILURES distinct addresses, not a single one.
 * - per address, much higher: catches password spraying (a few guesses on each of many accounts), which the
 *   two others do not see; no commune reaches ADDRESS_MAX failures in 15 minutes by typing mistakes, so a shared
 *   address is not locked by its own users, and an outsider cannot spend another address's budget.
 *
 * An attempt is counted (reserved) BEFORE its password is checked, atomically in the database, so N parallel
 * guesses cannot all be checked; a success refunds its reservation, a refused attempt refunds the keys it had
 * reserved, so only wrong passwords consume the budget.
 */
export const MAX_FAILURES = 5;
export const ACCOUNT_MAX = 30;
export const ADDRESS_MAX = 100;

interface Counted {
  key: string;
  limit: number;
  count: number;
  /** Seconds the key stays blocked (0 when not blocked). */
  blockedFor: number;
  /** Seconds until the window restarts. */
  windowLeft: number;
}

/** The database clock is not trusted to agree with ours: every statement gets our `now`, as UTC. */
const NOW = `($1::timestamptz AT TIME ZONE 'UTC')`;

/**
 * Adds `amount` to a key in ONE statement (INSERT … ON CONFLICT DO UPDATE … RETURNING): the row lock taken by
 * the upsert serialises concurrent requests, on every instance, so no two see the same count. A blocked key is
 * not incremented. A window older than `windowMs` restarts at `amount`.
 */
async function hit(prisma: Db, key: string, amount: number, windowMs: number, now: Date): Promise<Omit<Counted, 'limit'>> {
  const rows = await prisma.$queryRawUnsafe<{ count: number; blockedFor: number; windowLeft: number }[]>(
    `INSERT INTO "RateLimit" AS r ("key", "count", "windowStart", "blockedUntil")
     VALUES ($2::text, $3::int, ${NOW}, NULL)
     ON CONFLICT ("key") DO UPDATE SET
       "count" = CASE WHEN r."blockedUntil" > EXCLUDED."windowStart" THEN r."count"
                      WHEN r."windowStart" <= EXCLUDED."windowStart" - $4::float8 * interval '1 millisecond' THEN EXCLUDED."count"
                      ELSE r."count" + EXCLUDED."count" END,
       "windowStart" = CASE WHEN r."blockedUntil" > EXCLUDED."windowStart" THEN r."windowStart"
                      WHEN r."windowStart" <= EXCLUDED."windowStart" - $4::float8 * interval '1 millisecond' THEN EXCLUDED."windowStart"
                      ELSE r."windowStart" END,
       "blockedUntil" = CASE WHEN r."blockedUntil" > EXCLUDED."windowStart" THEN r."blockedUntil" END
     RETURNING "count",
       GREATEST(0, CEIL(EXTRACT(EPOCH FROM (COALESCE("blockedUntil", ${NOW}) - ${NOW}))))::int AS "blockedFor",
       GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + $4::float8 * interval '1 millisecond' - ${NOW}))))::int AS "windowLeft"`,
    now.toISOString(),
    key,
    amount,
    windowMs,
  );
  return { key, ...rows[0]! };
}

/**
 * One statement per key, never one multi-row UPDATE: two refunds locking the same rows in different orders
 * deadlock on PostgreSQL (40P01, seen under 40 parallel sign-ins), while single-row statements hold one lock each.
 */
async function refund(prisma: Db, keys: string[]): Promise<void> {
  for (const key of keys) {
    await prisma.$executeRawUnsafe(`UPDATE "RateLimit" SET "count" = GREATEST(0, "count" - 1) WHERE "key" = $1::text`, key);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

function retryAfter(refused: Counted[]): number {
  return Math.max(1, ...refused.map((c) => (c.blockedFor > 0 ? c.blockedFor : c.windowLeft)));
}

export const loginKeys = (email: string, address: string) => [
  { key: `login:pair:${email}|${address}`, limit: MAX_FAILURES },
  { key: `login:account:${email}`, limit: ACCOUNT_MAX },
  { key: `login:address:${address}`, limit: ADDRESS_MAX },
];

export interface Attempt {
  /** A wrong password: the reservation stays counted, and a key at its limit is blocked for BLOCK_MS. */
  failed(): Promise<void>;
  /** The right password: the reservation is given back. */
  succeeded(): Promise<void>;
}

/**
 * Reserves one password check for this e-mail from this address, or throws a RATE_LIMITED error (with the
 * seconds to wait) without any password being checked.
 */
export async function reserveAttempt(prisma: Db, email: string, address: string, now = new Date()): Promise<Attempt> {
  const keys = loginKeys(email, address);
  const counted: Counted[] = [];
  // one statement per key, each its own transaction: no lock is held across keys, so no deadlock
  for (const { key, limit } of keys) counted.push({ ...(await hit(prisma, key, 1, WINDOW_MS, now)), limit });
  const refused = counted.filter((c) => c.blockedFor > 0 || c.count > c.limit);
  if (refused.length > 0) {
    // a refused attempt checks no password: it gives back what it took, so that hammering one account from one
    // address does not also spend the account's and the address's budgets
    await refund(prisma, counted.filter((c) => c.blockedFor === 0).map((c) => c.key));
    const seconds = retryAfter(refused);
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    throw new RateLimitedError(`Trop de tentatives de connexion : réessayez dans ${plural(minutes, 'minute')}.`, seconds);
  }
  return {
    async failed() {
      const at = new Date();
      for (const { key, limit } of keys) {
        await prisma.$executeRawUnsafe(
          `UPDATE "RateLimit" SET "blockedUntil" = ${NOW} + $2::float8 * interval '1 millisecond'
            WHERE "key" = $3::text AND "count" >= $4::int AND ("blockedUntil" IS NULL OR "blockedUntil" <= ${NOW})`,
          at.toISOString(),
          BLOCK_MS,
          key,
          limit,
        );
      }
    },
    succeeded: () => refund(prisma, keys.map((k) => k.key)),
  };
}

/** Writes (mutations) per minute: generous, to stop floods and scripts, never a person at work. */
export const WRITE_WINDOW_MS = 60 * 1000;
export const WRITES_PER_ACCOUNT = 120;
/** Many agents of one commune may share an address (NAT, proxy): ten times one account's allowance. */
export const WRITES_PER_ADDRESS = 1200;

/**
 * Counts `amount` writes for the account (when signed in) and the address; throws RATE_LIMITED once a limit
 * is passed within the minute. Writes are not refunded: the limit bounds the load, successful or not.
 */
export async function countWrites(prisma: Db, userId: number | null, address: string, amount = 1, now = new Date()): Promise<void> {
  const keys = [
    ...(userId !== null ? [{ key: `write:account:${userId}`, limit: WRITES_PER_ACCOUNT }] : []),
    { key: `write:address:${address}`, limit: WRITES_PER_ADDRESS },
  ];
  const refused: Counted[] = [];
  for (const { key, limit } of keys) {
    const counted = { ...(await hit(prisma, key, amount, WRITE_WINDOW_MS, now)), limit };
    if (counted.count > limit) refused.push(counted);
  }
  if (refused.length > 0) {
    const seconds = retryAfter(refused);
    throw new RateLimitedError(`Trop d’écritures en peu de temps : réessayez dans ${plural(seconds, 'seconde')}.`, seconds);
  }
}

/** Counters whose window ended long ago and that block nothing: kept a day, then deleted. */
export async function purgeRateLimits(prisma: Pick<PrismaClient, 'rateLimit'>, now = new Date()): Promise<number> {
  const { count } = await prisma.rateLimit.deleteMany({
    where: {
      windowStart: { lt: new Date(now.getTime() - 24 * 3600 * 1000) },
      OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }],
    },
  });
  return count;
}
