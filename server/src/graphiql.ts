import { createRequire } from 'node:module';
import type { GraphiQLOptions } from 'graphql-yoga';

// GraphiQL without a CDN: yoga's default page loads GraphiQL from unpkg, which fails offline (and on a network that
// filters outgoing traffic). @graphql-yoga/render-graphiql ships the same GraphiQL, built by yoga's authors for the
// yoga version we run, as strings (script, stylesheet, Monaco workers, icon). Rather than its renderer, which inlines
// 9 MB into every page, the server serves them as files under /graphiql/<version>/ (cached for good, compressed like
// the web app's assets), and the page only references them: it names no other origin.

const VERSION: string = createRequire(import.meta.url)('@graphql-yoga/render-graphiql/package.json').version;

export const GRAPHIQL_ASSETS_PATH = `/graphiql/${VERSION}/`;

type Bundle = typeof import('@graphql-yoga/render-graphiql/graphiql');

/** Starts GraphiQL with the options the page carries as JSON (data, not code), its workers from our own origin. */
const START = `(() => {
  const options = JSON.parse(document.getElementById('graphiql-options').textContent);
  const workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
  const base = new URL(${JSON.stringify(GRAPHIQL_ASSETS_PATH)}, location.href);
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => new URL(workers[label], base).href };
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();
`;

const ASSETS: Record<string, { type: string; body: (bundle: Bundle) => string | Buffer }> = {
  'graphiql.js': { type: 'text/javascript; charset=utf-8', body: (b) => b.js },
  'graphiql.css': { type: 'text/css; charset=utf-8', body: (b) => b.css },
  'editor.worker.js': { type: 'text/javascript; charset=utf-8', body: (b) => b.editorWorkerService },
  'json.worker.js': { type: 'text/javascript; charset=utf-8', body: (b) => b.jsonWorker },
  'graphql.worker.js': { type: 'text/javascript; charset=utf-8', body: (b) => b.graphqlWorker },
  'start.js': { type: 'text/javascript; charset=utf-8', body: () => START },
  'favicon.ico': { type: 'image/x-icon', body: (b) => Buffer.from(b.favicon.replace(/^data:[^,]*;base64,/, ''), 'base64') },
};

let bundle: Promise<Bundle> | undefined;
/** The 9 MB of GraphiQL are read on the first request for one of its files, never by a server that serves none. */
const loadBundle = () => (bundle ??= import('@graphql-yoga/render-graphiql/graphiql'));

/** A GraphiQL file by its name under GRAPHIQL_ASSETS_PATH, or null when there is no such file. */
export async function graphiqlAsset(name: string): Promise<{ type: string; body: Buffer } | null> {
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name]! : null;
  if (!asset) return null;
  const body = asset.body(await loadBundle());
  return { type: asset.type, body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body };
}

/** JSON inside <script type="application/json">: "<" escaped so that no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** yoga's `renderGraphiQL`: the page, referencing the files above only. */
export function renderOfflineGraphiQL(options: GraphiQLOptions = {}): string {
  const assets = GRAPHIQL_ASSETS_PATH;
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${assets}favicon.ico" />
    <link rel="stylesheet" href="${assets}graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL nécessite JavaScript.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${scriptJson(options)}</script>
    <script src="${assets}graphiql.js"></script>
    <script src="${assets}start.js"></script>
  </body>
</html>
`;
}
