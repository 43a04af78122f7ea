import http from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import { createHttpServer } from '../src/http.ts';
import { DATASETS } from '../src/modules/opendata/dictionary.ts';
import { backends, capturedLogger, clientFor, openTestDatabase } from './helpers.ts';

// The open-data exports over the real HTTP server, on a hand-made territory that the registry does not have: région
// 99, départements 991 and 992. Every expected row below is written by hand from the fixture.

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';
const columnsOf = (key: string) => DATASETS.find((d) => d.key === key)!.columns;

async function listen(db: Database, log = capturedLogger().logger) {
  const app = createApp({ nodeEnv: 'test' }, db);
  const server = createHttpServer(app, { db, log });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { app, server, base, close };
}

interface Fixture {
  d: number[];
}

async function seedFixture(db: Database): Promise<Fixture> {
  const p = db.prisma;
  const org = (data: { kind: 'REGION' | 'DEPARTEMENT' | 'EPCI' | 'COMMUNE'; name: string; code: string; siren?: string; departementCode?: string | null; population?: number; epciId?: number; epciType?: 'CA'; charter?: object }) =>
    p.organization.create({
      data: {
        kind: data.kind, name: data.name, officialName: data.name, searchName: data.name.toLowerCase(), code: data.code, siren: data.siren ?? null,
        departementCode: data.departementCode ?? null, regionCode: '99', population: data.population ?? null, epciId: data.epciId ?? null,
        epciType: data.epciType ?? null, source: 'test', ...data.charter,
      },
    });
  await org({ kind: 'REGION', name: 'Région Test', code: '99' });
  await org({ kind: 'DEPARTEMENT', name: 'Département Un', code: '991', departementCode: '991' });
  await org({ kind: 'DEPARTEMENT', name: 'Département Deux', code: '992', departementCode: '992' });
  const epci = await org({ kind: 'EPCI', name: 'Agglo Test', code: '999000001', siren: '999000001', departementCode: '991', population: 60_000, epciType: 'CA' });
  const a = await org({
    kind: 'COMMUNE', name: 'Alpha-sur-Test', code: '99101', siren: '999100001', departementCode: '991', population: 40_000, epciId: epci.id,
    charter: { charterStatus: 'ADOPTED', charterAdoptedAt: new Date('2025-06-12T00:00:00Z'), charterUrl: 'https://alpha.example/charte-ia' },
  });
  const b = await org({ kind: 'COMMUNE', name: 'Bêta', code: '99102', siren: '999100002', departementCode: '991', population: 800, epciId: epci.id, charter: { charterStatus: 'PLANNED', charterIsDemo: true } });
  const c = await org({ kind: 'COMMUNE', name: 'Saint-Test; "la Belle"', code: '99201', siren: '999200001', departementCode: '992', population: 5000 });
  const d = await org({ kind: 'COMMUNE', name: 'Delta', code: '99103', siren: '999100003', departementCode: '991', population: 2000 });
  const fr = await p.provider.create({ data: { slug: 'fournisseur-test', name: 'Fournisseur Test', siren: '999900001', country: 'FR' } });
  const us = await p.provider.create({ data: { slug: 'provider-us', name: 'Provider, Inc.', country: 'US' } });
  const category = await p.category.create({ data: { slug: 'categorie-test', name: 'Catégorie Test' } });
  const tool = (slug: string, name: string, providerId: number) =>
    p.tool.create({ data: { slug, name, providerId, categoryId: category.id, description: 'Outil de test', deploymentMode: 'SAAS' } });
  const t1 = await tool('outil-test-un', 'Outil Un', fr.id);
  const t2 = await tool('outil-test-deux', 'Outil Deux', us.id);
  const updatedAt = new Date('2026-01-15T09:30:00.000Z');
  const deployment = (data: Record<string, unknown>) => p.deployment.create({ data: { updatedAt, ...data } as never });
  const ids: number[] = [];
  for (const data of [
    { organizationId: a.id, toolId: t1.id, status: 'PRODUCTION', service: 'DSI', startDate: new Date('2025-03-01'), users: 120, monthlyRequests: 8000, annualCost: '1234.50', annualCostPublic: true, procurementRoute: 'UGAP' },
    { organizationId: a.id, toolId: t2.id, status: 'PILOT', annualCost: '999.99', annualCostPublic: false },
    { organizationId: b.id, toolId: t1.id, status: 'EXPLORING', service: 'Accueil\nmairie', annualCost: '250.00', annualCostPublic: true, isDemo: true },
    { organizationId: c.id, toolId: t2.id, status: 'ABANDONED', startDate: new Date('2025-01-01'), endDate: new Date('2025-12-31'), annualCost: '10000.00', annualCostPublic: true, procurementRoute: 'TENDER', abandonReason: 'Trop cher' },
    { organizationId: epci.id, toolId: t1.id, status: 'PRODUCTION', annualCost: '50000.00', annualCostPublic: false, procurementRoute: 'FRAMEWORK' },
    { organizationId: d.id, toolId: t1.id, status: 'PILOT', annualCost: '300.00', annualCostPublic: false },
  ]) {
    ids.push((await deployment(data)).id);
  }
  return { d: ids };
}

