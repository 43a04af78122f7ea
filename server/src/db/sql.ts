import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The few raw-SQL operations the migration runner and the importers need, on PGlite or a PostgreSQL server. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (simple-query protocol). */
  exec(script: string): Promise<void>;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

export class DatabaseStartError extends Error {}

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function pgliteSql(db: PgliteLike & { transaction?: PGlite['transaction'] }): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      return (await db.query(text, params)).rows as T[];
    },
    async exec(script: string) {
      await db.exec(script);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      if (!db.transaction) throw new Error('Transactions imbriquées non prises en charge');
      return db.transaction((tx) => fn(pgliteSql(tx)));
    },
  };
}

function pgClientSql(client: pg.ClientBase): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query(text, params as unknown[])).rows as T[];
    },
    async exec(script: string) {
      await client.query(script);
    },
    transaction() {
      throw new Error('Transactions imbriquées non prises en charge');
    },
  };
}

function pgPoolSql(pool: pg.Pool): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params as unknown[])).rows as T[];
    },
    async exec(script: string) {
      await pool.query(script);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(pgClientSql(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** Hides the password of a connection string before it is shown. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

export interface PostgresConnection {
  sql: Sql;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Connects to a PostgreSQL server and checks it answers; failures become one clear sentence. */
export async function connectPostgres(url: string, max = 10): Promise<PostgresConnection> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined); // idle-client errors surface on the next query
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    const e = error as { code?: string; message?: string };
    const where = redactUrl(url);
    const dbName = (() => {
      try {
        return decodeURIComponent(new URL(url).pathname.slice(1));
      } catch {
        return '';
      }
    })();
    const reason =
      e.code === '3D000'
        ? `la base « ${dbName} » n’existe pas : créez-la (createdb ${dbName}) ou corrigez DATABASE_URL`
        : e.code === 'ECONNREFUSED'
          ? 'le serveur refuse la connexion : démarrez PostgreSQL ou corrigez l’hôte et le port de DATABASE_URL'
          : e.code === '28P01' || e.code === '28000'
            ? 'authentification refusée : vérifiez l’utilisateur et le mot de passe de DATABASE_URL'
            : e.code === 'ENOTFOUND'
              ? 'hôte introuvable : corrigez l’hôte de DATABASE_URL'
              : `${e.message ?? String(error)} : vérifiez DATABASE_URL`;
    throw new DatabaseStartError(`Impossible d’ouvrir la base PostgreSQL ${where} : ${reason}.`);
  }
  return { sql: pgPoolSql(pool), pool, close: () => pool.end() };
}

export interface PgliteConnection {
  sql: Sql;
  pglite: PGlite;
  close(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Opens (or creates) the embedded PostgreSQL in dataDir. PGlite is single-process: a lock file
 * refuses a second process instead of letting two corrupt the same files.
 */
export async function openPglite(dataDir: string | undefined, options: { loadDataDir?: Blob } = {}): Promise<PgliteConnection> {
  let lockFile: string | undefined;
  if (dataDir) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new DatabaseStartError(
        `Impossible de créer le dossier de la base embarquée ${dataDir} : ${(error as Error).message}. Choisissez un autre DATA_DIR.`,
      );
    }
    lockFile = path.join(dataDir, '.mutualis.lock');
    const holder = Number.parseInt(fs.existsSync(lockFile) ? fs.readFileSync(lockFile, 'utf8') : '', 10);
    if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
      throw new DatabaseStartError(
        `La base embarquée ${dataDir} est déjà ouverte par un autre processus (pid ${holder}) : arrêtez-le, ou choisissez un autre DATA_DIR.`,
      );
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ ...(dataDir ? { dataDir: path.join(dataDir, 'pgdata') } : {}), ...options });
  } catch (error) {
    if (lockFile) fs.rmSync(lockFile, { force: true });
    throw new DatabaseStartError(
      `Impossible d’ouvrir la base embarquée ${dataDir ?? '(mémoire)'} : ${(error as Error).message}. ` +
        'Si le dossier est endommagé, déplacez-le puis redémarrez (une base neuve sera créée).',
    );
  }
  return {
    sql: pgliteSql(pglite),
    pglite,
    async close() {
      await pglite.close();
      if (lockFile) fs.rmSync(lockFile, { force: true });
    },
  };
}
