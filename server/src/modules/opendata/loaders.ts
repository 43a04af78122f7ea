// Raw SQL reads of the exports, in keyset-paginated batches: `WHERE id > last ORDER BY id LIMIT n`, so that a national
// export never holds more than one batch. The organizations are those of the statistics (ORGANIZATIONS, scopeConditions
// of the statistics module): a file counts exactly the collectivités its statistic counts. Every value is cast to text
// in SQL, so that decimals and counts reach the file as the database wrote them.
import { Prisma } from '@mutualis/db/client';
import type { Database } from '../../db/database.ts';
import { ORGANIZATIONS, scopeConditions, type StatsScope } from '../statistics/service.ts';
import type { ExportRow } from './format.ts';

export const BATCH_SIZE = 2000;

/** A row and the key of the keyset (never written to the file unless a column says so). */
export type Keyed = ExportRow & { key: number };

/** A batch reader: the rows after `after`, at most `size`. */
export type BatchReader = (after: number, size: number) => Promise<Keyed[]>;

/**
 * Runs a statement on the application's raw SQL connection (`Database.sql`). Not Prisma's `$queryRaw`: for a national
 * export it deserialises every value of every row again, 13 s of 250,000 rows where the driver alone takes 6 s (bench
 * of issue 12, PostgreSQL 15).
 */
export type RunSql = (statement: Prisma.Sql) => Promise<Keyed[]>;

/** What an export reads through: Prisma for the statistics, the raw connection for the rows. */
export type ExportDatabase = Pick<Database, 'prisma' | 'sql' | 'queryListeners'>;

/** The raw statement, told to the statement listeners as Prisma's are (the tests count the batches read). */
export const rawSql = (db: ExportDatabase): RunSql => (statement) => {
  for (const listener of db.queryListeners) listener(statement.text);
  return db.sql.query<Keyed>(statement.text, statement.values);
};

const day = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
const flag = (column: Prisma.Sql) => Prisma.sql`CASE WHEN ${column} THEN 'true' ELSE 'false' END`;

const ORGANIZATION_COLUMNS = Prisma.sql`
  o.siren AS siren_collectivite, o.name AS nom_collectivite, o.kind::text AS type_collectivite, o.code AS code_insee,
  o."departementCode" AS code_departement, o."regionCode" AS code_region`;

/**
 * One row per deployment of the scope's organizations. The yearly cost only when the collectivité made it public
 * (`annualCostPublic`, what canReadDeploymentCost grants an anonymous reader), empty otherwise.
 */
export function deploymentReader(run: RunSql, scope: StatsScope): BatchReader {
  return (after, size) => run(Prisma.sql`
    SELECT d.id AS key, d.id::text AS id_deploiement, ${ORGANIZATION_COLUMNS}, oe.siren AS siren_epci,
           t.slug AS slug_outil, t.name AS nom_outil, p.name AS nom_fournisseur, p.siren AS siren_fournisseur,
           p.country AS pays_siege_fournisseur, c.name AS categorie, d.status::text AS statut, d.service,
           ${day(Prisma.sql`d."startDate"`)} AS date_debut, ${day(Prisma.sql`d."endDate"`)} AS date_fin,
           d.users::text AS nombre_utilisateurs, d."monthlyRequests"::text AS requetes_mensuelles,
           CASE WHEN d."annualCostPublic" THEN d."annualCost"::text END AS cout_annuel_ht,
           d."procurementRoute"::text AS mode_achat, ${flag(Prisma.sql`d."isDemo"`)} AS donnees_demo,
           to_char(d."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS date_mise_a_jour
    FROM ${ORGANIZATIONS}
    JOIN "Deployment" d ON d."organizationId" = o.id
    JOIN "Tool" t ON t.id = d."toolId"
    JOIN "Provider" p ON p.id = t."providerId"
    JOIN "Category" c ON c.id = t."categoryId"
    WHERE ${scopeConditions(scope)} AND d.id > ${after}::int
    ORDER BY d.id
    LIMIT ${size}::int`);
}

/** Every organization of the scope, with or without a charter, in id order. */
export function charterReader(run: RunSql, scope: StatsScope): BatchReader {
  return (after, size) => run(Prisma.sql`
    SELECT o.id AS key, ${ORGANIZATION_COLUMNS}, o."charterStatus"::text AS statut_charte,
           ${day(Prisma.sql`o."charterAdoptedAt"`)} AS date_adoption_charte, o."charterUrl" AS url_charte,
           ${flag(Prisma.sql`o."charterIsDemo"`)} AS donnees_demo
    FROM ${ORGANIZATIONS}
    WHERE ${scopeConditions(scope)} AND o.id > ${after}::int
    ORDER BY o.id
    LIMIT ${size}::int`);
}

/**
 * The batches of a reader, one after the other, until one comes back short. The next batch is read while the current
 * one is written (one batch ahead at most: memory stays bounded).
 */
export async function* batches(read: BatchReader, size = BATCH_SIZE): AsyncGenerator<ExportRow[]> {
  let pending: Promise<Keyed[]> | null = read(0, size);
  try {
    for (;;) {
      const rows: Keyed[] = await pending;
      pending = rows.length === size ? read(rows[rows.length - 1]!.key, size) : null;
      if (rows.length) yield rows.map(({ key: _key, ...row }) => row);
      if (!pending) return;
    }
  } finally {
    // the reader stopped (client gone): the batch read ahead is dropped, its failure too
    void pending?.catch(() => undefined);
  }
}
