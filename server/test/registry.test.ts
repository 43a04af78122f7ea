import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { epciUsageName, importRegistry, readRegistry } from '../src/db/seed/registry.ts';
import { normalizeSearch } from '../src/text.ts';
import { backends, openTestDatabase } from './helpers.ts';

describe('registry rules', () => {
  it('drops the CC/CA/CU abbreviation before a proper name and spells it out before an article', () => {
    expect(epciUsageName('CU Grand Besançon Métropole')).toBe('Grand Besançon Métropole');
    expect(epciUsageName('CC du Pays de Gex')).toBe('Communauté de communes du Pays de Gex');
    expect(epciUsageName("CA de l'Auxerrois")).toBe('Communauté d’agglomération de l\'Auxerrois');
    expect(epciUsageName('Dijon Métropole')).toBe('Dijon Métropole');
    expect(epciUsageName('CA "Saintes - Grandes Rives - L\'Agglo"')).toBe('Saintes - Grandes Rives - L\'Agglo');
  });

  it('normalizes accents, case and punctuation for search', () => {
    expect(normalizeSearch('  Besançon ')).toBe('besancon');
    expect(normalizeSearch("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(normalizeSearch('Œuilly')).toBe('oeuilly');
  });

  it('reads every EPCI and current commune, each commune in at most one EPCI', () => {
    const rows = readRegistry();
    const epci = rows.filter((r) => r.kind === 'EPCI');
    const communes = rows.filter((r) => r.kind === 'COMMUNE');
    expect(epci.length).toBeGreaterThanOrEqual(1250);
    expect(communes.length).toBeGreaterThanOrEqual(34000);
    expect(new Set(communes.map((c) => c.code)).size).toBe(communes.length);
    expect(communes.every((c) => /^\d{9}$/.test(c.siren ?? ''))).toBe(true);
    expect(rows.filter((r) => r.kind === 'REGION')).toHaveLength(18);
    expect(rows.filter((r) => r.kind === 'DEPARTEMENT')).toHaveLength(101);
  });
});

describe.each(backends)('registry import on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(backend);
  });
  afterAll(() => db?.close());

  it('is idempotent: a second import changes nothing', async () => {
    const before = await db.sql.query<{ n: number; last: Date }>(
      `SELECT count(*)::int AS n, max("updatedAt") AS last FROM "Organization"`,
    );
    const report = await importRegistry(db.sql);
    expect(report.inserted).toBe(0);
    expect(report.updated).toBe(0);
    const after = await db.sql.query<{ n: number; last: Date }>(
      `SELECT count(*)::int AS n, max("updatedAt") AS last FROM "Organization"`,
    );
    expect(after).toEqual(before);
  });

  it('restores a row that was changed, and only that row', async () => {
    await db.sql.query(`UPDATE "Organization" SET population = 1 WHERE siren = '212500565'`);
    const report = await importRegistry(db.sql);
    expect(report.updated).toBe(1);
    const rows = await db.sql.query<{ population: number }>(`SELECT population FROM "Organization" WHERE siren = '212500565'`);
    expect(rows[0]!.population).toBeGreaterThan(100000);
  });

  it('links every commune that the registry places in an EPCI', async () => {
    const rows = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Organization" WHERE kind = 'COMMUNE' AND "epciId" IS NULL`,
    );
    // only a handful of island communes belong to no EPCI
    expect(rows[0]!.n).toBeLessThan(10);
  });
});
