// npm run bench: throughput, p50/p99 latency, SQL statements per request and memory of the main screens' GraphQL
// requests on a fresh embedded database, each compared with a trivial request measured in the same process
// (a ratio, so that a noisy machine does not make the figures meaningless).
import { performance } from 'node:perf_hooks';
import { createApp } from '../app.ts';
import { prepareDatabase } from '../db/bootstrap.ts';
import { openDatabase } from '../db/database.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const scenarios: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'référence ({ __typename })', query: '{ __typename }' },
  {
    name: 'annuaire : recherche « saint »',
    query: `{ organizations(filter: {search: "saint"}, first: 50) { totalCount edges { node { name siren population epci { name } } } } }`,
  },
  {
    name: 'EPCI et ses 67 communes',
    query: `{ organization(siren: "242500361") { name population members(first: 100) { totalCount edges { node { name population siren } } } } }`,
  },
  {
    name: 'catalogue (50 outils, facettes, notes)',
    query: `{ tools(first: 50) { totalCount facets { categories { value count } } edges { node { slug name provider { name } category { name }
      ratings { count average } adoption { total } plans { name unitPrice tiers { minVolume } } } } } }`,
  },
  {
    name: 'comparaison de 3 outils',
    query: `query($p: UsageProfileInput!) { compareTools(slugs: ["api-mistral", "le-chat-pro", "albert"], profile: $p) {
      ... on QueryCompareToolsSuccess { data { tools { tco { total } footprint { kgco2e { value } } } best { dimension toolSlugs } } } } }`,
    variables: { p: { organizationSiren: '242500361', seats: 50, requestsPerMonth: 20000, years: 3 } },
  },
];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const db = await openDatabase({ kind: 'pglite', dataDir: '' });
console.log('Préparation de la base embarquée en mémoire…');
await prepareDatabase(db, { seedDemo: true, demoAccounts: false });
const app = createApp({ nodeEnv: 'test' }, db);
let statements = 0;
db.queryListeners.add(() => void statements++);

async function request(query: string, variables?: Record<string, unknown>) {
  const res = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

const rows: Record<string, string | number>[] = [];
let baseline = { throughput: 0, p50: 0 };
for (const scenario of scenarios) {
  for (let i = 0; i < 5; i++) await request(scenario.query, scenario.variables); // warm-up
  statements = 0;
  await request(scenario.query, scenario.variables);
  const perRequest = statements;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t0 = performance.now();
        await request(scenario.query, scenario.variables);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const throughput = REQUESTS / seconds;
  const p50 = percentile(latencies, 50);
  if (rows.length === 0) baseline = { throughput, p50 };
  rows.push({
    scénario: scenario.name,
    'req/s': throughput.toFixed(1),
    'p50 ms': p50.toFixed(1),
    'p99 ms': percentile(latencies, 99).toFixed(1),
    'SQL/req': perRequest,
    'coût vs référence': (baseline.throughput / throughput).toFixed(1) + '×',
    'RSS Mo': (process.memoryUsage().rss / 1024 / 1024).toFixed(0),
  });
}
console.log(`\n${REQUESTS} requêtes par scénario, ${CONCURRENCY} en parallèle, PGlite en mémoire :`);
console.table(rows);
await db.close();
