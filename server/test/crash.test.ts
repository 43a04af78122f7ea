import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { connectPostgres, type Sql } from '../src/db/sql.ts';
import { withDatabase } from './global-setup.ts';
import { backends, DEMO_PASSWORD, SIGN_IN, type Backend } from './helpers.ts';
import { freePort, startServer, waitUntilReady, type ServerProcess } from './process.ts';

/**
 * Durability under SIGKILL: the real server process is killed at a random moment while it acknowledges a stream of
 * writes, restarted on the same data (a PGlite data directory on disk, or a PostgreSQL database), and the data must
 * hold every acknowledged write and no half state — each change and its AuditEvent are committed together or not
 * at all. CRASH_ITERATIONS (default 20) kills per backend; CRASH_SEED replays the kill moments.
 */

const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
const BESANCON = '212500565';
const ACCOUNT = 'dsi@besancon.test';

type Stream = 'deployment' | 'charter' | 'review' | 'declare';

interface Write {
  stream: Stream;
  /** The unique value this write sets (users, url, title or service). */
  value: string;
  iteration: number;
}

interface Fixture {
  deploymentId: number;
  deploymentGid: string;
  reviewToolSlug: string;
  declareSlugs: string[];
  organizationId: number;
}

const RESULT = `__typename ... on Error { code message }`;
const WRITES: Record<Stream, (f: Fixture, n: number, declareSlug: string) => { query: string; variables: Record<string, unknown>; value: string }> = {
  deployment: (f, n) => ({
    query: `mutation($id: ID!, $i: UpdateDeploymentInput!) { m: updateDeployment(id: $id, input: $i) { ${RESULT} } }`,
    variables: { id: f.deploymentGid, i: { users: n } },
    value: String(n),
  }),
  charter: (_f, n) => ({
    query: `mutation($u: String) { m: setCharter(organizationSiren: "${BESANCON}", status: PLANNED, url: $u) { ${RESULT} } }`,
    variables: { u: `https://crash.test/charte/${n}` },
    value: `https://crash.test/charte/${n}`,
  }),
  review: (f, n) => ({
    query: `mutation($i: SubmitReviewInput!) { m: submitReview(input: $i) { ${RESULT} } }`,
    variables: { i: { toolSlug: f.reviewToolSlug, rating: 1 + (n % 5), title: `Avis crash ${n}`, body: `Avis écrit par le test d’arrêt brutal, numéro ${n}.` } },
    value: `Avis crash ${n}`,
  }),
  declare: (_f, n, slug) => ({
    query: `mutation($i: DeclareDeploymentInput!) { m: declareDeployment(input: $i) { ${RESULT} } }`,
    variables: { i: { toolSlug: slug, status: 'EXPLORING', service: `crash ${n}` } },
    value: `crash ${n}`,
  }),
};

/** What the data says, read with SQL while no server runs. */
interface State {
  deploymentUsers: string | null;
  charterUrl: string | null;
  reviewTitle: string | null;
  /** Values in the AuditEvent `after` of each stream, in commit order. */
  events: Record<Stream, string[]>;
  /** Besançon deployments whose service starts with "crash ", and the ids the declare events name. */
  declared: { service: string; id: string }[];
  declareEventIds: string[];
  reviewVersions: number;
  reviewSubmitsWithBefore: number;
  sessionAlive: boolean;
}

