import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { PrismaClient } from '@mutualis/db/client';
import { repoRoot } from './config.ts';
import { GRAPHIQL_ASSETS_PATH, graphiqlAsset } from './graphiql.ts';
import { webStatus } from './web-routes.ts';

// The built web app (web/dist) and GraphiQL's files as browsers get them: compressed (brotli or gzip, after the
// request's Accept-Encoding), hashed files cached for a year, the page itself revalidated on every visit, and the
// right status (404 for an address that names nothing, with the app's page so that it shows « introuvable »).
//
// Compression is the server's, with node:zlib, once per file and kept in memory (the set of files is fixed: the
// build's and GraphiQL's), rather than .br/.gz files written by a Vite plugin: no build dependency, and the same code
// compresses what Vite does not build (GraphiQL's bundle, the 404 variant of index.html). The first request for a file
// pays its compression (asynchronous, on libuv's thread pool: the event loop keeps serving); the others read memory.

export const webDist = path.join(repoRoot, 'web', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Types worth compressing (images and fonts already are). */
const COMPRESSIBLE = /^(?:text\/|application\/json|image\/svg\+xml)/;
/** Below this, the headers weigh more than what compression saves. */
const MIN_COMPRESSED_BYTES = 512;

type Encoding = 'br' | 'gzip';

/** The encoding to answer in: brotli, else gzip, when Accept-Encoding takes it (q > 0, or through "*"). */
export function chooseEncoding(header: string | string[] | undefined): Encoding | null {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const weights = new Map<string, number>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    weights.set(name, q ? Number(q[1]) : 1);
  }
  const accepts = (encoding: Encoding) => (weights.get(encoding) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

function compress(body: Buffer, encoding: Encoding, type: string): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(body, { level: 9 });
  // the best brotli for the app's files; a lighter one for GraphiQL's megabytes, compressed on first use
  const quality = body.length > 1_000_000 ? 5 : zlib.constants.BROTLI_MAX_QUALITY;
  const mode = type.startsWith('text/') ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC;
  return brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_MODE]: mode, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
}

/** Compressed bodies by content key and encoding; a failed compression is forgotten, so the next request retries. */
const compressed = new Map<string, Promise<Buffer>>();

function compressedBody(key: string, body: Buffer, encoding: Encoding, type: string): Promise<Buffer> {
  const id = `${encoding}:${key}`;
  let entry = compressed.get(id);
  if (!entry) {
    entry = compress(body, encoding, type);
    entry.catch(() => compressed.delete(id));
    compressed.set(id, entry);
  }
  return entry;
}

/** Sends a body, compressed when the type and the request allow it; `key` names its content for the cache. */
export async function sendBody(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  reply: { status: number; type: string; cache: string; body: Buffer; key: string; etag?: string },
): Promise<void> {
  const compressible = COMPRESSIBLE.test(reply.type);
  // revalidation (index.html is « no-cache »): the same content answers 304 without a body
  if (reply.etag && reply.status === 200 && ifNoneMatch(req.headers['if-none-match'], reply.etag)) {
    res.writeHead(304, { etag: reply.etag, 'cache-control': reply.cache, ...(compressible ? { vary: 'Accept-Encoding' } : {}) });
    return void res.end();
  }
  const encoding = compressible && reply.body.length >= MIN_COMPRESSED_BYTES ? chooseEncoding(req.headers['accept-encoding']) : null;
  const body = encoding ? await compressedBody(reply.key, reply.body, encoding, reply.type) : reply.body;
  res.writeHead(reply.status, {
    'content-type': reply.type,
    'cache-control': reply.cache,
    'content-length': body.length,
    // caches keep one copy per encoding, even of an answer sent uncompressed
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
    ...(encoding ? { 'content-encoding': encoding } : {}),
    ...(reply.etag && reply.status === 200 ? { etag: reply.etag } : {}),
  });
  res.end(body);
}

/** True when If-None-Match names the entity tag (weak comparison, as for GET), or is "*". */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** A file of web/dist read once per version (modification time and size), then served from memory. */
const files = new Map<string, { version: string; body: Buffer; etag: string }>();

function readFile(file: string): { key: string; body: Buffer; etag: string } | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  const version = `${stat.mtimeMs}:${stat.size}`;
  let entry = files.get(file);
  if (entry?.version !== version) {
    const body = fs.readFileSync(file);
    // weak: the same tag for every encoding of the content
    entry = { version, body, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
    files.set(file, entry);
  }
  return { key: `${file}@${version}`, body: entry.body, etag: entry.etag };
}

const NOT_FOUND_TITLE = '<title>Page introuvable — Mutualis</title>';

/** Serves GraphiQL's files (graphiql.ts); false when the address is not one of theirs. */
export function isGraphiqlAssetPath(pathname: string): boolean {
  return pathname.startsWith(GRAPHIQL_ASSETS_PATH);
}

export async function serveGraphiqlAsset(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const name = url.pathname.slice(GRAPHIQL_ASSETS_PATH.length);
  const asset = await graphiqlAsset(name);
  if (!asset) return sendText(res, 404, 'Introuvable.\n');
  await sendBody(req, res, { status: 200, type: asset.type, cache: IMMUTABLE, body: asset.body, key: `graphiql:${url.pathname}` });
}

export function sendText(res: http.ServerResponse, status: number, text: string, headers: http.OutgoingHttpHeaders = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

/**
 * The built web app: a file of web/dist, or index.html for a client-side route, with 404 for an address that names no
 * page or an entity that does not exist (web-routes.ts), its title saying so before the app starts.
 */
export async function serveWebApp(req: http.IncomingMessage, res: http.ServerResponse, url: URL, prisma: PrismaClient | undefined): Promise<void> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return sendText(res, 400, 'Adresse invalide.\n'); // "%E0%A4%A" and the like: a client error, not a 500
  }
  const requested = path.normalize(path.join(webDist, pathname));
  const file = requested.startsWith(webDist + path.sep) ? readFile(requested) : null;
  if (file) {
    const cache = url.pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
    const type = TYPES[path.extname(requested)] ?? 'application/octet-stream';
    return sendBody(req, res, { status: 200, type, cache, ...file });
  }
  const index = readFile(path.join(webDist, 'index.html'));
  if (!index) {
    return sendText(res, 503, 'L’application web n’est pas construite : lancez « npm start » (ou « npm run build ») à la racine du projet.\n');
  }
  if (path.extname(url.pathname) && url.pathname !== '/') return sendText(res, 404, 'Introuvable.\n');
  // a database that fails the lookup: the page is served, and the app tells what it can
  const status = await webStatus(url.pathname, prisma, req.headers.cookie).catch(() => 200 as const);
  const reply = { type: TYPES['.html']!, cache: REVALIDATE };
  if (status === 200) return sendBody(req, res, { status, ...reply, ...index });
  const body = Buffer.from(index.body.toString('utf8').replace(/<title>[^<]*<\/title>/, NOT_FOUND_TITLE), 'utf8');
  return sendBody(req, res, { status, ...reply, body, key: `404:${index.key}`, etag: undefined });
}
