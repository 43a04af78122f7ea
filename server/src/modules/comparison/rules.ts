// Which compared tool is best on each dimension. Unknown values never win, and never count as zero.
import { dec } from '../../shared/money.ts';

export type Dimension = 'COST' | 'CARBON' | 'ENERGY' | 'WATER' | 'RATING' | 'ADOPTION';

export interface Candidate {
  slug: string;
  name: string;
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
  const methodsNote = footprintMethods.size > 1 ? 'Méthodes d’évaluation différentes : comparaison indicative.' : null;
  const unknownNote = (value: (c: Candidate) => unknown, what: string) => {
    const unknown = candidates.filter((c) => value(c) === null).map((c) => c.name);
    return unknown.length ? `${what} pour ${unknown.join(', ')}.` : null;
  };
  const notes = (...parts: (string | null)[]) => parts.filter(Boolean).join(' ') || null;
  return [
    { dimension: 'COST', toolSlugs: best(candidates, (c) => c.total, true), note: unknownNote((c) => c.total, 'Coût inconnu') },
    { dimension: 'CARBON', toolSlugs: best(candidates, (c) => c.kgco2e, true), note: notes(methodsNote, unknownNote((c) => c.kgco2e, 'Émissions inconnues')) },
    { dimension: 'ENERGY', toolSlugs: best(candidates, (c) => c.kwh, true), note: notes(methodsNote, unknownNote((c) => c.kwh, 'Énergie inconnue')) },
    { dimension: 'WATER', toolSlugs: best(candidates, (c) => c.waterL, true), note: notes(methodsNote, unknownNote((c) => c.waterL, 'Eau inconnue')) },
    { dimension: 'RATING', toolSlugs: best(candidates, (c) => c.rating, false), note: unknownNote((c) => c.rating, 'Note inconnue') },
    { dimension: 'ADOPTION', toolSlugs: best(candidates, (c) => c.adoption, false), note: null },
  ];
}
