import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config, PoolSettings } from '../config.ts';
import { PrismaClient } from '@mutualis/db/client';
import { connectPostgres, DatabaseStartError, lockDataDir, openPglite, redactUrl, type Sql } from './sql.ts';

export type Prisma = PrismaClient;

/**
 * The role the application's connection uses (created by the migration 20261202000000_app_role_and_erasure):
 * rows only — no DDL, no trigger change, no TRUNCATE, no UPDATE or DELETE of audit events.
 */
export const APP_ROLE = 'mutualis_app';

export interface Database {
  /** The embedded engine, when kind is pglite (tests dump it as a template). */
  readonly pglite?: PGlite;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages (password hidden). */
  label: string;
  /** The application's connection (raw SQL), as `role`. */
  readonly sql: Sql;
  /** The application's Prisma client, as `role`. */
  readonly prisma: PrismaClient;
  /**
   * `app` (mutualis_app) for every migrated database. `owner` only before the migration that creates the role has
   * run (a new database): nothing else exists yet that the application could harm.
   */
  readonly role: 'app' | 'owner';
  /** Listeners called with each SQL statement Prisma sends (tests count them). */
  queryListeners: Set<(sql: string) => void>;
  /**
   * Runs `fn` with the owner's connection (migrations, restore), then goes back to the application role. On PGlite
   * this reopens the engine: never while requests are being served.
   */
  asOwner<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
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

interface Connected {
  role: 'app' | 'owner';
  sql: Sql;
  prisma: PrismaClient;
  pglite?: PGlite;
  close(): Promise<void>;
}

function databaseOf(
  kind: Database['kind'],
  label: string,
  queryListeners: Set<(sql: string) => void>,
  state: { current: Connected },
  asOwner: Database['asOwner'],
  close: () => Promise<void>,
): Database {
  return {
    kind,
    label,
    queryListeners,
    get pglite() {
      return state.current.pglite;
    },
    get sql() {
      return state.current.sql;
    },
    get prisma() {
      return state.current.prisma;
    },
    get role() {
      return state.current.role;
    },
    asOwner,
    close,
  };
}

interface RoleState {
  user: string;
  /** The migration granted mutualis_app its rights in this database. */
  granted: boolean;
  /** The login user of DATABASE_URL may become mutualis_app. */
  member: boolean;
}

async function roleState(sql: Sql): Promise<RoleState> {
  const [state] = await sql.query<RoleState>(
    `SELECT session_user AS "user",
            CASE WHEN r.oid IS NOT NULL AND to_regclass('public."AuditEvent"') IS NOT NULL
                 THEN has_table_privilege(r.oid, to_regclass('public."AuditEvent"'), 'INSERT') ELSE false END AS granted,
            CASE WHEN r.oid IS NOT NULL THEN pg_has_role(session_user, r.oid, 'MEMBER') ELSE false END AS member
       FROM (SELECT 1) AS one LEFT JOIN pg_roles r ON r.rolname = $1`,
    [APP_ROLE],
  );
  return state!;
}

/**
 * PostgreSQL server. DATABASE_URL alone: its user owns the tables and runs the migrations, and the application's
 * pool switches every connection to mutualis_app. With DATABASE_OWNER_URL, migrations use it and the application
 * logs in as the user of DATABASE_URL (made a member of mutualis_app by the owner), still switched to mutualis_app.
 */
async function openPostgres(database: { url: string; ownerUrl?: string; pool?: PoolSettings }, queryListeners: Set<(sql: string) => void>): Promise<Database> {
  const ownerUrl = database.ownerUrl ?? database.url;
  const connect = async (role: 'app' | 'owner'): Promise<Connected> => {
    const connection = await connectPostgres(
      role === 'app' ? database.url : ownerUrl,
      role === 'app' ? (database.pool?.size ?? 10) : 10,
      role === 'app' ? { role: APP_ROLE, waitMs: database.pool?.waitMs } : {},
    );
    const prisma = newClient(new PrismaPg(connection.pool), queryListeners);
    return {
      role,
      sql: connection.sql,
      prisma,
      async close() {
        await prisma.$disconnect();
        await connection.close();
      },
    };
  };
  /** The application role when the database has it, granting the login user membership when the owner can. */
  const target = async (): Promise<'app' | 'owner'> => {
    const probe = await connectPostgres(database.url, 1);
    try {
      const state = await roleState(probe.sql);
      if (!state.granted) return 'owner';
      if (state.member) return 'app';
      const owner = database.ownerUrl ? await connectPostgres(database.ownerUrl, 1) : undefined;
      try {
        await owner?.sql.exec(`GRANT ${APP_ROLE} TO "${state.user.replaceAll('"', '""')}"`);
      } catch {
        // reported below in one sentence
      } finally {
        await owner?.close();
      }
      if ((await roleState(probe.sql)).member) return 'app';
      throw new DatabaseStartError(
        `Le rôle ${state.user} de DATABASE_URL ne peut pas devenir ${APP_ROLE} : en tant que propriétaire des tables, ` +
          `exécutez « GRANT ${APP_ROLE} TO "${state.user}"; » puis redémarrez.`,
      );
    } finally {
      await probe.close();
    }
  };
  const state = { current: await connect(await target()) };
  const restrict = async () => {
    const role = await target();
    if (role === state.current.role) return;
    const next = await connect(role);
    await state.current.close();
    state.current = next;
  };
  return databaseOf(
    'postgres',
    `PostgreSQL ${redactUrl(database.url)}`,
    queryListeners,
    state,
    async (fn) => {
      try {
        if (state.current.role === 'owner') return await fn(state.current.sql);
        const owner = await connectPostgres(ownerUrl, 2);
        try {
          return await fn(owner.sql);
        } finally {
          await owner.close();
        }
      } finally {
        await restrict();
      }
    },
    () => state.current.close(),
  );
}

/**
 * Embedded PGlite: one engine, one session. The application's engine is opened with PGlite's `username`
 * mutualis_app, a session that cannot SET ROLE back; the owner's work closes it and opens one as postgres.
 */
async function openEmbedded(dataDir: string, options: { loadDataDir?: Blob }, queryListeners: Set<(sql: string) => void>): Promise<Database> {
  const lock = dataDir ? lockDataDir(dataDir) : undefined;
  const open = async (role: 'app' | 'owner', loadDataDir?: Blob): Promise<Connected> => {
    const connection = await openPglite(dataDir || undefined, { loadDataDir, lock: false, ...(role === 'app' ? { username: APP_ROLE } : {}) });
    const prisma = newClient(new PrismaPGlite(connection.pglite), queryListeners);
    return {
      role,
      sql: connection.sql,
      prisma,
      pglite: connection.pglite,
      async close() {
        await prisma.$disconnect();
        await connection.close();
      },
    };
  };
  /** The same data under the other role: reopened from disk, or from a copy of the in-memory files. */
  const reopen = async (role: 'app' | 'owner') => {
    const copy = dataDir ? undefined : ((await state.current.pglite!.dumpDataDir('none')) as Blob);
    await state.current.close();
    state.current = await open(role, copy);
  };
  const existing = options.loadDataDir ?? (dataDir && fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION')));
  let first: Connected;
  try {
    // a database without the role (never migrated) refuses the connection: it opens as owner then
    first = existing ? await open('app', options.loadDataDir).catch(() => open('owner', options.loadDataDir)) : await open('owner');
  } catch (error) {
    lock?.release();
    throw error;
  }
  const state = { current: first };
  const restrict = async () => {
    if (state.current.role === 'app') return;
    const [role] = await state.current.sql.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
    if (role) await reopen('app');
  };
  return databaseOf(
    'pglite',
    dataDir ? `PostgreSQL embarqué (PGlite) dans ${dataDir}` : 'PostgreSQL embarqué (PGlite) en mémoire',
    queryListeners,
    state,
    async (fn) => {
      if (state.current.role === 'app') await reopen('owner');
      try {
        return await fn(state.current.sql);
      } finally {
        await restrict();
      }
    },
    async () => {
      try {
        await state.current.close();
      } finally {
        lock?.release();
      }
    },
  );
}

/** One code path for both databases: the same Prisma client on the adapter the configuration selects. */
export async function openDatabase(database: Config['database'], options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const queryListeners = new Set<(sql: string) => void>();
  if (database.kind === 'postgres') return openPostgres(database, queryListeners);
  return openEmbedded(database.dataDir, options, queryListeners);
}

/** A compressed copy of an embedded database, to open again with `openDatabase(…, { loadDataDir })`. */
export async function dumpPglite(db: Database): Promise<Blob> {
  if (!db.pglite) throw new Error('dumpPglite needs an embedded database');
  return (await db.pglite.dumpDataDir('gzip')) as Blob;
}
