import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decpSettings } from '../src/modules/contracts/config.ts';
import { importDecp } from '../src/modules/contracts/importer.ts';
import { settledImports } from '../src/modules/contracts/service.ts';
import { backends, createTestApp, openTestDatabase, type Client, type TestApp } from './helpers.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, 'fixtures/decp');
const V2 = path.join(FIXTURES, 'decp-v2.json');
const MALFORMED = path.join(FIXTURES, 'decp-malformed.json');
const V1 = path.join(FIXTURES, 'decp-v1.json');
// the official schema, copied unchanged into the fixtures (public domain, 139bercy/format-commande-publique 79fed6c): a clean clone has no ../shared
const SCHEMA = path.join(FIXTURES, 'schema_decp_v2.0.3.json');
const settings = (over: Partial<ReturnType<typeof decpSettings>> = {}) => ({ ...decpSettings({}), ...over });

// Worked out by hand from decp-v2.json (see its README): 9 records; KEPT: the chatbot of Grand Besançon (Mistral AI
// holder), Besançon's framework agreement (AI terms; Mistral AI after modification 2), the syndicate's leak detection
// (buyer absent from the registry, holder unknown: not linked), Dijon's automatic transcription; REJECTED: the road
// works, the translation (CPV 79 only: stored, score 1), social care with « IAE », the office licences (Mistral AI
// and CPV 48 but no AI term: stored, score 3) and the water concession. Stored: 4 kept + 2 rejected = 6.
const V2_COUNTS = { read: 9, kept: 4, linked: 3, rejected: 5, invalid: 0 };

const FINGERPRINT = `SELECT
  (SELECT md5(coalesce(string_agg(t::text, chr(10) ORDER BY t.id), '')) FROM "PublicContract" t) AS contracts,
  (SELECT md5(coalesce(string_agg(t::text, chr(10) ORDER BY t.id), '')) FROM "PublicContractHolder" t) AS holders,
  (SELECT md5(coalesce(string_agg(t::text, chr(10) ORDER BY t.id), '')) FROM "PublicContractModification" t) AS modifications`;

const counts = (r: { read: number; kept: number; linked: number; rejected: number; invalid: number }) =>
  ({ read: r.read, kept: r.kept, linked: r.linked, rejected: r.rejected, invalid: r.invalid });

