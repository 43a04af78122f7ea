import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Root of the repository (server/src/config.ts → ../../). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe('Mode d’exécution : development (GraphiQL, données de démonstration par défaut), production ou test.'),
  PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(4000)
    .describe('Port HTTP du serveur (API GraphQL sur /graphql, application web sur /). Par défaut 4000.'),
  HOST: z.string().default('0.0.0.0').describe('Adresse d’écoute. Par défaut 0.0.0.0.'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgresql://')
    .optional()
    .describe(
      'Base PostgreSQL (postgresql://utilisateur@hôte:5432/base). Absente : base PostgreSQL embarquée (PGlite) dans DATA_DIR.',
    ),
  DATA_DIR: z
    .string()
    .default(path.join(repoRoot, 'data'))
    .describe('Dossier de la base embarquée (PGlite) quand DATABASE_URL est absente. Par défaut ./data.'),
  TRUST_PROXY: flag.describe(
    'TRUST_PROXY=1 derrière un répartiteur de charge : l’adresse cliente vient de X-Forwarded-For (limitation des connexions).',
  ),
  SEED_DEMO: flag.describe(
    'SEED_DEMO=1 ajoute les données de démonstration (adoption, avis, chartes) à une base PostgreSQL. ' +
      'Toujours ajoutées sur la base embarquée hors production ; jamais en production sans ce drapeau.',
  ),
});

export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  seedDemo: boolean;
  trustProxy: boolean;
};

export class ConfigError extends Error {}

/** Validates the environment once; a bad variable is reported with its description. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      const description = envSchema.shape[key as keyof typeof envSchema.shape]?.description ?? '';
      return `${key} invalide (${issue.message}). ${description}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const e = parsed.data;
  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR) };
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    // Demo data: on the embedded default outside production, or when asked explicitly.
    seedDemo: e.SEED_DEMO || (database.kind === 'pglite' && e.NODE_ENV !== 'production'),
    trustProxy: e.TRUST_PROXY,
  };
}
