// npm run bench [-- --scale N] [-- --smoke]: the national-scale benchmark of issue 11 (server/bench/README.md).
// Builds the server, creates its own database (BENCH_DATABASE_URL is the admin connection), measures the catalogue page
// at the seeded size, scales the registry up, then runs the named GraphQL operations against the production server and
// the same reads against a hand-written baseline, and writes server/bench/results/<timestamp>.{json,md}.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../src/modules/auth/password.ts';
import { countRows, createDatabase, createWriterAccounts, scaleDataset, scaled, seedDatabase, vacuumAnalyze, withClient } from './dataset.ts';
import { firstDifference } from './compare.ts';
import { load, post, sequential, type LoadResult, type Target } from './measure.ts';
import { BENCH_PASSWORD, mixedSequence, signIn } from './mixed.ts';
import { body, readOperations, statisticsOperations, TOOLS_PAGE, TOOL_BY_ID, type Operation } from './operations.ts';
import { measureExport } from './export.ts';
import { freePort, startBaseline, startServer, type Child } from './processes.ts';
import { forkProxy, type ProxyHandle } from './proxy.ts';
import { budgetLine, budgets, markdown, median, type OperationResult, type Report, type RoundResult } from './report.ts';
import { findTargets } from './targets.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '../..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const scale = Number(option('--scale') ?? (smoke ? 0.04 : 1));
const runSeconds = Number(option('--seconds') ?? (smoke ? 1 : 4));
// autocannon counts durations in whole seconds (a shorter run lasts one second all the same)
const roundSeconds = smoke ? 1 : 3;
const WARMUP = 1;
/** Interleaved rounds (API, baseline) at 10 connections: medians of three; one suffices to check the harness. */
const ROUNDS = smoke ? 1 : 3;
const connections = smoke ? [1, 10] : [1, 10, 50];
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = smoke ? 'mutualis_bench_smoke' : 'mutualis_bench';
const WRITERS = smoke ? 10 : 60;

const started = Date.now();
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const resultsDir = path.join(benchDir, 'results');
const phases: Record<string, number> = {};
let phaseStart = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const log = (line: string) => console.log(`[${elapsed()}] ${line}`);
/** Ends the phase `name` (its duration goes to the report) and announces the next one. */
const phase = (name: string, label: string) => {
  phases[name] = (Date.now() - phaseStart) / 1000;
  phaseStart = Date.now();
  log(label);
};
if (!Number.isFinite(scale) || scale <= 0) throw new Error(`--scale invalide : ${option('--scale')}`);

const children: { stop(): unknown }[] = [];
const stopAll = async () => {
  // requests that autocannon gave up on at the end of a run finish first
  await new Promise((r) => setTimeout(r, 500));
  for (const child of children.splice(0).reverse()) await child.stop();
};
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

interface Servers {
  counted: Target & { proxy: ProxyHandle };
  loaded: Target;
}

