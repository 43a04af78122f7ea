import type { Organization } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { ADOPTING_STATUSES, DEPLOYMENT_STATUSES, type DeploymentStatus } from './rules.ts';

export interface AdoptionCounts {
  total: number;
  byStatus: { status: DeploymentStatus; count: number }[];
}

/** Adoption counts of many tools in one grouped query. */
export async function loadAdoption(toolIds: readonly number[], ctx: Context): Promise<AdoptionCounts[]> {
  const groups = await ctx.prisma.deployment.groupBy({ by: ['toolId', 'status'], where: { toolId: { in: [...toolIds] } }, _count: { _all: true } });
  return toolIds.map((toolId) => {
    const byStatus = DEPLOYMENT_STATUSES.map((status) => ({
      status,
      count: groups.find((g) => g.toolId === toolId && g.status === status)?._count._all ?? 0,
    }));
    return { total: byStatus.reduce((sum, s) => sum + s.count, 0), byStatus };
  });
}

/** The organizations of a region, but one, that use the tool now, each with its status (one query). */
export function adoptersInRegion(ctx: Context, toolId: number, regionCode: string, exceptId: number): Promise<{ status: DeploymentStatus; organization: Organization }[]> {
  return ctx.prisma.deployment.findMany({
    where: { toolId, status: { in: [...ADOPTING_STATUSES] }, organizationId: { not: exceptId }, organization: { regionCode } },
    select: { status: true, organization: true },
  });
}

/** The organization a deployment belongs to, or null for an unknown id (what its scope asks). */
export async function deploymentOrganizationId(ctx: Context, id: number): Promise<number | null> {
  const deployment = await ctx.prisma.deployment.findUnique({ where: { id }, select: { organizationId: true } });
  return deployment?.organizationId ?? null;
}
