// Exact arithmetic on the API's decimal strings (volumes and euros), for the totals the API does not
// send. BigInt on a common scale: no floating-point rounding in what is shown as a figure.

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** The sum of decimal strings, exact ("0.1" + "0.2" = "0.3"); "0" for an empty list. */
export function sumDecimals(values: readonly string[]): string {
  const parsed = values.map((value) => {
    const match = DECIMAL.exec(value.trim());
    if (!match) throw new RangeError(`Nombre décimal invalide : « ${value} »`);
    return { negative: match[1] === '-', int: match[2] ?? '0', frac: match[3] ?? '' };
  });
  const scale = Math.max(0, ...parsed.map((p) => p.frac.length));
  let total = 0n;
  for (const p of parsed) {
    const units = BigInt(`${p.int}${p.frac.padEnd(scale, '0')}`);
    total += p.negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** A decimal string as a number, for drawing only (never for a figure shown as text). */
export function toDrawingNumber(value: string | null | undefined): number {
  const number = Number(value ?? 0);
  return Number.isFinite(number) && number > 0 ? number : 0;
}
