import type { PrismaClient } from '../../generated/prisma/client.ts';
import { generateDemoAdoption } from './data/demo-adoption.ts';
import type { DemoCharter, DemoInput } from './data/types.ts';
import { DEMO_ACCOUNT_SIRENS, seedDemoAccounts } from './demo-accounts.ts';
import { seedDemoGroups } from './demo-groups.ts';

export interface DemoReport {
  deployments: number;
  reviews: number;
  charters: number;
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** The generator's input: the territorial organizations and the live catalogue (prices as numeric(14, 6) prints them). */
async function demoInput(prisma: PrismaClient): Promise<DemoInput> {
  const organizations = await prisma.organization.findMany({
    where: { kind: { in: ['COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION'] } },
    orderBy: { id: 'asc' },
    select: { id: true, kind: true, siren: true, population: true, epciId: true, departementCode: true, regionCode: true },
  });
  const tools = await prisma.tool.findMany({
    where: { archivedAt: null },
    orderBy: { id: 'asc' },
    select: {
      id: true, slug: true, category: { select: { slug: true } },
      plans: { where: { archivedAt: null }, orderBy: { id: 'asc' }, select: { pricingModel: true, unitPrice: true } },
    },
  });
  return {
    organizations: organizations as DemoInput['organizations'],
    tools: tools.map((t) => ({
      id: t.id, slug: t.slug, categorySlug: t.category.slug,
      plans: t.plans.map((p) => ({ pricingModel: p.pricingModel, unitPrice: p.unitPrice.toFixed(6) })),
    })),
  };
}

/** Charters of organizations that have none yet: one statement per (status, date), not per organization. */
async function adoptCharters(tx: Pick<PrismaClient, 'organization'>, charters: DemoCharter[]): Promise<number> {
  const groups = new Map<string, { charter: DemoCharter; ids: number[] }>();
  for (const charter of charters) {
    const key = `${charter.status} ${charter.adoptedAt}`;
    const group = groups.get(key) ?? { charter, ids: [] };
    group.ids.push(charter.organizationId);
    groups.set(key, group);
  }
  let count = 0;
  for (const { charter, ids } of groups.values()) {
    const data = { charterStatus: charter.status, charterAdoptedAt: charter.adoptedAt ? day(charter.adoptedAt) : null, charterUrl: charter.url, charterIsDemo: true };
    count += (await tx.organization.updateMany({ where: { id: { in: ids }, charterStatus: 'NONE' }, data })).count;
  }
  return count;
}

/**
 * Demo adoption data (deployments with costs, reviews, charters), generated deterministically and flagged
 * isDemo so that every screen can label it, then the demo groups and (when allowed) the demo accounts. Never called
 * in production unless SEED_DEMO=1.
 */
export async function seedDemo(
  prisma: PrismaClient,
  options: { hashPassword?: (password: string) => Promise<string>; log?: (line: string) => void },
): Promise<DemoReport> {
  const log = options.log ?? (() => undefined);
  const generated = generateDemoAdoption(await demoInput(prisma));
  const reserved = new Set(
    (await prisma.organization.findMany({ where: { siren: { in: DEMO_ACCOUNT_SIRENS } }, select: { id: true } })).map((o) => o.id),
  );
  const open = <T extends { organizationId: number }>(rows: T[]) => rows.filter((r) => !reserved.has(r.organizationId));
  const report = await prisma.$transaction(
    async (tx) => ({
      deployments: (
        await tx.deployment.createMany({
          data: open(generated.deployments).map((d) => ({ ...d, startDate: day(d.startDate), endDate: d.endDate ? day(d.endDate) : null, annualCostPublic: d.annualCost != null, isDemo: true })),
          skipDuplicates: true,
        })
      ).count,
      reviews: (
        await tx.review.createMany({
          data: open(generated.reviews).map((r) => ({ ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.createdAt), isDemo: true })),
          skipDuplicates: true,
        })
      ).count,
      charters: await adoptCharters(tx, open(generated.charters)),
    }),
    { timeout: 120_000 },
  );
  const groups = await seedDemoGroups(prisma);
  // demo accounts never exist in production, even when SEED_DEMO=1 asks for demo data
  const accounts = options.hashPassword ? await seedDemoAccounts(prisma, options.hashPassword) : 0;
  log(
    `Données de démonstration : ${report.deployments} déploiements, ${report.reviews} avis, ` +
      `${report.charters} chartes, ${groups} groupements (marqués « démonstration »), ${accounts} comptes de démonstration.`,
  );
  return report;
}

export async function hasDemoData(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.deployment.findFirst({ where: { isDemo: true }, select: { id: true } })) !== null;
}
