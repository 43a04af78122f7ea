import type { PrismaClient } from '@mutualis/db/client';
import { groupEconomics, type GroupEconomics } from './rules.ts';

interface Reader {
  prisma: PrismaClient;
}

/** Everything the economics need, for many groups in three queries (the batch of `PurchasingGroup.economics`). */
export async function loadEconomics(groupIds: readonly number[], { prisma }: Reader): Promise<GroupEconomics[]> {
  const groups = await prisma.purchasingGroup.findMany({
    where: { id: { in: [...groupIds] } },
    select: {
      id: true, toolId: true, status: true, listUnitPrice: true, awardedUnitPrice: true, allocationRule: true, tiers: true,
      memberships: { orderBy: { id: 'asc' }, include: { organization: { select: { population: true, epciId: true } } } },
    },
  });
  const pairs = groups.flatMap((g) => (g.toolId ? g.memberships.map((m) => ({ organizationId: m.organizationId, toolId: g.toolId! })) : []));
  const deployments = pairs.length
    ? await prisma.deployment.findMany({ where: { OR: pairs }, select: { organizationId: true, toolId: true, annualCost: true } })
    : [];
  return groupIds.map((id) => {
    const group = groups.find((g) => g.id === id)!;
    const economics = groupEconomics({
      // once awarded, the final unit price replaces the list price and its tiers
      listUnitPrice: group.awardedUnitPrice ?? group.listUnitPrice,
      tiers: group.awardedUnitPrice ? [] : group.tiers,
      allocationRule: group.allocationRule,
      members: group.memberships.map((m) => ({
        organizationId: m.organizationId,
        status: m.status,
        estimatedVolume: m.estimatedVolume,
        committedVolume: m.committedVolume,
        population: m.organization.population,
        epciId: m.organization.epciId,
        currentAnnualCost:
          deployments.find((d) => d.organizationId === m.organizationId && d.toolId === group.toolId)?.annualCost ?? null,
      })),
    });
    // the next tier only matters while members can still join
    return group.status === 'OPEN' || group.status === 'DRAFT' ? economics : { ...economics, nextTier: null };
  });
}

/** What the members CSV and the convention print: the group, its object, coordinator and members, and its economics. */
export async function loadGroupExport(reader: Reader, groupId: number) {
  const [[economics], group] = await Promise.all([
    loadEconomics([groupId], reader),
    reader.prisma.purchasingGroup.findUniqueOrThrow({
      where: { id: groupId },
      include: { coordinator: true, tool: { include: { provider: true } }, category: true, memberships: { include: { organization: true } } },
    }),
  ]);
  return { group, economics: economics! };
}
