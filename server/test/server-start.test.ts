import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig, ConfigError } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { connectPostgres } from '../src/db/sql.ts';
import { withDatabase } from './global-setup.ts';
import { backends, type Backend } from './helpers.ts';
import { freePort, gqlAt, startServer, waitUntilReady, type ServerProcess } from './process.ts';

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 4000, with demo data outside production', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database.kind).toBe('pglite');
    expect(config.seedDemo).toBe(true);
  });

  it('uses a PostgreSQL server when DATABASE_URL is set, and no demo data unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x' });
    // a pool of 10 connections by default, where a request waits up to 30 s in line rather than failing
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://postgres@127.0.0.1:5432/x', pool: { size: 10, waitMs: 30_000 } });
    expect(loadConfig({ DATABASE_URL: 'postgresql://h/x', DATABASE_POOL_SIZE: '40', DATABASE_POOL_WAIT_MS: '1000' }).database).toMatchObject({ pool: { size: 40, waitMs: 1000 } });
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://h/x', DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE invalide/);
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://h/x', SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
  });

  it('explains a bad variable with its description', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT invalide.*Port HTTP/s);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL invalide/);
  });
});

describe('starting the server', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-start-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses an unreachable database with one clear sentence and a non-zero exit', async () => {
    const port = await freePort();
    const server = startServer({ PORT: String(port), DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere` });
    const code = await server.exited;
    expect(code).toBe(1);
    const output = server.output().trim();
    // one JSON log line whose message is the sentence a person reads
    expect(output.split('\n')).toHaveLength(1);
    const line = JSON.parse(output);
    expect(line.level).toBe('fatal');
    expect(line.msg).toMatch(/^Erreur : Impossible d’ouvrir la base PostgreSQL .* démarrez PostgreSQL/);
    expect(output).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses an invalid PORT before touching any database', async () => {
    const server = startServer({ PORT: 'quatre-mille', DATA_DIR: path.join(dataDir, 'never') });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORT invalide/);
    expect(fs.existsSync(path.join(dataDir, 'never'))).toBe(false);
  });

  it('creates the embedded database on first start, serves API and web app, and reuses it on restart', async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir };
    const first = startServer(env);
    try {
      await waitUntilReady(first, port);
      expect(first.output()).toMatch(/communes : 34\s\d{3}/);
      const res = await gqlAt<{ organizations: { totalCount: number } }>(port, '{ organizations(filter: {kind: EPCI}) { totalCount } }');
      expect(res.data!.organizations.totalCount).toBe(1255);
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(home.headers.get('content-type')).toMatch(/text\/html/);
      expect(await home.text()).toMatch(/<div id="root">/);
      const deep = await fetch(`http://127.0.0.1:${port}/territoires/242500361`);
      expect(await deep.text()).toMatch(/<div id="root">/);
      // a second process may not open the same embedded database
      const intruder = startServer({ PORT: String(await freePort()), DATA_DIR: dataDir });
      expect(await intruder.exited).toBe(1);
      expect(intruder.output()).toMatch(/déjà ouverte par un autre processus/);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const second = startServer(env);
    try {
      await waitUntilReady(second, port);
      // nothing imported again: the registry was already there
      expect(second.output()).not.toMatch(/Import du référentiel/);
      const res = await gqlAt<{ organizations: { totalCount: number } }>(port, '{ organizations(filter: {kind: COMMUNE}) { totalCount } }');
      expect(res.data!.organizations.totalCount).toBeGreaterThanOrEqual(34000);
    } finally {
      await second.stop();
    }
  });
});