/** The deployment rows of the fixture, by hand, in the standard writing (decimal point, '' for empty). */
function deploymentRows(f: Fixture): Record<string, string>[] {
  const A = ['999100001', 'Alpha-sur-Test', 'COMMUNE', '99101', '991', '99', '999000001'];
  const B = ['999100002', 'Bêta', 'COMMUNE', '99102', '991', '99', '999000001'];
  const C = ['999200001', 'Saint-Test; "la Belle"', 'COMMUNE', '99201', '992', '99', ''];
  const E = ['999000001', 'Agglo Test', 'EPCI', '999000001', '991', '99', ''];
  const D = ['999100003', 'Delta', 'COMMUNE', '99103', '991', '99', ''];
  const T1 = ['outil-test-un', 'Outil Un', 'Fournisseur Test', '999900001', 'FR', 'Catégorie Test'];
  const T2 = ['outil-test-deux', 'Outil Deux', 'Provider, Inc.', '', 'US', 'Catégorie Test'];
  const rows = [
    [A, T1, 'PRODUCTION', 'DSI', '2025-03-01', '', '120', '8000', '1234.50', 'UGAP', 'false'],
    [A, T2, 'PILOT', '', '', '', '', '', '', '', 'false'], // private cost: empty
    [B, T1, 'EXPLORING', 'Accueil\nmairie', '', '', '', '', '250.00', '', 'true'],
    [C, T2, 'ABANDONED', '', '2025-01-01', '2025-12-31', '', '', '10000.00', 'TENDER', 'false'],
    [E, T1, 'PRODUCTION', '', '', '', '', '', '', 'FRAMEWORK', 'false'], // private cost: empty
    [D, T1, 'PILOT', '', '', '', '', '', '', '', 'false'], // private cost: empty
  ];
  const names = columnsOf('deploiements').map((c) => c.name);
  return rows.map(([org, tool, ...rest], i) => {
    const values = [String(f.d[i]), ...(org as string[]), ...(tool as string[]), ...(rest as string[]), '2026-01-15T09:30:00Z'];
    return Object.fromEntries(names.map((name, j) => [name, values[j]!]));
  });
}

function charterRows(): Record<string, string>[] {
  const names = columnsOf('chartes').map((c) => c.name);
  const rows = [
    ['', 'Région Test', 'REGION', '99', '', '99', 'NONE', '', '', 'false'],
    ['', 'Département Un', 'DEPARTEMENT', '991', '991', '99', 'NONE', '', '', 'false'],
    ['', 'Département Deux', 'DEPARTEMENT', '992', '992', '99', 'NONE', '', '', 'false'],
    ['999000001', 'Agglo Test', 'EPCI', '999000001', '991', '99', 'NONE', '', '', 'false'],
    ['999100001', 'Alpha-sur-Test', 'COMMUNE', '99101', '991', '99', 'ADOPTED', '2025-06-12', 'https://alpha.example/charte-ia', 'false'],
    ['999100002', 'Bêta', 'COMMUNE', '99102', '991', '99', 'PLANNED', '', '', 'true'],
    ['999200001', 'Saint-Test; "la Belle"', 'COMMUNE', '99201', '992', '99', 'NONE', '', '', 'false'],
    ['999100003', 'Delta', 'COMMUNE', '99103', '991', '99', 'NONE', '', '', 'false'],
  ];
  return rows.map((values) => Object.fromEntries(names.map((name, j) => [name, values[j]!])));
}

