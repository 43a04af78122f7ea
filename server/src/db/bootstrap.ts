import { migrate, migrationsPending } from '@mutualis/db/migrate';
import { seedDatabase } from '@mutualis/db/seed';
import { hashPassword } from '../modules/auth/password.ts';
import type { Database } from './database.ts';

export interface PrepareOptions {
  seedDemo: boolean;
  /** Demo sign-in accounts: never in production. */
  demoAccounts: boolean;
  /** Seed everything again (idempotent) instead of only what is missing. */
  force?: boolean;
  log?: (line: string) => void;
}

/**
 * Migrations with the owner's rights (only when one is pending: on PGlite the owner's session means reopening the
 * engine), then — as the application role, which needs no DDL for them — the seeds of @mutualis/db: the registry,
 * the catalogue and (when allowed) the demo data, each only when missing.
 */
export async function prepareDatabase(db: Database, options: PrepareOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  if (db.role === 'owner' || (await migrationsPending(db.sql))) await db.asOwner((sql) => migrate(sql, { log }));
  await seedDatabase(db, { demo: options.seedDemo, hashPassword: options.demoAccounts ? hashPassword : undefined, force: options.force, log });
}
