// The adoption statistics in SQL: every count, sum, share and index is an aggregation of the database over the
// organizations of the scope and their deployments (no loop over rows here). Three statements: the organizations
// (totals and breakdowns, GROUPING SETS), the deployments (per status, AI Act tier, hosting, route, method, reason,
// tool and category, GROUPING SETS) and the providers (shares and Herfindahl–Hirschman indexes, window functions).
import { Prisma, type PrismaClient } from '@mutualis/db/client';
import { EU_COUNTRIES } from '../../shared/validation.ts';
import { POPULATION_BAND, ORGANIZATIONS, scopeConditions, TERRITORY_EPCI_TYPE, type StatsScope } from './scope.ts';
import { TOP_SIZE } from './rules.ts';

const EU = [...EU_COUNTRIES];
/** The figure a footprint uses for a tool, the most trustworthy method first, then the newest (comparison/footprint-rules.ts chooseFigure). */
const METHOD_ORDER = ['MEASURED', 'LCA_THIRD_PARTY', 'PROVIDER_DECLARED', 'ECOLOGITS_ESTIMATE'];

/** Counters of a group of organizations (or of the whole scope). Sums as text: Decimals never go through a float. */
export interface OrganizationCounts {
  organizations: number;
  declaring: number;
  declaringDemo: number;
  adopting: number;
  adoptingDemo: number;
  chartersAdopted: number;
  chartersAdoptedDemo: number;
  chartersPlanned: number;
  chartersPlannedDemo: number;
  deployments: number;
  deploymentsDemo: number;
  spend: string;
  spendDemo: string;
  /** Organizations whose in-use deployments declare a cost (statistical confidentiality of the spend). */
  payers: number;
}

export interface OrganizationGroup extends OrganizationCounts {
  dimension: 'TOTAL' | 'REGION' | 'DEPARTEMENT' | 'EPCI_TYPE' | 'POPULATION_BAND';
  key: string;
}

const COUNTS = Prisma.sql`
  count(*)::int AS organizations,
  count(*) FILTER (WHERE n > 0)::int AS "declaring",
  count(*) FILTER (WHERE n > 0 AND n = n_demo)::int AS "declaringDemo",
  count(*) FILTER (WHERE in_use > 0)::int AS "adopting",
  count(*) FILTER (WHERE in_use > 0 AND in_use = in_use_demo)::int AS "adoptingDemo",
  count(*) FILTER (WHERE charter = 'ADOPTED')::int AS "chartersAdopted",
  count(*) FILTER (WHERE charter = 'ADOPTED' AND charter_demo)::int AS "chartersAdoptedDemo",
  count(*) FILTER (WHERE charter = 'PLANNED')::int AS "chartersPlanned",
  count(*) FILTER (WHERE charter = 'PLANNED' AND charter_demo)::int AS "chartersPlannedDemo",
  coalesce(sum(n), 0)::int AS deployments,
  coalesce(sum(n_demo), 0)::int AS "deploymentsDemo",
  coalesce(sum(spend), 0)::numeric(16, 2)::text AS spend,
  coalesce(sum(spend_demo), 0)::numeric(16, 2)::text AS "spendDemo",
  count(*) FILTER (WHERE spend IS NOT NULL)::int AS payers`;

/** The organizations of the scope, one row each, with what their deployments add up to. */
const perOrganization = (scope: StatsScope) => Prisma.sql`
  WITH so AS (
    SELECT o.id, o."regionCode" AS region, o."departementCode" AS departement, ${TERRITORY_EPCI_TYPE}::text AS epci_type,
           ${POPULATION_BAND} AS band, o."charterStatus"::text AS charter, o."charterIsDemo" AS charter_demo
      FROM ${ORGANIZATIONS} WHERE ${scopeConditions(scope)}
  ), od AS (
    SELECT d."organizationId" AS id, count(*) AS n, count(*) FILTER (WHERE d."isDemo") AS n_demo,
           count(*) FILTER (WHERE d.status IN ('PILOT', 'PRODUCTION')) AS in_use,
           count(*) FILTER (WHERE d.status IN ('PILOT', 'PRODUCTION') AND d."isDemo") AS in_use_demo,
           sum(d."annualCost") FILTER (WHERE d.status IN ('PILOT', 'PRODUCTION')) AS spend,
           sum(d."annualCost") FILTER (WHERE d.status IN ('PILOT', 'PRODUCTION') AND d."isDemo") AS spend_demo
      FROM "Deployment" d JOIN so ON so.id = d."organizationId" GROUP BY d."organizationId"
  ), rows AS (
    SELECT so.*, coalesce(od.n, 0) AS n, coalesce(od.n_demo, 0) AS n_demo, coalesce(od.in_use, 0) AS in_use,
           coalesce(od.in_use_demo, 0) AS in_use_demo, od.spend, od.spend_demo
      FROM so LEFT JOIN od ON od.id = so.id
  )`;

