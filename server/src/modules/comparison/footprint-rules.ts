// Yearly environmental footprint of a tool for a usage profile (DESIGN.md "Computations").
import { D, dec, type DecimalLike } from '../../shared/money.ts';

export type ImpactMethod = 'PROVIDER_DECLARED' | 'LCA_THIRD_PARTY' | 'ECOLOGITS_ESTIMATE' | 'MEASURED';

export interface FigureInput {
  id?: number;
  energyWhPerRequest?: DecimalLike | null;
  gco2ePerRequest?: DecimalLike | null;
  waterMlPerRequest?: DecimalLike | null;
  hostingCountry?: string | null;
  method: ImpactMethod;
  methodVersion?: string | null;
  sourceUrl?: string;
  sourceDate?: Date | string;
}

export interface GridInput {
  zone: string;
  gco2ePerKwh: DecimalLike;
  waterLPerKwh?: DecimalLike | null;
  year?: number | null;
  basis: string;
  sourceUrl?: string;
}

export interface Measure {
  /** Rounded to 3 decimals; null when unknown. */
  value: string | null;
  /** How it was obtained, or why it is unknown. */
  basis: 'FIGURE' | 'GRID' | 'UNKNOWN';
  reason: string | null;
}

export type FootprintResult =
  | {
      known: true;
      figure: FigureInput;
      method: ImpactMethod;
      methodVersion: string | null;
      requestsPerYear: number;
      kwh: Measure;
      kgco2e: Measure;
      waterL: Measure;
      /** Some part was derived from the hosting country's electricity mix. */
      derivedFromGrid: boolean;
      grid: GridInput | null;
    }
  | { known: false; reason: string };

/** Figures are never mixed: one figure per tool, the most trustworthy method first, then the newest. */
const METHOD_ORDER: ImpactMethod[] = ['MEASURED', 'LCA_THIRD_PARTY', 'PROVIDER_DECLARED', 'ECOLOGITS_ESTIMATE'];

/** A source date as a number to sort by (Prisma gives Dates, tests and seeds ISO strings); undated figures last. */
const dateValue = (date: Date | string | undefined) => (date == null ? -Infinity : new Date(date).getTime());

/**
 * Of equal method and date, the first recorded (lowest id) wins: the choice must not depend on the order in which
 * the database returns the rows (PGlite and PostgreSQL differ there).
 */
export function chooseFigure<F extends FigureInput>(figures: readonly F[]): F | null {
  return (
    [...figures].sort(
      (a, b) =>
        METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method) ||
        dateValue(b.sourceDate) - dateValue(a.sourceDate) ||
        (a.id ?? Infinity) - (b.id ?? Infinity),
    )[0] ?? null
  );
}

/** The grid intensity of a zone: the most recent year, then the first basis alphabetically. */
export function gridFor(grids: readonly GridInput[], zone: string | null | undefined): GridInput | null {
  if (!zone) return null;
  return (
    grids
      .filter((g) => g.zone === zone)
      .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.basis.localeCompare(b.basis))[0] ?? null
  );
}

const round3 = (value: InstanceType<typeof D>) => value.toDecimalPlaces(3, D.ROUND_HALF_UP).toFixed(3);
const unknown = (reason: string): Measure => ({ value: null, basis: 'UNKNOWN', reason });

/**
 * requests per year × energy per request → kWh; CO2e from the figure, or from kWh × the hosting country's grid
 * intensity when the figure has none; water likewise. Always says which method and basis it used.
 */
export function computeFootprint(
  figures: readonly FigureInput[],
  grids: readonly GridInput[],
  profile: { requestsPerMonth?: number | null },
  toolHostingCountry?: string | null,
): FootprintResult {
  if (profile.requestsPerMonth == null || profile.requestsPerMonth < 0) return { known: false, reason: 'nombre de requêtes mensuelles inconnu' };
  const figure = chooseFigure(figures);
  if (!figure) return { known: false, reason: 'aucun chiffre d’impact publié pour cet outil' };
  const requests = dec(profile.requestsPerMonth).times(12);
  const country = figure.hostingCountry ?? toolHostingCountry ?? null;
  const grid = gridFor(grids, country);
  const kwhValue = figure.energyWhPerRequest != null ? requests.times(dec(figure.energyWhPerRequest)).div(1000) : null;
  const kwh: Measure = kwhValue ? { value: round3(kwhValue), basis: 'FIGURE', reason: null } : unknown('énergie par requête non publiée');

  let derivedFromGrid = false;
  let kgco2e: Measure;
  if (figure.gco2ePerRequest != null) {
    kgco2e = { value: round3(requests.times(dec(figure.gco2ePerRequest)).div(1000)), basis: 'FIGURE', reason: null };
  } else if (kwhValue && grid) {
    derivedFromGrid = true;
    kgco2e = { value: round3(kwhValue.times(dec(grid.gco2ePerKwh)).div(1000)), basis: 'GRID', reason: null };
  } else {
    kgco2e = unknown(
      !kwhValue ? 'ni émissions ni énergie par requête publiées' : `intensité carbone du pays d’hébergement inconnue (${country ?? 'pays inconnu'})`,
    );
  }

  let waterL: Measure;
  if (figure.waterMlPerRequest != null) {
    waterL = { value: round3(requests.times(dec(figure.waterMlPerRequest)).div(1000)), basis: 'FIGURE', reason: null };
  } else if (kwhValue && grid?.waterLPerKwh != null) {
    derivedFromGrid = true;
    waterL = { value: round3(kwhValue.times(dec(grid.waterLPerKwh))), basis: 'GRID', reason: null };
  } else {
    waterL = unknown(!kwhValue ? 'ni eau ni énergie par requête publiées' : 'eau par kWh du pays d’hébergement inconnue');
  }

  return {
    known: true,
    figure,
    method: figure.method,
    methodVersion: figure.methodVersion ?? null,
    requestsPerYear: requests.toNumber(),
    kwh,
    kgco2e,
    waterL,
    derivedFromGrid,
    grid: derivedFromGrid ? grid : null,
  };
}
