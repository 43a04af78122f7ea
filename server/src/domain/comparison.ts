// Which compared tool is best on each dimension. Unknown values never win, and never count as zero.
import { dec } from './money.ts';

export type Dimension = 'COST' | 'CARBON' | 'ENERGY' | 'WATER' | 'RATING' | 'ADOPTION';

export interface Candidate {
  slug: string;
  total: string | null;
  kgco2e: string | null;
  kwh: string | null;
  waterL: string | null;
  method: string | null;
  rating: string | null;
  adoption: number;
}

export interface BestOn {
  dimension: Dimension;
  /** Several tools when they tie; empty when no tool has a known value. */
  toolSlugs: string[];
  note: string | null;
}

function best(candidates: Candidate[], value: (c: Candidate) => string | number | null, lowerIsBetter: boolean): string[] {
  const known = candidates.filter((c) => value(c) !== null);
  if (known.length === 0) return [];
  const sorted = known.map((c) => ({ slug: c.slug, v: dec(value(c)!) })).sort((a, b) => a.v.comparedTo(b.v) * (lowerIsBetter ? 1 : -1));
  return sorted.filter((c) => c.v.equals(sorted[0]!.v)).map((c) => c.slug);
}

export function bestOn(candidates: Candidate[]): BestOn[] {
  const footprintMethods = new Set(candidates.filter((c) => c.kgco2e !== null || c.kwh !== null).map((c) => c.method));
  const footprintNote = footprintMethods.size > 1 ? 'Méthodes d’évaluation différentes : comparaison indicative.' : null;
  const unknownNote = (value: (c: Candidate) => unknown, what: string) =>
    candidates.some((c) => value(c) === null) ? `${what} inconnu pour ${candidates.filter((c) => value(c) === null).map((c) => c.slug).join(', ')}.` : null;
  return [
    { dimension: 'COST', toolSlugs: best(candidates, (c) => c.total, true), note: unknownNote((c) => c.total, 'Coût') },
    { dimension: 'CARBON', toolSlugs: best(candidates, (c) => c.kgco2e, true), note: footprintNote ?? unknownNote((c) => c.kgco2e, 'Bilan carbone') },
    { dimension: 'ENERGY', toolSlugs: best(candidates, (c) => c.kwh, true), note: footprintNote ?? unknownNote((c) => c.kwh, 'Énergie') },
    { dimension: 'WATER', toolSlugs: best(candidates, (c) => c.waterL, true), note: footprintNote ?? unknownNote((c) => c.waterL, 'Eau') },
    { dimension: 'RATING', toolSlugs: best(candidates, (c) => c.rating, false), note: unknownNote((c) => c.rating, 'Note') },
    { dimension: 'ADOPTION', toolSlugs: best(candidates, (c) => c.adoption, false), note: null },
  ];
}
