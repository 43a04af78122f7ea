import type { Context } from '../../graphql/context.ts';
import { VERIFYING_STATUSES } from '../deployments/service.ts';

export interface RatingRow {
  toolId: number;
  count: number;
  verifiedCount: number;
  average: string | null;
  easeOfUse: string | null;
  outputQuality: string | null;
  support: string | null;
  dataProtection: string | null;
  valueForMoney: string | null;
  accessibility: string | null;
}

/** Rating aggregates of many tools in one SQL statement. */
export async function loadRatings(toolIds: readonly number[], ctx: Context): Promise<RatingRow[]> {
  const statuses = [...VERIFYING_STATUSES];
  const rows = await ctx.prisma.$queryRaw<RatingRow[]>`
    SELECT r."toolId",
           count(*)::int AS count,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "Deployment" d
              WHERE d."organizationId" = r."organizationId" AND d."toolId" = r."toolId"
                AND d.status::text = ANY(${statuses}::text[])))::int AS "verifiedCount",
           round(avg(r.rating), 2)::text AS average,
           round(avg(r."ratingEaseOfUse"), 2)::text AS "easeOfUse",
           round(avg(r."ratingOutputQuality"), 2)::text AS "outputQuality",
           round(avg(r."ratingSupport"), 2)::text AS support,
           round(avg(r."ratingDataProtection"), 2)::text AS "dataProtection",
           round(avg(r."ratingValueForMoney"), 2)::text AS "valueForMoney",
           round(avg(r."ratingAccessibility"), 2)::text AS accessibility
      FROM "Review" r
     WHERE r."toolId" = ANY(${[...toolIds]}::int[]) AND r."moderationStatus" = 'VISIBLE'
     GROUP BY r."toolId"`;
  const byTool = new Map(rows.map((row) => [row.toolId, row]));
  return toolIds.map(
    (toolId) =>
      byTool.get(toolId) ?? {
        toolId, count: 0, verifiedCount: 0, average: null, easeOfUse: null, outputQuality: null, support: null,
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
