import { dec, type Dec, type DecimalLike } from './money.ts';

// All-units tier pricing, the one rule behind catalogue plans (comparison) and purchasing groups: from a tier's
// minVolume on, every unit costs that tier's unitPrice. Tiers are read in the order of their thresholds.

export interface Tier {
  minVolume: DecimalLike;
  unitPrice: DecimalLike;
}

export interface TierReached {
  /** Index of the tier reached, in threshold order (-1: none, the list price applies). */
  index: number;
  /** The reached tier's unit price, or null when no tier is reached. */
  unitPrice: Dec | null;
  /** The next tier up, if any. */
  next: { minVolume: Dec; unitPrice: Dec } | null;
}

/** The tier a yearly volume reaches: the highest threshold not above it. */
export function tierReached(tiers: readonly Tier[] | null | undefined, volume: DecimalLike): TierReached {
  const v = dec(volume);
  const sorted = [...(tiers ?? [])].map((t) => ({ minVolume: dec(t.minVolume), unitPrice: dec(t.unitPrice) })).sort((a, b) => a.minVolume.comparedTo(b.minVolume));
  let index = -1;
  sorted.forEach((tier, i) => {
    if (v.greaterThanOrEqualTo(tier.minVolume)) index = i;
  });
  return { index, unitPrice: index >= 0 ? sorted[index]!.unitPrice : null, next: sorted[index + 1] ?? null };
}
