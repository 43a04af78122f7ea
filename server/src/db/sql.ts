import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Sql } from '@mutualis/db/sql';
import pg from 'pg';

export type { Sql };

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
export async function connectPostgres(
  url: string,
  max = 10,
  options: { role?: string; waitMs?: number } = {},
): Promise<PostgresConnection> {
  // Startup parameters of every pooled connection (no connection can skip them): the role, and no JIT — compiling
  // the plans of short OLTP statements cost ~0.3 s per catalogue request at national scale for nothing.
  const startup = ['-c jit=off', ...(options.role ? [`-c role=${options.role}`] : [])].join(' ');
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // under load a request waits in line for a connection rather than failing after a short wait
    connectionTimeoutMillis: options.waitMs ?? 30_000,
    options: startup,
  });
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

/** What a lock file records: the PID alone can be reused by any program after a crash, its start time cannot. */
interface LockProof {
  marker: 'mutualis';
  pid: number;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat, field 22); null off Linux. */
  startTime: string | null;
  bootId: string | null;
  command: string;
}

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses, so count from its end. */
export function processStartTime(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function lockProof(): LockProof {
  return {
    marker: 'mutualis',
    pid: process.pid,
    startTime: processStartTime(process.pid),
    bootId: readProc('/proc/sys/kernel/random/boot_id')?.trim() ?? null,
    command: process.argv.slice(1).join(' ').slice(0, 300),
  };
}

/**
 * Why the process named in a lock no longer holds it (null when it still does): a dead PID, or one that the system
 * gave to another program since (its start time differs from the recorded one, or it does not even run Node).
 */
function staleReason(content: string): { pid: number | null; reason: string | null } {
  let proof: Partial<LockProof> = {};
  try {
    const parsed = JSON.parse(content) as unknown;
    proof = typeof parsed === 'number' ? { pid: parsed } : (parsed as Partial<LockProof>);
  } catch {
    proof = { pid: Number.parseInt(content, 10) };
  }
  const pid = Number.isInteger(proof.pid) && (proof.pid as number) > 0 ? (proof.pid as number) : null;
  if (pid === null) return { pid, reason: 'fichier de verrou illisible' };
  if (pid === process.pid) return { pid, reason: null };
  if (!processAlive(pid)) return { pid, reason: 'ce processus est arrêté' };
  const startTime = processStartTime(pid);
  if (startTime === null) return { pid, reason: null }; // no /proc: a live PID is trusted, as before
  if (proof.marker === 'mutualis' && proof.startTime) {
    const sameBoot = !proof.bootId || proof.bootId === readProc('/proc/sys/kernel/random/boot_id')?.trim();
    return sameBoot && proof.startTime === startTime ? { pid, reason: null } : { pid, reason: 'ce PID appartient maintenant à un autre programme' };
  }
  // a lock written before proofs existed: only a Node process can be Mutualis
  const command = readProc(`/proc/${pid}/cmdline`)?.split('\0') ?? [];
  return /(^|\/)node[^/]*$/.test(command[0] ?? '') ? { pid, reason: null } : { pid, reason: 'ce PID appartient maintenant à un autre programme' };
}

/**
 * PGlite is single-process: a lock file in dataDir refuses a second process instead of letting two corrupt the
 * same files. A lock left by a crash (dead PID, or PID reused by an unrelated program) is taken over with a message.
 */
export function lockDataDir(dataDir: string, log: (line: string) => void = console.warn): { release(): void } {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new DatabaseStartError(
      `Impossible de créer le dossier de la base embarquée ${dataDir} : ${(error as Error).message}. Choisissez un autre DATA_DIR.`,
    );
  }
  const lockFile = path.join(dataDir, '.mutualis.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      // exclusive creation: of two processes starting together, one only gets the lock
      fs.writeFileSync(lockFile, JSON.stringify(lockProof()), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) {
        throw new DatabaseStartError(`Impossible de verrouiller la base embarquée ${dataDir} : ${(error as Error).message}. Choisissez un autre DATA_DIR.`);
      }
    }
    const { pid, reason } = staleReason(readProc(lockFile) ?? '');
    if (pid === process.pid) {
      fs.writeFileSync(lockFile, JSON.stringify(lockProof()));
      break;
    }
    if (!reason) {
      throw new DatabaseStartError(
        `La base embarquée ${dataDir} est déjà ouverte par un autre processus (pid ${pid}) : arrêtez-le, ou choisissez un autre DATA_DIR.`,
      );
    }
    log(`Verrou de la base embarquée ${dataDir} repris : il désignait le pid ${pid ?? '?'}, mais ${reason}.`);
    fs.rmSync(lockFile, { force: true });
  }
  return {
    release() {
      // only our own lock: a process that took over a lock we thought stale must keep it
      const content = readProc(lockFile);
      if (content && staleReason(content).pid === process.pid) fs.rmSync(lockFile, { force: true });
    },
  };
}

export interface PgliteOptions {
  loadDataDir?: Blob;
  /** The role to connect as (PGlite's `username`): the session cannot become another role, unlike SET ROLE. */
  username?: string;
  /** false when the caller already holds the data directory's lock (it reopens it under another role). */
  lock?: boolean;
  log?: (line: string) => void;
}

/** Opens (or creates) the embedded PostgreSQL in dataDir (in memory when dataDir is empty). */
export async function openPglite(dataDir: string | undefined, options: PgliteOptions = {}): Promise<PgliteConnection> {
  let lock: { release(): void } | undefined;
  if (dataDir && options.lock !== false) lock = lockDataDir(dataDir, options.log);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      // the trigram indexes of the directory and catalogue searches (migration 20261207000000_national_scale)
      extensions: { pg_trgm },
      ...(dataDir ? { dataDir: path.join(dataDir, 'pgdata') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      ...(options.username ? { username: options.username } : {}),
    });
  } catch (error) {
    lock?.release();
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
      lock?.release();
    },
  };
}
