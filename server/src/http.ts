import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { repoRoot } from './config.ts';
import type { App } from './app.ts';

const webDist = path.join(repoRoot, 'web', 'dist');

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
};

function sendFile(res: http.ServerResponse, file: string, cache: string) {
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
  fs.createReadStream(file).pipe(res);
}

/** Serves the built web app (client-side routes fall back to index.html). */
function serveWeb(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const requested = path.normalize(path.join(webDist, decodeURIComponent(url.pathname)));
  if (requested.startsWith(webDist + path.sep) && fs.existsSync(requested) && fs.statSync(requested).isFile()) {
    return sendFile(res, requested, url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  }
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('L’application web n’est pas construite : lancez « npm start » (ou « npm run build ») à la racine du projet.\n');
    return;
  }
  if (path.extname(url.pathname) && url.pathname !== '/') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Introuvable.\n');
    return;
  }
  sendFile(res, index, 'no-cache');
}

/** One port: /graphql for the API, /healthz for probes, everything else for the web app. */
export function createHttpServer(app: App): http.Server {
  return http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/graphql' || pathname.startsWith('/graphql/')) return void app(req, res);
    if (pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' });
      res.end('Méthode non autorisée.\n');
      return;
    }
    serveWeb(req, res);
  });
}
