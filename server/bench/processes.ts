// The processes the bench starts: the built server in production mode and the hand-written baseline, each a child
// process measured from /proc (VmRSS sampled through the runs, VmHWM: the peak the kernel saw).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface Child {
  name: string;
  port: number;
  pid: number;
  /** Resident memory now and its peak (VmHWM), in MB; null once the process is gone. */
  memory(): { rss: number; peak: number } | null;
  stop(): Promise<void>;
}

/** A port nobody listens on (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(/^\w+:\s+(\d+)/.exec(status.split('\n').find((l) => l.startsWith(key)) ?? '')?.[1] ?? NaN);
    return { rss: kb('VmRSS:') / 1024, peak: kb('VmHWM:') / 1024 };
  } catch {
    return null;
  }
}

async function waitReady(url: string, child: ChildProcess, name: string, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${name} s’est arrêté au démarrage (code ${child.exitCode}) ; voir ${logFile}.`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} n’a pas répondu sur ${url} en ${timeoutMs / 1000} s ; voir ${logFile}.`);
}

function startChild(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  readyPath: string,
  logFile: string,
): Promise<Child> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  // an undefined value removes the variable (an empty one would be read, and refused, by the server's config)
  const merged = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined));
  const child = spawn(command, args, { env: merged, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: Child = {
    name,
    port,
    pid: child.pid!,
    memory: () => (child.exitCode === null ? memoryOf(child.pid!) : null),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return waitReady(`http://127.0.0.1:${port}${readyPath}`, child, name, logFile).then(
    () => handle,
    async (error) => {
      await handle.stop();
      throw error;
    },
  );
}

/** The built server (server/dist/main.mjs) as in production, its database behind the counting proxy. */
export async function startServer(repoRoot: string, databaseUrl: string, logFile: string): Promise<Child> {
  const port = await freePort();
  return startChild(
    'Le serveur Mutualis',
    process.execPath,
    [path.join(repoRoot, 'server/dist/main.mjs')],
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      // the writers of the Mixed run come from several (forwarded) addresses, as behind a load balancer
      TRUST_PROXY: '1',
      // an access line per request would measure the log pipe, not the API (the baseline writes none)
      LOG_LEVEL: 'warn',
      SEED_DEMO: undefined,
      DATABASE_OWNER_URL: undefined,
      GRAPHQL_INTROSPECTION: undefined,
      TRUSTED_DOCUMENTS_ONLY: undefined,
    },
    port,
    '/readyz',
    logFile,
  );
}

/** The hand-written baseline (baseline/server.ts), a node:http + pg process. */
export async function startBaseline(benchDir: string, databaseUrl: string, logFile: string): Promise<Child> {
  const port = await freePort();
  return startChild(
    'La référence écrite à la main',
    process.execPath,
    ['--import', 'tsx', path.join(benchDir, 'baseline/server.ts')],
    { NODE_ENV: 'production', BASELINE_DATABASE_URL: databaseUrl, PORT: String(port) },
    port,
    '/healthz',
    logFile,
  );
}
