// Axis scales for the hand-drawn SVG charts. Amounts arrive as decimal strings; they become numbers here
// only to place marks in pixels, never to compute an amount shown as text.

/** A rounded axis maximum and tick step (1, 2, 2.5 or 5 × a power of ten) for about `count` ticks. */
export function niceScale(max: number, count = 5): { max: number; step: number; ticks: number[] } {
  if (!Number.isFinite(max) || max <= 0) return { max: 1, step: 1, ticks: [0, 1] };
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power) as number;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step / 1e6; i += 1) ticks.push(Number((i * step).toPrecision(12)));
  return { max: top, step, ticks };
}

/** A decimal string as a number for drawing; null when it is not one. */
export function toPlot(value: string | null | undefined): number | null {
  if (value == null) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

const euroTick = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const euroTickCents = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 });

/** Axis label in euros: "27 000 €", or with cents when the step is below one euro. */
export function formatEuroTick(value: number, step: number): string {
  return (step < 1 ? euroTickCents : euroTick).format(value);
}

const quantityTick = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

export function formatQuantityTick(value: number): string {
  return quantityTick.format(value);
}

/** Text cut to `max` characters with an ellipsis (SVG text does not wrap). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
