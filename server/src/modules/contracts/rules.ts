// AI relevance of a public contract (DECP): pure rules, no database. A contract is judged on three kinds of evidence,
// each kept so that a person can see why it was kept: French terms of its object, its CPV code, and holders that are
// providers of the catalogue. The CPV code alone never keeps a contract (divisions 72, 48, 79… hold every IT or
// business service); a catalogue provider alone neither (an office-suite licence from a vendor that also sells AI).

/** Bumped when the rules change: a re-import then rewrites every contract it classifies differently. */
export const RULES_VERSION = 1;

export interface Thresholds {
  /** Total score from which a contract is KEPT (default 3). */
  keep: number;
  /** Score of the object's terms a KEPT contract needs at least (default 2): CPV and providers only add to it. */
  minText: number;
  /** Total score from which a contract that is not kept is still stored as REJECTED, for curation (default 1). */
  store: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { keep: 3, minText: 2, store: 1 };

/** Weights of the evidence. */
export const WEIGHTS = { strong: 3, medium: 2, weak: 1, cpv: 1, provider: 2 } as const;

type Strength = 'strong' | 'medium' | 'weak';

/**
 * Terms looked for in the object, written as a person would; matched on words (accents, case, apostrophes, hyphens
 * and plurals ignored), so that « IA » never matches inside « via », « IAE », « aide » or « diagnostic ».
 */
export const TERMS: readonly (readonly [string, Strength])[] = [
  ['intelligence artificielle', 'strong'],
  ['IA', 'strong'],
  ['IA générative', 'strong'],
  ['intelligences artificielles génératives', 'strong'],
  ['agent conversationnel', 'strong'],
  ['assistant conversationnel', 'strong'],
  ['agent virtuel', 'strong'],
  ['chatbot', 'strong'],
  ['chat bot', 'strong'],
  ['callbot', 'strong'],
  ['voicebot', 'strong'],
  ['robot conversationnel', 'strong'],
  ['apprentissage automatique', 'strong'],
  ['apprentissage profond', 'strong'],
  ['machine learning', 'strong'],
  ['deep learning', 'strong'],
  ['modèle de langage', 'strong'],
  ['grand modèle de langage', 'strong'],
  ['LLM', 'strong'],
  ['vision par ordinateur', 'strong'],
  ['reconnaissance d’images', 'strong'],
  ['reconnaissance vocale', 'strong'],
  ['reconnaissance automatique de la parole', 'strong'],
  ['traduction automatique', 'strong'],
  ['transcription automatique', 'strong'],
  ['maintenance prédictive', 'strong'],
  ['réseau de neurones', 'strong'],
  ['traitement automatique du langage', 'strong'],
  ['ChatGPT', 'strong'],
  ['Copilot', 'strong'],
  ['analyse prédictive', 'medium'],
  ['détection de fuites', 'medium'],
  ['analyse d’images', 'medium'],
  ['vidéoprotection intelligente', 'medium'],
  ['vidéo intelligente', 'medium'],
  ['lecture automatique de plaques', 'medium'],
  ['OCR', 'medium'],
  ['algorithme', 'weak'],
  ['transcription', 'weak'],
];

/** CPV divisions that AI purchases fall under (weak evidence): 72, 48, 79, 38, 42 and group 64.2. */
export const AI_CPV_PREFIXES = ['72', '48', '79', '38', '42', '642'] as const;

/** Lower case, no accents, apostrophes and hyphens as spaces, « I.A. » as « ia »: the words of a text. */
export function words(text: string): string[] {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bi\s?\.\s?a\b\.?/g, ' ia ');
  return plain.split(/[^a-z0-9]+/).filter(Boolean);
}

/** A word without its plural mark (« modeles » → « modele », « reseaux » → « reseau »); short words stay whole. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('aux')) return word.slice(0, -1);
  return /[sx]$/.test(word) ? word.slice(0, -1) : word;
}

const COMPILED = TERMS.map(([term, strength]) => ({ term, strength, stems: words(term).map(stem) }));

export interface TermMatch {
  term: string;
  strength: Strength;
  weight: number;
}

/** The terms found in `text`; a term inside a longer one found too (« IA » in « IA générative ») is not counted twice. */
export function matchTerms(text: string): TermMatch[] {
  const stems = words(text).map(stem);
  const found = COMPILED.filter(({ stems: t }) => stems.some((_w, i) => t.every((s, j) => stems[i + j] === s)));
  const kept = found.filter((a) => !found.some((b) => b !== a && b.stems.length > a.stems.length && contains(b.stems, a.stems)));
  return kept.map(({ term, strength }) => ({ term, strength, weight: WEIGHTS[strength] }));
}

const contains = (long: string[], short: string[]) => long.some((_w, i) => short.every((s, j) => long[i + j] === s));

/** The CPV prefix of an AI division the code falls under, or null (`72000000-5` → `72`, `64200000-8` → `642`). */
export function cpvEvidence(code: string | null | undefined): string | null {
  const digits = code?.replace(/-\d$/, '') ?? '';
  if (!/^\d{8}$/.test(digits)) return null;
  return AI_CPV_PREFIXES.find((prefix) => digits.startsWith(prefix)) ?? null;
}

export interface ProviderMatch {
  providerId: number;
  siren: string;
}

export interface Evidence {
  rulesVersion: number;
  terms: TermMatch[];
  cpv: { code: string; division: string; weight: number } | null;
  providers: (ProviderMatch & { weight: number })[];
  textScore: number;
  score: number;
  thresholds: Thresholds;
}

export type Classified = { decision: 'KEPT' | 'REJECTED'; score: number; store: boolean; evidence: Evidence };

/**
 * The decision on a contract: KEPT when its score reaches `keep` with at least `minText` from its object; otherwise
 * REJECTED, stored (for curation) when the score reaches `store`, else only counted.
 */
export function classify(
  input: { object: string; cpvCode: string | null; providers: ProviderMatch[] },
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Classified {
  const terms = matchTerms(input.object);
  const division = cpvEvidence(input.cpvCode);
  const cpv = division && input.cpvCode ? { code: input.cpvCode, division, weight: WEIGHTS.cpv } : null;
  const unique = [...new Map(input.providers.map((p) => [p.providerId, p])).values()];
  const providers = unique.length ? [{ ...unique[0]!, weight: WEIGHTS.provider }, ...unique.slice(1).map((p) => ({ ...p, weight: 0 }))] : [];
  const textScore = terms.reduce((sum, t) => sum + t.weight, 0);
  const score = textScore + (cpv?.weight ?? 0) + (providers[0]?.weight ?? 0);
  const kept = score >= thresholds.keep && textScore >= thresholds.minText;
  return {
    decision: kept ? 'KEPT' : 'REJECTED',
    score,
    store: kept || score >= thresholds.store,
    evidence: { rulesVersion: RULES_VERSION, terms, cpv, providers, textScore, score, thresholds },
  };
}

/** Checks thresholds read from the configuration: non-negative numbers, `store` ≤ `keep`. */
export function thresholdsError(t: Thresholds): string | null {
  if (![t.keep, t.minText, t.store].every((v) => Number.isFinite(v) && v >= 0)) return 'Les seuils DECP doivent être des nombres positifs.';
  if (t.store > t.keep) return 'DECP_STORE_THRESHOLD ne doit pas dépasser DECP_KEEP_THRESHOLD.';
  return null;
}
