import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Sql } from './sql.ts';

/** This package's migrations folder, found through its package.json so that a bundle that inlines this file finds it too. */
export const migrationsDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@mutualis/db/package.json')), 'migrations');

/** Prisma's advisory-lock key, so that our runner and `prisma migrate deploy` never run at the same time. */
const PRISMA_MIGRATE_LOCK = 72707369;

export interface Migration {
  name: string;
  script: string;
  /** SHA-256 of the file, as Prisma stores it. */
  checksum: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const script = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, script, checksum: createHash('sha256').update(script).digest('hex') };
    });
}

/** The table exactly as Prisma's migration engine creates it. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`La migration ${migration} a échoué et a été annulée : ${(cause as Error).message ?? String(cause)}`);
  }
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
  /** Applied migrations whose file changed since. */
  modified: string[];
}

/**
 * Applies pending migrations in order, each in its own transaction together with its `_prisma_migrations`
 * row, so that a failing migration rolls back and leaves no row behind.
 */
export async function migrate(
  sql: Sql,
  options: { dir?: string; log?: (line: string) => void; /** Stop after this migration (a restore replays an older backup's schema first). */ upTo?: string } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined);
  const migrations = readMigrations(options.dir).filter((m) => !options.upTo || m.name <= options.upTo);
  await sql.exec(CREATE_MIGRATIONS_TABLE);
  const result: MigrateResult = { applied: [], alreadyApplied: [], modified: [] };
  for (const migration of migrations) {
    const outcome = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PRISMA_MIGRATE_LOCK]);
      const rows = await tx.query<{ checksum: string }>(
        `SELECT checksum FROM "_prisma_migrations"
          WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [migration.name],
      );
      if (rows.length > 0) return rows[0]?.checksum === migration.checksum ? 'present' : 'modified';
      const id = randomUUID();
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, migration.checksum, migration.name],
      );
      try {
        await tx.exec(migration.script);
      } catch (error) {
        throw new MigrationError(migration.name, error);
      }
      await tx.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1`,
        [id],
      );
      return 'applied';
    });
    if (outcome === 'applied') {
      result.applied.push(migration.name);
      log(`Migration appliquée : ${migration.name}`);
    } else {
      result.alreadyApplied.push(migration.name);
      if (outcome === 'modified') {
        result.modified.push(migration.name);
        log(`Attention : la migration ${migration.name} a été modifiée depuis son application.`);
      }
    }
  }
  return result;
}

/** Whether a migration file is not applied (or changed since), read with the application's own rights. */
export async function migrationsPending(sql: Sql, dir = migrationsDir): Promise<boolean> {
  const [table] = await sql.query<{ present: boolean }>(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS present`);
  if (!table?.present) return true;
  const rows = await sql.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  return readMigrations(dir).some((m) => applied.get(m.name) !== m.checksum);
}
