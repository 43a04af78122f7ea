// What an export request asks for: the dataset and format from its path, the statistics scope from its query string.
// Every parameter is checked here, before any SQL: a bad one is a VALIDATION error whose French message the client
// reads as the body of a 400.
import { EpciType, OrganizationKind } from '@mutualis/db/enums';
import { AppError } from '../../graphql/errors.ts';
import { checkScope, POPULATION_BAND_KEYS, scopeSlug, type PopulationBand, type StatsScope } from '../statistics/service.ts';
import type { DatasetKey } from './dictionary.ts';
import type { ExportFormat } from './format.ts';

export interface ExportRequest {
  dataset: DatasetKey;
  format: ExportFormat;
  scope: StatsScope;
}

/** /donnees/<jeu>.csv or .json. */
export const EXPORT_PATH = /^\/donnees\/(deploiements|chartes|statistiques)\.(csv|json)$/;
export const DICTIONARY_PATH = '/donnees/dictionnaire.json';

const SCOPE_PARAMETERS = ['region', 'departement', 'epciSiren', 'epciType', 'organizationKind', 'populationBand'] as const;
const PARAMETERS: readonly string[] = [...SCOPE_PARAMETERS, 'format'];

const EPCI_TYPES = Object.keys(EpciType) as (keyof typeof EpciType)[];
/** The platform's own organization (STATE) is never a collectivité of the statistics. */
const KINDS = (Object.keys(OrganizationKind) as (keyof typeof OrganizationKind)[]).filter((k) => k !== 'STATE');

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ field, message }]);
}

function oneOf<T extends string>(field: string, value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(field, `${what} inconnu : « ${value} » (valeurs possibles : ${allowed.join(', ')}).`);
}

/** The scope a query string names; each parameter at most once, none unknown, none empty. */
export function parseScope(params: URLSearchParams, options: { allowFormat: boolean }): { scope: StatsScope; standard: boolean } {
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (!PARAMETERS.includes(name)) {
      throw invalid(name, `Paramètre inconnu : « ${name} ». Paramètres acceptés : ${PARAMETERS.join(', ')}.`);
    }
    if (seen.has(name)) throw invalid(name, `Le paramètre « ${name} » est donné plusieurs fois.`);
    seen.add(name);
    if (value.trim() === '') throw invalid(name, `Le paramètre « ${name} » est vide.`);
  }
  const get = (name: string) => params.get(name)?.trim() ?? null;
  const format = get('format');
  if (format != null && !options.allowFormat) throw invalid('format', 'Le paramètre « format » ne s’applique qu’aux fichiers CSV.');
  if (format != null && format !== 'standard') {
    throw invalid('format', `Format inconnu : « ${format} » (seule valeur possible : standard ; sans ce paramètre, convention française).`);
  }
  const epciType = get('epciType');
  const kind = get('organizationKind');
  const band = get('populationBand');
  const scope = checkScope({
    region: get('region'),
    departement: get('departement')?.toUpperCase() ?? null,
    epciSiren: get('epciSiren'),
    epciType: epciType == null ? null : oneOf('epciType', epciType, EPCI_TYPES, 'Type d’EPCI'),
    organizationKind: kind == null ? null : oneOf('organizationKind', kind, KINDS, 'Type de collectivité'),
    populationBand: band == null ? null : oneOf<PopulationBand>('populationBand', band, POPULATION_BAND_KEYS, 'Tranche de population'),
  });
  return { scope, standard: format === 'standard' };
}

/** The request an export path and its query string make. */
export function parseExportRequest(url: URL): ExportRequest {
  const [, dataset, extension] = EXPORT_PATH.exec(url.pathname)!;
  const { scope, standard } = parseScope(url.searchParams, { allowFormat: extension === 'csv' });
  const format: ExportFormat = extension === 'json' ? 'json' : standard ? 'csv-standard' : 'csv';
  return { dataset: dataset as DatasetKey, format, scope };
}

/** The day in France (YYYY-MM-DD) of a moment. */
export function frenchDay(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}

/** mutualis_<jeu>_<périmètre>_<AAAA-MM-JJ>[_standard].csv|json */
export function exportFileName(request: ExportRequest, moment: Date): string {
  const suffix = request.format === 'csv-standard' ? '_standard' : '';
  const extension = request.format === 'json' ? 'json' : 'csv';
  return `mutualis_${request.dataset}_${scopeSlug(request.scope)}_${frenchDay(moment)}${suffix}.${extension}`;
}

/** The scope as the JSON files state it (every parameter, null when not set) with its slug. */
export function scopeDocument(scope: StatsScope) {
  return {
    slug: scopeSlug(scope),
    ...Object.fromEntries(SCOPE_PARAMETERS.map((name) => [name, scope[name] ?? null])),
  };
}

/** The three download addresses of a dataset for a scope (relative to the site). */
export function downloadPaths(dataset: DatasetKey, query = '') {
  const q = query ? `?${query}` : '';
  return {
    csv: `/donnees/${dataset}.csv${q}`,
    csvStandard: `/donnees/${dataset}.csv${q ? `${q}&` : '?'}format=standard`,
    json: `/donnees/${dataset}.json${q}`,
  };
}