describe('the DECP fixture', () => {
  it('is valid against the official JSON Schema v2.0.3 (and the malformed file is not)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
    expect(validate(JSON.parse(fs.readFileSync(V2, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(fs.readFileSync(MALFORMED, 'utf8')))).toBe(false);
  });
});

describe.each(backends)('DECP import and public contracts on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  const sql = (text: string, params?: unknown[]) => t.db.sql.query<Record<string, any>>(text, params);
  const fingerprint = async () => (await sql(FINGERPRINT))[0];
  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.signIn('admin@mutualis.test');
    // populations set by hand for the prices paid below
    await sql(`UPDATE "Organization" SET "populationTotale" = 200000 WHERE siren = '242500361'`);
    await sql(`UPDATE "Organization" SET population = 120000, "populationTotale" = NULL WHERE siren = '212500565'`);
  });
  afterAll(() => t?.close());

  it('an interrupted import resumes from its position and ends as a whole import', async () => {
    const controller = new AbortController();
    const first = await importDecp(t.db, V2, { settings: settings({ batchSize: 2 }), signal: controller.signal, onProgress: () => controller.abort() });
    expect(first).toMatchObject({ status: 'INTERRUPTED', position: 2, read: 2, kept: 2, written: 2 });
    expect((await sql(`SELECT count(*)::int AS n FROM "PublicContract"`))[0]!.n).toBe(2);
    const resumed = await importDecp(t.db, V2, { settings: settings({ batchSize: 2 }), resume: true });
    expect(resumed).toMatchObject({ status: 'SUCCEEDED', importId: first.importId, position: 9, written: 4 });
    expect(counts(resumed)).toEqual(V2_COUNTS);
    expect((await sql(`SELECT count(*)::int AS n FROM "PublicContract"`))[0]!.n).toBe(6);
  });

  it('imports the fixture: exact counts, links, modifications; a second run changes nothing', async () => {
    const before = await fingerprint();
    const again = await importDecp(t.db, V2, { settings: settings() });
    expect(again).toMatchObject({ status: 'SUCCEEDED', written: 0 });
    expect(counts(again)).toEqual(V2_COUNTS);
    expect(await fingerprint()).toEqual(before);

    const rows = await sql(
      `SELECT c."decpId", c.decision::text, c.amount::text, c."initialAmount"::text, c."durationMonths", c."amountIsMaximum", c."relevanceScore"::text AS score,
              o.siren AS org, c."buyerSiret", (SELECT string_agg(coalesce(p.slug, h.identifier), ',' ORDER BY h.position) FROM "PublicContractHolder" h LEFT JOIN "Provider" p ON p.id = h."providerId" WHERE h."contractId" = c.id) AS holders,
              (SELECT count(*)::int FROM "PublicContractModification" m WHERE m."contractId" = c.id) AS mods
         FROM "PublicContract" c LEFT JOIN "Organization" o ON o.id = c."buyerOrganizationId" ORDER BY c."decpId" COLLATE "C"`,
    );
    expect(rows).toEqual([
      { decpId: '2024AC017', decision: 'KEPT', amount: '240000.50', initialAmount: '200000.00', durationMonths: 36, amountIsMaximum: true, score: '6.00', org: '212500565', buyerSiret: '21250056500016', holders: 'mistral-ai', mods: 2 },
      { decpId: '2024IA001', decision: 'KEPT', amount: '85000.00', initialAmount: '85000.00', durationMonths: 24, amountIsMaximum: false, score: '9.00', org: '242500361', buyerSiret: '24250036100017', holders: 'mistral-ai', mods: 0 },
      { decpId: '2024LIC05', decision: 'REJECTED', amount: '78000.00', initialAmount: '78000.00', durationMonths: 12, amountIsMaximum: false, score: '3.00', org: '242500361', buyerSiret: '24250036100017', holders: 'mistral-ai', mods: 0 },
      { decpId: '2024TRAD2', decision: 'REJECTED', amount: '45000.00', initialAmount: '45000.00', durationMonths: 12, amountIsMaximum: false, score: '1.00', org: '242500361', buyerSiret: '24250036100017', holders: '79876543400013', mods: 0 },
      { decpId: '24-EAU-09', decision: 'KEPT', amount: '96000.00', initialAmount: '96000.00', durationMonths: 36, amountIsMaximum: false, score: '6.00', org: null, buyerSiret: '25390077300016', holders: '81234567600025', mods: 0 },
      { decpId: 'DM2024-88', decision: 'KEPT', amount: '52000.00', initialAmount: '52000.00', durationMonths: 24, amountIsMaximum: false, score: '4.00', org: '242100410', buyerSiret: '24210041000016', holders: '81234567600025', mods: 0 },
    ]);
  });

  it('a malformed file: each bad record reported with its position and reason, none of it written', async () => {
    const result = await importDecp(t.db, MALFORMED, { settings: settings() });
    expect(result).toMatchObject({ status: 'SUCCEEDED', position: 7 });
    expect(counts(result)).toEqual({ read: 7, kept: 1, linked: 1, rejected: 1, invalid: 5 });
    const [run] = await sql(`SELECT errors, "invalidCount" FROM "DecpImport" WHERE id = $1`, [result.importId]);
    expect(run!.errors).toEqual([
      { position: 1, path: 'marches.marche[1]', reason: 'id manquant.' },
      { position: 2, path: 'marches.marche[2]', reason: 'acheteur.id : SIRET 24250036100018 invalide (clé de contrôle).' },
      { position: 3, path: 'marches.marche[3]', reason: 'montant : un montant positif est attendu.' },
      { position: 4, path: 'marches.marche[4]', reason: 'dateNotification : 2024-02-30 n’est pas une date valide.' },
      { position: 6, path: 'marches.marche[6]', reason: 'offresRecues : un entier de 0 à 100000 est attendu.' },
    ]);
    const written = await sql(`SELECT "decpId" FROM "PublicContract" WHERE "decpId" LIKE '2024BAD%' OR "decpId" = 'X' OR object LIKE 'Chatbot sans%'`);
    expect(written).toEqual([]);
    expect((await sql(`SELECT decision::text FROM "PublicContract" WHERE "decpId" = '2024CB001'`))[0]).toEqual({ decision: 'KEPT' });
  });

  it('reads the 1.x format (plain array, holder names, dates with an offset)', async () => {
    const result = await importDecp(t.db, V1, { settings: settings() });
    expect(counts(result)).toEqual({ read: 2, kept: 1, linked: 1, rejected: 1, invalid: 0 });
    const [row] = await sql(`SELECT c."formatVersion", c."notificationDate"::text AS day, h.name, h."providerId" IS NOT NULL AS linked FROM "PublicContract" c JOIN "PublicContractHolder" h ON h."contractId" = c.id WHERE c."decpId" = '2019VPO01'`);
    expect(row).toEqual({ formatVersion: '1.x', day: '2019-05-03', name: 'MISTRAL AI', linked: true });
  });

  it('imports from a URL, served by a real local HTTP server; an HTTP error fails the run with its reason', async () => {
    const server = http.createServer((req, res) => {
      if (req.url !== '/decp.json') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      fs.createReadStream(V2).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const result = await importDecp(t.db, `http://127.0.0.1:${port}/decp.json`, { settings: settings() });
      expect(result).toMatchObject({ status: 'SUCCEEDED', written: 0 });
      expect(counts(result)).toEqual(V2_COUNTS);
      const missing = await importDecp(t.db, `http://127.0.0.1:${port}/absent.json`, { settings: settings() });
      expect(missing).toMatchObject({ status: 'FAILED', failure: expect.stringContaining('réponse HTTP 404') });
    } finally {
      server.close();
    }
  });

  it('startDecpImport (ADMIN): a file of the import directory or a URL only, then decpImport(id) shows the counters', async () => {
    process.env.DECP_IMPORT_DIR = FIXTURES;
    const START = `mutation($s: String!) { startDecpImport(source: $s) { __typename ... on MutationStartDecpImportSuccess { data { id status } } ... on Error { code message } } }`;
    for (const source of ['../contracts.test.ts', '/etc/passwd', path.join(FIXTURES, 'decp-v2.json'), 'file:///etc/passwd', 'absent.json', 'README.md']) {
      expect((await admin.gql(START, { s: source })).data!.startDecpImport, source).toMatchObject({ code: 'VALIDATION' });
    }
    expect((await t.gql(START, { s: 'decp-v2.json' })).data!.startDecpImport.code).toBe('UNAUTHENTICATED');
    const started = (await admin.gql(START, { s: 'decp-v2.json' })).data!.startDecpImport;
    expect(started).toMatchObject({ __typename: 'MutationStartDecpImportSuccess', data: { status: 'RUNNING' } });
    await settledImports();
    const run = await admin.gql(`query($id: Int!) { decpImport(id: $id) { status readCount keptCount linkedCount rejectedCount invalidCount position errors { position } ratePerSecond finishedAt } }`, { id: started.data.id });
    expect(run.data!.decpImport).toMatchObject({ status: 'SUCCEEDED', readCount: 9, keptCount: 4, linkedCount: 3, rejectedCount: 5, invalidCount: 0, position: 9, errors: [] });
    const list = await admin.gql(`{ decpImports(first: 2) { totalCount edges { node { id source } } } }`);
    expect(list.data!.decpImports.edges[0].node.id).toBe(started.data.id);
    const member = await t.signIn('agent@besancon.test');
    expect((await member.gql(`{ decpImports(first: 1) { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  const CONTRACT = `id decpId object amount amountIsMaximum notificationDate durationMonths procedure offersReceived hasEnvironmentalConsideration innovative source decision isConfirmed buyer { siren } buyerSiret`;
  const idOf = async (decpId: string) => (await sql(`SELECT id FROM "PublicContract" WHERE "decpId" = $1`, [decpId]))[0]!.id as number;

  it('curation: the queue by decision with evidence; confirm links to a tool, dismiss with a reason, both audited', async () => {
    const queue = await admin.gql(`{ contractCurationQueue(first: 3) { totalCount edges { node { decpId relevanceScore evidence } } } }`);
    // KEPT: the six of the fixtures, the callbot of the malformed file, the 1.x vision contract
    expect(queue.data!.contractCurationQueue.totalCount).toBe(6);
    expect(queue.data!.contractCurationQueue.edges[0].node).toMatchObject({ decpId: '2024IA001', relevanceScore: '9', evidence: { terms: [{ term: 'agent conversationnel' }, { term: 'chatbot' }], cpv: { division: '72' } } });
    const rejected = await admin.gql(`{ contractCurationQueue(decision: REJECTED, first: 10) { totalCount } }`);
    expect(rejected.data!.contractCurationQueue.totalCount).toBe(2);
    expect((await t.gql(`{ contractCurationQueue(first: 1) { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const CONFIRM = `mutation($id: Int!, $tool: String!) { confirmContract(id: $id, toolSlug: $tool) { __typename ... on MutationConfirmContractSuccess { data { ${CONTRACT} tool { slug } } } ... on Error { code message } } }`;
    const DISMISS = `mutation($id: Int!, $r: String!) { dismissContract(id: $id, reason: $r) { __typename ... on MutationDismissContractSuccess { data { decision decisionReason } } ... on Error { code message } } }`;
    const confirmed = (await admin.gql(CONFIRM, { id: await idOf('2024IA001'), tool: 'api-mistral' })).data!.confirmContract;
    expect(confirmed.data).toMatchObject({ decision: 'CONFIRMED', isConfirmed: true, tool: { slug: 'api-mistral' }, buyer: { siren: '242500361' }, amount: '85000', notificationDate: '2024-03-12' });
    expect((await admin.gql(CONFIRM, { id: await idOf('2024AC017'), tool: 'api-mistral' })).data!.confirmContract.data).toMatchObject({ amount: '240000.5', amountIsMaximum: true, durationMonths: 36 });
    expect((await admin.gql(CONFIRM, { id: await idOf('24-EAU-09'), tool: 'leakmited' })).data!.confirmContract.data).toMatchObject({ buyer: null, buyerSiret: '25390077300016' });
    expect((await admin.gql(CONFIRM, { id: await idOf('DM2024-88'), tool: 'outil-inconnu' })).data!.confirmContract).toMatchObject({ code: 'VALIDATION' });
    expect((await admin.gql(CONFIRM, { id: 2_000_000_000, tool: 'noota' })).data!.confirmContract).toMatchObject({ code: 'NOT_FOUND' });
    expect((await admin.gql(DISMISS, { id: await idOf('DM2024-88'), r: 'x' })).data!.dismissContract).toMatchObject({ code: 'VALIDATION' });
    expect((await admin.gql(DISMISS, { id: await idOf('DM2024-88'), r: 'Transcription humaine, pas un outil du catalogue' })).data!.dismissContract.data)
      .toEqual({ decision: 'DISMISSED', decisionReason: 'Transcription humaine, pas un outil du catalogue' });
    const events = await sql(`SELECT action, "entityType", after->>'decision' AS decision FROM "AuditEvent" WHERE "entityType" = 'PublicContract' ORDER BY id`);
    expect(events).toEqual([
      { action: 'contract.confirm', entityType: 'PublicContract', decision: 'CONFIRMED' },
      { action: 'contract.confirm', entityType: 'PublicContract', decision: 'CONFIRMED' },
      { action: 'contract.confirm', entityType: 'PublicContract', decision: 'CONFIRMED' },
      { action: 'contract.dismiss', entityType: 'PublicContract', decision: 'DISMISSED' },
    ]);
    // a re-import that rewrites the contracts (other thresholds) keeps the people's decisions and tools
    const rewritten = await importDecp(t.db, V2, { settings: settings({ thresholds: { keep: 4, minText: 2, store: 1 } }) });
    expect(rewritten.written).toBe(6);
    const kept = await sql(`SELECT "decpId", decision::text, t.slug FROM "PublicContract" c LEFT JOIN "Tool" t ON t.id = c."toolId" WHERE "decpId" IN ('2024IA001', 'DM2024-88', '24-EAU-09') ORDER BY "decpId" COLLATE "C"`);
    expect(kept).toEqual([
      { decpId: '2024IA001', decision: 'CONFIRMED', slug: 'api-mistral' },
      { decpId: '24-EAU-09', decision: 'CONFIRMED', slug: 'leakmited' },
      { decpId: 'DM2024-88', decision: 'DISMISSED', slug: null },
    ]);
  });

  it('confirmed contracts appear on the tool, the provider and the buyer, with prices paid worked out by hand', async () => {
    const tool = await t.gql(`{ tool(slug: "api-mistral") { publicContracts(first: 10) { totalCount edges { node { ${CONTRACT} } } }
      pricesPaid { contractCount withPopulationCount medianPerInhabitant minPerInhabitant maxPerInhabitant totalAmount } } }`);
    const contracts = tool.data!.tool.publicContracts;
    expect(contracts.totalCount).toBe(2);
    // the most recent first: Besançon's framework agreement (2024-05-02), then Grand Besançon's chatbot (2024-03-12)
    expect(contracts.edges.map((e: any) => e.node.decpId)).toEqual(['2024AC017', '2024IA001']);
    expect(contracts.edges[0].node).toMatchObject({ procedure: 'Appel d\'offres ouvert', offersReceived: 5, hasEnvironmentalConsideration: true, innovative: true, isConfirmed: true, source: path.basename(V2) });
    // the public API names the imported file, never its path on the server
    expect(contracts.edges.every((e: any) => !e.node.source.includes('/'))).toBe(true);
    // 85 000 / 200 000 = 0.425 → 0.43; 240 000.50 / 120 000 = 2.0000041… → 2.00; median (0.425 + 2.0000041…) / 2 = 1.2125… → 1.21
    expect(tool.data!.tool.pricesPaid).toEqual({ contractCount: 2, withPopulationCount: 2, medianPerInhabitant: '1.21', minPerInhabitant: '0.43', maxPerInhabitant: '2.00', totalAmount: '325000.50' });

    const provider = await t.gql(`{ tool(slug: "le-chat-pro") { provider { slug publicContracts(first: 10) { totalCount edges { node { decpId } } } pricesPaid { contractCount medianPerInhabitant } } } }`);
    expect(provider.data!.tool.provider.publicContracts.edges.map((e: any) => e.node.decpId)).toEqual(['2024AC017', '2024IA001']);
    expect(provider.data!.tool.provider.publicContracts.totalCount).toBe(2);
    expect(provider.data!.tool.provider.pricesPaid).toEqual({ contractCount: 2, medianPerInhabitant: '1.21' });

    const org = await t.gql(`{ organization(siren: "242500361") { publicContracts(first: 10) { totalCount edges { node { decpId } } } } }`);
    expect(org.data!.organization.publicContracts).toEqual({ totalCount: 1, edges: [{ node: { decpId: '2024IA001' } }] });

    const leak = await t.gql(`{ tool(slug: "leakmited") { pricesPaid { contractCount withPopulationCount medianPerInhabitant } } }`);
    expect(leak.data!.tool.pricesPaid).toEqual({ contractCount: 1, withPopulationCount: 0, medianPerInhabitant: null });

    const compare = await t.gql(`{ compareTools(slugs: ["api-mistral", "leakmited"], profile: { population: 100000 }) { __typename
      ... on QueryCompareToolsSuccess { data { tools { tool { slug } pricesPaid { contractCount medianPerInhabitant } providerPricesPaid { contractCount } } } } } }`);
    expect(compare.data!.compareTools.data.tools).toEqual([
      { tool: { slug: 'api-mistral' }, pricesPaid: { contractCount: 2, medianPerInhabitant: '1.21' }, providerPricesPaid: { contractCount: 2 } },
      { tool: { slug: 'leakmited' }, pricesPaid: { contractCount: 1, medianPerInhabitant: null }, providerPricesPaid: { contractCount: 1 } },
    ]);

    // the public never sees a contract no person confirmed
    expect((await t.gql(`query($id: Int!) { publicContract(id: $id) { decpId } }`, { id: await idOf('2024LIC05') })).data!.publicContract).toBeNull();
    expect((await admin.gql(`query($id: Int!) { publicContract(id: $id) { decision } }`, { id: await idOf('2024LIC05') })).data!.publicContract).toEqual({ decision: 'REJECTED' });
  });

  // the CLI opens DATABASE_URL: the PostgreSQL copy of this test (PGlite's copy lives in this process only)
  it.runIf(backend === 'postgres')('npm run decp:import: prints French progress and counts, exit 0; a missing file exits 1 in one sentence', () => {
    const env = { ...process.env, DATABASE_URL: t.db.label.replace(/^PostgreSQL /, ''), NODE_ENV: 'test' as const };
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(HERE, '../src/cli/decp-import.ts'), V1], { env, encoding: 'utf8' });
    expect(out).toMatch(/Importation \d+ : 2 marchés lus, 1 retenus, 1 reliés, 1 écartés, 0 invalides — \d+ marchés\/s/);
    expect(out).toMatch(/Terminé : 0 marchés écrits ou mis à jour, position 2\./);
    let failed: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', path.join(HERE, '../src/cli/decp-import.ts'), '/nulle/part.json'], { env, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failed = error as { status: number; stderr: string };
    }
    expect(failed?.status).toBe(1);
    expect(failed?.stderr.trim()).toBe(`Erreur : importation ${Number(out.match(/Importation (\d+)/)![1]) + 1} en échec : Fichier introuvable ou illisible : /nulle/part.json.`);
  });

  it.runIf(backend === 'postgres')('npm run decp:import on a database never migrated exits 1 in one sentence and creates nothing', async () => {
    const empty = await openTestDatabase('postgres', { empty: true });
    try {
      const env = { ...process.env, DATABASE_URL: empty.label.replace(/^PostgreSQL /, ''), NODE_ENV: 'test' as const };
      let failed: { status: number; stderr: string } | undefined;
      try {
        execFileSync(process.execPath, ['--import', 'tsx', path.join(HERE, '../src/cli/decp-import.ts'), V1], { env, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        failed = error as { status: number; stderr: string };
      }
      expect(failed?.status).toBe(1);
      expect(failed?.stderr.trim()).toBe('Erreur : la base n’est pas à jour : lancez d’abord npm run db:migrate (ou npm start).');
      const [tables] = await empty.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
      expect(tables!.n).toBe(0);
    } finally {
      await empty.close();
    }
  });
});

/** A full garbage collection on demand (V8's gc, exposed at run time), so that the heap sampled is the live heap. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe('a national-size file, streamed', () => {
  it('20,000 generated contracts import with the heap bounded', { timeout: 240_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'decp-'));
    const file = path.join(dir, 'national.json');
    execFileSync(process.execPath, [path.join(HERE, '../scripts/decp-generate.mjs'), '20000', file]);
    const t = await createTestApp('pglite');
    try {
      const gc = collector();
      const samples: number[] = [];
      let batches = 0;
      const sample = () => {
        if (batches++ % 5) return;
        gc();
        samples.push(process.memoryUsage().heapUsed);
      };
      const result = await importDecp(t.db, file, { settings: settings(), onProgress: sample });
      expect(result).toMatchObject({ status: 'SUCCEEDED', read: 20000, invalid: 0 });
      // after the first batches (caches, prepared statements), the live heap no longer grows with the file
      const settled = samples.slice(2);
      const growth = Math.max(...settled) - Math.min(...settled);
      expect(growth, `heap growth ${(growth / 1e6).toFixed(1)} MB`).toBeLessThan(48e6);
    } finally {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
