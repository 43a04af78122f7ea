import type { PrismaClient } from '../../generated/prisma/client.ts';

// Demo referents: for a few catalogue tools, an agent of a collectivité whose demo deployment is in pilot or production
// offers help. The people are fictitious (« (démonstration) » in their name, isDemo = true, no password: nobody signs in
// as them, and no message to them reaches anyone: they have no real address).

const OFFERS: { tool: string; helpWith: string }[] = [
  { tool: 'albert', helpWith: 'Le déploiement auprès des agents d’accueil et la rédaction des consignes d’usage (exemple de démonstration).' },
  { tool: 'albert', helpWith: 'Le cadrage juridique : analyse d’impact (AIPD) et information des usagers (exemple de démonstration).' },
  { tool: 'le-chat-pro', helpWith: 'Le choix de l’offre et la formation d’une première équipe pilote (exemple de démonstration).' },
  { tool: 'noota', helpWith: 'La transcription des conseils municipaux et la relecture des comptes rendus (exemple de démonstration).' },
];

/** Adds the demo referents that are missing; returns how many were added (none when no demo deployment fits). */
export async function seedDemoReferents(prisma: PrismaClient): Promise<number> {
  let added = 0;
  const used = new Set<number>();
  for (const [index, offer] of OFFERS.entries()) {
    const deployment = await prisma.deployment.findFirst({
      where: {
        isDemo: true,
        status: { in: ['PILOT', 'PRODUCTION'] },
        tool: { slug: offer.tool },
        // agents of a commune or an intercommunalité, where peers most often look for help
        organization: { kind: { in: ['COMMUNE', 'EPCI'] } },
        organizationId: { notIn: [...used] },
      },
      orderBy: { id: 'asc' },
      select: { toolId: true, organizationId: true, organization: { select: { name: true } } },
    });
    if (!deployment) continue;
    used.add(deployment.organizationId);
    const email = `referent-${index + 1}@demo-referents.mutualis.test`;
    const user = await prisma.user.upsert({
      where: { email },
      create: {
        email,
        name: `Agent de ${deployment.organization.name} (démonstration)`,
        organizationId: deployment.organizationId,
        roles: ['MEMBER'],
        membershipStatus: 'APPROVED',
        isDemo: true,
      },
      update: {},
      select: { id: true },
    });
    const existing = await prisma.toolReferent.findUnique({ where: { userId_toolId: { userId: user.id, toolId: deployment.toolId } }, select: { id: true } });
    if (existing) continue;
    await prisma.toolReferent.create({ data: { userId: user.id, toolId: deployment.toolId, helpWith: offer.helpWith, isDemo: true } });
    added++;
  }
  return added;
}
