import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { AllocationRule, GroupEligibility, VolumeUnit } from '../../generated/prisma/enums.ts';

interface DemoGroup {
  title: string;
  description: string;
  /** SIREN of the coordinating organization. */
  coordinator: string;
  tool: string;
  eligibility: GroupEligibility;
  rule: AllocationRule;
  unit: VolumeUnit;
  price: string;
  tiers: [minVolume: string, unitPrice: string][];
  /** The eligible organizations that join, given the coordinator. */
  members: (coordinator: { id: number; regionCode: string | null }) => Prisma.OrganizationWhereInput;
  count: number;
}

/**
 * Two demo purchasing groups, so that the Groupements screen shows pooled demand: one restricted to the member
 * communes of Grand Besançon Métropole (Besançon itself has not joined: the demo lets its DSI do it), one open to
 * the région, coordinated by Dijon Métropole.
 */
const GROUPS: DemoGroup[] = [
  {
    title: 'Détection des fuites sur les réseaux d’eau — communes du Grand Besançon',
    description: 'Mutualiser l’abonnement à un service d’analyse des données de sectorisation pour améliorer le rendement des réseaux d’eau potable.',
    coordinator: '242500361', tool: 'leakmited', eligibility: 'EPCI_MEMBERS', rule: 'BY_POPULATION', unit: 'INHABITANTS',
    price: '0.12', tiers: [['50000', '0.10'], ['150000', '0.08']], count: 8,
    members: (coord) => ({ epciId: coord.id, siren: { not: '212500565' } }),
  },
  {
    title: 'Assistant conversationnel souverain pour les agents — Bourgogne-Franche-Comté',
    description: 'Licences mutualisées d’un assistant conversationnel hébergé dans l’Union européenne pour les agents des collectivités de la région.',
    coordinator: '242100410', tool: 'le-chat-pro', eligibility: 'REGION', rule: 'BY_SEATS', unit: 'SEATS',
    price: '179.88', tiers: [['200', '160'], ['500', '140']], count: 5,
    members: (coord) => ({ kind: 'EPCI', regionCode: coord.regionCode ?? { in: [] }, id: { not: coord.id }, siren: { not: '242500361' } }),
  },
];

const DAY_MS = 86_400_000;

/** The volume a member declares: its population, or for seats one per 2,000 inhabitants (at least five). */
function volumeOf(unit: VolumeUnit, population: number | null): number {
  return unit === 'SEATS' ? Math.max(5, Math.round((population ?? 0) / 2000)) : (population ?? 0);
}

/** Creates the demo groups unless one exists; the largest eligible members join, every other one committing. */
export async function seedDemoGroups(prisma: PrismaClient): Promise<number> {
  return prisma.$transaction(async (tx) => {
    if (await tx.purchasingGroup.findFirst({ where: { isDemo: true }, select: { id: true } })) return 0;
    for (const g of GROUPS) {
      const tool = await tx.tool.findUnique({ where: { slug: g.tool }, select: { id: true } });
      const coordinator = await tx.organization.findUnique({ where: { siren: g.coordinator }, select: { id: true, regionCode: true } });
      if (!tool || !coordinator) continue;
      const group = await tx.purchasingGroup.create({
        data: {
          title: g.title, description: g.description, toolId: tool.id, coordinatorId: coordinator.id, status: 'OPEN',
          interestDeadline: new Date(Date.now() + 60 * DAY_MS), eligibility: g.eligibility, allocationRule: g.rule,
          volumeUnit: g.unit, listUnitPrice: g.price, isDemo: true,
          tiers: { create: g.tiers.map(([minVolume, unitPrice]) => ({ minVolume, unitPrice })) },
        },
        select: { id: true },
      });
      const members = await tx.organization.findMany({
        where: g.members(coordinator),
        orderBy: [{ population: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
        take: g.count,
        select: { id: true, population: true },
      });
      const now = new Date();
      await tx.groupMembership.createMany({
        data: members.map((m, index) => {
          const committed = (index + 1) % 2 === 0;
          const volume = volumeOf(g.unit, m.population);
          return {
            groupId: group.id, organizationId: m.id, status: committed ? 'COMMITTED' : 'INTERESTED',
            estimatedVolume: volume, committedVolume: committed ? volume : null, committedAt: committed ? now : null,
          };
        }),
      });
    }
    return GROUPS.length;
  });
}
