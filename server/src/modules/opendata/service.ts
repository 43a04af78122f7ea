// The open-data exports' use cases: the dictionary, and the batches of rows of a dataset for a checked scope.
import type { PrismaClient } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { D } from '../../shared/money.ts';
import { assertScopeExists, statisticsBreakdowns, type BreakdownRow, type StatsScope } from '../statistics/service.ts';
import { DATASETS, datasetOf, LICENCE, SOURCE, type Dataset } from './dictionary.ts';
import type { ExportRow } from './format.ts';
import { batches, charterReader, deploymentReader, rawSql, type ExportDatabase } from './loaders.ts';
import { downloadPaths, type ExportRequest } from './request.ts';

export { DATASETS, LICENCE, SOURCE, type Dataset };

/** The dictionary of every dataset, with its download addresses (national scope). */
export function openDataDictionary() {
  return {
    licence: LICENCE,
    source: SOURCE,
    datasets: DATASETS.map((dataset) => ({ ...dataset, downloads: downloadPaths(dataset.key) })),
  };
}

/** The named territory of a scope exists (NOT_FOUND in French otherwise); the scope's codes are already checked. */
export async function assertExportScope(prisma: PrismaClient, scope: StatsScope): Promise<void> {
  // assertScopeExists reads nothing of the context but its Prisma client: an export has no GraphQL context.
  await assertScopeExists({ prisma } as Pick<Context, 'prisma'> as Context, scope);
}

/** `part / whole` to four decimals (half up), exactly; null without a whole. */
export function rate(part: number, whole: number): string | null {
  if (whole === 0) return null;
  return new D(part).div(whole).toDecimalPlaces(4, D.ROUND_HALF_UP).toFixed(4);
}

/** A breakdown row of the statistics as a row of the statistics file, with its rates. */
export function statisticsRow(row: BreakdownRow): ExportRow {
  const count = (n: number) => String(n);
  return {
    dimension: row.dimension,
    code: row.key,
    libelle: row.label,
    collectivites: count(row.organizations),
    collectivites_declarantes: count(row.declaring),
    collectivites_declarantes_demo: count(row.declaringDemo),
    collectivites_adoptantes: count(row.adopting),
    collectivites_adoptantes_demo: count(row.adoptingDemo),
    chartes_adoptees: count(row.chartersAdopted),
    chartes_adoptees_demo: count(row.chartersAdoptedDemo),
    chartes_prevues: count(row.chartersPlanned),
    chartes_prevues_demo: count(row.chartersPlannedDemo),
    deploiements: count(row.deployments),
    deploiements_demo: count(row.deploymentsDemo),
    collectivites_declarant_cout: count(row.payers),
    depense_annuelle_ht: row.spend,
    depense_annuelle_ht_demo: row.spendDemo,
    taux_declarantes: rate(row.declaring, row.organizations),
    taux_adoptantes: rate(row.adopting, row.organizations),
    taux_chartes_adoptees: rate(row.chartersAdopted, row.organizations),
    taux_chartes_prevues: rate(row.chartersPlanned, row.organizations),
  };
}

async function* statisticsBatches(prisma: PrismaClient, scope: StatsScope): AsyncGenerator<ExportRow[]> {
  yield (await statisticsBreakdowns(prisma, scope)).map(statisticsRow);
}

/** The rows of an export, batch after batch (keyset pages of BATCH_SIZE; the statistics in one batch). */
export function exportBatches(db: ExportDatabase, request: ExportRequest): { dataset: Dataset; rows: AsyncGenerator<ExportRow[]> } {
  const dataset = datasetOf(request.dataset);
  const run = rawSql(db);
  switch (request.dataset) {
    case 'deploiements':
      return { dataset, rows: batches(deploymentReader(run, request.scope)) };
    case 'chartes':
      return { dataset, rows: batches(charterReader(run, request.scope)) };
    case 'statistiques':
      return { dataset, rows: statisticsBatches(db.prisma, request.scope) };
  }
}
