import type { Context } from '../../graphql/context.ts';

// The platform team's queue: people waiting for a decision (a PENDING membership, or a PENDING request for the
// ORG_ADMIN role) in organizations that have no approved ORG_ADMIN — the others are decided by their ORG_ADMIN.
// Oldest first: a membership waits since the sign-up, an ORG_ADMIN request since it was made.

const ERASED = '%@utilisateur.invalid';

/** One page of the queue's user ids, in order. */
export async function pendingApplicationIds(ctx: Context, offset: number, limit: number): Promise<number[]> {
  const rows = await ctx.prisma.$queryRaw<{ id: number }[]>`
    SELECT u.id FROM "User" u
    WHERE (u."membershipStatus" = 'PENDING' OR u."adminRequestStatus" = 'PENDING')
      AND u.email NOT LIKE ${ERASED}
      AND NOT EXISTS (
        SELECT 1 FROM "User" a
        WHERE a."organizationId" = u."organizationId" AND a."membershipStatus" = 'APPROVED' AND 'ORG_ADMIN' = ANY(a.roles))
    ORDER BY CASE WHEN u."membershipStatus" = 'PENDING' THEN u."createdAt" ELSE u."adminRequestedAt" END, u.id
    OFFSET ${offset} LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/** How many people the queue holds. */
export async function pendingApplicationCount(ctx: Context): Promise<number> {
  const [row] = await ctx.prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "User" u
    WHERE (u."membershipStatus" = 'PENDING' OR u."adminRequestStatus" = 'PENDING')
      AND u.email NOT LIKE ${ERASED}
      AND NOT EXISTS (
        SELECT 1 FROM "User" a
        WHERE a."organizationId" = u."organizationId" AND a."membershipStatus" = 'APPROVED' AND 'ORG_ADMIN' = ANY(a.roles))`;
  return row?.n ?? 0;
}
