// Raw SQL reads of the exports, in keyset-paginated batches: `WHERE id > last ORDER BY id LIMIT n`, so that a national
// export never holds more than one batch. The organizations are those of the statistics (ORGANIZATIONS, scopeConditions
// of the statistics module): a file counts exactly the collectivités its statistic counts. Every value is cast to text
// in SQL, so that decimals and counts reach the file as the database wrote them.
import { Prisma, type PrismaClient } from '@mutualis/db/client';
import { ORGANIZATIONS, scopeConditions, type StatsScope } from '../statistics/service.ts';
import type { ExportRow } from './format.ts';

export const BATCH_SIZE = 2000;

/** A row and the key of the keyset (never written to the file unless a column says so). */
export type Keyed = ExportRow & { key: number };

/** A batch reader: the rows after `after`, at most `size`. */
export type BatchReader = (after: number, size: number) => Promise<Keyed[]>;

const day = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
const flag = (column: Prisma.Sql) => Prisma.sql`CASE WHEN ${column} THEN 'true' ELSE 'false' END`;

const ORGANIZATION_COLUMNS = Prisma.sql`
  o.siren AS siren_collectivite, o.name AS nom_collectivite, o.kind::text AS type_collectivite, o.code AS code_insee,
  o."departementCode" AS code_departement, o."regionCode" AS code_region`;

/**
 * One row per deployment of the scope's organizations. The yearly cost only when the collectivité made it public
 * (`annualCostPublic`, what canReadDeploymentCost grants an anonymous reader), empty otherwise.
 */
export function deploymentReader(prisma: PrismaClient, scope: StatsScope): BatchReader {
  return (after, size) => prisma.$queryRaw<Keyed[]>`
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
    LIMIT ${size}::int`;
}

/** Every organization of the scope, with or without a charter, in id order. */
export function charterReader(prisma: PrismaClient, scope: StatsScope): BatchReader {
  return (after, size) => prisma.$queryRaw<Keyed[]>`
    SELECT o.id AS key, ${ORGANIZATION_COLUMNS}, o."charterStatus"::text AS statut_charte,
           ${day(Prisma.sql`o."charterAdoptedAt"`)} AS date_adoption_charte, o."charterUrl" AS url_charte,
           ${flag(Prisma.sql`o."charterIsDemo"`)} AS donnees_demo
    FROM ${ORGANIZATIONS}
    WHERE ${scopeConditions(scope)} AND o.id > ${after}::int
    ORDER BY o.id
    LIMIT ${size}::int`;
}

/** The batches of a reader, one after the other, until one comes back short. */
export async function* batches(read: BatchReader, size = BATCH_SIZE): AsyncGenerator<ExportRow[]> {
  let after = 0;
  for (;;) {
    const rows = await read(after, size);
    if (rows.length) {
      after = rows[rows.length - 1]!.key;
      yield rows.map(({ key: _key, ...row }) => row);
    }
    if (rows.length < size) return;
  }
}
