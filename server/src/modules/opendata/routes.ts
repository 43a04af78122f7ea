// The HTTP side of the open-data exports (GET/HEAD, public, no session): checks first (400, 404, nothing written),
// then the file streamed batch by batch with backpressure. Before the headers, a failure is a 500 with a masked French
// message; after them, the response is cut (the client sees a truncated download, never a file that looks complete).
import type http from 'node:http';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../graphql/errors.ts';
import type { Logger } from '../../log.ts';
import { dictionaryDocument, LICENCE, SOURCE, SOURCE_HEADER, type Dataset } from './dictionary.ts';
import { csvHead, csvRows, JSON_TAIL, jsonHead, jsonRows, type ExportRow } from './format.ts';
import { DICTIONARY_PATH, EXPORT_PATH, exportFileName, parseExportRequest, scopeDocument, type ExportRequest } from './request.ts';
import { assertExportScope, exportBatches } from './service.ts';

export const EXPORT_FAILED = 'Erreur interne du serveur : le fichier n’a pas pu être produit. Réessayez plus tard.\n';

/** The paths this module answers. */
export const isOpenDataPath = (pathname: string) => pathname === DICTIONARY_PATH || EXPORT_PATH.test(pathname);

function text(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

/** Licence and source of every file, in headers (a CSV's first line is its header row, nothing else). */
function provenanceHeaders(): http.OutgoingHttpHeaders {
  return {
    link: `<${LICENCE.url}>; rel="license", <${DICTIONARY_PATH}>; rel="describedby"; type="application/json"`,
    'x-licence': `${LICENCE.nom} (${LICENCE.producteur}) ${LICENCE.url}`,
    'x-source': SOURCE_HEADER,
  };
}

/** Writes a chunk; waits for `drain` when the socket's buffer is full. False once the client has gone. */
async function write(res: http.ServerResponse, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (!res.write(chunk)) {
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }
  return !res.destroyed;
}

function fileParts(dataset: Dataset, request: ExportRequest, generatedAt: Date) {
  if (request.format === 'json') {
    const head = jsonHead(dataset, { licence: LICENCE, source: SOURCE, generatedAt: generatedAt.toISOString(), scope: scopeDocument(request.scope) });
    let first = true;
    const rows = (batch: ExportRow[]) => {
      const chunk = jsonRows(dataset, batch, first);
      if (batch.length) first = false;
      return chunk;
    };
    return { contentType: 'application/json; charset=utf-8', head, rows, tail: JSON_TAIL };
  }
  const format = request.format;
  return { contentType: 'text/csv; charset=utf-8', head: csvHead(dataset, format), rows: (batch: ExportRow[]) => csvRows(dataset, format, batch), tail: '' };
}

async function streamExport(db: Database, req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const request = parseExportRequest(url);
  await assertExportScope(db.prisma, request.scope);
  const generatedAt = new Date();
  const { dataset, rows } = exportBatches(db, request);
  const parts = fileParts(dataset, request, generatedAt);
  const headers = {
    'content-type': parts.contentType,
    'content-disposition': `attachment; filename="${exportFileName(request, generatedAt)}"`,
    'cache-control': 'no-cache',
    ...provenanceHeaders(),
  };
  if (req.method === 'HEAD') {
    res.writeHead(200, headers);
    return void res.end();
  }
  try {
    // The first batch is read before the headers: a database failure there is still a clean 500.
    const first = await rows.next();
    res.writeHead(200, headers);
    let open = await write(res, parts.head + (first.done ? '' : parts.rows(first.value)));
    while (open && !first.done) {
      const next = await rows.next();
      if (next.done) break;
      open = await write(res, parts.rows(next.value));
    }
    if (open) res.end(parts.tail);
  } finally {
    await rows.return(undefined); // stops reading when the client went away
  }
}

/**
 * Answers /donnees/<jeu>.csv|json and /donnees/dictionnaire.json. Resolves once the response is finished or cut;
 * never rejects (errors are answered or logged here).
 */
export async function serveOpenData(
  db: Database | undefined,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  context: { log: Logger; requestId: string },
): Promise<void> {
  if (url.pathname === DICTIONARY_PATH) {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', ...provenanceHeaders() });
    return void res.end(req.method === 'HEAD' ? undefined : JSON.stringify(dictionaryDocument()));
  }
  if (!db) return text(res, 503, 'Les données ouvertes ne sont pas disponibles sur ce serveur (aucune base de données).\n');
  try {
    await streamExport(db, req, res, url);
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION' && !res.headersSent) return text(res, 400, `${error.message}\n`);
    if (error instanceof AppError && error.code === 'NOT_FOUND' && !res.headersSent) return text(res, 404, `${error.message}\n`);
    context.log.error({ err: error, requestId: context.requestId, path: url.pathname }, 'Export de données ouvertes en échec.');
    if (!res.headersSent) text(res, 500, EXPORT_FAILED);
    else res.destroy();
  }
}
