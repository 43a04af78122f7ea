import { randomUUID } from 'node:crypto';
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Context } from './graphql/context.ts';
import { AppError } from './graphql/errors.ts';
import { schema } from './graphql/schema.ts';

export type App = YogaServerInstance<Record<string, never>, Context>;

/** Known Prisma failures become typed errors; anything else is masked. */
function mapPrismaError(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown })?.code;
  if (code === 'P2025') return new AppError('NOT_FOUND', 'Élément introuvable.');
  if (code === 'P2002') return new AppError('CONFLICT', 'Cet élément existe déjà.');
  return undefined;
}

/** The GraphQL application, without any listening socket: tests call `app.fetch`. */
export function createApp(config: Pick<Config, 'nodeEnv'>, db: Database): App {
  const production = config.nodeEnv === 'production';
  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: production ? false : { title: 'Mutualis — API GraphQL' },
    logging: config.nodeEnv === 'test' ? false : 'warn',
    context: ({ request }) => ({
      prisma: db.prisma,
      db,
      requestId: request.headers.get('x-request-id') ?? randomUUID(),
    }),
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
