import type { ContractDecision, DecpImportStatus } from '../../gql/graphql';

// What the AI relevance rules of the import stored with a contract (PublicContract.evidence, a JSON value), read
// defensively: a field the rules did not write is shown as absent, never as a crash.

export interface TermEvidence {
  term: string;
  strength: string;
  weight: number;
}

export interface Evidence {
  terms: TermEvidence[];
  cpv: { code: string; division: string; weight: number } | null;
  providers: { providerId: number; siren: string; weight: number }[];
  textScore: number | null;
  score: number | null;
  thresholds: { keep: number; minText: number; store: number } | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));

export function readEvidence(value: unknown): Evidence {
  const e = isRecord(value) ? value : {};
  const terms = Array.isArray(e['terms'])
    ? e['terms'].filter(isRecord).map((t) => ({ term: str(t['term']), strength: str(t['strength']), weight: num(t['weight']) ?? 0 }))
    : [];
  const cpv = isRecord(e['cpv']) ? { code: str(e['cpv']['code']), division: str(e['cpv']['division']), weight: num(e['cpv']['weight']) ?? 0 } : null;
  const providers = Array.isArray(e['providers'])
    ? e['providers'].filter(isRecord).map((p) => ({ providerId: num(p['providerId']) ?? 0, siren: str(p['siren']), weight: num(p['weight']) ?? 0 }))
    : [];
  const t = isRecord(e['thresholds']) ? e['thresholds'] : null;
  const thresholds = t ? { keep: num(t['keep']) ?? 0, minText: num(t['minText']) ?? 0, store: num(t['store']) ?? 0 } : null;
  return { terms, cpv, providers, textScore: num(e['textScore']), score: num(e['score']), thresholds };
}

export const STRENGTH_LABELS: Partial<Record<string, string>> = { strong: 'indice fort', medium: 'indice moyen', weak: 'indice faible' };

export const DECISION_LABELS: Record<ContractDecision, string> = {
  KEPT: 'Retenus par le classement, à vérifier',
  REJECTED: 'Écartés par le classement',
  CONFIRMED: 'Confirmés et publiés',
  DISMISSED: 'Écartés par une personne',
};

export const DECISION_BADGES: Record<ContractDecision, string> = {
  KEPT: 'à vérifier',
  REJECTED: 'écarté par le classement',
  CONFIRMED: 'confirmé',
  DISMISSED: 'écarté',
};

export const IMPORT_STATUS_LABELS: Record<DecpImportStatus, string> = {
  RUNNING: 'En cours',
  SUCCEEDED: 'Terminée',
  FAILED: 'En échec',
  INTERRUPTED: 'Interrompue (reprenable)',
};

/** "+3" for a weight added to the score. */
export const points = (weight: number) => `${weight > 0 ? '+' : ''}${weight} point${Math.abs(weight) > 1 ? 's' : ''}`;
