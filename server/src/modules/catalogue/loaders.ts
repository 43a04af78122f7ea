import type { PriceTier, PricingPlan, Prisma, Tool } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { ADOPTING_STATUSES } from '../deployments/service.ts';
import type { CatalogueRow } from './rules.ts';

/** A catalogue row as read, with the tool's active plans (its reference price is worked out from them). */
export type LoadedRow = Omit<CatalogueRow, 'referencePrice'> & { plans: (PricingPlan & { tiers: PriceTier[] })[] };

/** One light row per active tool, for filtering and ordering: two SQL statements whatever the catalogue size. */
export async function loadCatalogueRows(ctx: Context): Promise<LoadedRow[]> {
  const rows = await ctx.prisma.$queryRaw<Omit<CatalogueRow, 'referencePrice'>[]>`
    SELECT t.id, t.name, t.description, p.name AS "providerName", c.slug AS "categorySlug", c.name AS "categoryName",
           t."hostingCountry", t."aiActRiskTier"::text AS "aiActRiskTier", t."secNumCloud",
           (t."openSourceLicense" IS NOT NULL) AS "openSource",
           (SELECT round(avg(r.rating), 2)::text FROM "Review" r
             WHERE r."toolId" = t.id AND r."moderationStatus" = 'VISIBLE') AS "ratingAverage",
           (SELECT count(DISTINCT d."organizationId")::int FROM "Deployment" d
             WHERE d."toolId" = t.id AND d.status::text = ANY(${[...ADOPTING_STATUSES]}::text[])) AS "adoptionCount"
      FROM "Tool" t JOIN "Provider" p ON p.id = t."providerId" JOIN "Category" c ON c.id = t."categoryId"
     WHERE t."archivedAt" IS NULL`;
  const plans = await ctx.prisma.pricingPlan.findMany({ where: { archivedAt: null }, include: { tiers: true } });
  const plansByTool = new Map<number, LoadedRow['plans']>();
  for (const plan of plans) plansByTool.set(plan.toolId, [...(plansByTool.get(plan.toolId) ?? []), plan]);
  return rows.map((row) => ({ ...row, plans: plansByTool.get(row.id) ?? [] }));
}

/** The tools of a page, in the order of `ids`, with the GraphQL selection planned into this one query. */
export async function toolsInOrder(ctx: Context, ids: number[], query: { include?: Prisma.ToolInclude; select?: Prisma.ToolSelect }): Promise<Tool[]> {
  const tools = await ctx.prisma.tool.findMany({ ...query, where: { id: { in: ids } } });
  const byId = new Map(tools.map((tool) => [tool.id, tool]));
  return ids.map((id) => byId.get(id)!);
}
