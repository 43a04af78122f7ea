import type { AuditEventFilter } from '../../gql/graphql';

/** The audit log filters, as kept in the URL (?siren=&type=&action=&du=&au=). */
export interface AuditParams {
  siren: string;
  type: string;
  action: string;
  /** Calendar days AAAA-MM-JJ, both included. */
  du: string;
  au: string;
}

const KEYS = ['siren', 'type', 'action', 'du', 'au'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readAuditParams(search: URLSearchParams): AuditParams {
  const read = (key: (typeof KEYS)[number]) => (search.get(key) ?? '').trim();
  return {
    siren: read('siren').replace(/\s/g, ''),
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
  if (params.type) filter.entityType = params.type;
  if (params.action) filter.action = params.action;
  if (params.du) filter.from = localInstant(params.du, false);
  if (params.au) filter.to = localInstant(params.au, true);
  return Object.keys(filter).length > 0 ? filter : undefined;
}

export const ENTITY_TYPE_OPTIONS = [
  { value: '', label: 'Tous' },
  { value: 'Deployment', label: 'Déploiement' },
  { value: 'Review', label: 'Avis' },
  { value: 'User', label: 'Personne' },
  { value: 'Organization', label: 'Organisation' },
] as const;

/** Actions the server records today (the field also takes any other). */
export const KNOWN_ACTIONS = [
  'deployment.declare',
  'deployment.update',
  'organization.setCharter',
  'membership.approve',
  'membership.reject',
  'review.submit',
  'review.flag',
  'review.vote',
  'review.hide',
  'review.restore',
  'user.signUp',
  'user.signIn',
  'user.signOut',
  'user.setRoles',
] as const;
