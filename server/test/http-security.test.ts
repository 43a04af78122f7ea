import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, INTERNAL_ERROR_MESSAGE, type App } from '../src/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { backends, capturedLogger, clientFor, openTestDatabase, sessionCookieOf, SIGN_IN, DEMO_PASSWORD, withApp, type TestApp } from './helpers.ts';

const APP_ORIGIN = 'https://app.collectivite.example';
const EVIL = 'https://evil.example';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function post(app: App, body: unknown, headers: Record<string, string> = {}) {
  return app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mutualis-csrf': '1', ...headers },
    body: JSON.stringify(body),
  });
}

describe('configuration of the HTTP layer', () => {
  it('reads CORS_ORIGINS as exact origins and refuses anything else', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: `${APP_ORIGIN}, http://localhost:5173` }).corsOrigins).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    for (const bad of ['*', 'null', `${APP_ORIGIN}/`, `${APP_ORIGIN}/chemin`, 'app.collectivite.example', 'javascript:alert(1)']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS invalide.*Origines exactes/s);
    }
  });

  it('refuses DEBUG_ERRORS in production', () => {
    expect(loadConfig({ DEBUG_ERRORS: '1' }).debugErrors).toBe(true);
    expect(loadConfig({}).debugErrors).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', DEBUG_ERRORS: '1' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DEBUG_ERRORS: '1' })).toThrow(/DEBUG_ERRORS invalide \(refusé en production\)/);
  });
});

