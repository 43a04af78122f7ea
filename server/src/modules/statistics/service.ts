// The statistics' use cases, and what other modules (the open-data exports) read of the statistics.
import type { PrismaClient } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { canReadAudit } from '../../shared/permissions.ts';
import { StatsCache } from './cache.ts';
import { contractFigures, type ContractFigures } from './contracts-loaders.ts';
import { trainingFigures, type TrainingFigures } from './training-loaders.ts';
import { deploymentGroups, organizationGroups, providerConcentration, statsVersion, type DeploymentGroup, type OrganizationCounts, type OrganizationGroup, type ProviderConcentration } from './loaders.ts';
import { POPULATION_BANDS, SPEND_DISCLOSURE_MIN_ORGANIZATIONS, TOP_SIZE } from './rules.ts';
import { assertScopeExists, checkScope, type StatsScope } from './scope.ts';

export { assertScopeExists, checkScope, ORGANIZATIONS, POPULATION_BAND, scopeConditions, scopeSlug, TERRITORY_EPCI_TYPE, type StatsScope } from './scope.ts';
export { IN_USE_STATUSES, POPULATION_BANDS, POPULATION_BAND_KEYS, populationBand, type HostingZone, type PopulationBand } from './rules.ts';
export { organizationDetailCount, organizationDetails } from './details.ts';

/** One row of a statistics breakdown: a région, a département, an EPCI type or a population band of the scope. */
export interface BreakdownRow {
  dimension: 'REGION' | 'DEPARTEMENT' | 'EPCI_TYPE' | 'POPULATION_BAND';
  /** The région's or département's INSEE code, the EpciType, the PopulationBand key, or 'NONE' / 'UNKNOWN'. */
  key: string;
  label: string;
  organizations: number;
  /** Organizations with at least one deployment (any status); `…Demo`: those that have demo deployments only. */
  declaring: number;
  declaringDemo: number;
  /** Organizations with a deployment in use (PILOT or PRODUCTION). */
  adopting: number;
  adoptingDemo: number;
  chartersAdopted: number;
  chartersAdoptedDemo: number;
  chartersPlanned: number;
  chartersPlannedDemo: number;
  deployments: number;
  deploymentsDemo: number;
  /**
   * Declared yearly spend of the deployments in use, euros HT (two decimals), and its demo part; null when fewer than
   * SPEND_DISCLOSURE_MIN_ORGANIZATIONS organizations of the row declare a cost (statistical confidentiality).
   */
  spend: string | null;
  spendDemo: string | null;
  /** Organizations of the row whose deployments in use declare a cost. */
  payers: number;
}

interface Named {
  id: number;
  name: string;
  slug: string;
  providerName?: string;
}

/** Everything the statistics of a scope say, before the viewer's access is applied (see `disclosed`). */
export interface StatsData {
  scope: StatsScope;
  generatedAt: Date;
  total: OrganizationCounts;
  breakdowns: OrganizationGroup[];
  deployments: DeploymentGroup[];
  concentration: ProviderConcentration;
  /** What the public-procurement data (DECP) attests. */
  contracts: ContractFigures;
  /** What the organizations declared of the agents and elected officials they trained (training-loaders.ts). */
  training: TrainingFigures;
  /** Names of the territories, tools, providers and categories the figures cite. */
  territories: Map<string, string>;
  tools: Map<number, Named>;
  providers: Map<number, Named>;
  categories: Map<number, Named>;
}

const caches = new WeakMap<PrismaClient, StatsCache<StatsData>>();

const EPCI_TYPE_LABELS: Record<string, string> = {
  CC: 'Communautés de communes', CA: 'Communautés d’agglomération', CU: 'Communautés urbaines', METRO: 'Métropoles',
  MET69: 'Métropole de Lyon', NONE: 'Hors EPCI (départements, régions, syndicats, communes isolées)',
};
const BAND_LABELS: Record<string, string> = Object.fromEntries([...POPULATION_BANDS.map((b) => [b.key, b.label]), ['UNKNOWN', 'Population inconnue']]);

