import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, INTERNAL_ERROR_MESSAGE, type App } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import { connectPostgres } from '../src/db/sql.ts';
import { createHttpServer } from '../src/http.ts';
import { withDatabase } from './global-setup.ts';
import { backends, capturedLogger, openTestDatabase, type Backend } from './helpers.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const QUERY = '{ organizations(filter: {kind: EPCI}) { totalCount } }';

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Cuts the database off under a request whose SQL statement is already waiting on it, and says which error the
 * resolver then meets.
 * - PostgreSQL: a second session holds an exclusive lock on "Organization", the request's statement waits for it,
 *   and that backend is killed with pg_terminate_backend (what a failover or an administrator does).
 * - PGlite (one engine in the process): a transaction holds the engine, the request's statement is queued behind
 *   it, and the engine is closed before the statement runs.
 */
interface Cut {
  /** Called once the request was sent; resolves when the database has been cut off under it. */
  cut(): Promise<void>;
  /** The error the resolver meets, as pino serialises it. */
  realError: Record<string, unknown>;
}

async function prepareCut(backend: Backend, db: Database): Promise<Cut> {
  if (backend === 'postgres') {
    const [current] = await db.sql.query<{ name: string }>('SELECT current_database() AS name');
    const owner = await connectPostgres(withDatabase(process.env.TEST_DATABASE_URL!, current!.name), 1);
    const blocker = await owner.pool.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE "Organization" IN ACCESS EXCLUSIVE MODE');
    const waiting = `SELECT pid FROM pg_stat_activity
                      WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`;
    return {
      realError: {
        type: 'PrismaClientKnownRequestError',
        code: 'P2039',
        message: expect.stringContaining('Code: `57P01`. Message: `terminating connection due to administrator command`'),
      },
      async cut() {
        await until(async () => (await blocker.query(waiting)).rows.length > 0, 'the request to wait on the lock');
        const killed = await blocker.query(`SELECT pg_terminate_backend(pid) AS killed FROM (${waiting}) AS w`);
        expect(killed.rows.every((row) => row.killed === true)).toBe(true);
        await blocker.query('ROLLBACK');
        blocker.release();
        await owner.close();
      },
    };
  }
  const pglite = db.pglite!;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let began!: () => void;
  const holding = new Promise<void>((resolve) => (began = resolve));
  // the transaction's COMMIT fails once the engine is closed: expected
  const transaction = pglite
    .transaction(async () => {
      began();
      await held;
    })
    .catch(() => undefined);
  await holding;
  let statements = 0;
  const query = pglite.query;
  pglite.query = ((...args: Parameters<typeof query>) => {
    statements++;
    return query.apply(pglite, args);
  }) as typeof query;
  return {
    // the statement runs in the engine's WebAssembly module after it has shut down
    realError: { type: 'RuntimeError', message: expect.stringMatching(/\w/), stack: expect.stringContaining('@electric-sql/pglite') },
    async cut() {
      await until(async () => statements > 0, 'the request to send its statement');
      // close() waits for the transaction to let go of the engine: released right after it has started closing
      const closing = pglite.close();
      release();
      await transaction;
      await closing;
    },
  };
}

describe.each(backends)('error masking on %s: the database goes away while a request is in flight', (backend) => {
  let db: Database;
  let app: App;
  let server: http.Server;
  let url: string;
  const { lines, logger } = capturedLogger('info');

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    // production: the mode whose masking matters (no DEBUG_ERRORS, no details); the lines go to `lines`
    app = createApp({ nodeEnv: 'production', logger, graphql: { introspection: false } }, db);
    server = createHttpServer(app, { log: logger, production: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await db?.close().catch(() => undefined); // PGlite is closed already
  });

  it('answers a masked error with the request id, and logs the real error under that same id', async () => {
    const cut = await prepareCut(backend, db);
    lines.length = 0;
    const pending = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mutualis-csrf': '1' },
      body: JSON.stringify({ query: QUERY }),
    });
    await cut.cut();
    const response = await pending;
    const text = await response.text();
    const body = JSON.parse(text);

    // the caller: one masked error, its request id (chosen by the server: the client sent none), nothing of the cause
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(UUID);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        message: INTERNAL_ERROR_MESSAGE,
        locations: expect.any(Array),
        path: ['organizations', 'totalCount'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      },
    ]);
    expect(text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|wasm|RuntimeError|prisma|P2039|57P01|pglite|postgres|terminat|backend|connection/i);

    // the log: the real error, with its stack, under the same request id; then the access line of that request
    const errors = lines.filter((line) => line.level === 'error');
    expect(errors, JSON.stringify(lines)).toHaveLength(1);
    const [logged] = errors;
    expect(logged).toMatchObject({ requestId, path: 'organizations.totalCount', msg: expect.stringMatching(/^Erreur interne masquée : /) });
    expect(logged!.err).toMatchObject(cut.realError);
    expect(logged!.err.message).not.toBe(INTERNAL_ERROR_MESSAGE);
    expect(logged!.msg).toBe(`Erreur interne masquée : ${logged!.err.message}`);
    expect(logged!.err.stack).toMatch(/\n\s+at /);
    const access = lines.filter((line) => line.path === '/graphql');
    expect(access).toEqual([expect.objectContaining({ requestId, method: 'POST', status: 200, level: 'info' })]);
    // no other line names a request id that the caller was not given
    for (const line of lines) if (line.requestId) expect(line.requestId).toBe(requestId);
  });

  it.runIf(backend === 'postgres')('keeps serving once the pool has replaced the killed connection', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mutualis-csrf': '1' },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.organizations.totalCount).toBeGreaterThan(1000);
  });
});
