// Measures: a load run with autocannon (requests per second, p50/p99, errors, the server's peak RSS during the run), and
// a sequential batch (SQL statements per request through the counting proxy, rows read per request from PostgreSQL's
// statistics, response bytes, GraphQL errors of the checked request).
import autocannon from 'autocannon';
import type pg from 'pg';
import type { Child } from './processes.ts';
import type { ProxyHandle } from './proxy.ts';

export interface Target {
  name: string;
  url: string;
  child: Child;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Connection errors (timeouts included). */
  errors: number;
  timeouts: number;
  /** Answers whose body carried GraphQL errors or an error result (counted when the run reads bodies: Mixed). */
  bodyErrors: number;
  /** The highest RSS sampled during the run, in MB. */
  rssMax: number | null;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  body?: string;
  /** Per-request setup (Mixed): returns the body and headers of the next request. */
  next?: () => { body: string; headers?: Record<string, string> };
  /** Reads each body and counts errors (Mixed). */
  checkBodies?: boolean;
}

export const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

/** A GraphQL error in an answer: top-level errors, or a typed error result (`__typename` ending in Error). */
export const hasErrors = (body: string) => body.includes('"errors"') || /"__typename":"\w*Error"/.test(body);

export async function load(target: Target, options: LoadOptions): Promise<LoadResult> {
  let rssMax: number | null = null;
  const sample = () => {
    const memory = target.child.memory();
    if (memory) rssMax = Math.max(rssMax ?? 0, memory.rss);
  };
  sample();
  const timer = setInterval(sample, 200);
  let bodyErrors = 0;
  const next = options.next;
  try {
    const result = await autocannon({
      url: target.url,
      connections: options.connections,
      duration: options.seconds,
      timeout: 10,
      method: 'POST',
      headers: JSON_HEADERS,
      body: options.body,
      requests: next || options.checkBodies
        ? [
            {
              method: 'POST',
              ...(next
                ? {
                    setupRequest: (request: autocannon.Request) => {
                      const { body, headers } = next();
                      return { ...request, body, headers: { ...JSON_HEADERS, ...headers } };
                    },
                  }
                : {}),
              ...(options.checkBodies ? { onResponse: (status: number, body: string) => void (status === 200 && hasErrors(body) && bodyErrors++) } : {}),
            },
          ]
        : undefined,
    });
    sample();
    const requests = result.requests.total;
    return {
      connections: options.connections,
      seconds: result.duration,
      requests,
      rps: requests / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      bodyErrors,
      rssMax,
    };
  } finally {
    clearInterval(timer);
  }
}

export async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers };
}

/** Rows the application's tables gave out: tup_returned + tup_fetched of pg_stat_database, catalogs left out. */
async function rowsRead(stats: pg.ClientBase): Promise<number> {
  const { rows } = await stats.query<{ n: string }>(`SELECT
      (SELECT coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0) FROM pg_stat_user_tables)
    + (SELECT coalesce(sum(idx_tup_read), 0) FROM pg_stat_user_indexes) AS n`);
  return Number(rows[0]!.n);
}

/**
 * Ends the servers' connections to the bench database (the pools reconnect): a backend flushes its statistics when it
 * exits, whereas an idle one may keep them up to 10 s (PostgreSQL 15). Waits until they are gone.
 */
export async function flushStatistics(stats: pg.ClientBase): Promise<void> {
  await stats.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`);
  for (let i = 0; i < 100; i++) {
    const { rows } = await stats.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity
                      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`);
    if (rows[0]!.n === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // the clients see their sockets close before a request may pick them
  await new Promise((r) => setTimeout(r, 300));
  await stats.query('SELECT pg_stat_clear_snapshot()');
}

/**
 * VACUUM (without ANALYZE: plans stay the same) of the tables that have dead rows: index entries of rows that the
 * servers updated (a recomputed statistic, a vote) are read, and counted, until they are cleaned, whichever process
 * updated them and whenever; cleaning them first makes the rows read by a batch depend on the batch alone.
 */
async function vacuumDeadRows(stats: pg.ClientBase): Promise<void> {
  const { rows } = await stats.query<{ name: string }>('SELECT relname AS name FROM pg_stat_user_tables WHERE n_dead_tup > 0 ORDER BY relname');
  if (rows.length) await stats.query(`VACUUM ${rows.map((r) => `"${r.name.replaceAll('"', '""')}"`).join(', ')}`);
  await stats.query('SELECT pg_stat_clear_snapshot()');
}

export interface Sequential {
  requests: number;
  statements: number | null;
  rows: number;
  bytes: number;
  /** The first GraphQL error of the checked answers, or the HTTP status when not 200. */
  error: string | null;
  /** The last answer's body (checked against the baseline). */
  body: string;
  ms: number;
}

/**
 * A batch of sequential requests, after `warmup` unmeasured ones: statements per request (the proxy, when the server
 * is behind it), rows read per request (statistics flushed and dead rows vacuumed before, statistics flushed after),
 * bytes of the answer.
 */
export async function sequential(
  url: string,
  bodies: () => { body: string; headers?: Record<string, string> },
  stats: pg.ClientBase,
  proxy: ProxyHandle | null,
  options: { warmup: number; max: number; budgetMs: number },
): Promise<Sequential> {
  let error: string | null = null;
  let last = '';
  const once = async () => {
    const { body, headers } = bodies();
    const res = await post(url, body, headers);
    last = res.text;
    if (!error && res.status !== 200) error = `HTTP ${res.status} : ${res.text.slice(0, 300)}`;
    if (!error && hasErrors(res.text)) error = res.text.slice(0, 400);
  };
  for (let i = 0; i < options.warmup; i++) await once();
  await flushStatistics(stats);
  await vacuumDeadRows(stats);
  const rows0 = await rowsRead(stats);
  const statements0 = proxy ? await proxy.statements() : 0;
  const started = performance.now();
  let requests = 0;
  let bytes = 0;
  while (requests < options.max && (requests < 2 || performance.now() - started < options.budgetMs)) {
    await once();
    bytes += Buffer.byteLength(last);
    requests++;
  }
  const ms = (performance.now() - started) / requests;
  const statements = proxy ? ((await proxy.statements()) - statements0) / requests : null;
  await flushStatistics(stats);
  const rows = ((await rowsRead(stats)) - rows0) / requests;
  return { requests, statements, rows, bytes: bytes / requests, error, body: last, ms };
}
