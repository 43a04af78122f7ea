// The hand-written baseline: node:http + pg, no GraphQL. It reads the same POST /graphql body as the API (operation
// name and variables), runs one SQL statement that builds the whole answer as JSON, and writes it as it comes. What the
// bench compares the API with: the cost of the data itself, without the framework.
// Env: BASELINE_DATABASE_URL, PORT. Statements: baseline/sql.ts.
import http from 'node:http';
import pg from 'pg';
import { normalizeSearch } from '@mutualis/db/text';
import { COLLATION_SQL, DEEP_CURSOR, DIRECTORY, ORGANIZATION_DEPLOYMENTS, SEARCH_TOOLS, TOOL_BY_ID, TOOLS_PAGE } from './sql.ts';

const STOPWORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'au', 'aux', 'en', 'pour', 'un', 'une', 'par', 'sur', 'dans', 'avec']);
/** The catalogue's query words, as its rules read them: normalized, stopwords out, plurals in -s/-x stemmed. */
const tokens = (text: string) =>
  normalizeSearch(text)
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w))
    .map((w) => (w.length > 3 && (w.endsWith('s') || w.endsWith('x')) ? w.slice(0, -1) : w));

type Variables = Record<string, unknown>;
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) ? v : fallback);

/** Each operation: its statement and parameters from the variables. */
const OPERATIONS: Record<string, { sql: string; params: (v: Variables) => unknown[] }> = {
  ToolsPage: { sql: TOOLS_PAGE, params: (v) => [num(v.first, 50), num(v.offset, 0)] },
  DeepCursor: { sql: DEEP_CURSOR, params: (v) => [20, num(v.offset, 0)] },
  ToolById: { sql: TOOL_BY_ID, params: (v) => [String(v.slug), num(v.reviews, 20)] },
  SearchTools: {
    sql: SEARCH_TOOLS,
    params: (v) => {
      const words = tokens(String(v.search ?? ''));
      return [words, words.map((w) => `%${w}%`)];
    },
  },
  OrganizationDeployments: { sql: ORGANIZATION_DEPLOYMENTS, params: (v) => [String(v.siren)] },
  Directory: {
    // the first word through a plain LIKE (a trigram index serves it when there is one), every word through LIKE ALL;
    // ranked as the API ranks: the same name, a name starting with the phrase, a word starting with it, the rest
    sql: DIRECTORY,
    params: (v) => {
      const words = normalizeSearch(String(v.search ?? '')).split(' ').filter(Boolean);
      const phrase = words.join(' ');
      return [`%${words[0] ?? ''}%`, words.map((w) => `%${w}%`), phrase, `${phrase}%`, `% ${phrase}%`];
    },
  },
};

// the pool of the API (10), and JIT off: planning-time compilation costs more than it saves on these short statements
const pool = new pg.Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: 10, options: '-c jit=off' });
pool.on('error', () => undefined);
await pool.query(COLLATION_SQL);

function send(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') return send(res, 200, '{"ok":true}');
  if (req.method !== 'POST') return send(res, 405, '{"errors":[{"message":"POST seulement"}]}');
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const { operationName, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { operationName: string; variables?: Variables };
      const operation = OPERATIONS[operationName];
      if (!operation) return send(res, 400, JSON.stringify({ errors: [{ message: `Opération inconnue : ${operationName}` }] }));
      const { rows } = await pool.query<{ body: string }>(operation.sql, operation.params(variables ?? {}));
      send(res, 200, rows[0]!.body);
    } catch (error) {
      send(res, 500, JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
