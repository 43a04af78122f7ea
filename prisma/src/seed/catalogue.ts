import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { normalizeSearch } from '../text.ts';
import { categories, gridIntensities, impactFigures, pricingPlans, providers, tools } from './data/catalogue.ts';

export interface CatalogueReport {
  categories: number;
  providers: number;
  tools: number;
  plans: number;
  tiers: number;
  impactFigures: number;
  gridIntensities: number;
}

type Tx = Prisma.TransactionClient;

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Ids by slug; a seed row whose parent is missing (renamed since, say) is skipped. */
function bySlug(rows: { id: number; slug: string }[]): Map<string, number> {
  return new Map(rows.map((r) => [r.slug, r.id]));
}

async function seedTools(tx: Tx): Promise<number> {
  const categoryName = new Map(categories.map((c) => [c.slug, c.name]));
  const providerName = new Map(providers.map((p) => [p.slug, p.name]));
  const providerId = bySlug(await tx.provider.findMany({ select: { id: true, slug: true } }));
  const categoryId = bySlug(await tx.category.findMany({ select: { id: true, slug: true } }));
  const data = tools.flatMap(({ providerSlug, categorySlug, sourceDate, ...tool }): Prisma.ToolCreateManyInput[] => {
    const ids = { providerId: providerId.get(providerSlug), categoryId: categoryId.get(categorySlug) };
    if (ids.providerId === undefined || ids.categoryId === undefined) return [];
    const searchText = normalizeSearch([tool.name, tool.description, providerName.get(providerSlug), categoryName.get(categorySlug)].join(' '));
    return [{ ...tool, providerId: ids.providerId, categoryId: ids.categoryId, searchText, sourceDate: day(sourceDate) }];
  });
  return (await tx.tool.createMany({ data, skipDuplicates: true })).count;
}

/** Plans, then their tiers, for the seed's tools. */
async function seedPlans(tx: Tx): Promise<{ plans: number; tiers: number }> {
  const toolId = bySlug(await tx.tool.findMany({ where: { slug: { in: tools.map((t) => t.slug) } }, select: { id: true, slug: true } }));
  const known = pricingPlans.filter((plan) => toolId.has(plan.toolSlug));
  const plans = await tx.pricingPlan.createMany({
    data: known.map(({ toolSlug, tiers: _tiers, sourceDate, ...plan }) => ({ ...plan, toolId: toolId.get(toolSlug)!, sourceDate: day(sourceDate) })),
    skipDuplicates: true,
  });
  const rows = await tx.pricingPlan.findMany({ where: { toolId: { in: [...toolId.values()] } }, select: { id: true, toolId: true, name: true } });
  const planId = new Map(rows.map((r) => [`${r.toolId} ${r.name}`, r.id]));
  const tiers = known.flatMap((plan) => plan.tiers.map((tier) => ({ planId: planId.get(`${toolId.get(plan.toolSlug)} ${plan.name}`)!, ...tier })));
  return { plans: plans.count, tiers: (await tx.priceTier.createMany({ data: tiers, skipDuplicates: true })).count };
}

/** Impact figures have no natural key: one is new unless its tool has one with the same method, source and scope. */
async function seedImpactFigures(tx: Tx): Promise<number> {
  const toolId = bySlug(await tx.tool.findMany({ where: { slug: { in: impactFigures.map((f) => f.toolSlug) } }, select: { id: true, slug: true } }));
  const existing = await tx.impactFigure.findMany({
    where: { toolId: { in: [...toolId.values()] } },
    select: { toolId: true, method: true, sourceUrl: true, scope: true },
  });
  const key = (f: { toolId: number; method: string; sourceUrl: string; scope?: string | null }) => JSON.stringify([f.toolId, f.method, f.sourceUrl, f.scope ?? null]);
  const present = new Set(existing.map(key));
  const data = impactFigures
    .filter((f) => toolId.has(f.toolSlug))
    .map(({ toolSlug, sourceDate, ...figure }) => ({ ...figure, toolId: toolId.get(toolSlug)!, sourceDate: day(sourceDate) }))
    .filter((f) => !present.has(key(f)));
  return (await tx.impactFigure.createMany({ data })).count;
}

/**
 * Creates the sourced seed catalogue. Items that already exist (same slug, same plan name…) are left as they
 * are, so that a later edit by an administrator is never overwritten, and a second run changes nothing.
 */
export async function seedCatalogue(prisma: PrismaClient, log: (line: string) => void = () => undefined): Promise<CatalogueReport> {
  const report = await prisma.$transaction(
    async (tx) => {
      const categoryCount = (await tx.category.createMany({ data: categories, skipDuplicates: true })).count;
      const providerCount = (
        await tx.provider.createMany({ data: providers.map((p) => ({ ...p, sourceDate: day(p.sourceDate) })), skipDuplicates: true })
      ).count;
      const toolCount = await seedTools(tx);
      const { plans, tiers } = await seedPlans(tx);
      return {
        categories: categoryCount,
        providers: providerCount,
        tools: toolCount,
        plans,
        tiers,
        impactFigures: await seedImpactFigures(tx),
        gridIntensities: (
          await tx.gridIntensity.createMany({ data: gridIntensities.map((g) => ({ ...g, sourceDate: day(g.sourceDate) })), skipDuplicates: true })
        ).count,
      };
    },
    { timeout: 120_000 },
  );
  log(
    `Catalogue : ${report.tools} outils, ${report.providers} fournisseurs, ${report.categories} catégories, ` +
      `${report.plans} offres, ${report.impactFigures} chiffres d’impact ajoutés.`,
  );
  return report;
}
