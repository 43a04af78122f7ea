import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { getOperationAST } from 'graphql';
import { createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { loadSessionUser, parseCookies, SESSION_COOKIE } from './auth/session.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Context } from './graphql/context.ts';
import { AppError, ForbiddenError } from './graphql/errors.ts';
import { limitPlugins } from './graphql/limits.ts';
import { schema } from './graphql/schema.ts';

type ServerContext = { req?: IncomingMessage };
export type App = YogaServerInstance<ServerContext, Context>;

/** Header every GraphQL write must carry: a cross-site form or image cannot send it without a CORS preflight. */
export const CSRF_HEADER = 'x-mutualis-csrf';

/** Known failures (Prisma codes, malformed global IDs) become typed errors; anything else is masked. */
function mapPrismaError(error: unknown): AppError | undefined {
  if (error instanceof Error && /^Invalid global ID/.test(error.message)) return new AppError('VALIDATION', 'Identifiant invalide.');
  const code = (error as { code?: unknown })?.code;
  if (code === 'P2025') return new AppError('NOT_FOUND', 'Élément introuvable.');
  if (code === 'P2002') return new AppError('CONFLICT', 'Cet élément existe déjà.');
  return undefined;
}

const pendingCookies = new WeakMap<Request, string[]>();

/** Set-Cookie headers that resolvers asked for. */
const cookiePlugin: Plugin = {
  onResponse({ request, response }) {
    for (const cookie of pendingCookies.get(request) ?? []) response.headers.append('set-cookie', cookie);
  },
};

/** Mutations need the CSRF header, and a same-origin Origin when the browser sends one. */
const csrfPlugin: Plugin<Context> = {
  onExecute({ args, setResultAndStopExecution }) {
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.operation !== 'mutation') return;
    const request = (args.contextValue as unknown as { request: Request }).request;
    const origin = request.headers.get('origin');
    const host = request.headers.get('host');
    const sameOrigin = !origin || !host || new URL(origin).host === host;
    if (!request.headers.get(CSRF_HEADER) || !sameOrigin) {
      setResultAndStopExecution({
        errors: [new ForbiddenError(`Requête refusée (protection CSRF) : en-tête ${CSRF_HEADER} manquant ou origine différente.`)],
      });
    }
  },
};

function clientAddress(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req?.socket?.remoteAddress ?? 'local';
}

/** The GraphQL application, without any listening socket: tests call `app.fetch`. */
export function createApp(config: Pick<Config, 'nodeEnv'> & { trustProxy?: boolean }, db: Database): App {
  const production = config.nodeEnv === 'production';
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: production ? false : { title: 'Mutualis — API GraphQL', headers: JSON.stringify({ [CSRF_HEADER]: '1' }) },
    logging: config.nodeEnv === 'test' ? false : 'warn',
    plugins: [...limitPlugins({ production }), cookiePlugin, csrfPlugin],
    context: async ({ request, req }) => {
      const cookies: string[] = [];
      pendingCookies.set(request, cookies);
      const sessionToken = parseCookies(request.headers.get('cookie'))[SESSION_COOKIE];
      return {
        prisma: db.prisma,
        db,
        requestId: request.headers.get('x-request-id')?.slice(0, 100) || randomUUID(),
        viewer: await loadSessionUser(db.prisma, sessionToken),
        sessionToken,
        clientAddress: clientAddress(request, req, config.trustProxy ?? false),
        secureCookies: production,
        setCookie: (cookie: string) => void cookies.push(cookie),
      };
    },
    maskedErrors: {
      errorMessage: 'Erreur interne du serveur. Réessayez plus tard.',
      isDev: !production && config.nodeEnv !== 'test',
      maskError(error, message, isDev) {
        const original = (error as { originalError?: unknown }).originalError;
        const known = mapPrismaError(original);
        if (known) return known;
        return maskError(error, message, isDev);
      },
    },
  });
}
