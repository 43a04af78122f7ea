import { formatEurosHT } from '../../lib/format';

const percentFormat = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const quantityFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const hhiFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** A rate or share from 0 to 1 → « 12,5 % »; null (no base) → « — ». */
export function formatRate(value: number | null | undefined): string {
  return value == null ? '—' : percentFormat.format(value);
}

/** A decimal string of a physical quantity ("1404797.685") → « 1 404 798 », rounded to the unit. */
export function formatQuantity(value: string): string {
  const number = Number(value);
  return Number.isFinite(number) ? quantityFormat.format(value as Intl.StringNumericLiteral) : value;
}

/** An amount of a StatAmount: the euros, or « secret statistique » when withheld. */
export function formatAmount(spend: { amount?: string | null; withheld: boolean }): string {
  if (spend.withheld || spend.amount == null) return 'secret statistique';
  return formatEurosHT(spend.amount);
}

/** The share of an amount that comes from demonstration data (0 to 1), or null when it cannot be said. */
export function amountDemoShare(spend: { amount?: string | null; demo?: string | null }): number | null {
  const total = Number(spend.amount ?? NaN);
  const demo = Number(spend.demo ?? NaN);
  if (!Number.isFinite(total) || !Number.isFinite(demo) || total <= 0) return null;
  return Math.min(1, Math.max(0, demo / total));
}

/** The reading of a Herfindahl–Hirschman index (0 to 10 000), by the usual thresholds. */
export function hhiReading(hhi: number): string {
  if (hhi < 1500) return 'peu concentré';
  if (hhi <= 2500) return 'modérément concentré';
  return 'très concentré';
}

/** « 726 (peu concentré) », or « non calculable » without figures. */
export function formatHhi(hhi: number | null | undefined): string {
  return hhi == null ? 'non calculable' : `${hhiFormat.format(hhi)} (${hhiReading(hhi)})`;
}

/**
 * After a figure, how much of it comes from demonstration data, as a share: « (dont 100 % de données de
 * démonstration) »; nothing when none of it does or when it cannot be said.
 */
export function DemoPart({ share }: { share: number | null | undefined }) {
  if (share == null || share <= 0) return null;
  return (
    <>
      {' '}
      <span className="demo-share" title="Données fictives, fournies pour la démonstration">
        (dont {formatRate(share)} de données de démonstration)
      </span>
    </>
  );
}
