import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { getOperationAST, GraphQLError } from 'graphql';
import { PothosValidationError } from '@pothos/core';
import { createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { loadSessionUser, parseCookies, SESSION_COOKIE } from './modules/auth/session.ts';
import { writeLimitPlugin } from './modules/auth/write-limit.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Context } from './graphql/context.ts';
import { renderOfflineGraphiQL } from './graphiql.ts';
import { AppError, ForbiddenError } from './graphql/errors.ts';
import { typedInputError } from './graphql/input.ts';
import { limitPlugins } from './graphql/limits.ts';
import { schema } from './graphql/schema.ts';
import { createLogger, requestIdFrom, type Logger } from './log.ts';
import { forbiddenBody, GRAPHQL_JSON, headerProblem, isExactOrigin, securityHeaders } from './security.ts';

/** `req` from the Node adapter; `requestId` when http.ts already chose one for its access line. */
type ServerContext = { req?: IncomingMessage; requestId?: string };
export type App = YogaServerInstance<ServerContext, Context>;

/** Header every GraphQL write must carry: a cross-site form or image cannot send it without a CORS preflight. */
export const CSRF_HEADER = 'x-mutualis-csrf';

export const INTERNAL_ERROR_MESSAGE = 'Erreur interne du serveur. Réessayez plus tard.';

export type AppConfig = Pick<Config, 'nodeEnv'> &
  Partial<Pick<Config, 'trustProxy' | 'corsOrigins' | 'debugErrors'>> & {
    /** Introspection, trusted documents, timeout: see graphql/limits.ts. */
    graphql?: Partial<Config['graphql']>;
    /** Where log lines go; by default a logger for `nodeEnv` (silent in tests). */
    logger?: Logger;
  };

/** Known failures (Prisma codes, malformed global IDs) become typed errors; anything else is masked. */
function mapPrismaError(error: unknown): AppError | undefined {
  if (error instanceof Error && /^Invalid global ID/.test(error.message)) return new AppError('VALIDATION', 'Identifiant invalide.');
  const code = (error as { code?: unknown })?.code;
  if (code === 'P2025') return new AppError('NOT_FOUND', 'Élément introuvable.');
  if (code === 'P2002') return new AppError('CONFLICT', 'Cet élément existe déjà.');
  return undefined;
}

/** What one HTTP request carries through the plugins: its id and its logger. */
interface RequestState {
  id: string;
  log: Logger;
}
const requestStates = new WeakMap<Request, RequestState>();

/** Masked errors and the real error behind each, logged once the request id is known (maskError has no request). */
const maskedCauses = new WeakMap<GraphQLError, unknown>();

const pendingCookies = new WeakMap<Request, string[]>();

/** Set-Cookie headers that resolvers asked for. */
const cookiePlugin: Plugin = {
  onResponse({ request, response }) {
    for (const cookie of pendingCookies.get(request) ?? []) response.headers.append('set-cookie', cookie);
  },
};

/** Request id, logger, header checks, security headers: first in, last out. */
function requestPlugin(logger: Logger, production: boolean): Plugin<Context, ServerContext> {
  return {
    onRequest({ request, serverContext, endResponse }) {
      const id = serverContext.requestId ?? requestIdFrom(request.headers.get('x-request-id'));
      requestStates.set(request, { id, log: logger.child({ requestId: id }) });
      // Answered before any parsing: a hostile header never reaches a resolver, nor a 500.
      const problem = headerProblem(request.headers.get('origin'), request.headers.get('host'));
      if (problem) endResponse(new Response(forbiddenBody(problem), { status: 403, headers: { 'content-type': GRAPHQL_JSON } }));
    },
    onResponse({ request, response }) {
      const graphiql = request.method === 'GET' && !!response.headers.get('content-type')?.startsWith('text/html');
      for (const [name, value] of Object.entries(securityHeaders({ production, graphiql }))) response.headers.set(name, value);
      // The answer depends on Origin (CORS) even when no CORS header is added.
      response.headers.append('vary', 'Origin');
      const state = requestStates.get(request);
      if (state) response.headers.set('x-request-id', state.id);
    },
  };
}

/** Gives each masked error the request id, and logs the real error (with its stack) under that same id. */
function maskedErrorPlugin(logger: Logger): Plugin<Context, ServerContext> {
  const visit = (request: Request, result: { errors?: readonly GraphQLError[] }) => {
    for (const error of result.errors ?? []) {
      if (!maskedCauses.has(error)) continue;
      const state = requestStates.get(request);
      const requestId = state?.id ?? requestIdFrom(null);
      const cause = maskedCauses.get(error);
      (state?.log ?? logger.child({ requestId })).error(
        { err: cause, path: error.path?.join('.') },
        `Erreur interne masquée : ${(cause as Error)?.message ?? String(cause)}`,
      );
      // Created by maskError below with its own extensions object: safe to complete here.
      (error.extensions as Record<string, unknown>).requestId = requestId;
      maskedCauses.delete(error);
    }
  };
  return {
    onResultProcess({ request, result }) {
      if (Symbol.asyncIterator in Object(result)) return; // no subscriptions or @defer in this API
      for (const one of Array.isArray(result) ? result : [result]) visit(request, one as { errors?: readonly GraphQLError[] });
    },
  };
}

/** Mutations need the CSRF header, and a same-origin (or configured) Origin when the browser sends one. */
function csrfPlugin(corsOrigins: readonly string[]): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const request = (args.contextValue as unknown as { request: Request }).request;
      const origin = request.headers.get('origin');
      // The request URL's host comes from the Host header (checked by requestPlugin), or from the caller of app.fetch.
      const sameOrigin = !origin || corsOrigins.includes(origin) || (isExactOrigin(origin) && new URL(origin).host === new URL(request.url).host);
      if (!request.headers.get(CSRF_HEADER) || !sameOrigin) {
        setResultAndStopExecution({
          errors: [new ForbiddenError(`Requête refusée (protection CSRF) : en-tête ${CSRF_HEADER} manquant ou origine différente.`)],
        });
      }
    },
  };
}

