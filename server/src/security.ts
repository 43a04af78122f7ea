/** `scheme://host[:port]` exactly as a browser sends it in the Origin header (no path, no trailing slash, not "null"). */
export function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * The built web app (web/dist) is one module script and one stylesheet from our own origin, with no web fonts and no
 * third-party resource. Styles allow 'unsafe-inline' for two reasons: the « projet de convention » is an HTML document
 * the app shows from a Blob URL, which inherits this policy and carries its own <style> block; and inline styles run
 * no code, while scripts stay restricted to our origin. `blob:`/`data:` images cover downloads and SVG icons.
 */
const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * GraphiQL (outside production, or with the introspection flag) loads its script, stylesheet and Monaco workers from
 * this server (graphiql.ts): scripts and workers from our origin only. Monaco sets inline styles and draws its icons
 * from a data: font; its options travel as JSON in a non-executed <script type="application/json">.
 */
const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every response, web app, API and errors alike. */
export function securityHeaders(options: { production: boolean; graphiql?: boolean }): Record<string, string> {
  return {
    'content-security-policy': options.graphiql ? GRAPHIQL_CSP : WEB_APP_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // Only in production: on a developer's http://localhost, HSTS would stick to the host name for a year.
    ...(options.production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** `host[:port]` as a browser sends it in Host; anything else (spaces, markup, userinfo, a path) is refused. */
const HOST_HEADER = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The reason to refuse a request whose Origin or Host header is malformed, or null when both are acceptable.
 * "null" as an Origin comes from sandboxed frames, file:// pages and cross-site redirects: never a caller we serve.
 * A bad Host would otherwise make the request URL unparsable, which the HTTP adapter answers with a 500 and a stack.
 */
export function headerProblem(origin: string | null | undefined, host: string | null | undefined): string | null {
  if (origin != null && !isExactOrigin(origin)) return 'Requête refusée : en-tête Origin invalide.';
  if (host != null && !HOST_HEADER.test(host)) return 'Requête refusée : en-tête Host invalide.';
  return null;
}

/** The body of a refusal, shaped like any GraphQL error so that clients read `extensions.code`. */
export function forbiddenBody(message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code: 'FORBIDDEN' } }] });
}

export const GRAPHQL_JSON = 'application/graphql-response+json; charset=utf-8';
