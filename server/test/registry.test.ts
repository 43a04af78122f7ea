import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { epciUsageName, importRegistry, readRegistry, REGISTRY_SOURCE } from '@mutualis/db/seed';
import { normalizeSearch } from '../src/shared/text.ts';
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
    // @etalab/decoupage-administratif: 1,255 EPCI à fiscalité propre, 34,875 current communes (mainland and DROM)
    expect(epci).toHaveLength(1255);
    expect(communes).toHaveLength(34875);
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
    // Besançon's population municipale in the registry
    expect(rows[0]!.population).toBe(118489);
  });

  it('links every commune that the registry places in an EPCI', async () => {
    const counts = await db.sql.query<{ kind: string; n: number }>(
      `SELECT kind::text, count(*)::int AS n FROM "Organization" WHERE kind IN ('REGION', 'DEPARTEMENT', 'EPCI', 'COMMUNE') GROUP BY kind ORDER BY kind`,
    );
    expect(counts).toEqual([
      { kind: 'COMMUNE', n: 34875 },
      { kind: 'DEPARTEMENT', n: 101 },
      { kind: 'EPCI', n: 1255 },
      { kind: 'REGION', n: 18 },
    ]);
    // only four island communes belong to no EPCI (they are absent from every EPCI's member list in the registry)
    const alone = await db.sql.query<{ code: string; name: string }>(
      `SELECT code, name FROM "Organization" WHERE kind = 'COMMUNE' AND "epciId" IS NULL ORDER BY code`,
    );
    expect(alone).toEqual([
      { code: '22016', name: 'Île-de-Bréhat' },
      { code: '29083', name: 'Île-de-Sein' },
      { code: '29155', name: 'Ouessant' },
      { code: '85113', name: 'L\'Île-d\'Yeu' },
    ]);
  });

  describe('re-import after the registry changed', () => {
    const id = async (kind: string, code: string) =>
      (await db.sql.query<{ id: number }>(`SELECT id FROM "Organization" WHERE kind = $1::"OrganizationKind" AND code = $2`, [kind, code]))[0]!.id;
    /** Count and fingerprint of every organization but the given ones: all registry columns and updatedAt. */
    const others = (except: number[]) =>
      db.sql.query<{ n: number; hash: string }>(
        `SELECT count(*)::int AS n, md5(string_agg(concat_ws('|', id, siren, kind, "epciType", name, "officialName", "searchName", code,
                population, "populationTotale", "departementCode", "regionCode", "epciId", source, "updatedAt"::text), ',' ORDER BY id)) AS hash
           FROM "Organization" WHERE NOT (id = ANY($1::int[]))`,
        [except],
      );
    const membersOf = async (epciId: number) =>
      (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Organization" WHERE "epciId" = $1`, [epciId]))[0]!.n;

    it('puts back a commune that moved to another EPCI, and touches nothing else', async () => {
      const besancon = await id('COMMUNE', '25056');
      const grandBesancon = await id('EPCI', '242500361');
      const dijon = await id('EPCI', '242100410');
      // the registry: 67 communes in Grand Besançon Métropole, 23 in Dijon Métropole
      expect([await membersOf(grandBesancon), await membersOf(dijon)]).toEqual([67, 23]);
      const before = await others([besancon]);
      // the database says Besançon belongs to Dijon Métropole; the registry says Grand Besançon Métropole
      await db.sql.query(`UPDATE "Organization" SET "epciId" = $1 WHERE id = $2`, [dijon, besancon]);
      const report = await importRegistry(db.sql);
      expect(report).toMatchObject({ inserted: 0, updated: 1, detached: 0 });
      const rows = await db.sql.query<{ epciId: number }>(`SELECT "epciId" FROM "Organization" WHERE id = $1`, [besancon]);
      expect(rows[0]!.epciId).toBe(grandBesancon);
      expect([await membersOf(grandBesancon), await membersOf(dijon)]).toEqual([67, 23]);
      expect(await others([besancon])).toEqual(before);
    });

    it('renames an EPCI, keeping its identity and members, and touches nothing else', async () => {
      const grandBesancon = await id('EPCI', '242500361');
      const before = await others([grandBesancon]);
      await db.sql.query(
        `UPDATE "Organization" SET name = 'Communauté d’agglomération du Grand Besançon', "officialName" = 'CA du Grand Besançon',
                "searchName" = 'communaute d agglomeration du grand besancon' WHERE id = $1`,
        [grandBesancon],
      );
      const report = await importRegistry(db.sql);
      expect(report).toMatchObject({ inserted: 0, updated: 1, detached: 0 });
      const rows = await db.sql.query<{ id: number; name: string; officialName: string; searchName: string }>(
        `SELECT id, name, "officialName", "searchName" FROM "Organization" WHERE kind = 'EPCI' AND code = '242500361'`,
      );
      // usage name drops "CU" before a proper name; the search name holds both, normalized
      expect(rows).toEqual([
        { id: grandBesancon, name: 'Grand Besançon Métropole', officialName: 'CU Grand Besançon Métropole',
          searchName: 'grand besancon metropole cu grand besancon metropole' },
      ]);
      expect(await membersOf(grandBesancon)).toBe(67);
      expect(await others([grandBesancon])).toEqual(before);
    });

    it('detaches from its EPCI a commune merged away (absent from the registry), keeping the row', async () => {
      const grandBesancon = await id('EPCI', '242500361');
      // an earlier import had a commune 25999 in Grand Besançon; it has since merged into a commune nouvelle
      // and is no longer in the registry (no code 25999 in @etalab/decoupage-administratif)
      const [ghost] = await db.sql.query<{ id: number }>(
        `INSERT INTO "Organization" (siren, kind, name, "officialName", "searchName", code, population, "departementCode",
            "regionCode", "epciId", source, "updatedAt")
         VALUES ('212599999', 'COMMUNE', 'Ancienne-Commune', 'Ancienne-Commune', 'ancienne commune', '25999', 100, '25', '27', $1, $2, now())
         RETURNING id`,
        [grandBesancon, REGISTRY_SOURCE],
      );
      expect(await membersOf(grandBesancon)).toBe(68);
      const before = await others([ghost!.id]);
      const report = await importRegistry(db.sql);
      expect(report).toMatchObject({ inserted: 0, updated: 0, detached: 1 });
      const rows = await db.sql.query<{ epciId: number | null; name: string }>(`SELECT "epciId", name FROM "Organization" WHERE id = $1`, [ghost!.id]);
      expect(rows).toEqual([{ epciId: null, name: 'Ancienne-Commune' }]);
      expect(await membersOf(grandBesancon)).toBe(67);
      expect(await others([ghost!.id])).toEqual(before);
      // and a further import has nothing left to do
      expect(await importRegistry(db.sql)).toMatchObject({ inserted: 0, updated: 0, detached: 0 });
    });

    it('creates a commune the database does not have yet (a commune nouvelle), in its EPCI', async () => {
      const grandBesancon = await id('EPCI', '242500361');
      // a member of Grand Besançon Métropole that nothing references, removed to stand for a commune not imported yet
      const [missing] = await db.sql.query<{ id: number; code: string }>(
        `SELECT o.id, o.code FROM "Organization" o
          WHERE o."epciId" = $1
            AND NOT EXISTS (SELECT 1 FROM "User" x WHERE x."organizationId" = o.id)
            AND NOT EXISTS (SELECT 1 FROM "Deployment" x WHERE x."organizationId" = o.id)
            AND NOT EXISTS (SELECT 1 FROM "Review" x WHERE x."organizationId" = o.id)
            AND NOT EXISTS (SELECT 1 FROM "GroupMembership" x WHERE x."organizationId" = o.id)
            AND NOT EXISTS (SELECT 1 FROM "PurchasingGroup" x WHERE x."coordinatorId" = o.id)
            AND NOT EXISTS (SELECT 1 FROM "AuditEvent" x WHERE x."organizationId" = o.id)
          ORDER BY o.code LIMIT 1`,
        [grandBesancon],
      );
      const before = await others([missing!.id]);
      await db.sql.query(`DELETE FROM "Organization" WHERE id = $1`, [missing!.id]);
      const report = await importRegistry(db.sql);
      expect(report).toMatchObject({ inserted: 1, updated: 0, detached: 0 });
      const rows = await db.sql.query<{ id: number; epciId: number; source: string }>(
        `SELECT id, "epciId", source FROM "Organization" WHERE kind = 'COMMUNE' AND code = $1`,
        [missing!.code],
      );
      expect(rows).toEqual([{ id: expect.any(Number), epciId: grandBesancon, source: REGISTRY_SOURCE }]);
      expect(await membersOf(grandBesancon)).toBe(67);
      // every other row as it was (the re-created commune has a new id)
      expect(await others([missing!.id, rows[0]!.id])).toEqual(before);
    });
  });
});
