import type { AuditEventFilter } from '../../gql/graphql';

/** The audit log filters, as kept in the URL (?siren=&auteur=&type=&action=&du=&au=). */
export interface AuditParams {
  siren: string;
  /** The acting person, by the API's identifier of the User. */
  auteur: string;
  type: string;
  action: string;
  /** Calendar days AAAA-MM-JJ, both included. */
  du: string;
  au: string;
}

const KEYS = ['siren', 'auteur', 'type', 'action', 'du', 'au'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const NO_FILTER: AuditParams = { siren: '', auteur: '', type: '', action: '', du: '', au: '' };

export function readAuditParams(search: URLSearchParams): AuditParams {
  const read = (key: (typeof KEYS)[number]) => (search.get(key) ?? '').trim();
  return {
    siren: read('siren').replace(/\s/g, ''),
    auteur: read('auteur'),
    type: read('type'),
    action: read('action'),
    du: DAY.test(read('du')) ? read('du') : '',
    au: DAY.test(read('au')) ? read('au') : '',
  };
}

export function writeAuditParams(params: AuditParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of KEYS) {
    const value = params[key].trim();
    if (value) next.set(key, value);
  }
  return next;
}

/** Calendar days are read in the browser's time zone: « du 3 mars » starts at local midnight. */
function localInstant(day: string, endOfDay: boolean): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const instant = endOfDay ? new Date(year, month - 1, date, 23, 59, 59, 999) : new Date(year, month - 1, date);
  return instant.toISOString();
}

/** The API filter; undefined when nothing is filtered. */
export function toAuditFilter(params: AuditParams): AuditEventFilter | undefined {
  const filter: AuditEventFilter = {};
  if (params.siren) filter.organizationSiren = params.siren;
  if (params.auteur) filter.actor = params.auteur;
  if (params.type) filter.entityType = params.type;
  if (params.action) filter.action = params.action;
  if (params.du) filter.from = localInstant(params.du, false);
  if (params.au) filter.to = localInstant(params.au, true);
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/** Today as AAAA-MM-JJ, in the browser's time zone. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The export's file name: journal-audit_<filtres>_<AAAA-MM-JJ>.csv, the filters as « siren-212500565_action-review.flag_du-2025-01-01 »
 * (« tout » without a filter), kept to characters every file system takes.
 */
export function auditCsvFilename(params: AuditParams, today: Date): string {
  const parts = KEYS.filter((key) => params[key]).map((key) => `${key}-${params[key].replace(/[^A-Za-z0-9.-]/g, '')}`);
  return `journal-audit_${parts.length ? parts.join('_') : 'tout'}_${localDay(today)}.csv`;
}

/** What the web does with the API's entity links: the page of a tool, a collectivité, a purchasing group. */
export function entityPath(link: { kind: 'TOOL' | 'ORGANIZATION' | 'PURCHASING_GROUP'; key: string }): string {
  const key = encodeURIComponent(link.key);
  if (link.kind === 'TOOL') return `/catalogue/${key}`;
  if (link.kind === 'ORGANIZATION') return `/territoires/${key}`;
  return `/groupements/${key}`;
}