function clientAddress(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    // A forged, non-address value would otherwise become a fresh rate-limit key on every request.
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  return req?.socket?.remoteAddress ?? 'local';
}

/** The GraphQL application, without any listening socket: tests call `app.fetch`. */
export function createApp(config: AppConfig, db: Database): App {
  const production = config.nodeEnv === 'production';
  const corsOrigins = config.corsOrigins ?? [];
  const logger = config.logger ?? createLogger({ nodeEnv: config.nodeEnv });
  // Details of internal errors only on explicit request, and never in production (loadConfig refuses it too).
  const debugErrors = (config.debugErrors ?? false) && !production;
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: production && !config.graphql?.introspection ? false : { title: 'Mutualis — API GraphQL', headers: JSON.stringify({ [CSRF_HEADER]: '1' }) },
    // GraphiQL's files come from this server, not from a CDN: it works offline (graphiql.ts)
    renderGraphiQL: renderOfflineGraphiQL,
    // Yoga's own lines go to our logger; its error lines repeat masked errors that maskedErrorPlugin logs with the request id.
    logging: {
      debug: (...args: unknown[]) => logger.debug({ yoga: args.map(String) }, 'yoga'),
      info: (...args: unknown[]) => logger.info({ yoga: args.map(String) }, 'yoga'),
      warn: (...args: unknown[]) => logger.warn({ yoga: args.map(String) }, 'yoga'),
      error: (...args: unknown[]) => logger.debug({ yoga: args.map(String) }, 'yoga'),
    },
    // Credentials only for the configured origins; any other origin gets no Access-Control-* header at all.
    cors: (request) => {
      const origin = request.headers.get('origin');
      if (!origin || !corsOrigins.includes(origin)) return false;
      return { origin: [origin], credentials: true, methods: ['GET', 'POST'], exposedHeaders: ['x-request-id'], maxAge: 600 };
    },
    plugins: [requestPlugin(logger, production), ...limitPlugins({ production, ...config.graphql }), cookiePlugin, csrfPlugin(corsOrigins), writeLimitPlugin, maskedErrorPlugin(logger)],
    context: async ({ request, req }) => {
      const cookies: string[] = [];
      pendingCookies.set(request, cookies);
      const sessionToken = parseCookies(request.headers.get('cookie'))[SESSION_COOKIE];
      const state = requestStates.get(request) ?? { id: requestIdFrom(null), log: logger };
      return {
        prisma: db.prisma,
        db,
        requestId: state.id,
        log: state.log,
        viewer: await loadSessionUser(db.prisma, sessionToken),
        sessionToken,
        clientAddress: clientAddress(request, req, config.trustProxy ?? false),
        secureCookies: production,
        setCookie: (cookie: string) => void cookies.push(cookie),
      };
    },
    maskedErrors: {
      errorMessage: INTERNAL_ERROR_MESSAGE,
      isDev: debugErrors,
      maskError(error, message) {
        const original = (error as { originalError?: unknown }).originalError;
        // yoga parses a GET request's `variables`/`extensions` with a bare JSON.parse: a malformed one is the
        // client's mistake (400), not an internal error
        if (error instanceof SyntaxError || original instanceof SyntaxError) {
          return new GraphQLError('Paramètres JSON invalides (variables ou extensions).', { extensions: { code: 'VALIDATION', http: { status: 400 } } });
        }
        // Pothos' input errors thrown where no argument mapper wraps them: a connection's `first: -1` read through the
        // relation select of an argument-less parent field (`viewer { organization { members(first: -1) } }`)
        if (original instanceof PothosValidationError) return typedInputError(original) as GraphQLError;
        const known = mapPrismaError(original);
        if (known) return known;
        const masked = maskError(error, message, debugErrors);
        if (masked !== error && masked instanceof GraphQLError) maskedCauses.set(masked, original ?? error);
        return masked;
      },
    },
  });
}
