import type http from 'node:http';
import { isIP } from 'node:net';
import type { Database } from '../../db/database.ts';
import type { Context } from '../../graphql/context.ts';
import type { Logger } from '../../log.ts';
import { headerProblem } from '../../security.ts';
import { FAILURE_PATH, safeReturnPath, siteOrigin } from './proconnect-rules.ts';
import { beginLogin, completeLogin, ProConnectFailure, proconnectSettings } from './proconnect-service.ts';
import { parseCookies, SESSION_COOKIE } from './session.ts';

// The two HTTP routes of the ProConnect sign-in (the browser is redirected, it does not call GraphQL):
//   GET /auth/proconnect/connexion?retour=/chemin → the provider's authorization endpoint
//   GET /auth/proconnect/retour?code=…&state=…    → back on the site, signed in (or on a page explaining why not)

const PREFIX = '/auth/proconnect/';
/** Binds the browser that started a sign-in to its state; only sent back to the callback, for 10 minutes. */
const STATE_COOKIE = 'mutualis_proconnect';

export const isProConnectPath = (pathname: string) => pathname.startsWith(PREFIX);

interface RouteOptions {
  log: Logger;
  requestId: string;
  /** https origin and Secure cookies. */
  production: boolean;
}

const stateCookie = (value: string, maxAge: number, secure: boolean) =>
  [`${STATE_COOKIE}=${value}`, `Path=${PREFIX}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`, ...(secure ? ['Secure'] : [])].join('; ');

function redirect(res: http.ServerResponse, location: string, cookies: string[]) {
  res.writeHead(303, { location, 'cache-control': 'no-store', ...(cookies.length ? { 'set-cookie': cookies } : {}) });
  res.end();
}

/** What the audited writes of a sign-in need of a GraphQL context (nobody is signed in yet). */
function routeContext(db: Database, req: http.IncomingMessage, options: RouteOptions, cookies: Record<string, string>): Context {
  const address = req.socket.remoteAddress;
  return {
    prisma: db.prisma,
    db,
    requestId: options.requestId,
    log: options.log.child({ requestId: options.requestId }),
    viewer: null,
    sessionToken: cookies[SESSION_COOKIE],
    clientAddress: address && isIP(address) ? address : 'local',
    secureCookies: options.production,
    setCookie: () => undefined,
  };
}

/**
 * Answers a /auth/proconnect/ request. Any failure (ProConnect not configured, state refused or expired, provider
 * error, bad token) lands on the sign-in page with `?erreur=proconnect`, its reason in the log, never in the page.
 */
export async function serveProConnect(db: Database | undefined, req: http.IncomingMessage, res: http.ServerResponse, url: URL, options: RouteOptions) {
  const action = url.pathname.slice(PREFIX.length);
  const cookies = parseCookies(req.headers.cookie ?? null);
  const forget = stateCookie('', 0, options.production);
  const host = req.headers.host;
  try {
    const settings = proconnectSettings();
    if (!settings || !db) throw new ProConnectFailure('ProConnect n’est pas configuré');
    if (req.method !== 'GET' || (action !== 'connexion' && action !== 'retour')) throw new ProConnectFailure(`adresse inconnue ${url.pathname}`);
    if (!host || headerProblem(null, host)) throw new ProConnectFailure('en-tête Host invalide');
    const ctx = routeContext(db, req, options, cookies);
    const redirectUri = `${siteOrigin(host, options.production)}${PREFIX}retour`;
    if (action === 'connexion') {
      const login = await beginLogin(ctx, settings, redirectUri, safeReturnPath(url.searchParams.get('retour')));
      return redirect(res, login.url, [stateCookie(login.state, 600, options.production)]);
    }
    const callback = new URL(redirectUri);
    callback.search = url.search;
    const outcome = await completeLogin(ctx, settings, callback, cookies[STATE_COOKIE]);
    redirect(res, outcome.redirect, outcome.sessionCookie ? [forget, outcome.sessionCookie] : [forget]);
  } catch (error) {
    const known = error instanceof ProConnectFailure;
    options.log[known ? 'warn' : 'error'](
      { requestId: options.requestId, ...(known ? {} : { err: error }) },
      `Connexion ProConnect refusée : ${(error as Error)?.message ?? String(error)}`,
    );
    if (!res.headersSent) redirect(res, FAILURE_PATH, [forget]);
    else res.destroy();
  }
}
