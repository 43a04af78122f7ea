import fs from 'node:fs';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { createApp, type App } from '../src/app.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { connectPostgres } from '../src/db/sql.ts';
import { createLogger } from '../src/log.ts';
import { withDatabase } from './global-setup.ts';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set (CI sets it). */
export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

let counter = 0;

/** A fresh copy of the migrated, seeded template database. */
export async function openTestDatabase(backend: Backend, options: { empty?: boolean } = {}): Promise<Database> {
  if (backend === 'pglite') {
    if (options.empty) return openDatabase({ kind: 'pglite', dataDir: '' });
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ kind: 'pglite', dataDir: '' }, { loadDataDir: blob });
  }
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (!url || !template) throw new Error('TEST_DATABASE_URL is not set');
  const name = `mutualis_t_${process.pid}_${Date.now()}_${counter++}`;
  const admin = await connectPostgres(url, 1);
  await admin.sql.exec(options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.close();
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(url, name) });
  const close = db.close;
  db.close = async () => {
    await close();
    const cleanup = await connectPostgres(url, 1);
    await cleanup.sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.close();
  };
  return db;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface Client {
  /** POSTs a GraphQL request to the app (no port), with this client's session cookie and the CSRF header. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The raw response, for headers. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  cookie: string | undefined;
}

export const DEMO_PASSWORD = 'mutualis-demo';

export interface TestApp extends Client {
  db: Database;
  app: App;
  /** An anonymous client, or one carrying the given session cookie. */
  client(cookie?: string): Client;
  /** Signs a demo account in and returns its client; fails the test when sign-in fails. */
  signIn(email: string, password?: string): Promise<Client>;
  /** Counts the SQL statements Prisma sends while `fn` runs. */
  countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }>;
  close(): Promise<void>;
}

export async function createTestApp(backend: Backend): Promise<TestApp> {
  const db = await openTestDatabase(backend);
  return withApp(db, createApp({ nodeEnv: 'test' }, db));
}

export function clientFor(app: App, cookie?: string): Client {
  const client: Client = {
    cookie,
    async post(body, headers = {}) {
      return app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mutualis-csrf': '1', ...(client.cookie ? { cookie: client.cookie } : {}), ...headers },
        body: JSON.stringify(body),
      });
    },
    async gql(query, variables) {
      const response = await client.post({ query, variables });
      return response.json();
    },
  };
  return client;
}

/** The session cookie (name=value) that a response sets, if any. */
export function sessionCookieOf(response: Response): string | undefined {
  const header = response.headers.getSetCookie().find((c) => c.startsWith('mutualis_session='));
  return header?.split(';')[0];
}

export const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    __typename
    ... on MutationSignInSuccess { data { id name roles organization { siren } } }
    ... on Error { code message fields { field message } }
  }
}`;

export function withApp(db: Database, app: App): TestApp {
  const anonymous = clientFor(app);
  return {
    ...anonymous,
    db,
    app,
    client: (cookie?: string) => clientFor(app, cookie),
    async signIn(email, password = DEMO_PASSWORD) {
      const response = await anonymous.post({ query: SIGN_IN, variables: { email, password } });
      const body = (await response.json()) as GraphQLResponse<{ signIn: { __typename: string } }>;
      const cookie = sessionCookieOf(response);
      if (body.data?.signIn.__typename !== 'MutationSignInSuccess' || !cookie) {
        throw new Error(`sign-in failed for ${email}: ${JSON.stringify(body)}`);
      }
      return clientFor(app, cookie);
    },
    async countQueries(fn) {
      let statements = 0;
      const listener = () => void statements++;
      db.queryListeners.add(listener);
      try {
        const result = await fn();
        return { result, statements };
      } finally {
        db.queryListeners.delete(listener);
      }
    },
    close: () => db.close(),
  };
}

/** A logger whose JSON lines land in an array, to assert what the server writes. */
export function capturedLogger(level: 'info' | 'debug' = 'info') {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level }, stream) };
}
