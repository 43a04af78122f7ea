import DataLoader from 'dataloader';
import { Prisma } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import type { Place } from './rules.ts';

// The referents of a tool in SQL, nearest first, and the deployment status of each referent's organization, batched.

/** Listed: active, consenting, and their author still an approved member. */
const LISTED = Prisma.sql`r."withdrawnAt" IS NULL AND r."consentToContact" AND u."membershipStatus" = 'APPROVED'`;

/**
 * One page of a tool's referents: same EPCI as the viewer's organization first (an EPCI is its own), then same
 * département, then same région, then the others; the most recently declared first within each. Without a place
 * (anonymous visitor, the platform's staff) all rank alike.
 */
export async function referentPage(ctx: Context, toolId: number, near: Place | null, limit: number, offset: number): Promise<number[]> {
  const epci = near ? (near.kind === 'EPCI' ? near.id : near.epciId) : null;
  const rank = Prisma.sql`CASE
      WHEN ${epci}::int IS NOT NULL AND (CASE WHEN o.kind = 'EPCI' THEN o.id ELSE o."epciId" END) = ${epci}::int THEN 0
      WHEN ${near?.departementCode ?? null}::text IS NOT NULL AND o."departementCode" = ${near?.departementCode ?? null}::text THEN 1
      WHEN ${near?.regionCode ?? null}::text IS NOT NULL AND o."regionCode" = ${near?.regionCode ?? null}::text THEN 2
      ELSE 3 END`;
  const rows = await ctx.prisma.$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT r.id FROM "ToolReferent" r
      JOIN "User" u ON u.id = r."userId" JOIN "Organization" o ON o.id = u."organizationId"
     WHERE r."toolId" = ${toolId} AND ${LISTED}
     ORDER BY ${rank}, r."updatedAt" DESC, r.id DESC LIMIT ${limit} OFFSET ${offset}`);
  return rows.map((row) => row.id);
}

/** How many referents each tool lists, for a page of tools at once. */
export async function referentCounts(ctx: Context, ids: readonly number[]): Promise<{ id: number; count: number }[]> {
  return ctx.prisma.$queryRaw<{ id: number; count: number }[]>(Prisma.sql`
    SELECT r."toolId" AS id, count(*)::int AS count FROM "ToolReferent" r JOIN "User" u ON u.id = r."userId"
     WHERE r."toolId" = ANY(${[...ids]}::int[]) AND ${LISTED} GROUP BY r."toolId"`);
}

const statusLoaders = new WeakMap<Context, DataLoader<string, string | null>>();

/** The status of an organization's deployment of a tool (null: none), one statement per request. */
export function deploymentStatus(ctx: Context, organizationId: number, toolId: number): Promise<string | null> {
  let loader = statusLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (keys: readonly string[]) => {
      const pairs = keys.map((key) => key.split(':').map(Number) as [number, number]);
      const rows = await ctx.prisma.$queryRaw<{ organizationId: number; toolId: number; status: string }[]>(Prisma.sql`
        SELECT d."organizationId", d."toolId", d.status::text AS status FROM "Deployment" d
          JOIN unnest(${pairs.map((p) => p[0])}::int[], ${pairs.map((p) => p[1])}::int[]) AS k(o, t) ON d."organizationId" = k.o AND d."toolId" = k.t`);
      const found = new Map(rows.map((row) => [`${row.organizationId}:${row.toolId}`, row.status]));
      return keys.map((key) => found.get(key) ?? null);
    });
    statusLoaders.set(ctx, loader);
  }
  return loader.load(`${organizationId}:${toolId}`);
}