/**
 * Département 991: the département itself, the EPCI, Alpha, Bêta (EPCI members) and Delta. Declaring: Alpha, Bêta
 * (demo only), EPCI, Delta; adopting (pilot or production): Alpha, EPCI, Delta; spend of the deployments in use:
 * 1234.50 + 999.99 + 50000.00 + 300.00 = 52534.49, by three payers (Alpha, EPCI, Delta), so disclosed.
 */
function statisticsRows(): Record<string, string>[] {
  const names = columnsOf('statistiques').map((c) => c.name);
  // dimension, code, libellé, orgs, declaring, demo, adopting, demo, adopted, demo, planned, demo, deployments, demo, payers, spend, demo, rates
  const rows = [
    ['REGION', '99', 'Région Test', '5', '4', '1', '3', '0', '1', '0', '1', '1', '5', '1', '3', '52534.49', '0.00', '0.8000', '0.6000', '0.2000', '0.2000'],
    ['DEPARTEMENT', '991', 'Département Un', '5', '4', '1', '3', '0', '1', '0', '1', '1', '5', '1', '3', '52534.49', '0.00', '0.8000', '0.6000', '0.2000', '0.2000'],
    // EPCI, Alpha, Bêta: 2 of 3 adopting → 0.6667 (half up); payers Alpha and EPCI only → spend withheld
    ['EPCI_TYPE', 'CA', 'Communautés d’agglomération', '3', '3', '1', '2', '0', '1', '0', '1', '1', '4', '1', '2', '', '', '1.0000', '0.6667', '0.3333', '0.3333'],
    ['EPCI_TYPE', 'NONE', 'Hors EPCI (départements, régions, syndicats, communes isolées)', '2', '1', '0', '1', '0', '0', '0', '0', '0', '1', '0', '1', '', '', '0.5000', '0.5000', '0.0000', '0.0000'],
    // no payer: nothing to hide, the spend is zero
    ['POPULATION_BAND', 'UNKNOWN', 'Population inconnue', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0.00', '0.00', '0.0000', '0.0000', '0.0000', '0.0000'],
    ['POPULATION_BAND', 'UNDER_1000', 'Moins de 1 000 habitants', '1', '1', '1', '0', '0', '0', '0', '1', '1', '1', '1', '0', '0.00', '0.00', '1.0000', '0.0000', '0.0000', '1.0000'],
    ['POPULATION_BAND', 'FROM_1000_TO_3499', '1 000 à 3 499 habitants', '1', '1', '0', '1', '0', '0', '0', '0', '0', '1', '0', '1', '', '', '1.0000', '1.0000', '0.0000', '0.0000'],
    ['POPULATION_BAND', 'FROM_10000_TO_49999', '10 000 à 49 999 habitants', '1', '1', '0', '1', '0', '1', '0', '0', '0', '2', '0', '1', '', '', '1.0000', '1.0000', '1.0000', '0.0000'],
    ['POPULATION_BAND', 'FROM_50000_TO_199999', '50 000 à 199 999 habitants', '1', '1', '0', '1', '0', '0', '0', '0', '0', '1', '0', '1', '', '', '1.0000', '1.0000', '0.0000', '0.0000'],
  ];
  return rows.map((values) => Object.fromEntries(names.map((name, j) => [name, values[j]!])));
}

/** French writing of the hand rows: decimal comma in the `number` columns. */
function french(key: string, rows: Record<string, string>[]) {
  const numbers = columnsOf(key).filter((c) => c.type === 'number').map((c) => c.name);
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, numbers.includes(k) ? v.replace('.', ',') : v])));
}