describe.each(backends)('HTTP security (%s)', (backend) => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    const db = await openTestDatabase(backend);
    t = withApp(db, createApp({ nodeEnv: 'test', corsOrigins: [APP_ORIGIN, 'http://localhost:5173'] }, db));
    cookie = (await t.signIn('admin@mutualis.test')).cookie!;
  });
  afterAll(() => t?.close());

  describe('CORS', () => {
    it('gives another origin no CORS header, so its page cannot read a signed-in answer', async () => {
      const response = await t.client(cookie).post({ query: '{ viewer { name email } }' }, { origin: EVIL });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toMatch(/Origin/);
      const preflight = await t.app.fetch('http://test/graphql', {
        method: 'OPTIONS',
        headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-mutualis-csrf' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
      // and a write it sends anyway (a form cannot add the CSRF header, a script is refused by the origin check)
      const write = await t.client(cookie).post({ query: 'mutation { signOut { __typename } }' }, { origin: EVIL });
      expect(((await write.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    });

    it('allows a configured origin with credentials, for reads and writes', async () => {
      const preflight = await t.app.fetch('http://test/graphql', {
        method: 'OPTIONS',
        headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-mutualis-csrf' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-mutualis-csrf/);
      const read = await t.client(cookie).post({ query: '{ viewer { email } }' }, { origin: APP_ORIGIN });
      expect(read.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(read.headers.get('access-control-allow-credentials')).toBe('true');
      expect(read.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
      expect(((await read.json()) as any).data.viewer.email).toBe('admin@mutualis.test');
      const signIn = await post(t.app, { query: SIGN_IN, variables: { email: 'admin@mutualis.test', password: DEMO_PASSWORD } }, { origin: APP_ORIGIN });
      expect(((await signIn.json()) as any).data.signIn.__typename).toBe('MutationSignInSuccess');
      expect(sessionCookieOf(signIn)).toBeDefined();
    });

    it('still serves the same origin without any CORS header', async () => {
      const response = await t.client(cookie).post({ query: '{ viewer { email } }' }, { origin: 'http://test', host: 'test' });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(((await response.json()) as any).data.viewer.email).toBe('admin@mutualis.test');
    });
  });

  describe('security headers', () => {
    const expectSecurityHeaders = (response: Response) => {
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    };

    it('are on API answers, refusals and errors, with a script policy limited to our origin', async () => {
      const ok = await t.post({ query: '{ __typename }' });
      expectSecurityHeaders(ok);
      expect(ok.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
      expect(ok.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe/);
      expect(ok.headers.get('strict-transport-security')).toBeNull(); // not outside production
      expectSecurityHeaders(await t.post({ query: '{ nope }' }));
      expectSecurityHeaders(await t.post({ query: '{ __typename }' }, { origin: 'null' }));
      expectSecurityHeaders(await t.app.fetch('http://test/graphql/ailleurs'));
    });

    it('add HSTS in production, and GraphiQL gets a same-origin policy in development', async () => {
      const production = createApp({ nodeEnv: 'production' }, t.db);
      const answer = await post(production, { query: '{ __typename }' });
      expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expectSecurityHeaders(answer);
      const development = createApp({ nodeEnv: 'development' }, t.db);
      const graphiql = await development.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
      expect(graphiql.headers.get('content-type')).toMatch(/text\/html/);
      expect(await graphiql.text()).toMatch(/GraphiQL|graphiql/);
      // its files come from this server (graphiql.ts): scripts and workers from our origin only, no CDN
      const csp = graphiql.headers.get('content-security-policy')!;
      expect(csp.split('; ')).toEqual(expect.arrayContaining(["script-src 'self'", "worker-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]));
      expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
      expect(graphiql.headers.get('x-frame-options')).toBe('DENY');
    });
  });

  describe('malformed Origin and Host', () => {
    for (const origin of ['null', 'https://app.collectivite.example/chemin', 'javascript:alert(1)', '<script>', 'https://a b', 'file://']) {
      it(`answers Origin ${JSON.stringify(origin)} with a typed 403, never a 500`, async () => {
        for (const query of ['mutation { signOut { __typename } }', '{ __typename }']) {
          const response = await t.client(cookie).post({ query }, { origin });
          expect(response.status).toBe(403);
          expect(response.headers.get('content-type')).toMatch(/json/);
          const body = (await response.json()) as any;
          expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
          expect(body.errors[0].message).toMatch(/Origin invalide/);
          expect(body.data).toBeUndefined();
        }
      });
    }

    it('answers a malformed Host with a typed 403', async () => {
      const response = await t.post({ query: '{ __typename }' }, { host: 'a<b>' });
      expect(response.status).toBe(403);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('request id', () => {
    it('echoes a safe x-request-id and replaces anything else by a UUID', async () => {
      const safe = await t.post({ query: '{ __typename }' }, { 'x-request-id': 'lb-7f3a.9:2_X' });
      expect(safe.headers.get('x-request-id')).toBe('lb-7f3a.9:2_X');
      for (const unsafe of ['<img src=x onerror=alert(1)>', 'a'.repeat(65), 'deux mots', 'é']) {
        const response = await t.post({ query: '{ __typename }' }, { 'x-request-id': unsafe });
        expect(response.headers.get('x-request-id'), unsafe).toMatch(UUID);
      }
      expect((await t.post({ query: '{ __typename }' })).headers.get('x-request-id')).toMatch(UUID);
      // also on a refusal answered before GraphQL
      expect((await t.post({ query: '{ __typename }' }, { origin: 'null', 'x-request-id': 'refus-1' })).headers.get('x-request-id')).toBe('refus-1');
    });

    it('stores only the checked id in audit events', async () => {
      const response = await post(t.app, { query: SIGN_IN, variables: { email: 'admin@mutualis.test', password: DEMO_PASSWORD } }, { 'x-request-id': '<b>injecté</b>' });
      expect(((await response.json()) as any).data.signIn.__typename).toBe('MutationSignInSuccess');
      const id = response.headers.get('x-request-id')!;
      expect(id).toMatch(UUID);
      const event = await t.db.prisma.auditEvent.findFirst({ where: { action: 'user.signIn' }, orderBy: { id: 'desc' } });
      expect(event?.requestId).toBe(id);
      expect(await t.db.prisma.auditEvent.count({ where: { requestId: { contains: '<' } } })).toBe(0);
    });
  });
});

describe.each(backends)('internal errors (%s)', (backend) => {
  let db: Database;
  let cookie: string;
  const { lines, logger } = capturedLogger('debug');
  let app: App;

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    // development is the default NODE_ENV: the mode an attacker met on a server opened without configuration
    app = createApp({ nodeEnv: 'development', logger }, db);
    cookie = (await withApp(db, app).signIn('admin@mutualis.test')).cookie!;
  });
  afterAll(() => db.close().catch(() => undefined));

  it('keeps typed errors readable and maps known Prisma codes', async () => {
    const body = (await clientFor(app, cookie).gql('{ node(id: "pas-un-identifiant") { id } }')) as any;
    expect(body.errors[0].extensions.code).toBe('VALIDATION');
    expect(body.errors[0].extensions.requestId).toBeUndefined();
  });

  it('masks an unexpected failure in development, with the request id, and logs the real error under that id', async () => {
    await db.close(); // every database call now fails unexpectedly
    for (const [name, client] of [
      ['anonymous (fails in a resolver)', clientFor(app)],
      ['signed in (fails while loading the session)', clientFor(app, cookie)],
    ] as const) {
      const requestId = `panne-${name.split(' ')[0]}`;
      lines.length = 0;
      const response = await client.post({ query: '{ organizations(first: 1) { totalCount } }' }, { 'x-request-id': requestId });
      const text = await response.text();
      const body = JSON.parse(text);
      expect(body.errors, name).toHaveLength(1);
      expect(body.errors[0].message).toBe(INTERNAL_ERROR_MESSAGE);
      expect(body.errors[0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId });
      expect(body.errors[0].extensions.originalError).toBeUndefined();
      // nothing of the cause: no stack, no file path, no driver or Prisma wording
      expect(text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|prisma|PGlite|pool|closed/i);
      expect(response.headers.get('x-request-id')).toBe(requestId);

      const logged = lines.filter((line) => line.level === 'error');
      expect(logged, name).toHaveLength(1);
      expect(logged[0]!.requestId).toBe(requestId);
      expect(logged[0]!.err.message).toMatch(/\w/);
      expect(logged[0]!.err.message).not.toBe(INTERNAL_ERROR_MESSAGE);
      expect(logged[0]!.err.stack).toMatch(/at .*:\d+/);
      expect(logged[0]!.msg).toMatch(/^Erreur interne masquée : /);
      // and never the session cookie
      expect(JSON.stringify(lines)).not.toContain(cookie.split('=')[1]!);
    }
  });

  it('shows the details only with DEBUG_ERRORS', async () => {
    const debug = createApp({ nodeEnv: 'development', debugErrors: true, logger }, db);
    const body = (await clientFor(debug).gql('{ organizations(first: 1) { totalCount } }')) as any;
    expect(body.errors[0].message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(body.errors[0].extensions.originalError.message).toMatch(/\w/);
    expect(body.errors[0].extensions.requestId).toMatch(UUID);
    // the flag is ignored in production even if a caller passes it
    const production = createApp({ nodeEnv: 'production', debugErrors: true, logger }, db);
    const masked = (await clientFor(production).gql('{ organizations(first: 1) { totalCount } }')) as any;
    expect(masked.errors[0].extensions.originalError).toBeUndefined();
  });
});
