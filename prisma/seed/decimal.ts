// Petite arithmétique décimale exacte pour les données d'amorçage : les montants sont manipulés
// en millionièmes (BigInt), jamais en flottants, puis écrits en chaînes décimales.

const MICRO = 1_000_000n;

/** Convertit une chaîne décimale positive (au plus 6 décimales) en millionièmes. */
export function toMicros(value: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(value.trim());
  if (!match) throw new Error(`Nombre décimal invalide : « ${value} »`);
  const integerPart = match[1] ?? '0';
  const fraction = (match[2] ?? '').padEnd(6, '0');
  return BigInt(integerPart) * MICRO + BigInt(fraction);
}

/** Écrit des millionièmes avec `decimals` décimales (arrondi au plus proche, moitié vers le haut). */
export function formatMicros(micros: bigint, decimals: number): string {
  if (decimals < 0 || decimals > 6) throw new Error('decimals doit être compris entre 0 et 6');
  if (micros < 0n) throw new Error('Montant négatif inattendu');
  const divisor = 10n ** BigInt(6 - decimals);
  const rounded = (micros + divisor / 2n) / divisor;
  if (decimals === 0) return rounded.toString();
  const digits = rounded.toString().padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** Écrit des millionièmes sans zéros superflus (« 7.9628 », « 45 »). */
export function formatMicrosTrimmed(micros: bigint): string {
  const full = formatMicros(micros, 6);
  return full.replace(/\.?0+$/, '');
}

/** Produit de deux valeurs en millionièmes, arrondi au millionième. */
export function mulMicros(a: bigint, b: bigint): bigint {
  return (a * b + MICRO / 2n) / MICRO;
}

/** Écriture française d'une chaîne décimale (virgule décimale). */
export function frenchNumber(value: string): string {
  return value.replace('.', ',');
}