/** Totals of the scope and its breakdowns by région, département, EPCI type of the territory and population band. */
export async function organizationGroups(prisma: PrismaClient, scope: StatsScope): Promise<OrganizationGroup[]> {
  const rows = await prisma.$queryRaw<(OrganizationCounts & { g: number; region: string | null; departement: string | null; epci_type: string | null; band: string | null })[]>`
    ${perOrganization(scope)}
    SELECT GROUPING(region, departement, epci_type, band)::int AS g, region, departement, epci_type, band, ${COUNTS}
      FROM rows GROUP BY GROUPING SETS ((), (region), (departement), (epci_type), (band))`;
  return rows.map(({ g, region, departement, epci_type, band, ...counts }) => {
    // GROUPING() has one bit per column, the first column highest: 0b0111 is grouped by région alone
    const [dimension, key] =
      g === 0b1111 ? (['TOTAL', ''] as const)
      : g === 0b0111 ? (['REGION', region ?? 'NONE'] as const)
      : g === 0b1011 ? (['DEPARTEMENT', departement ?? 'NONE'] as const)
      : g === 0b1101 ? (['EPCI_TYPE', epci_type ?? 'NONE'] as const)
      : (['POPULATION_BAND', band ?? 'UNKNOWN'] as const);
    return { dimension, key, ...counts };
  });
}

/**
 * One deployment of the scope with what the figures need: in use or not, cost, tool, provider, footprint. Read from
 * the deployments (joined to their organization), not from every organization of the scope: far fewer rows.
 */
const deploymentsOfScope = (scope: StatsScope) => Prisma.sql`
  WITH fig AS (
    SELECT DISTINCT ON (f."toolId") f."toolId", f.method::text AS method, f."energyWhPerRequest" AS e, f."gco2ePerRequest" AS g,
           f."waterMlPerRequest" AS w, coalesce(f."hostingCountry", t."hostingCountry") AS country
      FROM "ImpactFigure" f JOIN "Tool" t ON t.id = f."toolId"
     WHERE f."archivedAt" IS NULL
     ORDER BY f."toolId", array_position(${METHOD_ORDER}::text[], f.method::text), f."sourceDate" DESC, f.id
  ),
  grid AS (SELECT DISTINCT ON (zone) zone, "gco2ePerKwh" AS gi, "waterLPerKwh" AS wi FROM "GridIntensity" ORDER BY zone, year DESC NULLS LAST, basis),
  dep0 AS (
    SELECT d.id, d."organizationId" AS org, d.status::text AS status, d."isDemo" AS demo,
           d.status IN ('PILOT', 'PRODUCTION') AS in_use,
           CASE WHEN d.status IN ('PILOT', 'PRODUCTION') THEN d."annualCost" END AS cost,
           d."procurementRoute"::text AS route,
           CASE WHEN d.status = 'ABANDONED' THEN coalesce(nullif(btrim(d."abandonReason"), ''), 'non précisée') END AS reason,
           t.id AS tool, t."categoryId" AS category, t."aiActRiskTier"::text AS tier, p.id AS provider,
           p.country <> ALL(${EU}::text[]) AS outside_eu,
           CASE WHEN t."hostingCountry" IS NULL THEN 'UNKNOWN' WHEN t."hostingCountry" = 'FR' THEN 'FRANCE'
                WHEN t."hostingCountry" = ANY(${EU}::text[]) THEN 'EU' ELSE 'OUTSIDE_EU' END AS zone,
           fig.method, d."monthlyRequests"::numeric * 12 AS req, fig.e, fig.g, fig.w, grid.gi, grid.wi
      FROM "Deployment" d JOIN ${ORGANIZATIONS} ON o.id = d."organizationId"
      JOIN "Tool" t ON t.id = d."toolId" JOIN "Provider" p ON p.id = t."providerId"
      LEFT JOIN fig ON fig."toolId" = t.id LEFT JOIN grid ON grid.zone = fig.country
     WHERE ${scopeConditions(scope)}
  ),
  dep AS (
    SELECT dep0.*, req * e / 1000 AS kwh,
           CASE WHEN g IS NOT NULL THEN req * g / 1000 WHEN e IS NOT NULL THEN req * e / 1000 * gi / 1000 END AS kg,
           CASE WHEN w IS NOT NULL THEN req * w / 1000 WHEN e IS NOT NULL THEN req * e / 1000 * wi END AS water
      FROM dep0
  )`;

