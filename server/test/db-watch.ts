import { createHash } from 'node:crypto';
import type { Sql } from '../src/db/sql.ts';

/**
 * Bookkeeping tables a refused or read-only call may legitimately write: sessions (lastSeenAt) and the
 * sign-in/rate-limit counters. Everything else must stay untouched unless a call succeeded.
 */
export const BOOKKEEPING_TABLES = ['Session', 'RateLimit', '_prisma_migrations'];

const LOG = 'zz_test_change_log';

/** The application's tables (public schema), without the change log itself. */
export async function userTables(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '${LOG}' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/**
 * Installs row and TRUNCATE triggers on every watched table of a test database: each change appends a line
 * (table, operation) to a log, so a test can tell cheaply whether one request changed anything. The trigger
 * function is SECURITY DEFINER so that it works whatever role the application connects with.
 */
export async function installChangeLog(sql: Sql): Promise<string[]> {
  const tables = (await userTables(sql)).filter((t) => !BOOKKEEPING_TABLES.includes(t));
  await sql.exec(`
    CREATE TABLE IF NOT EXISTS "${LOG}" (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL);
    CREATE OR REPLACE FUNCTION "${LOG}_record"() RETURNS trigger SECURITY DEFINER SET search_path = public AS $$
    BEGIN
      INSERT INTO "${LOG}" (tbl, op) VALUES (TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END;
    $$ LANGUAGE plpgsql;
    GRANT SELECT, INSERT ON "${LOG}" TO PUBLIC;
    GRANT USAGE, SELECT ON SEQUENCE "${LOG}_id_seq" TO PUBLIC;
  `);
  for (const table of tables) {
    await sql.exec(`
      DROP TRIGGER IF EXISTS "${LOG}_row" ON "${table}";
      DROP TRIGGER IF EXISTS "${LOG}_truncate" ON "${table}";
      CREATE TRIGGER "${LOG}_row" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "${LOG}_record"();
      CREATE TRIGGER "${LOG}_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "${LOG}_record"();
    `);
  }
  return tables;
}

/** The newest change-log id (0 when empty). */
export async function lastChange(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ id: string | number | null }>(`SELECT max(id) AS id FROM "${LOG}"`);
  return Number(row?.id ?? 0);
}

/** Changes logged after `since`, as "Table:OP×count". */
export async function changesSince(sql: Sql, since: number): Promise<{ last: number; changes: string[] }> {
  const rows = await sql.query<{ tbl: string; op: string; n: number; last: string | number }>(
    `SELECT tbl, op, count(*)::int AS n, max(id) AS last FROM "${LOG}" WHERE id > $1 GROUP BY tbl, op ORDER BY tbl, op`,
    [since],
  );
  return {
    last: rows.reduce((m, r) => Math.max(m, Number(r.last)), since),
    changes: rows.map((r) => `${r.tbl}:${r.op}×${r.n}`),
  };
}

/** Every table touched since `since`. */
export async function tablesChangedSince(sql: Sql, since: number): Promise<Set<string>> {
  const rows = await sql.query<{ tbl: string }>(`SELECT DISTINCT tbl FROM "${LOG}" WHERE id > $1`, [since]);
  return new Set(rows.map((r) => r.tbl));
}

/**
 * Row count and a hash of the full content of each table (rows as text, sorted): a cross-check of the
 * change log, independent of triggers.
 */
export async function fingerprint(sql: Sql, tables: string[]): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await sql.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS h FROM "${table}" t`,
    );
    result[table] = `${row!.n}:${row!.h ?? '-'}`;
  }
  return result;
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
