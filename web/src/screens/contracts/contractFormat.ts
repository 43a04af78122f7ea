import { formatCount, formatEurosHT, isZeroDecimal } from '../../lib/format';

// Display helpers of the public contracts (DECP). Amounts stay decimal strings, formatted by format.ts.

/** 36 → « 36 mois » (3 ans); 1 → « 1 mois »; null → « non renseignée ». */
export function formatDuration(months: number | null | undefined): string {
  if (months == null) return 'non renseignée';
  if (months >= 12 && months % 12 === 0) return `${months} mois (${formatCount(months / 12, 'an', 'ans')})`;
  return `${months} mois`;
}

/** The amount of a contract: « 200 000,00 € HT », said to be a maximum for a framework agreement. */
export function contractAmount(amount: string | null | undefined, isMaximum: boolean): { value: string; note: string | null } {
  if (amount == null) return { value: 'non renseigné', note: null };
  return { value: formatEurosHT(amount), note: isMaximum ? 'montant maximum (accord-cadre)' : null };
}

/** Where a contract comes from: the URL of the DECP file, or the name of the file imported on the server. */
export function contractSource(source: string): { url: string | null; label: string } {
  if (/^https?:\/\//i.test(source)) return { url: source, label: source.replace(/^https?:\/\//i, '') };
  const file = source.split(/[\\/]/).pop() ?? source;
  return { url: null, label: `fichier ${file}` };
}

/** A price per inhabitant rounded to the cent by the API: "0.00" means less than a cent, not free. */
export function formatPerInhabitantPaid(value: string): string {
  return isZeroDecimal(value) ? 'moins de 0,01 € HT' : formatEurosHT(value);
}

/** The figures of PricesPaid that the sentences below read. */
export interface PricesPaidFigures {
  contractCount: number;
  withPopulationCount: number;
  medianPerInhabitant?: string | null | undefined;
  minPerInhabitant?: string | null | undefined;
  maxPerInhabitant?: string | null | undefined;
}

/**
 * « Médiane 0,85 € HT par habitant (de 0,40 € HT à 1,20 € HT), 3 marchés publics », or « aucun marché public
 * rattaché »; the contracts whose buyer's population is unknown are said apart.
 */
export function pricesPaidText(paid: PricesPaidFigures): { main: string; detail: string | null } {
  if (paid.contractCount === 0) return { main: 'aucun marché public rattaché', detail: null };
  const contracts = formatCount(paid.contractCount, 'marché public', 'marchés publics');
  if (paid.withPopulationCount === 0 || paid.medianPerInhabitant == null) {
    return { main: `${contracts}, population des acheteurs inconnue`, detail: null };
  }
  const median = `Médiane : ${formatPerInhabitantPaid(paid.medianPerInhabitant)} par habitant`;
  const range =
    paid.minPerInhabitant != null && paid.maxPerInhabitant != null && paid.withPopulationCount > 1
      ? `de ${formatPerInhabitantPaid(paid.minPerInhabitant)} à ${formatPerInhabitantPaid(paid.maxPerInhabitant)} par habitant`
      : null;
  const unknown = paid.contractCount - paid.withPopulationCount;
  const detail = [range, contracts, unknown > 0 ? `dont ${unknown} sans population connue de l’acheteur` : null].filter(Boolean).join(' · ');
  return { main: median, detail };
}
