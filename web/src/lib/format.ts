// Display helpers. Amounts arrive as exact decimal strings (scalar Decimal): they are compared
// and formatted as strings, never converted to floating-point numbers.

const integerFormat = new Intl.NumberFormat('fr-FR');

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** "198387" → "198 387"; null → "—". */
export function formatInteger(value: number | null | undefined): string {
  return value == null ? '—' : integerFormat.format(value);
}

/** 198387 → "198 387 habitants". */
export function formatInhabitants(value: number | null | undefined): string {
  if (value == null) return 'non renseignée';
  return `${integerFormat.format(value)} ${value > 1 ? 'habitants' : 'habitant'}`;
}

/** Splits a decimal string into sign, integer digits and fraction digits, or null when malformed. */
function parseDecimal(value: string): { negative: boolean; int: string; frac: string } | null {
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const int = (match[2] ?? '0').replace(/^0+(?=\d)/, '');
  const frac = (match[3] ?? '').replace(/0+$/, '');
  const negative = match[1] === '-' && (/[1-9]/.test(int) || frac !== '');
  return { negative, int, frac };
}

/** Compares two decimal strings exactly: negative when a < b, 0 when equal, positive when a > b. */
export function compareDecimal(a: string, b: string): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) throw new RangeError(`Nombre décimal invalide : « ${!x ? a : b} »`);
  if (x.negative !== y.negative) return x.negative ? -1 : 1;
  const sign = x.negative ? -1 : 1;
  if (x.int.length !== y.int.length) return sign * (x.int.length - y.int.length);
  if (x.int !== y.int) return sign * (x.int < y.int ? -1 : 1);
  const width = Math.max(x.frac.length, y.frac.length);
  const fx = x.frac.padEnd(width, '0');
  const fy = y.frac.padEnd(width, '0');
  return fx === fy ? 0 : sign * (fx < fy ? -1 : 1);
}

/** True when the decimal string is exactly zero. */
export function isZeroDecimal(value: string): boolean {
  const parsed = parseDecimal(value);
  return parsed !== null && !/[1-9]/.test(parsed.int) && parsed.frac === '';
}

/**
 * "14.99" → "14,99 €". Formats the string itself (Intl accepts numeric strings exactly), keeping
 * up to 6 fraction digits so that per-request prices such as "0.0042" are not rounded to zero.
 * A malformed value is shown as received rather than hidden.
 */
export function formatEuros(value: string): string {
  const parsed = parseDecimal(value);
  if (!parsed) return `${value} €`;
  const digits = Math.min(Math.max(parsed.frac.length, 2), 6);
  const canonical = `${parsed.negative ? '-' : ''}${parsed.int}${parsed.frac ? `.${parsed.frac}` : ''}`;
  return new Intl.NumberFormat('fr-FR', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(canonical as Intl.StringNumericLiteral);
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Calendar date "2025-03-12" (scalar Date) or ISO instant → "12 mars 2025". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = calendar
    ? new Date(Date.UTC(Number(calendar[1]), Number(calendar[2]) - 1, Number(calendar[3])))
    : new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

const regionNames = new Intl.DisplayNames(['fr'], { type: 'region' });

/** ISO 3166-1 alpha-2 → French country name ("FR" → "France"). */
export function formatCountry(code: string | null | undefined): string {
  if (!code) return 'non précisé';
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "3 collectivités", "1 collectivité", "Aucune collectivité". */
export function formatCount(count: number, singular: string, plural: string): string {
  if (count === 0) return `Aucune ${singular}`;
  return `${integerFormat.format(count)} ${count > 1 ? plural : singular}`;
}

/** "1234.5" → "1 234,50 € HT" (an amount in euros excluding VAT); null → "—". */
export function formatEurosHT(value: string | null | undefined): string {
  return value == null ? '—' : `${formatEuros(value)} HT`;
}

/**
 * An amount typed in French ("1 234,50", "1234.50", "1234,5 €") → the decimal string the API takes
 * ("1234.50"), or null when it is not a non-negative amount. Spaces and the euro sign are ignored.
 */
export function parseAmountInput(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(compact) ? compact : null;
}

/** A whole number typed with or without thousands separators ("12 000") → 12000, or null. */
export function parseIntegerInput(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(compact)) return null;
  const value = Number(compact);
  return Number.isSafeInteger(value) ? value : null;
}

const ratingFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A mean rating sent as a decimal string ("4.07") → "4,1"; null → "—". */
export function formatRating(value: string | null | undefined): string {
  if (value == null || parseDecimal(value) === null) return value ?? '—';
  return ratingFormat.format(value as Intl.StringNumericLiteral);
}

/** A decimal string shown as is, in French ("1.5072" → "1,5072"), all its digits kept. */
export function formatDecimal(value: string): string {
  const parsed = parseDecimal(value);
  if (!parsed) return value;
  const int = integerFormat.format(BigInt(parsed.int));
  return `${parsed.negative ? '-' : ''}${int}${parsed.frac ? `,${parsed.frac}` : ''}`;
}

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/Paris',
});

/** ISO instant → "12 mars 2025, 14:05:09" (heure de Paris). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

const languageNames = new Intl.DisplayNames(['fr'], { type: 'language' });

/** ISO 639 code → French language name ("fr" → "français"). */
export function formatLanguage(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
