// Logical backups, one code path for PGlite and a PostgreSQL server: a gzipped NDJSON file — a header, then each
// table in foreign-key order, one line per row as PostgreSQL itself prints it (row_to_json), read back by
// PostgreSQL (json_populate_recordset) into a freshly migrated database. No value goes through JavaScript types, so
// decimals, timestamps, arrays and JSON come back exactly. pg_dump is not used: its version must match the server's,
// and PGlite has none.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import zlib from 'node:zlib';
import type { Database } from './database.ts';
import { migrate, readMigrations } from '@mutualis/db/migrate';
import type { Sql } from './sql.ts';

const FORMAT = 'mutualis-backup';
const VERSION = 1;
const PAGE = 2000;

export class BackupError extends Error {}

export interface TableInfo {
  name: string;
  primaryKey: string[];
  columns: string[];
  /** Columns referencing the table itself (Organization.epciId): restored in a second pass. */
  selfReferences: string[];
  /** Columns filled by a sequence, reset after a restore. */
  serials: string[];
}

interface Header {
  format: string;
  version: number;
  createdAt: string;
  source: Database['kind'];
  migrations: string[];
  tables: { name: string; rows: number }[];
  fingerprint: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The application's tables (not `_prisma_migrations`), each after the tables it references. */
export async function listTables(sql: Sql): Promise<TableInfo[]> {
  const tables = await sql.query<{ name: string; columns: string[]; primaryKey: string[] | null; serials: string[] | null }>(
    `SELECT c.relname AS name,
            (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
               FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
              WHERE i.indrelid = c.oid AND i.indisprimary) AS "primaryKey",
            (SELECT array_agg(a.attname::text) FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL) AS serials
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname`,
  );
  const references = await sql.query<{ from: string; to: string; columns: string[] }>(
    `SELECT src.relname AS "from", dst.relname AS "to",
            (SELECT array_agg(a.attname::text) FROM unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k) AS columns
       FROM pg_constraint con
       JOIN pg_class src ON src.oid = con.conrelid
       JOIN pg_class dst ON dst.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public'`,
  );
  const pending = new Map(tables.map((t) => [t.name, new Set(references.filter((r) => r.from === t.name && r.to !== t.name).map((r) => r.to))]));
  const ordered: TableInfo[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, deps]) => [...deps].every((d) => !pending.has(d))).map(([name]) => name);
    if (ready.length === 0) throw new BackupError(`Références circulaires entre les tables ${[...pending.keys()].join(', ')}.`);
    for (const name of ready.sort()) {
      pending.delete(name);
      const table = tables.find((t) => t.name === name)!;
      ordered.push({
        name,
        columns: table.columns,
        primaryKey: table.primaryKey ?? table.columns,
        serials: table.serials ?? [],
        selfReferences: references.filter((r) => r.from === name && r.to === name).flatMap((r) => r.columns),
      });
    }
  }
  return ordered;
}

async function countRows(sql: Sql, table: TableInfo): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table.name)}`);
  return row!.n;
}

/**
 * A digest of every row of every table (in primary-key order, as PostgreSQL prints them): equal digests mean equal
 * data, whatever the database. Printed by the backup and the restore so that an operator can compare them.
 */
export async function fingerprint(sql: Sql, tables?: TableInfo[]): Promise<{ digest: string; rows: Record<string, number> }> {
  const hash = createHash('sha256');
  const rows: Record<string, number> = {};
  for (const table of tables ?? (await listTables(sql))) {
    const [row] = await sql.query<{ n: number; md5: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(row_to_json(t)::text, E'\\n' ORDER BY ${table.primaryKey.map((c) => `t.${quote(c)}`).join(', ')}), '')) AS md5
         FROM ${quote(table.name)} t`,
    );
    rows[table.name] = row!.n;
    hash.update(`${table.name}:${row!.n}:${row!.md5}\n`);
  }
  return { digest: hash.digest('hex'), rows };
}

