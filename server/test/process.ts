import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from '../src/config.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/** The server as `npm start` runs it: the bundle that `npm run build` makes (turbo builds it before the tests). */
const BUNDLE = path.join(repoRoot, 'server', 'dist', 'main.mjs');

/** Starts the built server as `npm start` would, with its own environment. */
export function startServer(env: Record<string, string | undefined>): ServerProcess {
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} est absent : lancez \`npm run build\` (npm test le fait).`);
  const child = spawn(process.execPath, ['--enable-source-maps', BUNDLE], {
    cwd: path.join(repoRoot, 'server'),
    env: { ...process.env, DATABASE_URL: undefined, SEED_DEMO: undefined, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Polls until the server answers GraphQL, or fails with its output. */
export async function waitUntilReady(server: ServerProcess, port: number, timeoutMs = 150_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.child.exitCode !== null) throw new Error(`server exited (${server.child.exitCode}):\n${server.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (res.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${server.output()}`);
}

export async function gqlAt<T = Record<string, unknown>>(port: number, query: string): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return res.json() as Promise<{ data?: T; errors?: unknown[] }>;
}