async function readState(sql: Sql, f: Fixture, tokenHash: string | undefined): Promise<State> {
  const one = async <T>(text: string, params: unknown[] = []) => (await sql.query<T>(text, params))[0];
  const events = async (action: string, key: string, where = '') =>
    (await sql.query<{ v: string }>(`SELECT "after"->>'${key}' AS v FROM "AuditEvent" WHERE action = $1 ${where} ORDER BY id`, [action])).map((r) => r.v);
  const review = await one<{ id: number; title: string }>(
    `SELECT r.id, r.title FROM "Review" r JOIN "Tool" t ON t.id = r."toolId" WHERE t.slug = $1 AND r."organizationId" = $2`,
    [f.reviewToolSlug, f.organizationId],
  );
  return {
    deploymentUsers: (await one<{ users: number | null }>(`SELECT users FROM "Deployment" WHERE id = $1`, [f.deploymentId]))?.users?.toString() ?? null,
    charterUrl: (await one<{ url: string | null }>(`SELECT "charterUrl" AS url FROM "Organization" WHERE id = $1`, [f.organizationId]))?.url ?? null,
    reviewTitle: review?.title ?? null,
    events: {
      deployment: await events('deployment.update', 'users', `AND "entityId" = '${f.deploymentId}'`),
      charter: await events('organization.setCharter', 'charterUrl', `AND "entityId" = '${f.organizationId}'`),
      review: review ? await events('review.submit', 'title', `AND "entityId" = '${review.id}'`) : [],
      declare: await events('deployment.declare', 'service', `AND "after"->>'service' LIKE 'crash %'`),
    },
    declared: await sql.query<{ service: string; id: string }>(
      `SELECT service, id::text AS id FROM "Deployment" WHERE "organizationId" = $1 AND service LIKE 'crash %' ORDER BY id`,
      [f.organizationId],
    ),
    declareEventIds: (
      await sql.query<{ id: string }>(`SELECT "entityId" AS id FROM "AuditEvent" WHERE action = 'deployment.declare' AND "after"->>'service' LIKE 'crash %' ORDER BY "entityId"::int`)
    ).map((r) => r.id),
    reviewVersions: review ? (await one<{ n: number }>(`SELECT count(*)::int AS n FROM "ReviewVersion" WHERE "reviewId" = $1`, [review.id]))!.n : 0,
    reviewSubmitsWithBefore: review
      ? (await one<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'review.submit' AND "entityId" = $1 AND "before" IS NOT NULL AND "before" <> 'null'::jsonb`, [String(review.id)]))!.n
      : 0,
    sessionAlive: tokenHash ? !!(await one(`SELECT 1 FROM "Session" WHERE "tokenHash" = $1`, [tokenHash])) : true,
  };
}

describe.each(backends)('SIGKILL during acknowledged writes on %s', (backend: Backend) => {
  let dataDir = '';
  let databaseUrl = '';
  let dbName = '';
  let port = 0;
  let fixture: Fixture;
  let initial: State;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-crash-'));

  /** Opens the data with SQL while the server is down (PGlite: in this process, which replays its WAL). */
  async function withSql<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (backend === 'pglite') {
      const db = await openDatabase({ kind: 'pglite', dataDir });
      try {
        return await fn(db.sql);
      } finally {
        await db.close();
      }
    }
    const connection = await connectPostgres(databaseUrl, 1);
    try {
      return await fn(connection.sql);
    } finally {
      await connection.close();
    }
  }

  beforeAll(async () => {
    port = await freePort();
    if (backend === 'pglite') {
      dataDir = path.join(dir, 'data');
      fs.mkdirSync(dataDir);
      // a copy of the seeded template, written to disk: the server then starts on existing data, as after a crash
      const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
      const db = await openDatabase({ kind: 'pglite', dataDir }, { loadDataDir: blob });
      await db.close();
    } else {
      const url = process.env.TEST_DATABASE_URL!;
      dbName = `mutualis_crash_${process.pid}_${Date.now()}`;
      const admin = await connectPostgres(url, 1);
      await admin.sql.exec(`CREATE DATABASE "${dbName}" TEMPLATE "${inject('postgresTemplate')}"`);
      await admin.close();
      databaseUrl = withDatabase(url, dbName);
    }
    fixture = await withSql(async (sql) => {
      const [org] = await sql.query<{ id: number }>(`SELECT id FROM "Organization" WHERE siren = $1`, [BESANCON]);
      const free = await sql.query<{ slug: string }>(
        `SELECT slug FROM "Tool" t WHERE t."archivedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "Deployment" d WHERE d."toolId" = t.id AND d."organizationId" = $1) ORDER BY slug`,
        [org!.id],
      );
      return {
        organizationId: org!.id,
        // the deployment the streams update (and whose tool they review) is declared by the first start, below
        deploymentId: 0,
        deploymentGid: '',
        reviewToolSlug: free[0]!.slug,
        declareSlugs: free.slice(1).map((r) => r.slug),
      };
    });
    initial = await withSql((sql) => readState(sql, fixture, undefined));
  });

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (dbName) {
      const admin = await connectPostgres(process.env.TEST_DATABASE_URL!, 1);
      await admin.sql.exec(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.close();
    }
  });

  it(`keeps every acknowledged write and no half state across ${ITERATIONS} SIGKILLs`, { timeout: 900_000 }, async () => {
    console.log(`[crash ${backend}] graine CRASH_SEED=${SEED}, ${ITERATIONS} arrêts brutaux`);
    // when to kill: after the k-th acknowledged write of the iteration, plus a delay (the next writes are in flight)
    const kills = fc.sample(fc.record({ afterAcks: fc.integer({ min: 1, max: 8 }), delayMs: fc.integer({ min: 0, max: 400 }) }), { seed: SEED, numRuns: ITERATIONS });
    const env = backend === 'pglite' ? { DATA_DIR: dataDir } : { DATABASE_URL: databaseUrl };
    const acked: Write[] = [];
    const attempted: Write[] = [];
    const restarts: number[] = [];
    const inspections: number[] = [];
    const staleLocks: string[] = [];
    const refusals = new Map<string, number>();
    let cookie: string | undefined;
    let tokenHash: string | undefined;
    let counter = 1_000;
    let declareIndex = 0;
    let lastState: State | undefined;

    const start = async (): Promise<ServerProcess> => {
      const t0 = Date.now();
      let server = startServer({ ...env, PORT: String(port), LOG_LEVEL: 'warn' });
      try {
        await waitUntilReady(server, port);
      } catch (error) {
        const output = server.output();
        if (backend === 'pglite' && /déjà ouverte par un autre processus/.test(output)) {
          // A stale lock left by the killed process (its pid is dead, or reused by another program): the lock
          // owner's check is another engineer's fix. Record it and remove the stale lock so the test goes on.
          staleLocks.push(output.trim().split('\n').at(-1)!);
          for (const name of fs.readdirSync(dataDir)) if (/lock/i.test(name)) fs.rmSync(path.join(dataDir, name), { force: true });
          server = startServer({ ...env, PORT: String(port), LOG_LEVEL: 'warn' });
          await waitUntilReady(server, port);
        } else throw error;
      }
      restarts.push(Date.now() - t0);
      return server;
    };

    const post = async (body: unknown) =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mutualis-csrf': '1', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });

    const check = (state: State, iteration: number) => {
      const where = `itération ${iteration}`;
      for (const stream of ['deployment', 'charter', 'review', 'declare'] as Stream[]) {
        const events = state.events[stream];
        const mine = attempted.filter((w) => w.stream === stream).map((w) => w.value);
        // every acknowledged write has its event: it was committed
        for (const w of acked.filter((a) => a.stream === stream)) expect(events, `${where} : écriture acquittée perdue (${stream} ${w.value})`).toContain(w.value);
        // no event for something never sent (the stream's values are unique)
        const ours = events.slice(initial.events[stream].length); // events ordered by id: the test's come after the template's
        for (const v of ours) expect(mine, `${where} : événement inconnu ${stream} ${v}`).toContain(v);
      }
      // the entity is in the state its last event describes: no change without its event, nor the other way round
      const last = (s: Stream) => state.events[s].at(-1) ?? null;
      if (state.events.deployment.length) expect(state.deploymentUsers, `${where} : déploiement ≠ dernier événement`).toBe(last('deployment'));
      if (state.events.charter.length) expect(state.charterUrl, `${where} : charte ≠ dernier événement`).toBe(last('charter'));
      if (state.events.review.length) expect(state.reviewTitle, `${where} : avis ≠ dernier événement`).toBe(last('review'));
      expect(state.reviewVersions, `${where} : versions d’avis ≠ soumissions qui en remplacent un`).toBe(state.reviewSubmitsWithBefore);
      expect(state.declared.map((d) => d.id).sort(), `${where} : déploiements déclarés ≠ événements de déclaration`).toEqual([...state.declareEventIds].sort());
      expect(state.declared.map((d) => d.service).sort()).toEqual([...state.events.declare].sort());
      expect(state.sessionAlive, `${where} : la session ouverte a disparu`).toBe(true);
    };

    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const server = await start();
      if (!cookie) {
        const response = await post({ query: SIGN_IN, variables: { email: ACCOUNT, password: DEMO_PASSWORD } });
        const body = (await response.json()) as { data?: { signIn: { __typename: string } } };
        expect(body.data?.signIn.__typename).toBe('MutationSignInSuccess');
        cookie = response.headers.getSetCookie().find((c) => c.startsWith('mutualis_session='))!.split(';')[0];
        const { hashToken } = await import('../src/modules/auth/session.ts');
        tokenHash = hashToken(decodeURIComponent(cookie!.split('=').slice(1).join('=')));
        const declared = await post({
          query: `mutation($i: DeclareDeploymentInput!) { m: declareDeployment(input: $i) { __typename ... on MutationDeclareDeploymentSuccess { data { id } } } }`,
          variables: { i: { toolSlug: fixture.reviewToolSlug, status: 'PRODUCTION', users: 1 } },
        });
        const id = ((await declared.json()) as { data: { m: { data: { id: string } } } }).data.m.data.id;
        fixture.deploymentGid = id;
        fixture.deploymentId = Number(Buffer.from(id, 'base64').toString().split(':')[1]);
      }
      let killed = false;
      const stream = async (kind: Stream, pauseMs: number) => {
        while (!killed) {
          if (kind === 'declare' && declareIndex >= fixture.declareSlugs.length) return;
          const n = counter++;
          const slug = fixture.declareSlugs[declareIndex] ?? '';
          const write = WRITES[kind](fixture, n, slug);
          const record: Write = { stream: kind, value: write.value, iteration };
          attempted.push(record);
          if (kind === 'declare') declareIndex++;
          try {
            const response = await post({ query: write.query, variables: write.variables });
            const body = (await response.json()) as { data?: { m?: { __typename: string; code?: string } }; errors?: { message: string }[] };
            const typename = body.data?.m?.__typename ?? `HTTP ${response.status} ${body.errors?.[0]?.message.slice(0, 120)}`;
            if (typename.endsWith('Success')) {
              if (killed) return; // answered after the kill signal was decided: counted only if it survives
              acked.push(record);
            }
            else refusals.set(`${kind} ${body.data?.m?.code ?? typename}`, (refusals.get(`${kind} ${body.data?.m?.code ?? typename}`) ?? 0) + 1);
          } catch {
            return; // the connection died with the process: not acknowledged
          }
          if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
        }
      };
      const streams = [stream('deployment', 0), stream('charter', 0), stream('review', 0), stream('declare', 400)];
      const ackedBefore = acked.length;
      const until = Date.now() + 60_000;
      while (acked.length - ackedBefore < kills[iteration]!.afterAcks && Date.now() < until && server.child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, kills[iteration]!.delayMs));
      killed = true;
      server.child.kill('SIGKILL');
      await server.exited;
      await Promise.all(streams);

      const t0 = Date.now();
      const state = await withSql(async (sql) => {
        const read = await readState(sql, fixture, tokenHash);
        // the write limit (120 a minute per account) would refuse this test's own stream after a few iterations
        await sql.query(`DELETE FROM "RateLimit" WHERE key LIKE 'write:%'`);
        return read;
      });
      inspections.push(Date.now() - t0);
      lastState = state;
      check(state, iteration);
    }

    // the last restart: the server comes back on the data and serves the acknowledged state
    const server = await start();
    try {
      const response = await post({ query: `{ viewer { email } organization(siren: "${BESANCON}") { charter { url } } }` });
      const body = (await response.json()) as { data?: { viewer: { email: string } | null; organization: { charter: { url: string | null } | null } } };
      expect(body.data?.viewer?.email).toBe(ACCOUNT);
      const lastCharter = acked.filter((w) => w.stream === 'charter').at(-1);
      const url = body.data?.organization.charter?.url;
      if (process.env.CRASH_DEBUG) console.log(JSON.stringify(body), lastState?.charterUrl, lastState?.events.charter.slice(-3), attempted.filter((w) => w.stream === 'charter').slice(-3));
      // the restarted server serves exactly what the database held after the last kill (checked above against the
      // acknowledged writes and the audit log)
      if (lastCharter) expect(url).toBe(lastState!.charterUrl);
    } finally {
      await server.stop();
    }

    const avg = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));
    const byStream = Object.fromEntries((['deployment', 'charter', 'review', 'declare'] as Stream[]).map((s) => [s, acked.filter((w) => w.stream === s).length]));
    console.log(
      `[crash ${backend}] ${ITERATIONS} SIGKILL ; ${acked.length} écritures acquittées vérifiées (${JSON.stringify(byStream)}), ${attempted.length} envoyées ; ` +
        `refus ${JSON.stringify(Object.fromEntries(refusals))} ; redémarrages ${avg(restarts)} ms en moyenne (min ${Math.min(...restarts)}, max ${Math.max(...restarts)}) ; ` +
        `lecture SQL après arrêt ${avg(inspections)} ms ; verrous périmés ${staleLocks.length}${staleLocks.length ? ` (${staleLocks[0]})` : ''}`,
    );
    expect(acked.length).toBeGreaterThanOrEqual(ITERATIONS);
    expect(staleLocks, 'the server refused a stale PGlite lock after SIGKILL').toEqual([]);
  });
});
