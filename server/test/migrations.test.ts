import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';
import { migrate, MigrationError, migrationsDir, readMigrations } from '@mutualis/db/migrate';
import { backends, openTestDatabase } from './helpers.ts';

const run = promisify(execFile);
const script = path.join(repoRoot, 'prisma', 'scripts', 'migrations.mjs');

describe('migrations agree with prisma/schema.prisma', () => {
  it('applying prisma/migrations gives exactly the schema that schema.prisma describes', async () => {
    const { stdout } = await run(process.execPath, [script, 'check']);
    expect(stdout).toMatch(/correspondent/);
  });

  it('the check fails when schema.prisma has a change without its migration', async () => {
    const changed = fs
      .readFileSync(path.join(repoRoot, 'prisma', 'schema.prisma'), 'utf8')
      .replace('model Category {', 'model Category {\n  color String?');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schema-')), 'schema.prisma');
    fs.writeFileSync(file, changed);
    const error = await run(process.execPath, [script, 'check'], { env: { ...process.env, MUTUALIS_PRISMA_SCHEMA: file } }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(/ALTER TABLE "Category" ADD COLUMN\s+"color" TEXT/);
  });
});

function copyMigrations(extra?: { name: string; sql: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  fs.cpSync(migrationsDir, dir, { recursive: true });
  if (extra) {
    fs.mkdirSync(path.join(dir, extra.name));
    fs.writeFileSync(path.join(dir, extra.name, 'migration.sql'), extra.sql);
  }
  return dir;
}

describe.each(backends)('migration runner on %s', (backend) => {
  it('applies every migration on a fresh database and records it as Prisma does; a second run is a no-op', async () => {
    const db = await openTestDatabase(backend, { empty: true });
    try {
      const first = await migrate(db.sql);
      const expected = readMigrations().map((m) => m.name);
      expect(first.applied).toEqual(expected);
      const rows = await db.sql.query<{
        id: string; checksum: string; migration_name: string; finished_at: Date | null; logs: string | null;
        rolled_back_at: Date | null; started_at: Date; applied_steps_count: number;
      }>('SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
      expect(rows.map((r) => r.migration_name)).toEqual(expected);
      for (const row of rows) {
        const file = fs.readFileSync(path.join(migrationsDir, row.migration_name, 'migration.sql'));
        expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
        expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
        expect(row.logs).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
      const tables = await db.sql.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['Organization', 'Tool', 'AuditEvent', 'PurchasingGroup']));

      const second = await migrate(db.sql);
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toEqual(expected);
      const again = await db.sql.query('SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
      expect(again).toEqual(rows);
    } finally {
      await db.close();
    }
  });

  it('rolls a failing migration back completely and leaves no row behind', async () => {
    const db = await openTestDatabase(backend, { empty: true });
    const dir = copyMigrations({
      name: '99990101000000_broken',
      sql: 'CREATE TABLE "HalfDone" (id INTEGER);\nINSERT INTO "HalfDone" VALUES (1);\nSELECT 1 / 0;\n',
    });
    try {
      const error = await migrate(db.sql, { dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(/99990101000000_broken/);
      const broken = await db.sql.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`);
      expect(broken).toEqual([]);
      const table = await db.sql.query(`SELECT to_regclass('public."HalfDone"') AS t`);
      expect(table).toEqual([{ t: null }]);
      // the good migrations before it stay applied
      const applied = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
      expect(applied[0]!.n).toBe(readMigrations().length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await db.close();
    }
  });
});
