import type { ComparisonDimension, ImpactMethod, PricingModel } from '../../gql/graphql';
import { compareDecimal, formatCountry, formatEurosHT, isZeroDecimal } from '../../lib/format';
import { IMPACT_METHOD_LABELS } from '../../lib/labels';

// Display helpers of the comparison. Amounts and measures stay decimal strings: Intl formats the string
// itself, and comparisons are exact (compareDecimal); numbers are only used to place marks on the charts.

/** « inconnu — <raison> »: an unknown value is never shown as zero. */
export function unknownText(reason: string | null | undefined): string {
  return `inconnu — ${reason ?? 'raison non précisée'}`;
}

export function Unknown({ reason }: { reason: string | null | undefined }) {
  return <span className="unknown">{unknownText(reason)}</span>;
}

const measureFormats = {
  small: new Intl.NumberFormat('fr-FR', { maximumSignificantDigits: 3 }),
  large: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }),
};

/** "1911.072" → "1 911,1"; "0.0123" → "0,0123" (three significant digits below 10). */
export function formatMeasure(value: string): string {
  try {
    const format = compareDecimal(value, '10') < 0 ? measureFormats.small : measureFormats.large;
    return format.format(value as Intl.StringNumericLiteral);
  } catch {
    return value;
  }
}

/**
 * A cost per inhabitant rounded to the cent by the API: "0.00" for a paying offer means less than a
 * cent, not free.
 */
export function formatPerInhabitant(value: string, total: string | null | undefined): string {
  if (isZeroDecimal(value) && total && !isZeroDecimal(total)) return 'moins de 0,01 € HT';
  return formatEurosHT(value);
}

/** "estimation EcoLogits 0.8.2", or "analyse de cycle de vie par un tiers, ACV Carbone 4 et ADEME, 2025". */
export function methodLabel(method: string | null | undefined, version: string | null | undefined): string {
  if (!method) return 'méthode non précisée';
  const label = IMPACT_METHOD_LABELS[method as ImpactMethod] ?? method;
  if (!version) return label;
  return /^v?\d/.test(version) ? `${label} ${version}` : `${label}, ${version}`;
}

/** « déduit du mix électrique (Suède) ». */
export function gridLabel(zone: string | null | undefined): string {
  return `déduit du mix électrique (${zone ? formatCountry(zone) : 'pays d’hébergement'})`;
}

export const PRICING_MODEL_LABELS: Record<PricingModel, string> = {
  FREE: 'Gratuit',
  FLAT_YEAR: 'Forfait annuel',
  PER_SEAT_MONTH: 'Par utilisateur et par mois',
  PER_INHABITANT_YEAR: 'Par habitant et par an',
  PER_1K_REQUESTS: 'Par millier de requêtes',
  PER_MILLION_TOKENS: 'Par million de jetons',
};

export const DIMENSION_LABELS: Record<ComparisonDimension, string> = {
  COST: 'Coût total',
  CARBON: 'Émissions de gaz à effet de serre',
  ENERGY: 'Énergie',
  WATER: 'Eau',
  RATING: 'Note des collectivités',
  ADOPTION: 'Adoption',
};

/** One color, dash pattern and marker per compared tool, in the order of the comparison (4 at most). */
export const SERIES = [
  { color: '#000091', dash: '', marker: 'circle' },
  { color: '#c9191e', dash: '8 4', marker: 'square' },
  { color: '#18753c', dash: '2 4', marker: 'triangle' },
  { color: '#b34000', dash: '10 4 2 4', marker: 'diamond' },
] as const;

export type Series = (typeof SERIES)[number];

export function seriesAt(index: number): Series {
  return SERIES[index % SERIES.length] as Series;
}

/** A marker of the series' shape centred on (x, y), for the line chart and its legend. */
export function Marker({ series, x, y, size = 5 }: { series: Series; x: number; y: number; size?: number }) {
  switch (series.marker) {
    case 'circle':
      return <circle cx={x} cy={y} r={size} fill={series.color} />;
    case 'square':
      return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} fill={series.color} />;
    case 'triangle':
      return <polygon points={`${x},${y - size - 1} ${x + size + 1},${y + size} ${x - size - 1},${y + size}`} fill={series.color} />;
    case 'diamond':
      return <polygon points={`${x},${y - size - 1} ${x + size + 1},${y} ${x},${y + size + 1} ${x - size - 1},${y}`} fill={series.color} />;
  }
}

const MARKER_GLYPHS: Record<Series['marker'], string> = { circle: '●', square: '■', triangle: '▲', diamond: '◆' };

/** The series' dash pattern drawn in CSS: a repeating gradient that follows the SVG stroke-dasharray. */
function dashBackground(series: Series): string {
  const lengths = (series.dash || '1 0').split(' ').map(Number);
  let position = 0;
  const stops = lengths.map((length, index) => {
    const color = index % 2 === 0 ? series.color : 'transparent';
    const stop = `${color} ${position}px ${position + length}px`;
    position += length;
    return stop;
  });
  return `repeating-linear-gradient(90deg, ${stops.join(', ')})`;
}

/**
 * A small legend key: the series' line and marker. HTML, not SVG, so that each figure holds a single
 * SVG (the chart).
 */
export function SeriesKey({ series }: { series: Series }) {
  return (
    <span className="series-key" aria-hidden="true">
      <span className="series-key__line" style={{ background: dashBackground(series) }} />
      {/* Drawn by CSS from the attribute: the glyph stays out of the cell's text (copy, CSV, screen readers). */}
      <span className="series-key__marker" style={{ color: series.color }} data-marker={MARKER_GLYPHS[series.marker]} />
    </span>
  );
}
