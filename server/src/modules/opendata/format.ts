// How an export's rows are written: CSV in the French convention or the standard one, or JSON. A row holds the text
// the database gave for each column (decimals and counts are cast to text in SQL): no value goes through a JS number.
import type { ColumnType, Dataset } from './dictionary.ts';

/** A row of an export: column name → the database's text of the value (`'true'`/`'false'` for a boolean), or null. */
export type ExportRow = Record<string, string | null>;

export type ExportFormat = 'csv' | 'csv-standard' | 'json';

interface CsvConvention {
  delimiter: string;
  decimal: string;
  bom: boolean;
}

/**
 * French: « ; », decimal comma, UTF-8 with BOM (what a spreadsheet set to French opens correctly). Standard: « , »,
 * decimal point, no BOM. Both end lines with CRLF and quote as RFC 4180 says.
 */
export const CSV_CONVENTIONS: Record<'csv' | 'csv-standard', CsvConvention> = {
  csv: { delimiter: ';', decimal: ',', bom: true },
  'csv-standard': { delimiter: ',', decimal: '.', bom: false },
};

const BOM = '\uFEFF';
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** The database's text of a number, checked (a value that is not plain decimal text is a bug, never written). */
function numeric(value: string, column: string): string {
  if (!NUMERIC.test(value)) throw new Error(`Valeur numérique inattendue pour ${column} : ${value}`);
  return value;
}

function csvCell(value: string | null, type: ColumnType, column: string, convention: CsvConvention): string {
  if (value == null) return '';
  if (type === 'number') return numeric(value, column).replace('.', convention.decimal);
  if (type === 'integer') return numeric(value, column);
  return value;
}

/** RFC 4180: a field holding the delimiter, a quote or a line break (bare \n or \r too) is quoted, quotes doubled. */
function quoted(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

// Written here rather than with csv-stringify: its per-field machinery took 9.3 s of the 17 s of a national export
// (250,000 rows, bench of issue 12) for what is one test and one replace per field; the tests parse every file back
// with csv-parse, an independent reader, so that the quoting stays RFC 4180.
function csvLines(records: string[][], convention: CsvConvention): string {
  let text = '';
  for (const record of records) text += record.map((field) => quoted(field, convention.delimiter)).join(convention.delimiter) + '\r\n';
  return text;
}

/** The first bytes of a CSV file: the BOM (French) and the header row, the dictionary's column names in its order. */
export function csvHead(dataset: Dataset, format: 'csv' | 'csv-standard'): string {
  const convention = CSV_CONVENTIONS[format];
  return (convention.bom ? BOM : '') + csvLines([dataset.columns.map((c) => c.name)], convention);
}

/** Rows as CSV lines (each ending with CRLF). */
export function csvRows(dataset: Dataset, format: 'csv' | 'csv-standard', rows: readonly ExportRow[]): string {
  if (!rows.length) return '';
  const convention = CSV_CONVENTIONS[format];
  return csvLines(
    rows.map((row) => dataset.columns.map((c) => csvCell(row[c.name] ?? null, c.type, c.name, convention))),
    convention,
  );
}

function jsonValue(value: string | null, type: ColumnType, column: string): string {
  if (value == null) return 'null';
  // The database's decimal text as a JSON number, digit for digit (1234.50 stays 1234.50).
  if (type === 'number' || type === 'integer') return numeric(value, column);
  if (type === 'boolean') return value === 'true' ? 'true' : 'false';
  return JSON.stringify(value);
}

/** Rows as JSON objects, each preceded by a comma unless it is the very first row of the file. */
export function jsonRows(dataset: Dataset, rows: readonly ExportRow[], first: boolean): string {
  return rows
    .map((row, i) => {
      const fields = dataset.columns.map((c) => `${JSON.stringify(c.name)}:${jsonValue(row[c.name] ?? null, c.type, c.name)}`);
      return `${first && i === 0 ? '' : ','}\n{${fields.join(',')}}`;
    })
    .join('');
}

/** A JSON file up to its rows: licence, source, date, scope and dictionary first, then `"lignes": [` (closed by JSON_TAIL). */
export function jsonHead(dataset: Dataset, meta: { licence: unknown; source: string; generatedAt: string; scope: unknown }): string {
  const head = {
    licence: meta.licence,
    source: meta.source,
    genere_le: meta.generatedAt,
    perimetre: meta.scope,
    dictionnaire: dataset.columns,
  };
  const text = JSON.stringify(head);
  return `${text.slice(0, -1)},"lignes":[`;
}

export const JSON_TAIL = '\n]}\n';
