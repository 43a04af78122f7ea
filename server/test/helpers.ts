import fs from 'node:fs';
import { inject } from 'vitest';
import { createApp, type App } from '../src/app.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { connectPostgres } from '../src/db/sql.ts';
import { withDatabase } from './global-setup.ts';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set (CI sets it). */
export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

let counter = 0;

/** A fresh copy of the migrated, seeded template database. */
export async function openTestDatabase(backend: Backend, options: { empty?: boolean } = {}): Promise<Database> {
  if (backend === 'pglite') {
    if (options.empty) return openDatabase({ kind: 'pglite', dataDir: '' });
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ kind: 'pglite', dataDir: '' }, { loadDataDir: blob });
  }
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (!url || !template) throw new Error('TEST_DATABASE_URL is not set');
  const name = `mutualis_t_${process.pid}_${Date.now()}_${counter++}`;
  const admin = await connectPostgres(url, 1);
  await admin.sql.exec(options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.close();
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(url, name) });
  const close = db.close;
  db.close = async () => {
    await close();
    const cleanup = await connectPostgres(url, 1);
    await cleanup.sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.close();
  };
  return db;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  db: Database;
  app: App;
  /** POSTs a GraphQL request to the app over HTTP semantics (no port). */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Counts the SQL statements Prisma sends while `fn` runs. */
  countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }>;
  close(): Promise<void>;
}

export async function createTestApp(backend: Backend): Promise<TestApp> {
  const db = await openTestDatabase(backend);
  const app = createApp({ nodeEnv: 'test' }, db);
  return {
    db,
    app,
    async gql(query, variables) {
      const response = await app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async countQueries(fn) {
      let statements = 0;
      const listener = () => void statements++;
      db.queryListeners.add(listener);
      try {
        const result = await fn();
        return { result, statements };
      } finally {
        db.queryListeners.delete(listener);
      }
    },
    close: () => db.close(),
  };
}
