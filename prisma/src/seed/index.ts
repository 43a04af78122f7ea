// The one seed entry point: the official registry of collectivités, the sourced catalogue and (when asked) the
// demo data, each only when missing unless `force` asks for all of it again (idempotent: nothing is duplicated).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Sql } from '../sql.ts';
import { seedCatalogue } from './catalogue.ts';
import { hasDemoData, seedDemo } from './demo.ts';
import { seedDemoLibrary } from './demo-library.ts';
import { seedDemoReferents } from './demo-referents.ts';
import { seedDemoTraining } from './demo-training.ts';
import { importRegistry } from './registry.ts';

export { seedCatalogue, type CatalogueReport } from './catalogue.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
export { hasDemoData, seedDemo, type DemoReport } from './demo.ts';
export { epciUsageName, importRegistry, readRegistry, REGISTRY_SOURCE, type ImportReport, type OrganizationRow } from './registry.ts';

export interface SeedOptions {
  demo: boolean;
  /** Creates the demo sign-in accounts with it (never in production); without it, none. */
  hashPassword?: (password: string) => Promise<string>;
  /** Seed everything again (idempotent) instead of only what is missing. */
  force?: boolean;
  log?: (line: string) => void;
}

/** Writes through the typed Prisma client; the ~36,000-row registry import alone batches raw SQL. */
export async function seedDatabase(db: { sql: Sql; prisma: PrismaClient }, options: SeedOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  if (options.force || !(await db.prisma.organization.findFirst({ select: { id: true } }))) {
    log('Import du référentiel des collectivités (@etalab/decoupage-administratif)…');
    await importRegistry(db.sql, log);
  }
  if (options.force || !(await db.prisma.tool.findFirst({ select: { id: true } }))) {
    log('Création du catalogue sourcé…');
    await seedCatalogue(db.prisma, log);
  }
  if (options.demo && (options.force || !(await hasDemoData(db.prisma)))) {
    log('Génération des données de démonstration…');
    await seedDemo(db.prisma, { hashPassword: options.hashPassword, log });
  }
  if (options.demo) log(`Bibliothèque : ${await seedDemoLibrary(db.prisma)} documents de démonstration ajoutés.`);
  if (options.demo) log(`Référents : ${await seedDemoReferents(db.prisma)} référents de démonstration ajoutés.`);
  if (options.demo) await seedDemoTraining(db.prisma, log);
}
