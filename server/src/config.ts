import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isExactOrigin } from './security.ts';

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
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgresql://')
    .optional()
    .describe(
      'Connexion du propriétaire des tables, pour les migrations et la restauration (facultative). Avec elle, DATABASE_URL est ' +
        'le rôle restreint de l’application ; sans elle, l’utilisateur de DATABASE_URL migre et l’application passe au rôle mutualis_app.',
    ),
  DATABASE_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe('Connexions PostgreSQL de l’application (par défaut 10). Au-delà, les requêtes attendent leur tour.'),
  DATABASE_POOL_WAIT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(30_000)
    .describe('Attente maximale d’une connexion libre, en millisecondes (par défaut 30000) : une charge forte fait la queue au lieu d’échouer.'),
  DATA_DIR: z
    .string()
    .default(path.join(repoRoot, 'data'))
    .describe('Dossier de la base embarquée (PGlite) quand DATABASE_URL est absente. Par défaut ./data.'),
  TRUST_PROXY: flag.describe(
    'TRUST_PROXY=1 derrière un répartiteur de charge : l’adresse cliente vient de X-Forwarded-For (limitation des connexions).',
  ),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
      for (const origin of origins) {
        if (!isExactOrigin(origin)) ctx.addIssue({ code: 'custom', message: `« ${origin} » n’est pas une origine exacte` });
      }
      return origins;
    })
    .describe(
      'Origines exactes, séparées par des virgules (https://app.exemple.fr,https://autre.exemple.fr), autorisées à appeler ' +
        'l’API depuis un navigateur avec les cookies de session (CORS). Vide par défaut : même origine seulement.',
    ),
  DEBUG_ERRORS: flag.describe(
    'DEBUG_ERRORS=1 renvoie le détail des erreurs internes (message, pile) dans les réponses GraphQL, pour déboguer en local. ' +
      'Refusé en production ; sans ce drapeau, les erreurs internes sont masquées dans tous les modes.',
  ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .optional()
    .describe('Niveau des journaux JSON (fatal, error, warn, info, debug, trace, silent). Par défaut info ; silent pendant les tests.'),
  GRAPHQL_INTROSPECTION: flag.describe(
    'GRAPHQL_INTROSPECTION=1 active en production l’introspection du schéma, les suggestions de champs et GraphiQL ' +
      '(toujours actifs hors production). Désactivés par défaut en production.',
  ),
  TRUSTED_DOCUMENTS_ONLY: flag.describe(
    'TRUSTED_DOCUMENTS_ONLY=1 n’accepte que les opérations de l’application web, envoyées par identifiant (documentId ou ' +
      'extensions.persistedQuery.sha256Hash) depuis web/src/gql/persisted-documents.json ; toute autre requête est refusée.',
  ),
  GRAPHQL_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(10_000)
    .describe('Durée maximale d’une opération GraphQL, en millisecondes, avant qu’elle soit interrompue par une erreur. Par défaut 10000.'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'doit commencer par smtp:// ou smtps://')
    .optional()
    .describe(
      'Serveur de courriel des notifications (smtp://utilisateur:mot-de-passe@hôte:587, ou smtps:// pour TLS direct). ' +
        'Absent : notifications dans l’application seulement.',
    ),
  MAIL_FROM: z
    .string()
    .default('Mutualis <ne-pas-repondre@mutualis.localhost>')
    .describe('Expéditeur des courriels de notification (par défaut « Mutualis <ne-pas-repondre@mutualis.localhost> »).'),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'doit être une adresse http(s)')
    .optional()
    .describe('Adresse publique du site (https://mutualis.exemple.fr), pour les liens des courriels. Par défaut http://localhost:PORT.'),
  PROCONNECT_ISSUER: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'doit commencer par https://')
    .optional()
    .describe(
      'Adresse de découverte ProConnect (OpenID Connect), sans /.well-known : https://auth.agentconnect.gouv.fr/api/v2 en ' +
        'production, https://fca.integ01.dev-agentconnect.fr/api/v2 en intégration. Absente : pas de bouton ProConnect.',
    ),
  PROCONNECT_CLIENT_ID: z.string().min(1).optional().describe('Identifiant du fournisseur de service ProConnect (obtenu par DataPass).'),
  PROCONNECT_CLIENT_SECRET: z.string().min(1).optional().describe('Secret du fournisseur de service ProConnect (obtenu par DataPass).'),
  SEED_DEMO: flag.describe(
    'SEED_DEMO=1 ajoute les données de démonstration (adoption, avis, chartes) à une base PostgreSQL. ' +
      'Toujours ajoutées sur la base embarquée hors production ; jamais en production sans ce drapeau.',
  ),
});

