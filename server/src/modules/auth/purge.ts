import type { PrismaClient } from '@mutualis/db/client';
import { purgeRateLimits } from './rate-limit.ts';
import { purgeSessions } from './session.ts';

const PURGE_EVERY_MS = 10 * 60 * 1000;
const lastPurge = new WeakMap<object, number>();

/**
 * Deletes expired or idle sessions and stale counters, at most every 10 minutes per database and instance:
 * piggy-backed on sign-in (the one request that creates rows in both tables), so no timer has to be run or
 * stopped. Refusing a stale session never depends on this: loadSessionUser checks both deadlines itself.
 */
export async function purgeIfDue(prisma: Pick<PrismaClient, 'session' | 'rateLimit'>, now = Date.now()): Promise<void> {
  if (now - (lastPurge.get(prisma) ?? 0) < PURGE_EVERY_MS) return;
  lastPurge.set(prisma, now);
  await purgeSessions(prisma, new Date(now));
  await purgeRateLimits(prisma, new Date(now));
}
