import { compareDecimal, formatEuros, isZeroDecimal } from '../../lib/format';

// Prices as people read them: a yearly cost to the euro, a price per seat to the cent, a price under one euro to two
// significant digits (« 0,0042 € », « 0,40 € »). The exact value, every digit, goes in a `title` (formatEuros).
// The decimal strings are formatted as strings (Intl takes numeric strings exactly), never as floating-point numbers.

const euros = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', ...options });
const WHOLE = euros({ maximumFractionDigits: 0 });
const CENTS = euros({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const TWO_SIGNIFICANT = euros({ maximumSignificantDigits: 2 });

const format = (formatter: Intl.NumberFormat, value: string) => formatter.format(value.trim() as Intl.StringNumericLiteral);

/** "5800.00" → "5 800 €"; "14.99" → "14,99 €"; "0.0042" → "0,0042 €"; "0.4" → "0,40 €"; malformed: as received. */
export function formatPrice(value: string): string {
  try {
    if (compareDecimal(value, '1000') >= 0) return format(WHOLE, value);
    if (compareDecimal(value, '1') >= 0 || isZeroDecimal(value)) return format(CENTS, value);
    const short = format(TWO_SIGNIFICANT, value);
    // « 0,4 € » reads as a typo for a price: at least the cents
    return /,\d{2}/.test(short) ? short : format(CENTS, value);
  } catch {
    return formatEuros(value);
  }
}

/** The exact amount, for a `title`: "0.00421" → "0,00421 € HT". */
export const exactPrice = (value: string) => `${formatEuros(value)} HT (valeur exacte)`;
