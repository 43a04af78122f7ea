// Prices paid by other collectivités, from confirmed public contracts: pure arithmetic on exact decimals.
import { cents, dec, type Dec } from '../../shared/money.ts';

export interface PricesPaid {
  /** Confirmed contracts with an amount. */
  contractCount: number;
  /** Those whose buyer's population is known (the per-inhabitant figures are computed on them). */
  withPopulationCount: number;
  /** Euros HT per inhabitant of the buyer (whole contract amount, for a framework agreement its maximum), to the cent. */
  medianPerInhabitant: string | null;
  minPerInhabitant: string | null;
  maxPerInhabitant: string | null;
  /** Sum of the amounts (euros HT). */
  totalAmount: string | null;
}

/** The median of sorted values: the middle one, or the mean of the two middle ones. */
export function median(sorted: Dec[]): Dec | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : sorted[mid - 1]!.plus(sorted[mid]!).dividedBy(2);
}

/** The figures of a set of contracts (amount, buyer population); rounded once, at the end, to the cent. */
export function pricesPaid(rows: { amount: string; population: number | null }[]): PricesPaid {
  const perInhabitant = rows
    .filter((r) => r.population !== null && r.population > 0)
    .map((r) => dec(r.amount).dividedBy(r.population!))
    .sort((a, b) => a.comparedTo(b));
  const m = median(perInhabitant);
  return {
    contractCount: rows.length,
    withPopulationCount: perInhabitant.length,
    medianPerInhabitant: m ? cents(m) : null,
    minPerInhabitant: perInhabitant.length ? cents(perInhabitant[0]!) : null,
    maxPerInhabitant: perInhabitant.length ? cents(perInhabitant.at(-1)!) : null,
    totalAmount: rows.length ? cents(rows.reduce((sum, r) => sum.plus(r.amount), dec(0))) : null,
  };
}
