import type { Database } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';
import { seedCatalogue } from './seed/catalogue.ts';
import { hasDemoData, seedDemo } from './seed/demo.ts';
import { importRegistry } from './seed/registry.ts';
import type { Sql } from './sql.ts';

export interface PrepareOptions {
  seedDemo: boolean;
  /** Demo sign-in accounts: never in production. */
  demoAccounts: boolean;
  /** Seed everything again (idempotent) instead of only what is missing. */
  force?: boolean;
  log?: (line: string) => void;
}

async function isEmpty(sql: Sql, table: string): Promise<boolean> {
  return (await sql.query(`SELECT 1 FROM "${table}" LIMIT 1`)).length === 0;
}

/** Whether a migration file is not applied (or changed since), read with the application's own rights. */
export async function migrationsPending(sql: Sql): Promise<boolean> {
  const [table] = await sql.query(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS present`);
  if (!(table as { present: boolean }).present) return true;
  const rows = await sql.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  return readMigrations().some((m) => applied.get(m.name) !== m.checksum);
}

/**
 * Migrations with the owner's rights (only when one is pending: on PGlite the owner's session means reopening the
 * engine), then — as the application role, which needs no DDL for them — the registry, the catalogue and (when
 * allowed) the demo data, each only when missing.
 */
export async function prepareDatabase(db: Database, options: PrepareOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  if (db.role === 'owner' || (await migrationsPending(db.sql))) await db.asOwner((sql) => migrate(sql, { log }));
  const sql = db.sql;
  if (options.force || (await isEmpty(sql, 'Organization'))) {
    log('Import du référentiel des collectivités (@etalab/decoupage-administratif)…');
    await importRegistry(sql, log);
  }
  if (options.force || (await isEmpty(sql, 'Tool'))) {
    log('Création du catalogue sourcé…');
    await seedCatalogue(sql, log);
  }
  if (options.seedDemo && (options.force || !(await hasDemoData(sql)))) {
    log('Génération des données de démonstration…');
    await seedDemo(sql, { accounts: options.demoAccounts, log });
  }
}
