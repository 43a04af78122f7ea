import { formatEuros, formatInteger } from '../../lib/format';
import type { Indicator } from './statisticsParams';
import { formatRate } from './statisticsFormat';
import type { Breakdown } from './types';

/** Sequential blues, light to dark (the darkest is the State's blue); text on the two darkest classes is white. */
export const PALETTE = ['#e3e7fc', '#aab5f0', '#6f80e0', '#3344b8', '#000091'] as const;
export const NO_DATA_COLOR = '#f0f0f0';

/** The value a département is coloured by: a number, null without data, or 'withheld' (statistical confidentiality). */
export function indicatorValue(row: Breakdown, indicator: Indicator): number | null | 'withheld' {
  switch (indicator) {
    case 'adoption':
      return row.adopting.rate ?? null;
    case 'declaring':
      return row.declaring.rate ?? null;
    case 'charter':
      return row.chartersAdopted.rate ?? null;
    case 'deployments':
      return row.deployments.count;
    case 'spend':
      if (row.spend.withheld || row.spend.amount == null) return 'withheld';
      return Number(row.spend.amount);
  }
}

/** The demo share of the figure behind an indicator (0 to 1), or null. */
export function indicatorDemoShare(row: Breakdown, indicator: Indicator): number | null {
  switch (indicator) {
    case 'adoption':
      return row.adopting.demoShare ?? null;
    case 'declaring':
      return row.declaring.demoShare ?? null;
    case 'charter':
      return row.chartersAdopted.demoShare ?? null;
    case 'deployments':
      return row.deployments.demoShare ?? null;
    case 'spend': {
      const total = Number(row.spend.amount ?? NaN);
      return row.spend.withheld || !(total > 0) ? null : Number(row.spend.demo ?? 0) / total;
    }
  }
}

const isRate = (indicator: Indicator) => indicator === 'adoption' || indicator === 'declaring' || indicator === 'charter';

/** A value of the indicator, written for a legend or a table. */
export function formatIndicatorValue(value: number, indicator: Indicator): string {
  if (isRate(indicator)) return formatRate(value);
  if (indicator === 'spend') return formatEuros(String(Math.round(value))).replace(/,00\s?€/, ' €');
  return formatInteger(value);
}

/** « 12 % d’adoption », « 9 déploiements », « secret statistique », « aucune donnée »: the end of an accessible name. */
export function describeValue(value: number | null | 'withheld', indicator: Indicator): string {
  if (value === 'withheld') return 'secret statistique (dépense non publiée)';
  if (value === null) return 'aucune donnée';
  const text = formatIndicatorValue(value, indicator);
  switch (indicator) {
    case 'adoption':
      return `${text} d’adoption`;
    case 'declaring':
      return `${text} de collectivités déclarantes`;
    case 'charter':
      return `${text} de chartes adoptées`;
    case 'deployments':
      return value > 1 ? `${text} déploiements` : `${text} déploiement`;
    case 'spend':
      return `${text} HT de dépense déclarée`;
  }
}

/** Rounds a break to what its legend shows, so that two classes never read the same. */
function roundBreak(value: number, indicator: Indicator): number {
  if (isRate(indicator)) return Math.round(value * 1000) / 1000;
  return Math.round(value);
}

/**
 * Up to five classes by quantiles of the values (each class holds about as many départements): the lower bounds
 * of classes 2 to n, rounded and distinct. Without values, no break (a single class).
 */
export function quantileBreaks(values: readonly number[], indicator: Indicator, classes = PALETTE.length): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const candidate = roundBreak(sorted[Math.floor((i * sorted.length) / classes)] ?? 0, indicator);
    const previous = breaks.at(-1);
    if (candidate > (sorted[0] ?? 0) && (previous === undefined || candidate > previous)) breaks.push(candidate);
  }
  return breaks;
}

/** The class of a value: 0 below the first break, i at or above break i. */
export function classOf(value: number, breaks: readonly number[]): number {
  let index = 0;
  while (index < breaks.length && value >= (breaks[index] ?? Infinity)) index++;
  return index;
}

/** The colour of class `index` among `count` classes, spread over the palette from light to dark. */
export function classColor(index: number, count: number): string {
  if (count <= 1) return PALETTE[2];
  const position = Math.round((index * (PALETTE.length - 1)) / (count - 1));
  return PALETTE[position] ?? PALETTE[0];
}

/** Whether text on this colour must be white for contrast. */
export function needsLightText(color: string): boolean {
  return color === PALETTE[3] || color === PALETTE[4];
}

/** The legend's label of each class. */
export function legendLabels(breaks: readonly number[], indicator: Indicator): string[] {
  if (breaks.length === 0) return ['toutes les valeurs'];
  const f = (value: number) => formatIndicatorValue(value, indicator);
  return Array.from({ length: breaks.length + 1 }, (_, index) => {
    if (index === 0) return `moins de ${f(breaks[0] ?? 0)}`;
    if (index === breaks.length) return `${f(breaks[index - 1] ?? 0)} et plus`;
    return `de ${f(breaks[index - 1] ?? 0)} à moins de ${f(breaks[index] ?? 0)}`;
  });
}
