import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from '../../config.ts';
import { DEFAULT_THRESHOLDS, thresholdsError, type Thresholds } from './rules.ts';

// The DECP import's settings, from the environment (defaults below). Read on each import, so that a test or an
// operator can change them without restarting anything else.

const number = (fallback: number) => z.coerce.number().min(0).max(1000).default(fallback);

const env = z.object({
  DECP_KEEP_THRESHOLD: number(DEFAULT_THRESHOLDS.keep).describe('Score à partir duquel un marché est retenu (KEPT). Par défaut 3.'),
  DECP_MIN_TEXT_SCORE: number(DEFAULT_THRESHOLDS.minText).describe('Part minimale du score venant des termes de l’objet pour retenir un marché. Par défaut 2.'),
  DECP_STORE_THRESHOLD: number(DEFAULT_THRESHOLDS.store).describe('Score à partir duquel un marché écarté (REJECTED) est tout de même conservé pour vérification. Par défaut 1.'),
  DECP_IMPORT_DIR: z.string().optional().describe('Seul dossier dont l’administration peut importer un fichier depuis l’API (startDecpImport). Par défaut ./data/decp.'),
  DECP_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500).describe('Enregistrements écrits par transaction. Par défaut 500.'),
});

export interface DecpSettings {
  thresholds: Thresholds;
  importDir: string;
  batchSize: number;
}

export class DecpConfigError extends Error {}

export function decpSettings(source: NodeJS.ProcessEnv = process.env): DecpSettings {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DecpConfigError(`${String(issue.path[0])} invalide (${issue.message}).`);
  }
  const e = parsed.data;
  const thresholds = { keep: e.DECP_KEEP_THRESHOLD, minText: e.DECP_MIN_TEXT_SCORE, store: e.DECP_STORE_THRESHOLD };
  const error = thresholdsError(thresholds);
  if (error) throw new DecpConfigError(error);
  return { thresholds, importDir: path.resolve(e.DECP_IMPORT_DIR ?? path.join(repoRoot, 'data', 'decp')), batchSize: e.DECP_BATCH_SIZE };
}
