import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config } from '../config.ts';
import { PrismaClient } from '../generated/prisma/client.ts';
import { connectPostgres, openPglite, redactUrl, type Sql } from './sql.ts';

export type Prisma = PrismaClient;

export interface Database {
  /** The embedded engine, when kind is pglite (tests dump it as a template). */
  pglite?: PGlite;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages (password hidden). */
  label: string;
  sql: Sql;
  prisma: PrismaClient;
  /** Listeners called with each SQL statement Prisma sends (tests count them). */
  queryListeners: Set<(sql: string) => void>;
  close(): Promise<void>;
}


function newClient(adapter: PrismaPg | PrismaPGlite, listeners: Set<(sql: string) => void>): PrismaClient {
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => {
    for (const listener of listeners) listener(event.query);
  });
  // Pothos plans `select: {}` when a request selects nothing but __typename of a record (or of a mutation's
  // success type); Prisma refuses an empty select, so ask for the id alone.
  return client.$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          const select = (args as { select?: object } | undefined)?.select;
          if (select && Object.keys(select).length === 0) (args as { select: object }).select = { id: true };
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
}

/** One code path for both databases: the same Prisma client on the adapter the configuration selects. */
export async function openDatabase(database: Config['database'], options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const queryListeners = new Set<(sql: string) => void>();
  if (database.kind === 'postgres') {
    const connection = await connectPostgres(database.url);
    const prisma = newClient(new PrismaPg(connection.pool), queryListeners);
    return {
      kind: 'postgres',
      label: `PostgreSQL ${redactUrl(database.url)}`,
      sql: connection.sql,
      prisma,
      queryListeners,
      async close() {
        await prisma.$disconnect();
        await connection.close();
      },
    };
  }
  const connection = await openPglite(database.dataDir || undefined, options);
  const prisma = newClient(new PrismaPGlite(connection.pglite), queryListeners);
  return {
    kind: 'pglite',
    pglite: connection.pglite,
    label: database.dataDir ? `PostgreSQL embarqué (PGlite) dans ${database.dataDir}` : 'PostgreSQL embarqué (PGlite) en mémoire',
    sql: connection.sql,
    prisma,
    queryListeners,
    async close() {
      await prisma.$disconnect();
      await connection.close();
    },
  };
}

/** A compressed copy of an embedded database, to open again with `openDatabase(…, { loadDataDir })`. */
export async function dumpPglite(db: Database): Promise<Blob> {
  if (!db.pglite) throw new Error('dumpPglite needs an embedded database');
  return (await db.pglite.dumpDataDir('gzip')) as Blob;
}
