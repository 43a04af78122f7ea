import { z } from 'zod';

// One place for each input rule of the product. Services parse their inputs with these schemas (through
// `Checks.parse`), so that a SIREN, a price or a URL is judged the same way wherever it is typed.

/** Luhn checksum, as INSEE computes it for SIREN and SIRET. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

const withoutSpaces = (value: string) => value.replace(/\s/g, '');

export const Siren = z
  .string()
  .transform(withoutSpaces)
  .pipe(z.string().regex(/^\d{9}$/, 'Le SIREN doit comporter 9 chiffres.').refine(luhnValid, 'Ce SIREN n’est pas valide (clé de contrôle).'));

export const Siret = z
  .string()
  .transform(withoutSpaces)
  .pipe(z.string().regex(/^\d{14}$/, 'Le SIRET doit comporter 14 chiffres.').refine(luhnValid, 'Ce SIRET n’est pas valide (clé de contrôle).'));

export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'L’identifiant ne contient que des minuscules sans accent, des chiffres et des tirets.')
  .max(100, 'L’identifiant ne doit pas dépasser 100 caractères.');

// Decimal amounts and quantities have one rule too: their column's precision and scale, checked for every argument by the
// input guard (graphql/input.ts `decimalColumnError`).

export const HttpUrl = z
  .string()
  .max(1000, 'L’adresse ne doit pas dépasser 1000 caractères.')
  .regex(/^https?:\/\/[^\s]+$/, 'L’adresse doit commencer par http:// ou https://.');

/** ISO 3166-1 alpha-2, the 249 officially assigned codes. */
const COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF ' +
    'CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH ' +
    'GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW ' +
    'KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG ' +
    'NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN ' +
    'SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ' +
    'ZA ZM ZW'
  ).split(' '),
);
export const CountryCode = z.string().refine((code) => COUNTRIES.has(code), 'Code pays inconnu (ISO 3166-1 alpha-2, par exemple FR).');

/** The EU's 27 member states. */
export const EU_COUNTRIES = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
]);
