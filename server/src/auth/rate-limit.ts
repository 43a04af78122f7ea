import type { PrismaClient } from '../generated/prisma/client.ts';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const BLOCK_MS = 15 * 60 * 1000;

type Db = Pick<PrismaClient, 'rateLimit'>;

/** Seconds until every given key is allowed again (0 when none is blocked). */
export async function blockedFor(prisma: Db, keys: string[], now = new Date()): Promise<number> {
  const rows = await prisma.rateLimit.findMany({ where: { key: { in: keys }, blockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((row) => row.blockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * Counts one failure for each key in the database (not in memory, so that every instance sees it); the
 * MAX_FAILURES-th failure within WINDOW_MS blocks the key for BLOCK_MS.
 */
export async function recordFailure(prisma: Db, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const row = await prisma.rateLimit.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const blockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + BLOCK_MS) : (row?.blockedUntil ?? null);
    await prisma.rateLimit.upsert({
      where: { key },
      create: { key, failures, windowStart: now, blockedUntil },
      update: { failures, windowStart: fresh ? now : row.windowStart, blockedUntil },
    });
  }
}

export async function clearFailures(prisma: Db, keys: string[]): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: { in: keys } } });
}
