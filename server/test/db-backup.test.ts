import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { backupDatabase, fingerprint, restoreDatabase } from '../src/db/backup.ts';
import { backends, openTestDatabase } from './helpers.ts';

describe.each(backends)('backup and restore on %s', (backend) => {
  it('a backup restored into a new database gives the same rows, byte for byte, and working sequences', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-backup-'));
    const file = path.join(dir, 'mutualis.ndjson.gz');
    const source = await openTestDatabase(backend);
    let target: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
    try {
      // values that a JavaScript round trip would damage: a long decimal, a JSON snapshot, an enum array
      await source.sql.query(
        `INSERT INTO "AuditEvent" (action, "entityType", "entityId", after, "requestId")
         VALUES ('test.backup', 'Tool', '1', '{"unitPrice": "12345678.123456", "note": "l’été\\nà Besançon"}', 'sauvegarde')`,
      );
      const expected = await fingerprint(source.sql);
      expect(expected.rows.Organization).toBeGreaterThan(30_000);
      expect(expected.rows.AuditEvent).toBeGreaterThan(0);
      const lines: string[] = [];
      const header = await backupDatabase(source, file, (line) => lines.push(line));
      expect(header.fingerprint).toBe(expected.digest);
      expect(lines.some((l) => /Organization : /.test(l))).toBe(true);
      // a portable format: gzipped NDJSON, a header first
      const first = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n', 1)[0]!;
      expect(JSON.parse(first)).toMatchObject({ format: 'mutualis-backup', version: 1 });

      target = await openTestDatabase(backend, { empty: true });
      const restored = await restoreDatabase(target, file);
      expect(restored.fingerprint).toBe(expected.digest);
      expect(await fingerprint(target.sql)).toEqual(expected);
      expect(target.role).toBe('app');
      // sequences follow the restored ids: a new row gets a free id
      const category = await target.prisma.category.create({ data: { slug: 'apres-restauration', name: 'Après restauration' } });
      const [max] = await target.sql.query<{ id: number }>(`SELECT max(id)::int AS id FROM "Category"`);
      expect(category.id).toBe(max!.id);

      // a database holding data is not overwritten by accident…
      await expect(restoreDatabase(target, file)).rejects.toThrow(/contient déjà des données.*--force/);
      expect((await fingerprint(target.sql)).rows.Category).toBe(expected.rows.Category! + 1);
      // …but on purpose, audit log included
      const forced = await restoreDatabase(target, file, { force: true });
      expect(forced.fingerprint).toBe(expected.digest);
      // the audit log is append-only again afterwards
      await expect(target.sql.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/);
      await target.asOwner(async (sql) => {
        await expect(sql.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
      });
    } finally {
      await source.close();
      await target?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // the embedded engine reopens as owner and back for each restore: seconds each on a busy machine
  }, 300_000);

  it('refuses a file that is not a Mutualis backup', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-backup-'));
    const file = path.join(dir, 'autre.gz');
    fs.writeFileSync(file, zlib.gzipSync('{"hello":"world"}\n'));
    const target = await openTestDatabase(backend, { empty: true });
    try {
      await expect(restoreDatabase(target, file)).rejects.toThrow(/n’est pas une sauvegarde Mutualis/);
    } finally {
      await target.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