/** Two instances of the built server on the bench database: one behind the counting proxy (sequential measures), one direct (load). */
async function startServers(url: string, label: string): Promise<Servers> {
  const target = new URL(url);
  const proxy = await forkProxy(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
  children.push(proxy);
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  const logFile = path.join(resultsDir, `${stamp}-serveur-${label}.log`);
  const [counted, loaded] = await Promise.all([startServer(repoRoot, proxied.toString(), logFile), startServer(repoRoot, url, logFile)]);
  children.push(counted, loaded);
  return {
    counted: { name: 'Mutualis (compté)', url: `http://127.0.0.1:${counted.port}/graphql`, child: counted, proxy },
    loaded: { name: 'Mutualis', url: `http://127.0.0.1:${loaded.port}/graphql`, child: loaded },
  };
}

const sequentialOf = (target: Target & { proxy?: ProxyHandle }, stats: pg.Client, next: () => { body: string; headers?: Record<string, string> }, max = 10) =>
  sequential(target.url, next, stats, target.proxy ?? null, { warmup: smoke ? 1 : 2, max: smoke ? 3 : max, budgetMs: smoke ? 1000 : 3000 });
const fixed = (op: Pick<Operation, 'name' | 'query' | 'variables'>) => () => ({ body: body(op) });
const strip = <T extends { body: string }>({ body: _body, ...rest }: T) => rest;

async function matrix(servers: Servers, stats: pg.Client, op: Operation, next = fixed(op), checkBodies = false): Promise<OperationResult> {
  const seq = await sequentialOf(servers.counted, stats, next, op.write ? 20 : 10);
  // also what makes the pool drop the connections that the statistics flush ended (see measure.ts)
  await load(servers.loaded, { connections: 10, seconds: WARMUP, body: body(op), next: op.write ? next : undefined });
  const runs: LoadResult[] = [];
  for (const c of connections) {
    runs.push(await load(servers.loaded, { connections: c, seconds: runSeconds, body: body(op), next: op.write ? next : undefined, checkBodies }));
  }
  const r10 = runs.find((r) => r.connections === 10);
  log(`  ${op.name.padEnd(24)} ${(seq.statements?.toFixed(1) ?? '—').padStart(5)} SQL/req, ${seq.rows.toFixed(0).padStart(8)} lignes/req, ` +
    `10 conn. : ${r10?.rps.toFixed(1)} req/s, p99 ${r10?.p99} ms${seq.error ? ` — ERREUR ${seq.error.slice(0, 200)}` : ''}`);
  return { name: op.name, sequential: strip(seq), runs };
}

async function main() {
  log(`Banc d’essai Mutualis${smoke ? ' (fumée)' : ''} : échelle ${scale}, ${connections.join('/')} connexions, ${runSeconds} s par mesure.`);
  fs.mkdirSync(resultsDir, { recursive: true });
  log('Construction du serveur (turbo, en cache si rien n’a changé)…');
  execFileSync('npx', ['turbo', 'run', 'build', '--filter=server', '--output-logs=errors-only'], { cwd: repoRoot, stdio: 'inherit' });

  phase('construction', `Base ${dbName} : création, migrations et amorçage (référentiel, catalogue, démonstration)…`);
  const url = await createDatabase(adminUrl, dbName);
  await seedDatabase(url, log);
  await vacuumAnalyze(url);
  // the statistics connection reads the statistics views only: a query of its own on the tables would be counted
  // whenever its backend flushes, in the middle of some measure
  const stats = new pg.Client({ connectionString: url });
  await stats.connect();
  const seededCounts = await withClient(url, countRows);
  const postgres = (await stats.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v;

  phase('amorcage', 'Page du catalogue à la taille amorcée…');
  let servers = await startServers(url, 'amorcee');
  const toolsPage: Operation = { name: 'ToolsPage', query: TOOLS_PAGE, variables: { first: 50 }, baseline: true };
  const seededSeq = await sequentialOf(servers.counted, stats, fixed(toolsPage));
  await load(servers.loaded, { connections: 10, seconds: WARMUP, body: body(toolsPage) });
  const seededLoad = await load(servers.loaded, { connections: 10, seconds: runSeconds, body: body(toolsPage) });
  log(`  ToolsPage : ${seededSeq.statements} SQL/req, ${seededSeq.rows.toFixed(0)} lignes/req, ${seededLoad.rps.toFixed(1)} req/s, p99 ${seededLoad.p99} ms`);
  await stopAll();

  phase('catalogue-amorce', `Passage à l’échelle ${scale} (requêtes ensemblistes, une transaction)…`);
  const target = scaled(scale);
  const counts = await scaleDataset(url, target, log);
  const accounts = await createWriterAccounts(url, WRITERS, await hashPassword(BENCH_PASSWORD));
  log(`  ${accounts.length} comptes de rédaction (mot de passe « ${BENCH_PASSWORD} »). VACUUM ANALYZE…`);
  await vacuumAnalyze(url);
  await stats.end();
  const stats2 = new pg.Client({ connectionString: url });
  await stats2.connect();

  phase('passage-a-l-echelle', 'Démarrage du serveur (production) et de la référence…');
  servers = await startServers(url, 'echelle');
  const baselineChild: Child = await startBaseline(benchDir, url, path.join(resultsDir, `${stamp}-reference.log`));
  children.push(baselineChild);
  const baseline: Target = { name: 'Référence', url: `http://127.0.0.1:${baselineChild.port}/graphql`, child: baselineChild };
  const targets = await withClient(url, (client) => findTargets(client, servers.counted.url));
  log(`  Outil : ${targets.toolSlug} ; comparaison : ${targets.compareSlugs.join(', ')} ; EPCI ${targets.epciSiren} ; page profonde à partir de ${targets.deepOffset}.`);
  const operations = readOperations(targets);

  phase('demarrage', 'Vérification : la référence répond-elle exactement ce que répond l’API ?');
  const equal: Record<string, string | null> = {};
  const baselineSeq: Report['baseline']['sequential'] = {};
  for (const op of operations.filter((o) => o.baseline)) {
    const ours = await post(servers.counted.url, body(op));
    const seq = await sequentialOf(baseline, stats2, fixed(op));
    baselineSeq[op.name] = strip(seq);
    let difference: string | null;
    try {
      difference = seq.error ? `erreur de la référence : ${seq.error}` : firstDifference(JSON.parse(ours.text).data, JSON.parse(seq.body).data);
    } catch (error) {
      difference = `réponse illisible : ${(error as Error).message}`;
    }
    equal[op.name] = difference;
    log(`  ${difference ? '❌' : '✅'} ${op.name.padEnd(24)} ${difference ? `première différence (API ≠ référence) : ${difference}` : `égal, ${seq.rows.toFixed(0)} lignes lues par requête`}`);
  }

  phase('verification', 'Opérations (séquentiel : SQL et lignes lues ; puis autocannon)…');
  const results: OperationResult[] = [];
  for (const op of operations) results.push(await matrix(servers, stats2, op));
  const statisticsOps = statisticsOperations(targets);
  for (const op of statisticsOps) results.push({ ...(await matrix(servers, stats2, op)), note: `adoptionStats(scope: ${JSON.stringify(op.variables.scope)})` });
  const statistics = statisticsOps[0]!;
  phase('statistiques', 'Export national des déploiements (CSV, flux)…');
  const nationalExport = await measureExport(servers.loaded, counts.deployments);
  log(`  NationalExport : ${nationalExport.rows.toLocaleString('fr-FR')} lignes (${(nationalExport.bytes / 1e6).toFixed(1)} Mo) en ${nationalExport.seconds.toFixed(1)} s, ` +
    `RSS ${nationalExport.rssBefore} → ${nationalExport.rssPeak} Mo${nationalExport.error ? ` — ERREUR ${nationalExport.error}` : ''}`);
  const page10 = await sequentialOf(servers.counted, stats2, fixed({ ...toolsPage, variables: { first: 10 } }), 3);
  const reviews5 = await sequentialOf(servers.counted, stats2, fixed({ name: 'ToolById', query: TOOL_BY_ID, variables: { slug: targets.toolSlug, reviews: 5 } }), 3);

  phase('operations', 'Mixed : 70 % lectures, 20 % statistiques, 10 % écritures connectées…');
  const writers = await signIn(servers.loaded.url, accounts);
  const reviewIds = await withClient(url, async (client) =>
    (await client.query<{ id: number }>(`SELECT id FROM "Review" WHERE "moderationStatus" = 'VISIBLE' ORDER BY id LIMIT 20000`)).rows.map((r) => r.id),
  );
  const mixed = mixedSequence(operations.filter((o) => o.name !== 'Ping'), statistics, writers, reviewIds);
  const mixedOp: Operation = { name: 'Mixed', query: '', variables: {}, baseline: false, write: true };
  results.push({
    ...(await matrix(servers, stats2, mixedOp, mixed, true)),
    note: `lectures, statistiques (${statistics.name}) et écritures (voteReviewHelpful, updateDeployment) de ${writers.length} comptes ; erreurs : corps lus`,
  });

  phase('mixed', `Référence : ${ROUNDS} manches alternées (API, référence) à 10 connexions…`);
  const rounds: RoundResult[] = [];
  for (const op of operations.filter((o) => o.baseline)) {
    const difference = equal[op.name];
    const pair = { mutualis: [] as LoadResult[], baseline: [] as LoadResult[] };
    await load(baseline, { connections: 10, seconds: WARMUP, body: body(op) });
    for (let round = 0; round < ROUNDS; round++) {
      pair.mutualis.push(await load(servers.loaded, { connections: 10, seconds: roundSeconds, body: body(op) }));
      pair.baseline.push(await load(baseline, { connections: 10, seconds: roundSeconds, body: body(op) }));
    }
    const medianRps = { mutualis: median(pair.mutualis.map((r) => r.rps)), baseline: median(pair.baseline.map((r) => r.rps)) };
    const medianP99 = { mutualis: median(pair.mutualis.map((r) => r.p99)), baseline: median(pair.baseline.map((r) => r.p99)) };
    rounds.push({ name: op.name, ...pair, medianRps, medianP99, ratio: medianRps.mutualis / medianRps.baseline });
    log(`  ${op.name.padEnd(24)} ${difference ? 'DIFFÉRENT' : 'égal    '} Mutualis ${medianRps.mutualis.toFixed(1)} req/s, référence ${medianRps.baseline.toFixed(1)} req/s : × ${(medianRps.mutualis / medianRps.baseline).toFixed(3)}`);
  }
  const memory = servers.loaded.child.memory();
  const maxSampled = Math.max(...results.flatMap((r) => r.runs.map((x) => x.rssMax ?? 0)));
  await stats2.end();
  await stopAll();
  phase('manches', 'Rapport…');

  const partial: Omit<Report, 'budgets' | 'elapsedSeconds'> = {
    startedAt: new Date(started).toISOString(),
    mode: smoke ? 'smoke' : 'default',
    scale,
    seconds: { run: runSeconds, round: roundSeconds, rounds: ROUNDS },
    machine: { cpus: os.cpus().length, node: process.version, postgres },
    counts,
    targets: { ...targets },
    seeded: { counts: seededCounts, toolsPage: strip(seededSeq), load: seededLoad },
    operations: results,
    baseline: { equal, sequential: baselineSeq, rounds },
    pageSize: { toolsPage10: page10.statements, toolsPage50: results.find((r) => r.name === 'ToolsPage')!.sequential.statements, reviews5: reviews5.statements, reviews20: results.find((r) => r.name === 'ToolById')!.sequential.statements },
    rss: { peak: memory?.peak ?? null, maxSampled },
    nationalExport,
    phases,
  };
  const report: Report = { ...partial, budgets: budgets(partial), elapsedSeconds: (Date.now() - started) / 1000 };
  const md = markdown(report);
  fs.writeFileSync(path.join(resultsDir, `${stamp}.json`), JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(resultsDir, `${stamp}.md`), md);
  console.log(`\n${md}`);
  log(`Résultats : ${path.relative(repoRoot, path.join(resultsDir, `${stamp}.md`))} (et .json). Durée totale ${report.elapsedSeconds.toFixed(0)} s.`);
  const failed = report.budgets.filter((b) => b.deterministic && !b.pass);
  if (smoke && failed.length) {
    console.error(`Échec du banc d’essai (fumée) :\n${failed.map(budgetLine).join('\n')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(`Le banc d’essai s’est interrompu : ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