export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; ownerUrl?: string; pool?: PoolSettings };
  seedDemo: boolean;
  trustProxy: boolean;
  /** Origins allowed to call the API with credentials (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** Internal error details in responses (never in production). */
  debugErrors: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' | undefined;
  /** Notification e-mails (notifications/mailer.ts): only when SMTP_URL is set. */
  mail: { smtpUrl: string | undefined; from: string };
  /** The site's public address, without trailing slash: absolute links in e-mails. */
  publicUrl: string;
  /** Introspection/GraphiQL in production, trusted documents only, execution timeout (graphql/limits.ts). */
  graphql: { introspection: boolean; trustedDocumentsOnly: boolean; timeoutMs: number };
  /** ProConnect sign-in; absent when not configured. */
  proconnect?: ProConnectConfig;
};

/** The service provider's registration at ProConnect (OpenID Connect); absent when not configured. */
export interface ProConnectConfig {
  /** Discovery base: `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const PROCONNECT_KEYS = ['PROCONNECT_ISSUER', 'PROCONNECT_CLIENT_ID', 'PROCONNECT_CLIENT_SECRET'] as const;

/**
 * The ProConnect section, read again on each sign-in (like the DECP settings) so that a test or an operator changes it
 * without restarting; undefined unless all three variables are set (loadConfig refuses a partial set at start-up).
 */
export function proconnectConfig(env: NodeJS.ProcessEnv = process.env): ProConnectConfig | undefined {
  const issuer = env.PROCONNECT_ISSUER?.trim().replace(/\/+$/, '');
  const clientId = env.PROCONNECT_CLIENT_ID?.trim();
  const clientSecret = env.PROCONNECT_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret || !/^https?:\/\//.test(issuer)) return undefined;
  return { issuer, clientId, clientSecret };
}

export class ConfigError extends Error {}

/** Validates the environment once; a bad variable is reported with its description. */
/** The application's PostgreSQL pool: its size, and how long a request waits in line for a connection. */
export interface PoolSettings {
  size: number;
  waitMs: number;
}

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
  if (e.DEBUG_ERRORS && e.NODE_ENV === 'production') {
    throw new ConfigError(`DEBUG_ERRORS invalide (refusé en production). ${envSchema.shape.DEBUG_ERRORS.description}`);
  }
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) {
    throw new ConfigError(`DATABASE_OWNER_URL invalide (sans DATABASE_URL). ${envSchema.shape.DATABASE_OWNER_URL.description}`);
  }
  const proconnectSet = PROCONNECT_KEYS.filter((key) => e[key]);
  if (proconnectSet.length > 0 && proconnectSet.length < PROCONNECT_KEYS.length) {
    const missing = PROCONNECT_KEYS.filter((key) => !e[key]).join(', ');
    throw new ConfigError(`ProConnect incomplet : ${missing} manquant (les trois variables PROCONNECT_* vont ensemble).`);
  }
  const proconnect = proconnectConfig(env);
  const database: Config['database'] = e.DATABASE_URL
    ? {
        kind: 'postgres',
        url: e.DATABASE_URL,
        ...(e.DATABASE_OWNER_URL ? { ownerUrl: e.DATABASE_OWNER_URL } : {}),
        pool: { size: e.DATABASE_POOL_SIZE, waitMs: e.DATABASE_POOL_WAIT_MS },
      }
    : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR) };
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    // Demo data: on the embedded default outside production, or when asked explicitly.
    seedDemo: e.SEED_DEMO || (database.kind === 'pglite' && e.NODE_ENV !== 'production'),
    trustProxy: e.TRUST_PROXY,
    graphql: { introspection: e.GRAPHQL_INTROSPECTION, trustedDocumentsOnly: e.TRUSTED_DOCUMENTS_ONLY, timeoutMs: e.GRAPHQL_TIMEOUT_MS },
    corsOrigins: e.CORS_ORIGINS,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    debugErrors: e.DEBUG_ERRORS,
    logLevel: e.LOG_LEVEL,
    ...(proconnect ? { proconnect } : {}),
  };
}