/** A database the server process can open at once: a copy of the migrated, seeded test template. */
async function serverDatabase(backend: Backend): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-ops-'));
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    await (await openDatabase({ kind: 'pglite', dataDir: dir }, { loadDataDir: blob })).close();
    return { env: { DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `mutualis_ops_${process.pid}_${Date.now()}`;
  const admin = await connectPostgres(url, 1);
  await admin.sql.exec(`CREATE DATABASE "${name}" TEMPLATE "${inject('postgresTemplate')}"`);
  await admin.close();
  return {
    env: { DATABASE_URL: withDatabase(url, name) },
    async drop() {
      const cleanup = await connectPostgres(url, 1);
      await cleanup.sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.close();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every line the server wrote, parsed: a line that is not JSON fails the test. */
function logLines(server: ServerProcess): Record<string, any>[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
}

/** A raw HTTP/1.1 connection, to keep a request in flight (its body half sent) across a signal. */
function rawConnection(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  return { socket, closed };
}

describe.each(backends)('operating the server (%s)', (backend) => {
  let database: Awaited<ReturnType<typeof serverDatabase>>;
  beforeAll(async () => {
    database = await serverDatabase(backend);
  });
  afterAll(() => database?.drop());

  it('answers probes, sets security headers, and on SIGTERM lets the request in flight finish, then exits 0', async () => {
    const port = await freePort();
    const server = startServer({ PORT: String(port), ...database.env });
    try {
      await waitUntilReady(server, port);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
      for (const response of [health, await fetch(`http://127.0.0.1:${port}/`), await fetch(`http://127.0.0.1:${port}/territoires/x`)]) {
        expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'.*frame-ancestors 'none'/);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
      // the attacker's findings, over a real socket
      const evil = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify({ query: '{ viewer { name } }' }),
      });
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
      const nullOrigin = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'null', 'x-mutualis-csrf': '1' },
        body: JSON.stringify({ query: 'mutation { signOut { __typename } }' }),
      });
      expect(nullOrigin.status).toBe(403);
      expect(((await nullOrigin.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');

      // A request whose body is still arriving when SIGTERM comes, then a probe on the same connection.
      const body = JSON.stringify({ query: '{ organizations(filter: {kind: EPCI}) { totalCount } }' });
      const head = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nx-request-id: en-vol-1\r\n\r\n`;
      const connection = rawConnection(port);
      connection.socket.write(head + body.slice(0, 10));
      await sleep(300);
      server.child.kill('SIGTERM');
      await sleep(700);
      expect(server.child.exitCode).toBeNull(); // still waiting for our request
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow(); // no new connection accepted
      connection.socket.write(body.slice(10) + `GET /readyz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nx-request-id: pendant-arret\r\n\r\n`);
      const received = await connection.closed;
      expect(received).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(received).toMatch(/x-request-id: en-vol-1/i);
      expect(received).toContain('{"data":{"organizations":{"totalCount":1255}}}');
      expect(received).toMatch(/HTTP\/1\.1 503[^]*"reason":"arrêt en cours"/);
      expect(await server.exited).toBe(0);

      const lines = logLines(server);
      const messages = lines.map((line) => line.msg as string);
      expect(messages.some((m) => /^Mutualis est prêt en [\d.]+ s/.test(m))).toBe(true);
      const access = lines.filter((line) => line.path !== undefined);
      expect(access.length).toBeGreaterThanOrEqual(6);
      for (const line of access) {
        expect(line.requestId).toMatch(/^[A-Za-z0-9._:-]{1,64}$/);
        expect(line).toMatchObject({ level: 'info', method: expect.any(String), status: expect.any(Number), durationMs: expect.any(Number) });
        expect(JSON.stringify(line)).not.toMatch(/cookie|query|organizations/i);
      }
      const inFlight = lines.findIndex((line) => line.requestId === 'en-vol-1');
      expect(lines[inFlight]).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });
      const signal = messages.findIndex((m) => m.startsWith('SIGTERM reçu'));
      const stopped = messages.indexOf('Mutualis est arrêté.');
      expect(signal).toBeGreaterThan(0);
      expect(inFlight).toBeGreaterThan(signal);
      expect(stopped).toBeGreaterThan(inFlight);
      expect(lines.find((line) => line.status === 403)?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await server.stop();
    }
  });

  it('exits at once on a second signal, even with a request in flight', async () => {
    const port = await freePort();
    const server = startServer({ PORT: String(port), ...database.env });
    try {
      await waitUntilReady(server, port);
      const connection = rawConnection(port);
      connection.socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"qu`);
      await sleep(300);
      server.child.kill('SIGTERM');
      await sleep(500);
      expect(server.child.exitCode).toBeNull();
      const second = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(1);
      expect(Date.now() - second).toBeLessThan(2000);
      expect(logLines(server).some((line) => /reçu une seconde fois/.test(line.msg))).toBe(true);
      connection.socket.destroy();
    } finally {
      await server.stop();
    }
  });

  it.runIf(backend === 'postgres')('answers 503 on /readyz, with the reason, when the database is gone; /healthz stays 200', async () => {
    const port = await freePort();
    const server = startServer({ PORT: String(port), ...database.env });
    try {
      await waitUntilReady(server, port);
      await database.drop();
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', reason: expect.stringMatching(/base de données ne répond pas/) });
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
