import { Decimal } from 'decimal.js';

// The one decimal toolkit of Mutualis (the server's money rules and the seed data alike): exact arithmetic for
// money and measures, never floats.

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;
export type DecimalLike = Dec | string | number | { toString(): string };

export const dec = (value: DecimalLike): Dec => new D(value.toString());

/** Rounded once, at the end, to the cent (half up), as a string with two decimals. */
export const cents = (value: Dec): string => value.toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2);

/** Written without needless zeros and never with an exponent (« 7.9628 », « 45 »). */
export const plain = (value: Dec): string => value.toFixed();

/** French writing of a decimal string (decimal comma). */
export const frenchNumber = (value: string): string => value.replace('.', ',');
