import http from 'node:http';
import type { App } from './app.ts';
import type { Database } from './db/database.ts';
import { createLogger, requestIdFrom, type Logger } from './log.ts';
import { isProConnectPath, serveProConnect } from './modules/auth/proconnect-routes.ts';
import { isLibraryPath, serveLibrary } from './modules/library/routes.ts';
import { isOpenDataPath, serveOpenData } from './modules/opendata/routes.ts';
import { forbiddenBody, GRAPHQL_JSON, headerProblem, securityHeaders } from './security.ts';
import { isGraphiqlAssetPath, sendText, serveGraphiqlAsset, serveWebApp } from './web-delivery.ts';

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const READY_TIMEOUT_MS = 2000;

/** Null when the database answers `SELECT 1` through Prisma (the path every request takes), else the reason. */
async function databaseProblem(db: Database): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`la base de données ne répond pas en ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      db.prisma.$queryRawUnsafe('SELECT 1').then(
        () => null,
        () => 'la base de données ne répond pas',
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export interface HttpOptions {
  /** Access lines go there; silent by default (tests). */
  log?: Logger;
  /** HSTS on every response. */
  production?: boolean;
  /** Checked by /readyz and read by the open-data exports; without it, /readyz only reflects shutdown (exports: 503). */
  db?: Database;
}

/** How long, and how many bytes, the rest of a refused body is read and dropped before the connection is cut. */
export const LINGER = { ms: 2000, bytes: 8 * 1024 * 1024 };

/**
 * A body refused before it was read (413): closing the connection at once would reset a client that is still
 * writing it, which then sees EPIPE/ECONNRESET instead of the answer. The rest is read and dropped instead, for at
 * most LINGER.ms and LINGER.bytes (the "lingering close" of nginx and Apache); past either, the connection is cut.
 * Nothing is kept in memory, and a client that finishes its body keeps its connection.
 */
function lingerAfterRefusal(req: http.IncomingMessage) {
  const socket = req.socket;
  const readBefore = socket.bytesRead;
  // Node drops the body of a request whose answer is sent (nothing reaches 'data'): the socket's byte count tells
  // how much came since.
  const watch = setInterval(() => {
    if (socket.bytesRead - readBefore > LINGER.bytes) cut();
  }, 20);
  const timer = setTimeout(() => cut(), LINGER.ms);
  const stop = () => {
    clearInterval(watch);
    clearTimeout(timer);
  };
  const cut = () => {
    stop();
    socket.destroy();
  };
  req.once('end', stop);
  req.once('close', stop);
  socket.once('close', stop);
  req.resume();
}

/** Servers being drained by `closeGracefully`: their /readyz answers 503 so that a balancer stops sending traffic. */
const stopping = new WeakSet<http.Server>();
/** Requests still being answered, per server. */
const inFlight = new WeakMap<http.Server, Set<http.ServerResponse>>();
/**
 * GraphQL executions still running, per server: one whose client went away keeps running until it ends, and the
 * database must not be closed under it.
 */
const executing = new WeakMap<http.Server, Set<Promise<unknown>>>();

/**
 * One port: /graphql for the API, /healthz (liveness, no database) and /readyz (database and shutdown) for probes,
 * /donnees/*.csv|json for the open-data files (modules/opendata/routes.ts), everything else for the web app. Every
 * response gets the security headers and an `x-request-id`, and one access line (method, path, status, duration,
 * request id; never cookies, query strings or bodies).
 */
export function createHttpServer(app: App, options: HttpOptions = {}): http.Server {
  const log = options.log ?? createLogger({ nodeEnv: 'test' });
  const production = options.production ?? false;
  const active = new Set<http.ServerResponse>();
  const running = new Set<Promise<unknown>>();
  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : undefined);
    // Origin-form only ("/path?query"): an absolute or garbled target would break the adapter's URL parsing.
    const target = req.url?.startsWith('/') ? req.url : undefined;
    const url = new URL(target ?? '/', 'http://localhost');
    const probe = url.pathname === '/healthz' || url.pathname === '/readyz';
    active.add(res);
    res.once('finish', () => {
      if (res.statusCode === 413 && !req.complete) lingerAfterRefusal(req);
    });
    res.on('close', () => {
      active.delete(res);
      const durationMs = Number((process.hrtime.bigint() - started) / 1000n) / 1000;
      const line = { requestId, method: req.method, path: url.pathname, status: res.statusCode, durationMs, aborted: !res.writableFinished };
      // Probes come every few seconds from the orchestrator: kept out of the info stream.
      log[probe ? 'debug' : 'info'](line, `${req.method} ${url.pathname} → ${res.statusCode} en ${durationMs.toFixed(1)} ms`);
    });
    for (const [name, value] of Object.entries(securityHeaders({ production }))) res.setHeader(name, value);
    res.setHeader('x-request-id', requestId);
    if (stopping.has(server)) res.setHeader('connection', 'close'); // keep-alive clients reconnect elsewhere

    // A bug here must not take the process down, nor show a stack to the caller.
    const failed = (error: unknown) => {
      log.error({ err: error, requestId }, 'Erreur interne du serveur HTTP.');
      if (!res.headersSent) sendText(res, 500, 'Erreur interne du serveur. Réessayez plus tard.\n');
      else res.destroy();
    };
    try {
      route(req, res, url, requestId, Boolean(target), failed);
    } catch (error) {
      failed(error);
    }
  });
  type Failed = (error: unknown) => void;
  const route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, requestId: string, validTarget: boolean, failed: Failed) => {
    if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) {
      const problem = headerProblem(req.headers.origin, req.headers.host);
      if (problem) {
        res.writeHead(403, { 'content-type': GRAPHQL_JSON });
        return void res.end(forbiddenBody(problem));
      }
      const execution: Promise<unknown> = Promise.resolve(app(req, res, { requestId })).finally(() => running.delete(execution));
      return void running.add(execution);
    }
    if (!validTarget) return sendText(res, 400, 'Adresse invalide.\n');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      if (stopping.has(server)) return sendJson(res, 503, { status: 'unavailable', reason: 'arrêt en cours' });
      if (!options.db) return sendJson(res, 200, { status: 'ready' });
      return void databaseProblem(options.db).then((reason) =>
        reason ? sendJson(res, 503, { status: 'unavailable', reason }) : sendJson(res, 200, { status: 'ready' }),
      );
    }
    if (isLibraryPath(url.pathname)) return void serveLibrary(app, options.db, req, res, url, log, requestId);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Méthode non autorisée.\n', { allow: 'GET, HEAD' });
    if (isProConnectPath(url.pathname)) return void serveProConnect(options.db, req, res, url, { log, requestId, production });
    if (isOpenDataPath(url.pathname)) {
      // Public open-data files, streamed from the database: shutdown waits for the export to stop reading.
      const exporting: Promise<unknown> = serveOpenData(options.db, req, res, url, { log, requestId }).finally(() => running.delete(exporting));
      return void running.add(exporting);
    }
    // GraphiQL's files, without a CDN (graphiql.ts); its page is yoga's, on /graphql
    if (isGraphiqlAssetPath(url.pathname)) return void serveGraphiqlAsset(req, res, url).catch(failed);
    serveWebApp(req, res, url, options.db?.prisma).catch(failed);
  };
  inFlight.set(server, active);
  executing.set(server, running);
  return server;
}

/**
 * Stops accepting connections, answers 503 on /readyz, lets the requests in flight finish for at most `timeoutMs`,
 * then cuts what remains. Resolves with true when every request finished in time.
 */
export async function closeGracefully(server: http.Server, timeoutMs: number): Promise<boolean> {
  stopping.add(server);
  const active = inFlight.get(server) ?? new Set();
  const running = executing.get(server) ?? new Set();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = Date.now() + timeoutMs;
  // Keep-alive sockets become idle once their last response is sent: close them as they do.
  while ((active.size > 0 || running.size > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.closeIdleConnections();
  }
  const finished = active.size === 0 && running.size === 0;
  server.closeAllConnections();
  await closed;
  return finished;
}