async function appliedMigrations(sql: Sql): Promise<string[]> {
  const [table] = await sql.query<{ present: boolean }>(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS present`);
  if (!table!.present) return [];
  const rows = await sql.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/** Writes the whole database to `file` from one consistent snapshot (a read-only repeatable-read transaction). */
export async function backupDatabase(db: Database, file: string, log: (line: string) => void = () => undefined): Promise<Header> {
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve).on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  try {
    const header = await db.sql.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const tables = await listTables(tx);
      // one after the other: a transaction is one connection, which runs one query at a time
      const counts: { name: string; rows: number }[] = [];
      for (const t of tables) counts.push({ name: t.name, rows: await countRows(tx, t) });
      const header: Header = {
        format: FORMAT,
        version: VERSION,
        createdAt: new Date().toISOString(),
        source: db.kind,
        migrations: await appliedMigrations(tx),
        tables: counts,
        fingerprint: (await fingerprint(tx, tables)).digest,
      };
      await write(JSON.stringify(header));
      for (const [index, table] of tables.entries()) {
        const total = counts[index]!.rows;
        await write(JSON.stringify({ '@table': table.name, rows: total }));
        const order = table.primaryKey.map((c) => `t.${quote(c)}`).join(', ');
        for (let offset = 0; offset < total; offset += PAGE) {
          const page = await tx.query<{ j: string }>(
            `SELECT row_to_json(t)::text AS j FROM ${quote(table.name)} t ORDER BY ${order} LIMIT ${PAGE} OFFSET ${offset}`,
          );
          for (const row of page) await write(row.j);
        }
        log(`  ${table.name} : ${total.toLocaleString('fr-FR')} ligne(s)`);
      }
      return header;
    });
    gzip.end();
    await finished;
    return header;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(file, { force: true });
    throw error;
  }
}

async function* lines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const reader = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of reader) if (line) yield line;
  } catch (error) {
    throw new BackupError(`Fichier de sauvegarde illisible (${(error as Error).message}).`);
  }
}

/** Whether any table of the application holds a row. */
export async function hasData(sql: Sql): Promise<boolean> {
  for (const table of await listTables(sql)) {
    if ((await sql.query(`SELECT 1 FROM ${quote(table.name)} LIMIT 1`)).length > 0) return true;
  }
  return false;
}

async function insertRows(tx: Sql, table: TableInfo, rows: string[], deferred: string[][]) {
  if (rows.length === 0) return;
  const json = `[${rows.join(',')}]`;
  if (table.selfReferences.length === 0) {
    await tx.query(`INSERT INTO ${quote(table.name)} SELECT * FROM json_populate_recordset(NULL::${quote(table.name)}, $1::json)`, [json]);
    return;
  }
  // a row may reference one further down the file: insert without the self-references, set them once all are in
  const columns = table.columns.map((c) => (table.selfReferences.includes(c) ? 'NULL' : `r.${quote(c)}`)).join(', ');
  await tx.query(
    `INSERT INTO ${quote(table.name)} SELECT ${columns} FROM json_populate_recordset(NULL::${quote(table.name)}, $1::json) r`,
    [json],
  );
  deferred.push(rows);
}

/**
 * Restores a backup into `db`: the schema of the backup (its migrations), the rows in one transaction (all or
 * nothing), the sequences after the highest ids, then the migrations that came after the backup. Runs as the
 * owner; the audit log's append-only trigger lets rows in. A database holding data is refused unless `force`
 * (its rows are then replaced, the audit log included).
 */
export async function restoreDatabase(
  db: Database,
  file: string,
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<{ rows: number; fingerprint: string; expected: string }> {
  const log = options.log ?? (() => undefined);
  if (!fs.existsSync(file)) throw new BackupError(`Fichier de sauvegarde introuvable : ${file}.`);
  const source = lines(file);
  const first = await source.next();
  let header: Header;
  try {
    header = JSON.parse(first.done ? '' : first.value) as Header;
  } catch {
    throw new BackupError(`${file} n’est pas une sauvegarde Mutualis.`);
  }
  if (header.format !== FORMAT) throw new BackupError(`${file} n’est pas une sauvegarde Mutualis.`);
  if (header.version !== VERSION) throw new BackupError(`Version de sauvegarde ${header.version} non prise en charge (attendue : ${VERSION}).`);
  const known = readMigrations().map((m) => m.name);
  const last = header.migrations.at(-1);
  if (!last || header.migrations.some((m, i) => known[i] !== m)) {
    throw new BackupError(
      'La sauvegarde vient d’une version de Mutualis dont les migrations diffèrent de celles-ci : restaurez-la avec la version qui l’a créée.',
    );
  }
  return db.asOwner(async (sql) => {
    const applied = await appliedMigrations(sql);
    if (applied.some((m) => !header.migrations.includes(m))) {
      throw new BackupError('La base cible a des migrations plus récentes que la sauvegarde : restaurez dans une base neuve.');
    }
    if (applied.length > 0 && (await hasData(sql)) && !options.force) {
      throw new BackupError('La base cible contient déjà des données : relancez avec --force pour les remplacer par la sauvegarde.');
    }
    await migrate(sql, { upTo: last, log });
    const tables = await listTables(sql);
    const byName = new Map(tables.map((t) => [t.name, t]));
    let restored = 0;
    await sql.transaction(async (tx) => {
      // The rows come back as they were saved, derived ones included (ToolStats): the tables' own triggers are paused
      // for the load (the audit log's refuses TRUNCATE; the statistics' would count the restored rows twice).
      // ALTER TABLE is transactional: a failed restore leaves them on.
      const guarded = await tx.query<{ name: string }>(
        `SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal`,
      );
      for (const { name } of guarded) await tx.exec(`ALTER TABLE ${quote(name)} DISABLE TRIGGER USER`);
      if (options.force) await tx.exec(`TRUNCATE ${tables.map((t) => quote(t.name)).join(', ')} RESTART IDENTITY CASCADE`);
      let table: TableInfo | undefined;
      let batch: string[] = [];
      const deferred: string[][] = [];
      const flushTable = async () => {
        if (!table) return;
        await insertRows(tx, table, batch, deferred);
        batch = [];
        for (const rows of deferred.splice(0)) {
          const set = table.selfReferences.map((c) => `${quote(c)} = r.${quote(c)}`).join(', ');
          const match = table.primaryKey.map((c) => `t.${quote(c)} = r.${quote(c)}`).join(' AND ');
          await tx.query(
            `UPDATE ${quote(table.name)} t SET ${set} FROM json_populate_recordset(NULL::${quote(table.name)}, $1::json) r WHERE ${match}`,
            [`[${rows.join(',')}]`],
          );
        }
        const expected = header.tables.find((t) => t.name === table!.name)?.rows ?? 0;
        if ((await countRows(tx, table)) !== expected) {
          throw new BackupError(`La table ${table.name} restaurée n’a pas le nombre de lignes attendu (${expected}) : fichier tronqué ?`);
        }
        for (const column of table.serials) {
          await tx.query(
            `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quote(column)}), 1), max(${quote(column)}) IS NOT NULL) FROM ${quote(table.name)}`,
            [quote(table.name), column],
          );
        }
        log(`  ${table.name} : ${expected.toLocaleString('fr-FR')} ligne(s)`);
      };
      for await (const line of source) {
        if (line.startsWith('{"@table":')) {
          await flushTable();
          const name = (JSON.parse(line) as { '@table': string })['@table'];
          table = byName.get(name);
          if (!table) throw new BackupError(`La sauvegarde contient une table inconnue : ${name}.`);
          continue;
        }
        if (!table) throw new BackupError('Fichier de sauvegarde mal formé.');
        batch.push(line);
        restored++;
        if (batch.length >= PAGE) {
          await insertRows(tx, table, batch, deferred);
          batch = [];
        }
      }
      await flushTable();
      for (const { name } of guarded) await tx.exec(`ALTER TABLE ${quote(name)} ENABLE TRIGGER USER`);
    });
    const after = await migrate(sql, { log });
    if (after.applied.length) log(`${after.applied.length} migration(s) plus récente(s) appliquée(s) après la restauration.`);
    const result = await fingerprint(sql);
    return { rows: restored, fingerprint: result.digest, expected: header.fingerprint };
  });
}
