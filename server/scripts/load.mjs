// Load test for the closing notes: N connections for D seconds against a running server, a mix of public reads and
// hostile requests (limits, forged IDs). Prints requests per second, p50/p99, errors (HTTP 5xx or network) and the
// server's RSS (from /proc, given its pid) at 10 s and at the end.
// Usage: node server/scripts/load.mjs <port> <server pid> [connections=50] [seconds=60]
import fs from 'node:fs';

const [port, pid, connections = '50', seconds = '60'] = process.argv.slice(2);
const url = `http://127.0.0.1:${port}/graphql`;
const rss = () => {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS'));
  return `${Math.round(Number(line.split(/\s+/)[1]) / 1024)} MB`;
};
const nested = '{ organizations(first: 100) { edges { node { members(first: 100) { edges { node { epci { members(first: 100) { edges { node { epci { members(first: 100) { edges { node { name } } } } } } } } } } } } } } }';
const requests = [
  { query: '{ tools(first: 20) { totalCount edges { node { slug name provider { name } ratings { count average } } } } }' },
  { query: '{ organizations(filter: { search: "besancon" }, first: 10) { edges { node { name siren } } } }' },
  { query: '{ organization(siren: "242500361") { name members(first: 50) { totalCount edges { node { name } } } } }' },
  { query: '{ tool(slug: "albert") { name plans { name unitPrice } impactFigures { method } } }' },
  { query: nested },
  { query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: __typename`).join(' ')} }` },
  { query: '{ nodes(ids: ["QXVkaXRFdmVudDox", "VG9vbDphYmM="]) { id } }' },
];
const latencies = [];
const statuses = {};
let errors = 0;
const end = Date.now() + Number(seconds) * 1000;
let at10;
setTimeout(() => (at10 = rss()), 10_000);
const started = Date.now();
await Promise.all(
  Array.from({ length: Number(connections) }, async (_, c) => {
    for (let i = c; Date.now() < end; i++) {
      const t0 = performance.now();
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(requests[i % requests.length]) });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status >= 500) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  }),
);
const elapsed = (Date.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(0);
console.log(JSON.stringify({ connections: Number(connections), seconds: elapsed, requests: latencies.length, rps: Math.round(latencies.length / elapsed), p50ms: q(0.5), p99ms: q(0.99), errors, statuses, rssAt10s: at10, rssAtEnd: rss() }));