async function compute(prisma: PrismaClient, scope: StatsScope): Promise<StatsData> {
  const [groups, deployments, concentration, contracts, territories, training] = await Promise.all([
    organizationGroups(prisma, scope),
    deploymentGroups(prisma, scope),
    providerConcentration(prisma, scope),
    contractFigures(prisma, scope),
    prisma.organization.findMany({ where: { kind: { in: ['REGION', 'DEPARTEMENT'] } }, select: { kind: true, code: true, name: true } }),
    trainingFigures(prisma, scope),
  ]);
  const ids = (dimension: DeploymentGroup['dimension']) => deployments.filter((g) => g.dimension === dimension && g.key != null).map((g) => Number(g.key));
  const [tools, providers, categories] = await Promise.all([
    prisma.tool.findMany({ where: { id: { in: ids('TOOL') } }, select: { id: true, name: true, slug: true, provider: { select: { name: true } } } }),
    prisma.provider.findMany({ where: { id: { in: concentration.top.map((p) => p.providerId) } }, select: { id: true, name: true, slug: true } }),
    prisma.category.findMany({ where: { id: { in: ids('CATEGORY') } }, select: { id: true, name: true, slug: true } }),
  ]);
  const total = groups.find((g) => g.dimension === 'TOTAL')!;
  return {
    scope,
    generatedAt: new Date(),
    total,
    breakdowns: groups.filter((g) => g.dimension !== 'TOTAL'),
    deployments,
    concentration,
    contracts,
    training,
    territories: new Map(territories.map((t) => [`${t.kind}:${t.code}`, t.name])),
    tools: new Map(tools.map((t) => [t.id, { id: t.id, name: t.name, slug: t.slug, providerName: t.provider.name }])),
    providers: new Map(providers.map((p) => [p.id, p])),
    categories: new Map(categories.map((c) => [c.id, c])),
  };
}

/** The statistics of a scope, from the cache while the data has not changed. */
export async function statsOf(prisma: PrismaClient, scope: StatsScope): Promise<StatsData> {
  let cache = caches.get(prisma);
  if (!cache) caches.set(prisma, (cache = new StatsCache()));
  const key = JSON.stringify([scope.region, scope.departement, scope.epciSiren, scope.epciType, scope.organizationKind, scope.populationBand]);
  return cache.get(key, await statsVersion(prisma), () => compute(prisma, scope));
}

/** Computes the national statistics into the cache (at start-up); resolves with the milliseconds it took. */
export async function warmStatistics(prisma: PrismaClient): Promise<number> {
  const started = performance.now();
  await statsOf(prisma, {});
  return Math.round(performance.now() - started);
}

/** `adoptionStats(scope)`: the scope checked (codes, then the territory exists), then its statistics. */
export async function adoptionStats(ctx: Context, input: StatsScope | null | undefined): Promise<StatsData> {
  const scope = checkScope(input);
  await assertScopeExists(ctx, scope);
  return statsOf(ctx.prisma, scope);
}

/** Spend figures of one or two (fewer than SPEND_DISCLOSURE_MIN_ORGANIZATIONS) organizations are for auditors and administrators only. */
export const spendDisclosed = (ctx: Pick<Context, 'viewer'>, payers: number) =>
  payers === 0 || payers >= SPEND_DISCLOSURE_MIN_ORGANIZATIONS || canReadAudit(ctx.viewer);

/** The French name of a breakdown row. */
export function breakdownLabel(data: Pick<StatsData, 'territories'>, group: Pick<OrganizationGroup, 'dimension' | 'key'>): string {
  switch (group.dimension) {
    case 'REGION':
      return data.territories.get(`REGION:${group.key}`) ?? (group.key === 'NONE' ? 'Sans région' : `Région ${group.key}`);
    case 'DEPARTEMENT':
      return data.territories.get(`DEPARTEMENT:${group.key}`) ?? (group.key === 'NONE' ? 'Sans département' : `Département ${group.key}`);
    case 'EPCI_TYPE':
      return EPCI_TYPE_LABELS[group.key] ?? group.key;
    default:
      return BAND_LABELS[group.key] ?? group.key;
  }
}

/** The breakdown rows of a scope's statistics (open-data export), spend withheld as for an anonymous reader. */
export async function statisticsBreakdowns(prisma: PrismaClient, scope: StatsScope): Promise<BreakdownRow[]> {
  const data = await statsOf(prisma, scope);
  return data.breakdowns.map((group) => {
    const disclosed = group.payers === 0 || group.payers >= SPEND_DISCLOSURE_MIN_ORGANIZATIONS;
    return {
      ...group,
      dimension: group.dimension as BreakdownRow['dimension'],
      label: breakdownLabel(data, group),
      spend: disclosed ? group.spend : null,
      spendDemo: disclosed ? group.spendDemo : null,
    };
  });
}

export { TOP_SIZE };
