import type { Organization } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { batchedCount } from '../../graphql/counts.ts';
import { ADOPTING_STATUSES, DEPLOYMENT_STATUSES, type DeploymentStatus } from './rules.ts';

export interface AdoptionCounts {
  total: number;
  byStatus: { status: DeploymentStatus; count: number }[];
  /** Pilot and production deployments (ToolStats.adoptionCount). */
  adopting: number;
  /** Among `adopting`, those of the demo data set (ToolStats.demoAdoptionCount). */
  demoCount: number;
}

/** Adoption counts of many tools in one statement: their ToolStats rows, kept up to date by the database. */
export async function loadAdoption(toolIds: readonly number[], ctx: Context): Promise<AdoptionCounts[]> {
  const rows = await ctx.prisma.toolStats.findMany({ where: { toolId: { in: [...toolIds] } } });
  const byTool = new Map(rows.map((row) => [row.toolId, row]));
  return toolIds.map((toolId) => {
    const stats = byTool.get(toolId);
    const counts: Record<DeploymentStatus, number> = {
      EXPLORING: stats?.exploringCount ?? 0,
      PILOT: stats?.pilotCount ?? 0,
      PRODUCTION: stats?.productionCount ?? 0,
      ABANDONED: stats?.abandonedCount ?? 0,
    };
    const byStatus = DEPLOYMENT_STATUSES.map((status) => ({ status, count: counts[status] }));
    return {
      total: byStatus.reduce((sum, s) => sum + s.count, 0),
      byStatus,
      adopting: stats?.adoptionCount ?? 0,
      demoCount: stats?.demoAdoptionCount ?? 0,
    };
  });
}

/** The organizations of a region, but one, that use the tool now, each with its status and demo flag (one query). */
export function adoptersInRegion(
  ctx: Context, toolId: number, regionCode: string, exceptId: number,
): Promise<{ status: DeploymentStatus; isDemo: boolean; organization: Organization }[]> {
  return ctx.prisma.deployment.findMany({
    where: { toolId, status: { in: [...ADOPTING_STATUSES] }, organizationId: { not: exceptId }, organization: { regionCode } },
    select: { status: true, isDemo: true, organization: true },
  });
}

/** The organization a deployment belongs to, or null for an unknown id (what its scope asks). */
export async function deploymentOrganizationId(ctx: Context, id: number): Promise<number | null> {
  const deployment = await ctx.prisma.deployment.findUnique({ where: { id }, select: { organizationId: true } });
  return deployment?.organizationId ?? null;
}

/** Declared deployments of each tool, every status (Tool.adopters totalCount), from ToolStats. */
export const toolDeploymentCount = batchedCount('Tool.adopters', (ctx, ids) =>
  ctx.prisma.$queryRaw`
    SELECT "toolId" AS id, ("exploringCount" + "pilotCount" + "productionCount" + "abandonedCount")::int AS count
      FROM "ToolStats" WHERE "toolId" = ANY(${[...ids]}::int[])`,
);

/** Declared deployments of each organization (Organization.deployments totalCount): one indexed count. */
export const organizationDeploymentCount = batchedCount('Organization.deployments', (ctx, ids) =>
  ctx.prisma.$queryRaw`
    SELECT "organizationId" AS id, count(*)::int AS count FROM "Deployment"
     WHERE "organizationId" = ANY(${[...ids]}::int[]) GROUP BY "organizationId"`,
);
