// The audit log as a CSV file, pure: rows in, text out. French spreadsheet conventions: semicolons, UTF-8 with its
// byte order mark (accents), CRLF line ends, instants in ISO 8601 (UTC).

/** Most events one export holds; the file and the page say when the filtered log has more. */
export const CSV_MAX_EVENTS = 10_000;

export interface CsvEvent {
  createdAt: Date;
  action: string;
  actionLabel: string;
  entity: string;
  entityId: string;
  organization: string | null;
  siren: string | null;
  actor: string | null;
  requestId: string;
  changes: string[];
}

export const CSV_HEADER = [
  'Date',
  'Code de l’action',
  'Action',
  'Entité',
  'Identifiant',
  'Organisation',
  'SIREN',
  'Auteur',
  'Identifiant de requête',
  'Champs modifiés',
];

/**
 * One cell: quoted when it holds a separator, a quote or a line break. A text a spreadsheet would run as a formula
 * (starting with =, +, -, @) gets a leading apostrophe: a name typed at sign-up must not become a formula.
 */
export function csvCell(value: string | null): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const formatCount = (n: number) => n.toLocaleString('fr-FR').replace(/\s/g, ' ');

/** The line that ends a truncated export. */
export const truncationNotice = (exported: number, total: number) =>
  `Export limité aux ${formatCount(exported)} événements les plus récents sur ${formatCount(total)} : affinez les filtres pour obtenir les autres.`;

/** The file: header, one line per event (newest first), and the truncation notice when `total` exceeds the events. */
export function auditCsv(events: CsvEvent[], total: number): string {
  const lines = events.map((event) =>
    [
      event.createdAt.toISOString(),
      event.action,
      event.actionLabel,
      event.entity,
      event.entityId,
      event.organization,
      event.siren,
      event.actor,
      event.requestId,
      event.changes.join(' | '),
    ]
      .map(csvCell)
      .join(';'),
  );
  const notice = total > events.length ? [csvCell(truncationNotice(events.length, total))] : [];
  return '\uFEFF' + [CSV_HEADER.map(csvCell).join(';'), ...lines, ...notice].join('\r\n') + '\r\n';
}
