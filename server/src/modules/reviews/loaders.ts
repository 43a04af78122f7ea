import type { Context } from '../../graphql/context.ts';
import { batchedCount } from '../../graphql/counts.ts';
import { VERIFYING_STATUSES } from '../deployments/service.ts';

export interface RatingRow {
  toolId: number;
  count: number;
  verifiedCount: number;
  /** Among `count`, the reviews of the demo data set (ToolStats.demoReviewCount). */
  demoCount: number;
  average: string | null;
  easeOfUse: string | null;
  outputQuality: string | null;
  support: string | null;
  dataProtection: string | null;
  valueForMoney: string | null;
  accessibility: string | null;
}

/** Rating aggregates of many tools in one SQL statement: their ToolStats rows, kept up to date by the database. */
export async function loadRatings(toolIds: readonly number[], ctx: Context): Promise<RatingRow[]> {
  const rows = await ctx.prisma.$queryRaw<RatingRow[]>`
    SELECT "toolId", "reviewCount" AS count, "verifiedReviewCount" AS "verifiedCount",
           "demoReviewCount" AS "demoCount", "ratingAverage"::text AS average,
           "easeOfUse"::text AS "easeOfUse", "outputQuality"::text AS "outputQuality", support::text AS support,
           "dataProtection"::text AS "dataProtection", "valueForMoney"::text AS "valueForMoney", accessibility::text AS accessibility
      FROM "ToolStats" WHERE "toolId" = ANY(${[...toolIds]}::int[]) AND "reviewCount" > 0`;
  const byTool = new Map(rows.map((row) => [row.toolId, row]));
  return toolIds.map(
    (toolId) =>
      byTool.get(toolId) ?? {
        toolId, count: 0, verifiedCount: 0, demoCount: 0, average: null, easeOfUse: null, outputQuality: null, support: null,
        dataProtection: null, valueForMoney: null, accessibility: null,
      },
  );
}

/** Whether each (organization, tool) pair, as "organizationId:toolId", has a deployment that proves real use: one query. */
export async function loadVerified(keys: readonly string[], ctx: Context): Promise<boolean[]> {
  const pairs = keys.map((key) => key.split(':').map(Number) as [number, number]);
  const rows = await ctx.prisma.deployment.findMany({
    where: {
      status: { in: [...VERIFYING_STATUSES] },
      OR: pairs.map(([organizationId, toolId]) => ({ organizationId, toolId })),
    },
    select: { organizationId: true, toolId: true },
  });
  const found = new Set(rows.map((r) => `${r.organizationId}:${r.toolId}`));
  return keys.map((key) => found.has(key));
}

/** Visible reviews of each tool (Tool.reviews totalCount), from ToolStats. */
export const visibleReviewCount = batchedCount('Tool.reviews', (ctx, ids) =>
  ctx.prisma.$queryRaw`SELECT "toolId" AS id, "reviewCount" AS count FROM "ToolStats" WHERE "toolId" = ANY(${[...ids]}::int[])`,
);