/** What the JSON rows hold for the hand rows: numbers, booleans, null for empty. */
function typed(key: string, rows: Record<string, string>[]) {
  const types = new Map(columnsOf(key).map((c) => [c.name, c.type]));
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => {
        const type = types.get(k);
        if (v === '') return [k, null];
        if (type === 'integer' || type === 'number') return [k, Number(v)];
        if (type === 'boolean') return [k, v === 'true'];
        return [k, v];
      }),
    ),
  );
}

const byKey = (rows: Record<string, unknown>[]) => [...rows].sort((x, y) => `${x.dimension}/${x.code}`.localeCompare(`${y.dimension}/${y.code}`));

describe.each(backends)('open-data exports (%s)', (backend) => {
  let db: Database;
  let base: string;
  let close: () => Promise<void>;
  let f: Fixture;

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    f = await seedFixture(db);
    ({ base, close } = await listen(db));
  });
  afterAll(async () => {
    await close?.();
    await db?.close();
  });

  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, init);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { response, bytes, text: bytes.toString('utf8') };
  };
  const csv = async (path: string, delimiter: string) => {
    const { response, bytes, text } = await get(path);
    expect(response.status, text).toBe(200);
    const rows = parse(text, { delimiter, bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    return { response, bytes, text, rows };
  };

  it('writes the deployments in French CSV: BOM, « ; », decimal comma, CRLF, quoting, private costs empty', async () => {
    const { response, bytes, text, rows } = await csv('/donnees/deploiements.csv?region=99', ';');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="mutualis_deploiements_region-99_${TODAY}.csv"`);
    expect(response.headers.get('link')).toContain(`<${LICENCE_URL}>; rel="license"`);
    expect(response.headers.get('x-licence')).toMatch(/^Licence Ouverte 2\.0/);
    // the header row is the first line after the BOM, the dictionary's names in its order
    expect(text.slice(1).split('\r\n')[0]).toBe(columnsOf('deploiements').map((c) => c.name).join(';'));
    expect(text).toContain(';1234,50;');
    expect(text).toContain('"Saint-Test; ""la Belle"""');
    expect(text).toContain('"Accueil\nmairie"');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"Accueil\nmairie"/, '').match(/(?<!\r)\n/g)).toBeNull(); // CRLF everywhere else
    expect(rows).toEqual(french('deploiements', deploymentRows(f)));
  });

  it('writes the standard CSV: « , », decimal point, no BOM', async () => {
    const { response, bytes, text, rows } = await csv('/donnees/deploiements.csv?region=99&format=standard', ',');
    expect(bytes[0]).not.toBe(0xef);
    expect(text.startsWith('id_deploiement,siren_collectivite,')).toBe(true);
    expect(text).toContain(',1234.50,');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="mutualis_deploiements_region-99_${TODAY}_standard.csv"`);
    expect(rows).toEqual(deploymentRows(f));
  });

  it('filters by département, EPCI and kind of collectivité, as the statistics do', async () => {
    const all = deploymentRows(f);
    const pick = (...indexes: number[]) => indexes.map((i) => all[i]);
    expect((await csv('/donnees/deploiements.csv?departement=991&format=standard', ',')).rows).toEqual(pick(0, 1, 2, 4, 5));
    expect((await csv('/donnees/deploiements.csv?departement=992&format=standard', ',')).rows).toEqual(pick(3));
    const epci = await csv('/donnees/deploiements.csv?epciSiren=999000001&format=standard', ',');
    expect(epci.rows).toEqual(pick(0, 1, 2, 4));
    expect(epci.response.headers.get('content-disposition')).toBe(`attachment; filename="mutualis_deploiements_epci-999000001_${TODAY}_standard.csv"`);
    expect((await csv('/donnees/deploiements.csv?region=99&organizationKind=COMMUNE&format=standard', ',')).rows).toEqual(pick(0, 1, 2, 3, 5));
    expect((await csv('/donnees/deploiements.csv?region=99&populationBand=UNDER_1000&format=standard', ',')).rows).toEqual(pick(2));
  });

  it('writes JSON with licence, source, date, scope and dictionary, decimals digit for digit', async () => {
    const { response, text } = await get('/donnees/deploiements.json?departement=991');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="mutualis_deploiements_departement-991_${TODAY}.json"`);
    const body = JSON.parse(text);
    expect(Object.keys(body)).toEqual(['licence', 'source', 'genere_le', 'perimetre', 'dictionnaire', 'lignes']);
    expect(body.licence).toMatchObject({ nom: 'Licence Ouverte 2.0', url: LICENCE_URL });
    expect(body.source).toMatch(/Mutualis.*déclarations des collectivités.*démonstration/s);
    expect(Date.now() - Date.parse(body.genere_le)).toBeLessThan(60_000);
    expect(body.perimetre).toMatchObject({ slug: 'departement-991', departement: '991', region: null });
    expect(body.dictionnaire.map((c: { name: string }) => c.name)).toEqual(columnsOf('deploiements').map((c) => c.name));
    expect(body.lignes).toEqual(typed('deploiements', deploymentRows(f)).filter((r) => r.code_departement === '991'));
    expect(text).toContain('"cout_annuel_ht":1234.50'); // never through a float (which would write 1234.5)
    expect(text).toContain('"cout_annuel_ht":null');
  });

  it('lists every organization of the scope with its charter', async () => {
    const { rows, response } = await csv('/donnees/chartes.csv?region=99', ';');
    expect(rows).toEqual(charterRows());
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="mutualis_chartes_region-99_${TODAY}.csv"`);
    const json = JSON.parse((await get('/donnees/chartes.json?departement=992')).text);
    expect(json.lignes).toEqual(typed('chartes', charterRows()).filter((r) => r.code_departement === '992'));
  });

  it('writes the statistics breakdowns with their rates (four decimals, half up)', async () => {
    const standard = await csv('/donnees/statistiques.csv?departement=991&format=standard', ',');
    expect(byKey(standard.rows)).toEqual(byKey(statisticsRows()));
    const fr = await csv('/donnees/statistiques.csv?departement=991', ';');
    expect(byKey(fr.rows)).toEqual(byKey(french('statistiques', statisticsRows())));
    expect(fr.text).toContain(';52534,49;0,00;0,8000;');
    const json = JSON.parse((await get('/donnees/statistiques.json?departement=991')).text);
    expect(byKey(json.lignes)).toEqual(byKey(typed('statistiques', statisticsRows())));
  });

  it('refuses a bad parameter (400) and an unknown territory (404) with a French sentence, writing nothing', async () => {
    const cases: [string, number, RegExp][] = [
      ['/donnees/deploiements.csv?region=9', 400, /Code de région invalide/],
      ['/donnees/deploiements.csv?departement=ABC', 400, /Code de département invalide/],
      ['/donnees/chartes.csv?epciSiren=12', 400, /SIREN d’EPCI invalide/],
      ['/donnees/chartes.json?epciType=XX', 400, /Type d’EPCI inconnu : « XX » \(valeurs possibles : CC, CA, CU, METRO, MET69\)/],
      ['/donnees/chartes.csv?organizationKind=STATE', 400, /Type de collectivité inconnu/],
      ['/donnees/statistiques.csv?populationBand=BIG', 400, /Tranche de population inconnu/],
      ['/donnees/deploiements.csv?pays=FR', 400, /Paramètre inconnu : « pays »/],
      ['/donnees/deploiements.csv?region=99&region=27', 400, /plusieurs fois/],
      ['/donnees/deploiements.csv?region=', 400, /est vide/],
      ['/donnees/deploiements.csv?format=excel', 400, /Format inconnu/],
      ['/donnees/deploiements.json?format=standard', 400, /ne s’applique qu’aux fichiers CSV/],
      ['/donnees/deploiements.csv?departement=989', 404, /Aucun département de code « 989 »/],
      ['/donnees/chartes.csv?region=98', 404, /Aucune région de code « 98 »/],
      ['/donnees/statistiques.json?epciSiren=999999998', 404, /Aucun EPCI de SIREN « 999999998 »/],
    ];
    for (const [path, status, message] of cases) {
      const { response, text } = await get(path);
      expect(response.status, path).toBe(status);
      expect(text, path).toMatch(message);
      expect(response.headers.get('content-type'), path).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('content-disposition'), path).toBeNull();
    }
    expect((await get('/donnees/deploiements.csv', { method: 'POST' })).response.status).toBe(405);
  });

  it('answers HEAD with the headers only, and publishes the dictionary (JSON and GraphQL) the files follow', async () => {
    const head = await get('/donnees/chartes.csv?departement=991', { method: 'HEAD' });
    expect(head.response.status).toBe(200);
    expect(head.response.headers.get('content-disposition')).toBe(`attachment; filename="mutualis_chartes_departement-991_${TODAY}.csv"`);
    expect(head.bytes.length).toBe(0);
    const dictionary = JSON.parse((await get('/donnees/dictionnaire.json')).text);
    expect(dictionary.licence.url).toBe(LICENCE_URL);
    expect(dictionary.jeux_de_donnees.map((d: { key: string }) => d.key)).toEqual(['deploiements', 'chartes', 'statistiques']);
    const app = createApp({ nodeEnv: 'test' }, db);
    const answer = await clientFor(app).gql(`{ openDataDictionary { licence { name url } source datasets { key columns { name type unit } downloads { csv csvStandard json } } } }`);
    expect(answer.errors).toBeUndefined();
    const graph = answer.data!.openDataDictionary;
    expect(graph.licence).toEqual({ name: 'Licence Ouverte 2.0', url: LICENCE_URL });
    for (const dataset of graph.datasets) {
      const { text } = await get(`/donnees/${dataset.key}.csv?departement=991&format=standard`);
      expect(text.split('\r\n')[0], dataset.key).toBe(dataset.columns.map((c: { name: string }) => c.name).join(','));
      expect(dataset.downloads).toEqual({ csv: `/donnees/${dataset.key}.csv`, csvStandard: `/donnees/${dataset.key}.csv?format=standard`, json: `/donnees/${dataset.key}.json` });
    }
    const cost = graph.datasets[0].columns.find((c: { name: string }) => c.name === 'cout_annuel_ht');
    expect(cost).toEqual({ name: 'cout_annuel_ht', type: 'number', unit: 'euros HT par an' });
  });
});

