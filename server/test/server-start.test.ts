import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../src/config.ts';
import { freePort, gqlAt, startServer, waitUntilReady } from './process.ts';

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 4000, with demo data outside production', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database.kind).toBe('pglite');
    expect(config.seedDemo).toBe(true);
  });

  it('uses a PostgreSQL server when DATABASE_URL is set, and no demo data unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://postgres@127.0.0.1:5432/x' });
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
    expect(output).toMatch(/^Erreur : Impossible d’ouvrir la base PostgreSQL .* démarrez PostgreSQL/);
    expect(output.split('\n')).toHaveLength(1);
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