export interface DeploymentGroup {
  dimension: 'TOTAL' | 'STATUS' | 'TIER' | 'ZONE' | 'ROUTE' | 'METHOD' | 'REASON' | 'TOOL' | 'CATEGORY';
  key: string | null;
  /** Every deployment of the group, and its demo part. */
  count: number;
  demo: number;
  inUse: number;
  inUseDemo: number;
  spend: string;
  spendDemo: string;
  spendOutsideEu: string;
  spendOutsideEuDemo: string;
  payers: number;
  /** In use, with a known yearly CO2e (footprint covered), and their footprint sums (3 decimals). */
  covered: number;
  coveredDemo: number;
  kwh: string;
  kgco2e: string;
  kgco2eDemo: string;
  waterL: string;
  organizations: number;
}

const DIMENSIONS = ['status', 'tier', 'zone', 'route', 'method', 'reason', 'tool', 'category'] as const;

/** Per status, AI Act tier, hosting zone, procurement route, footprint method, abandonment reason, tool and category. */
export async function deploymentGroups(prisma: PrismaClient, scope: StatsScope): Promise<DeploymentGroup[]> {
  const rows = await prisma.$queryRaw<(Omit<DeploymentGroup, 'dimension' | 'key'> & { g: number; [dimension: string]: unknown })[]>`
    ${deploymentsOfScope(scope)}
    SELECT GROUPING(status, tier, zone, route, method, reason, tool, category)::int AS g,
           status, tier, zone, route, method, reason, tool::text AS tool, category::text AS category,
           count(*)::int AS count, count(*) FILTER (WHERE demo)::int AS demo,
           count(*) FILTER (WHERE in_use)::int AS "inUse", count(*) FILTER (WHERE in_use AND demo)::int AS "inUseDemo",
           coalesce(sum(cost), 0)::numeric(16, 2)::text AS spend,
           coalesce(sum(cost) FILTER (WHERE demo), 0)::numeric(16, 2)::text AS "spendDemo",
           coalesce(sum(cost) FILTER (WHERE outside_eu), 0)::numeric(16, 2)::text AS "spendOutsideEu",
           coalesce(sum(cost) FILTER (WHERE outside_eu AND demo), 0)::numeric(16, 2)::text AS "spendOutsideEuDemo",
           count(DISTINCT org) FILTER (WHERE cost IS NOT NULL)::int AS payers,
           count(*) FILTER (WHERE in_use AND kg IS NOT NULL)::int AS covered,
           count(*) FILTER (WHERE in_use AND kg IS NOT NULL AND demo)::int AS "coveredDemo",
           round(coalesce(sum(kwh) FILTER (WHERE in_use AND kg IS NOT NULL), 0), 3)::text AS kwh,
           round(coalesce(sum(kg) FILTER (WHERE in_use), 0), 3)::text AS kgco2e,
           round(coalesce(sum(kg) FILTER (WHERE in_use AND demo), 0), 3)::text AS "kgco2eDemo",
           round(coalesce(sum(water) FILTER (WHERE in_use AND kg IS NOT NULL), 0), 3)::text AS "waterL",
           count(DISTINCT org)::int AS organizations
      FROM dep
     GROUP BY GROUPING SETS ((), (status), (tier), (zone), (route), (method), (reason), (tool), (category))`;
  return rows.map((row) => {
    const index = DIMENSIONS.findIndex((_, i) => (row.g & (1 << (DIMENSIONS.length - 1 - i))) === 0);
    const dimension = index < 0 ? 'TOTAL' : (DIMENSIONS[index]!.toUpperCase() as DeploymentGroup['dimension']);
    const key = index < 0 ? null : ((row[DIMENSIONS[index]!] as string | null) ?? null);
    const group = Object.fromEntries(Object.entries(row).filter(([name]) => name !== 'g' && !(DIMENSIONS as readonly string[]).includes(name)));
    return { ...(group as Omit<DeploymentGroup, 'dimension' | 'key'>), dimension, key };
  });
}