// ---------------------------------------------------------------- national scale

/** A national export through the real HTTP server, read as it arrives: one database is enough (PostgreSQL when set). */
const STREAMED = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
const MB = 1024 * 1024;

/** V8's collector, to measure the heap from a clean start (the flag set at run time, as vitest runs without it). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe(`open-data export at national scale, streamed (${STREAMED})`, () => {
  let db: Database;
  let base: string;
  let close: () => Promise<void>;
  const captured = capturedLogger();
  let total = 0;
  let maxId = 0;

  beforeAll(async () => {
    db = await openTestDatabase(STREAMED);
    // every collectivité of the registry × 4 tools of the catalogue, set-based: about 145,000 deployments
    await db.sql.exec(`
      INSERT INTO "Deployment" ("organizationId", "toolId", status, service, users, "monthlyRequests", "annualCost",
                                "annualCostPublic", "procurementRoute", "isDemo", "startDate", "updatedAt")
      SELECT o.id, t.id,
             (ARRAY['EXPLORING','PILOT','PRODUCTION','ABANDONED'])[1 + (o.id + g.n) % 4]::"DeploymentStatus",
             CASE WHEN o.id % 3 = 0 THEN 'Service « numérique »; "pilote"' END,
             (o.id % 500) + 1, CASE WHEN o.id % 2 = 0 THEN o.id * 10 END,
             ((o.id * 7 + g.n) % 100000)::numeric / 100 + 1000, (o.id + g.n) % 2 = 0,
             CASE WHEN o.id % 5 = 0 THEN 'UGAP'::"ProcurementRoute" END, g.n = 4,
             DATE '2025-01-01' + (o.id % 365), now()
      FROM "Organization" o
      CROSS JOIN generate_series(1, 4) AS g(n)
      JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Tool" WHERE "archivedAt" IS NULL) t ON t.n = g.n
      WHERE o.kind <> 'STATE'
      ON CONFLICT DO NOTHING`);
    const [counts] = await db.sql.query<{ total: number; max: number }>(
      `SELECT count(*)::int AS total, max(d.id)::int AS max FROM "Deployment" d JOIN "Organization" o ON o.id = d."organizationId" WHERE o.kind <> 'STATE'`,
    );
    total = counts!.total;
    maxId = counts!.max;
    ({ base, close } = await listen(db, captured.logger));
  });
  afterAll(async () => {
    await close?.();
    await db?.close().catch(() => undefined); // closed already by the last test
  });

  it('streams the national CSV with a bounded heap, every deployment once, rows equal to the database', async () => {
    expect(total).toBeGreaterThanOrEqual(100_000);
    const samples = (await db.sql.query<{ id: number }>(`SELECT id FROM "Deployment" WHERE id % 9973 = 0 OR id IN (SELECT min(id) FROM "Deployment") OR id = ${maxId}`)).map((r) => r.id);
    const names = columnsOf('deploiements').map((c) => c.name);
    const seen = new Uint8Array(maxId + 1);
    const sampled = new Map<number, string[]>();
    const problems: string[] = [];
    let rows = 0;
    let duplicates = 0;
    let bom = false;

    const gc = collector();
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    // heapUsed every 5 ms; every 20th sample after a full collection (the live heap)
    let livePeak = baseline;
    let ticks = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      if (++ticks % 20 === 0) {
        gc();
        livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
      }
    }, 5);
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${base}/donnees/deploiements.csv`, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
          res.once('data', (chunk: Buffer) => (bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf));
          const parser = parseStream({ delimiter: ';', bom: true, record_delimiter: '\r\n' });
          let header = true;
          parser.on('data', (record: string[]) => {
            if (header) {
              header = false;
              if (record.join(';') !== names.join(';')) problems.push(`en-tête : ${record.join(';')}`);
              return;
            }
            rows++;
            const id = Number(record[0]);
            if (record.length !== names.length || !Number.isInteger(id) || id < 1 || id > maxId) return void problems.push(record.join(';'));
            if (seen[id]) duplicates++;
            seen[id] = 1;
            const [status, cost, demo, updated] = [record[14], record[20], record[22], record[23]];
            if (!['EXPLORING', 'PILOT', 'PRODUCTION', 'ABANDONED'].includes(status!) || !/^(\d+,\d{2})?$/.test(cost!) || !/^(true|false)$/.test(demo!) || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(updated!)) {
              problems.push(record.join(';'));
            }
            if (samples.includes(id)) sampled.set(id, record);
          });
          parser.on('end', resolve);
          parser.on('error', reject);
          res.on('error', reject);
          res.pipe(parser);
        })
        .on('error', reject);
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const growth = (peak - baseline) / MB;
    const liveGrowth = (livePeak - baseline) / MB;
    console.log(`[opendata] ${STREAMED} : ${rows} déploiements exportés en ${seconds.toFixed(1)} s, pic de croissance du tas ${growth.toFixed(1)} Mo (${liveGrowth.toFixed(1)} Mo après ramasse-miettes)`);

    expect(problems.slice(0, 5)).toEqual([]);
    expect(bom).toBe(true);
    // What the export holds: the heap after a collection (the raw peak also counts garbage not yet collected, which
    // depends on when V8 runs; it is printed above). Reading the whole file into memory holds about 190 MB here.
    expect(liveGrowth).toBeLessThan(100);
    expect(rows).toBe(total);
    expect(duplicates).toBe(0);
    const ids = await db.sql.query<{ id: number }>(`SELECT d.id FROM "Deployment" d JOIN "Organization" o ON o.id = d."organizationId" WHERE o.kind <> 'STATE'`);
    expect(ids.filter(({ id }) => seen[id] !== 1)).toEqual([]);

    // the sampled rows, as the database holds them (read through Prisma, written by hand here)
    const expected = await db.prisma.deployment.findMany({
      where: { id: { in: samples } },
      include: { organization: { include: { epci: true } }, tool: { include: { provider: true, category: true } } },
    });
    expect(expected.length).toBe(samples.length);
    const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
    for (const d of expected) {
      const o = d.organization;
      expect(sampled.get(d.id), String(d.id)).toEqual([
        String(d.id), o.siren ?? '', o.name, o.kind, o.code, o.departementCode ?? '', o.regionCode ?? '', o.epci?.siren ?? '',
        d.tool.slug, d.tool.name, d.tool.provider.name, d.tool.provider.siren ?? '', d.tool.provider.country, d.tool.category.name,
        d.status, d.service ?? '', day(d.startDate), day(d.endDate), d.users == null ? '' : String(d.users),
        d.monthlyRequests == null ? '' : String(d.monthlyRequests),
        d.annualCostPublic && d.annualCost ? d.annualCost.toFixed(2).replace('.', ',') : '', d.procurementRoute ?? '', String(d.isDemo),
        `${d.updatedAt.toISOString().slice(0, 19)}Z`,
      ]);
    }
  }, 180_000);

  it('waits for a slow client: a paused download stops the reading until it resumes, then completes', async () => {
    let batches = 0;
    const listener = (sql: string) => void (sql.includes('"Deployment" d') && batches++);
    db.queryListeners.add(listener);
    try {
      let paused!: () => void;
      const pausedNow = new Promise<void>((resolve) => (paused = resolve));
      let resume!: () => void;
      let bytes = 0;
      const finished = new Promise<{ complete: boolean; tail: string }>((resolve, reject) => {
        http
          .get(`${base}/donnees/deploiements.json`, (res) => {
            let tail = '';
            res.once('data', () => {
              res.pause();
              resume = () => res.resume();
              paused();
            });
            res.on('data', (chunk: Buffer) => {
              bytes += chunk.length;
              tail = (tail + chunk.toString('latin1')).slice(-10);
            });
            res.on('end', () => resolve({ complete: res.complete, tail }));
            res.on('error', reject);
          })
          .on('error', reject);
      });
      await pausedNow;
      // the reading stops once the socket's buffers are full: wait until the count of batches read stops moving
      let before = -1;
      for (let waited = 0; before !== batches && waited < 60_000; waited += 1500) {
        before = batches;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      const whilePaused = batches;
      const all = Math.ceil(total / 2000);
      console.log(`[opendata] client en pause : ${whilePaused} lots lus sur ${all}`);
      expect(whilePaused).toBeLessThan(all / 2);
      resume();
      const { complete, tail } = await finished;
      expect(complete).toBe(true);
      expect(tail.endsWith('\n]}\n')).toBe(true);
      expect(batches).toBe(all);
      expect(bytes).toBeGreaterThan(total * 100);
    } finally {
      db.queryListeners.delete(listener);
    }
  }, 180_000);

  it('stops reading the database when the client goes away', async () => {
    let batches = 0;
    const listener = (sql: string) => void (sql.includes('"Deployment" d') && batches++);
    db.queryListeners.add(listener);
    try {
      await new Promise<void>((resolve, reject) => {
        const request = http.get(`${base}/donnees/deploiements.json`, (res) => {
          res.once('data', () => {
            request.destroy();
            resolve();
          });
        });
        request.on('error', () => undefined);
        setTimeout(() => reject(new Error('aucune donnée reçue')), 30_000);
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      db.queryListeners.delete(listener);
    }
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThan(10); // of the ~73 batches of the whole file
  });

  it('cuts the response when the database fails after the headers (logged), and answers 500 before them', async () => {
    captured.lines.length = 0;
    const outcome = await new Promise<{ complete: boolean; status: number }>((resolve) => {
      http
        .get(`${base}/donnees/deploiements.csv?format=standard`, (res) => {
          res.once('data', () => void db.close());
          res.on('data', () => undefined);
          res.on('end', () => resolve({ complete: res.complete, status: res.statusCode! }));
          res.on('error', () => resolve({ complete: false, status: res.statusCode! }));
        })
        .on('error', () => undefined);
    });
    expect(outcome).toEqual({ complete: false, status: 200 });
    const failed = captured.lines.filter((l) => l.msg === 'Export de données ouvertes en échec.');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const after = await fetch(`${base}/donnees/chartes.csv`);
    expect(after.status).toBe(500);
    const text = await after.text();
    expect(text).toBe('Erreur interne du serveur : le fichier n’a pas pu être produit. Réessayez plus tard.\n');
    expect(after.headers.get('content-disposition')).toBeNull();
  });
});
