import { migrate } from './migrate.ts';
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

/** Migrations, then the registry, the catalogue and (when allowed) the demo data, each only when missing. */
export async function prepareDatabase(sql: Sql, options: PrepareOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  await migrate(sql, { log });
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