export interface ProviderShareRow {
  providerId: number;
  inUse: number;
  inUseDemo: number;
  spend: string;
  spendDemo: string;
  payers: number;
  /** Shares of the scope's deployments in use and of its declared spend, 0 to 1 (6 decimals). */
  deploymentShare: string | null;
  spendShare: string | null;
}

export interface ProviderConcentration {
  /** Herfindahl–Hirschman index (shares in percent, squared, summed: 0 to 10 000), two decimals; null without data. */
  hhiDeployments: string | null;
  hhiSpend: string | null;
  /** The same index without the demo deployments. */
  hhiDeploymentsWithoutDemo: string | null;
  hhiSpendWithoutDemo: string | null;
  providers: number;
  top: ProviderShareRow[];
}

/** Vendor concentration on the deployments in use and on their declared spend. */
export async function providerConcentration(prisma: PrismaClient, scope: StatsScope): Promise<ProviderConcentration> {
  const rows = await prisma.$queryRaw<(ProviderShareRow & { hhiN: string | null; hhiS: string | null; hhiNr: string | null; hhiSr: string | null; providers: number })[]>`
    ${deploymentsOfScope(scope)},
    p AS (
      SELECT provider, count(*) AS n, count(*) FILTER (WHERE demo) AS n_demo, sum(cost) AS spend,
             sum(cost) FILTER (WHERE demo) AS spend_demo, count(DISTINCT org) FILTER (WHERE cost IS NOT NULL) AS payers,
             count(*) FILTER (WHERE NOT demo) AS n_real, sum(cost) FILTER (WHERE NOT demo) AS spend_real
        FROM dep WHERE in_use GROUP BY provider
    ),
    t AS (SELECT sum(n) AS tn, sum(spend) AS ts, nullif(sum(n_real), 0) AS tnr, nullif(sum(spend_real), 0) AS tsr FROM p),
    ranked AS (
      SELECT p.*, t.*, row_number() OVER (ORDER BY n DESC, coalesce(spend, 0) DESC, provider) AS rank,
             round(sum(power(100.0 * n / t.tn, 2)) OVER (), 2) AS "hhiN",
             round(sum(power(100.0 * coalesce(spend, 0) / nullif(t.ts, 0), 2)) OVER (), 2) AS "hhiS",
             round(sum(power(100.0 * n_real / t.tnr, 2)) OVER (), 2) AS "hhiNr",
             round(sum(power(100.0 * coalesce(spend_real, 0) / t.tsr, 2)) OVER (), 2) AS "hhiSr",
             count(*) OVER () AS providers
        FROM p CROSS JOIN t
    )
    SELECT provider AS "providerId", n::int AS "inUse", n_demo::int AS "inUseDemo",
           coalesce(spend, 0)::numeric(16, 2)::text AS spend, coalesce(spend_demo, 0)::numeric(16, 2)::text AS "spendDemo",
           payers::int, round(n::numeric / tn, 6)::text AS "deploymentShare",
           round(coalesce(spend, 0) / nullif(ts, 0), 6)::text AS "spendShare",
           "hhiN"::text, "hhiS"::text, "hhiNr"::text, "hhiSr"::text, providers::int
      FROM ranked WHERE rank <= ${TOP_SIZE} ORDER BY rank`;
  const first = rows[0];
  return {
    hhiDeployments: first?.hhiN ?? null,
    hhiSpend: first?.hhiS ?? null,
    hhiDeploymentsWithoutDemo: first?.hhiNr ?? null,
    hhiSpendWithoutDemo: first?.hhiSr ?? null,
    providers: first?.providers ?? 0,
    top: rows.map(({ hhiN: _n, hhiS: _s, hhiNr: _nr, hhiSr: _sr, providers: _p, ...row }) => row),
  };
}

/** The scope's stats version: the `stats_version` sequence (migration 20261207150528), moved by every change. */
export async function statsVersion(prisma: PrismaClient): Promise<string> {
  const [row] = await prisma.$queryRaw<{ v: string }[]>`SELECT last_value::text || ':' || is_called::text AS v FROM "stats_version"`;
  return row?.v ?? '0';
}
