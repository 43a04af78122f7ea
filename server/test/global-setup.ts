import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/db/bootstrap.ts';
import { dumpPglite, openDatabase } from '../src/db/database.ts';
import { connectPostgres } from '../src/db/sql.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/**
 * Builds one migrated and seeded database per backend, once per run: a PGlite data-dir dump, and (when
 * TEST_DATABASE_URL is set) a PostgreSQL template database. Each test file starts from a copy.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-test-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: '' });
  await prepareDatabase(db, { seedDemo: true, demoAccounts: true });
  const dump = await dumpPglite(db);
  const templateFile = path.join(dir, 'template.tar.gz');
  fs.writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', templateFile);
  console.log(`[tests] modèle PGlite prêt en ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let templateName: string | null = null;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = await connectPostgres(url, 1);
    templateName = `mutualis_tpl_${process.pid}_${Date.now()}`;
    await admin.sql.exec(`CREATE DATABASE "${templateName}"`);
    const templateUrl = withDatabase(url, templateName);
    const pg = await openDatabase({ kind: 'postgres', url: templateUrl });
    await prepareDatabase(pg, { seedDemo: true, demoAccounts: true });
    await pg.close();
    await admin.close();
    console.log(`[tests] modèle PostgreSQL ${templateName} prêt en ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    console.log('[tests] TEST_DATABASE_URL absente : les tests PostgreSQL serveur sont ignorés, seuls les tests PGlite tournent.');
  }
  project.provide('postgresTemplate', templateName);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url && templateName) {
      const admin = await connectPostgres(url, 1);
      await admin.sql.exec(`DROP DATABASE IF EXISTS "${templateName}" WITH (FORCE)`);
      await admin.close();
    }
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
