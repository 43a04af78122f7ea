// The training figures of a scope in SQL: what the organizations of the scope declared of the agents and elected
// officials they trained (TrainingDeclaration). Each organization counts ONCE, with its latest declared year: a
// declaration says how many were trained that year, and adding up years would count twice a person trained again.
// The figures per year (byYear) add up the declarations of that year alone. An organization counts as demonstration
// data when its latest declaration is one (isDemo), and so do its agents and elected officials.
import { Prisma, type PrismaClient } from '@mutualis/db/client';
import { ORGANIZATIONS, POPULATION_BAND, scopeConditions, TERRITORY_EPCI_TYPE, type StatsScope } from './scope.ts';

export interface TrainingCounts {
  /** Organizations of the scope, those that declared (latest year), and the demo part of each figure. */
  organizations: number;
  declaring: number;
  declaringDemo: number;
  agents: number;
  agentsDemo: number;
  elected: number;
  electedDemo: number;
  /** The earliest and latest of the latest years declared; null without a declaration. */
  firstYear: number | null;
  lastYear: number | null;
}

export interface TrainingGroup extends TrainingCounts {
  dimension: 'TOTAL' | 'REGION' | 'DEPARTEMENT' | 'EPCI_TYPE' | 'POPULATION_BAND';
  key: string;
}

export interface TrainingYear {
  year: number;
  declaring: number;
  declaringDemo: number;
  agents: number;
  agentsDemo: number;
  elected: number;
  electedDemo: number;
}

export interface TrainingFigures {
  groups: TrainingGroup[];
  years: TrainingYear[];
}

// sums as text (bigint): 36,000 organizations may declare up to 1,000,000 each, past a 32-bit integer
/** Constant column expressions only (never an input): the sums of agents and elected officials and their demo part. */
const SUMS = (agents: string, elected: string, demo: string) => `
  coalesce(sum(${agents}), 0)::bigint::text AS agents, coalesce(sum(${agents}) FILTER (WHERE ${demo}), 0)::bigint::text AS "agentsDemo",
  coalesce(sum(${elected}), 0)::bigint::text AS elected, coalesce(sum(${elected}) FILTER (WHERE ${demo}), 0)::bigint::text AS "electedDemo"`;

type Summed<T> = Omit<T, 'agents' | 'agentsDemo' | 'elected' | 'electedDemo'> & { agents: string; agentsDemo: string; elected: string; electedDemo: string };
const numbers = <T extends { agents: string; agentsDemo: string; elected: string; electedDemo: string }>(row: T) => ({
  ...row,
  agents: Number(row.agents),
  agentsDemo: Number(row.agentsDemo),
  elected: Number(row.elected),
  electedDemo: Number(row.electedDemo),
});

/** Totals of the scope and breakdowns by région, département, EPCI type and population band; then the years. */
export async function trainingFigures(prisma: PrismaClient, scope: StatsScope): Promise<TrainingFigures> {
  const where = scopeConditions(scope);
  const [rows, years] = await Promise.all([
    prisma.$queryRaw<(Summed<TrainingCounts> & { g: number; region: string | null; departement: string | null; epci_type: string | null; band: string | null })[]>`
      WITH so AS (
        SELECT o.id, o."regionCode" AS region, o."departementCode" AS departement, ${TERRITORY_EPCI_TYPE}::text AS epci_type, ${POPULATION_BAND} AS band
          FROM ${ORGANIZATIONS} WHERE ${where}
      ), latest AS (
        SELECT DISTINCT ON (d."organizationId") d."organizationId" AS id, d.year, d."agentsTrained" AS agents, d."electedTrained" AS elected, d."isDemo" AS demo
          FROM "TrainingDeclaration" d JOIN so ON so.id = d."organizationId"
         ORDER BY d."organizationId", d.year DESC
      ), rows AS (SELECT so.*, latest.year, latest.agents, latest.elected, latest.demo FROM so LEFT JOIN latest ON latest.id = so.id)
      SELECT GROUPING(region, departement, epci_type, band)::int AS g, region, departement, epci_type, band,
             count(*)::int AS organizations, count(year)::int AS declaring, count(*) FILTER (WHERE demo)::int AS "declaringDemo",
             ${Prisma.raw(SUMS('agents', 'elected', 'demo'))}, min(year)::int AS "firstYear", max(year)::int AS "lastYear"
        FROM rows GROUP BY GROUPING SETS ((), (region), (departement), (epci_type), (band))`,
    prisma.$queryRaw<Summed<TrainingYear>[]>`
      SELECT d.year, count(*)::int AS declaring, count(*) FILTER (WHERE d."isDemo")::int AS "declaringDemo",
             ${Prisma.raw(SUMS('d."agentsTrained"', 'd."electedTrained"', 'd."isDemo"'))}
        FROM "TrainingDeclaration" d JOIN ${ORGANIZATIONS} ON o.id = d."organizationId"
       WHERE ${where} GROUP BY d.year ORDER BY d.year`,
  ]);
  const groups = rows.map(({ g, region, departement, epci_type, band, ...counts }) => {
    // GROUPING() has one bit per column, the first column highest (as in loaders.ts organizationGroups)
    const [dimension, key] =
      g === 0b1111 ? (['TOTAL', ''] as const)
      : g === 0b0111 ? (['REGION', region ?? 'NONE'] as const)
      : g === 0b1011 ? (['DEPARTEMENT', departement ?? 'NONE'] as const)
      : g === 0b1101 ? (['EPCI_TYPE', epci_type ?? 'NONE'] as const)
      : (['POPULATION_BAND', band ?? 'UNKNOWN'] as const);
    return { dimension, key, ...numbers(counts) };
  });
  return { groups, years: years.map(numbers) };
}
