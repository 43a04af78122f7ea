import type http from 'node:http';
import { CSRF_HEADER, type App } from '../../app.ts';
import type { Database } from '../../db/database.ts';
import type { Context } from '../../graphql/context.ts';
import { AppError } from '../../graphql/errors.ts';
import type { Logger } from '../../log.ts';
import { headerProblem, isExactOrigin } from '../../security.ts';
import { contentDisposition, MAX_BODY_BYTES, MAX_FILE_BYTES } from './rules.ts';
import { addDocumentVersion, signedInActor, createDocument, downloadVersion, type DocumentInput, type UploadedFile } from './service.ts';

// The library's files over HTTP, beside /graphql (whose JSON bodies stop at 256 kB):
// - POST /bibliotheque/televersement: multipart/form-data with `file` and the metadata of a new document, or with
//   `document` (a slug) for a new version. The session cookie, the CSRF header and a same-origin Origin, like a
//   GraphQL mutation; the body is read up to MAX_BODY_BYTES and refused past it (413) before anything is parsed.
// - GET|HEAD /bibliotheque/<slug>/telecharger[?version=n]: the stored bytes, their checked MIME type, as an
//   attachment, never sniffed; a GET counts one download.
// Answers are JSON shaped like GraphQL errors ({ errors: [{ message, extensions: { code, fields } }] }).

export const UPLOAD_PATH = '/bibliotheque/televersement';
const DOWNLOAD_PATH = /^\/bibliotheque\/([a-z0-9]+(?:-[a-z0-9]+)*)\/telecharger$/;

/** The paths this module answers (the web app keeps /bibliotheque and /bibliotheque/<slug>). */
export const isLibraryPath = (pathname: string) => pathname === UPLOAD_PATH || DOWNLOAD_PATH.test(pathname);

const STATUS: Record<string, number> = { INTERNAL: 500, UNAVAILABLE: 503, VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413 };

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: http.ServerResponse, code: string, message: string, fields: { field: string; message: string }[] = []) {
  json(res, STATUS[code] ?? 400, { errors: [{ message, extensions: { code, ...(fields.length ? { fields } : {}) } }] });
}

class TooLarge extends Error {}

/** The body, or TooLarge as soon as it passes `max` bytes (the rest is not read into memory). */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.resume();
        return reject(new TooLarge());
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/**
 * The signed-in person of the request's session cookie, as the API sees it (`viewer`): the session rules (expiry,
 * idle time) stay those of the auth module, asked through the GraphQL application itself.
 */
async function viewerOf(app: App, db: Database, req: http.IncomingMessage, requestId: string) {
  const cookie = req.headers.cookie;
  if (!cookie) return null;
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-request-id': requestId },
    body: JSON.stringify({ query: '{ viewer { id } }' }),
  });
  const body = (await response.json()) as { data?: { viewer: { id: string } | null } };
  const id = body.data?.viewer?.id;
  return id ? signedInActor(db.prisma, id) : null;
}

function contextFor(db: Database, viewer: Context['viewer'], requestId: string, log: Logger): Context {
  return { prisma: db.prisma, db, requestId, log, viewer, sessionToken: undefined, clientAddress: 'http', secureCookies: false, setCookie: () => {} };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : null;
};
const list = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');

async function upload(app: App, db: Database, req: http.IncomingMessage, res: http.ServerResponse, requestId: string, log: Logger) {
  const origin = req.headers.origin;
  const host = req.headers.host;
  const problem = headerProblem(origin, host);
  if (problem) return refuse(res, 'FORBIDDEN', problem);
  if (!req.headers[CSRF_HEADER] || (origin && (!isExactOrigin(origin) || new URL(origin).host !== host))) {
    return refuse(res, 'FORBIDDEN', `Requête refusée (protection CSRF) : en-tête ${CSRF_HEADER} manquant ou origine différente.`);
  }
  const viewer = await viewerOf(app, db, req, requestId);
  if (!viewer) return refuse(res, 'UNAUTHENTICATED', 'Connectez-vous pour déposer un document.');
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data;/i.test(type)) return refuse(res, 'VALIDATION', 'Envoyez le fichier dans un formulaire multipart/form-data.');
  let form: FormData;
  try {
    const body = await readBody(req, MAX_BODY_BYTES);
    form = await new Response(new Blob([new Uint8Array(body)]), { headers: { 'content-type': type } }).formData();
  } catch (error) {
    if (error instanceof TooLarge) {
      return refuse(res, 'PAYLOAD_TOO_LARGE', `Le fichier dépasse ${MAX_FILE_BYTES / 1024 / 1024} Mo : il n’a pas été enregistré.`, [{ field: 'file', message: 'Fichier trop volumineux.' }]);
    }
    return refuse(res, 'VALIDATION', 'Formulaire illisible : réessayez.');
  }
  const entry = form.get('file');
  const file: UploadedFile | null = entry && typeof entry !== 'string' ? { name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) } : null;
  const ctx = contextFor(db, viewer, requestId, log);
  const slug = text(form, 'document');
  const input: DocumentInput = {
    title: text(form, 'title'),
    summary: text(form, 'summary'),
    type: text(form, 'type'),
    licence: text(form, 'licence'),
    documentDate: text(form, 'documentDate'),
    toolSlugs: list(form, 'toolSlugs'),
    categorySlugs: list(form, 'categorySlugs'),
  };
  const done = slug ? await addDocumentVersion(ctx, slug, file) : await createDocument(ctx, input, file);
  json(res, slug ? 200 : 201, { data: done });
}

async function download(db: Database, req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const slug = DOWNLOAD_PATH.exec(url.pathname)![1]!;
  const raw = url.searchParams.get('version');
  if (raw !== null && !/^[1-9]\d{0,5}$/.test(raw)) return refuse(res, 'VALIDATION', 'Numéro de version invalide.');
  const version = await downloadVersion({ prisma: db.prisma }, slug, raw === null ? null : Number(raw), req.method === 'GET');
  res.writeHead(200, {
    'content-type': version.mimeType,
    'content-length': version.byteSize,
    'content-disposition': contentDisposition(version.fileName),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    etag: `"${version.sha256}"`,
  });
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(version.content));
}

/** Answers a library path; an expected failure is its typed JSON error, anything else a masked 500. */
export async function serveLibrary(app: App, db: Database | undefined, req: http.IncomingMessage, res: http.ServerResponse, url: URL, log: Logger, requestId: string) {
  try {
    if (!db) return refuse(res, 'UNAVAILABLE', 'La bibliothèque n’est pas disponible.');
    if (url.pathname === UPLOAD_PATH) {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
      return await upload(app, db, req, res, requestId, log);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    await download(db, req, res, url);
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    if (error instanceof AppError) return refuse(res, error.code, error.message, error.fields);
    log.error({ err: error, requestId }, `Erreur interne de la bibliothèque : ${(error as Error)?.message}`);
    refuse(res, 'INTERNAL', 'Erreur interne du serveur. Réessayez plus tard.');
  }
}
