import { Kind } from 'graphql';
import { calendarDate, DECIMAL_SYNTAX, InvalidInput, isoInstant, MAX_DATE, MIN_DATE } from './input.ts';
import { builder } from './builder.ts';

builder.queryType({});
builder.mutationType({});

// Parsers return InvalidInput rather than throw: the input guard then reports a typed VALIDATION error naming the field.
const DATE_RANGE = `entre le ${MIN_DATE.split('-').reverse().join('/')} et le ${MAX_DATE.split('-').reverse().join('/')}`;

builder.scalarType('DateTime', {
  description: `Instant au format ISO 8601 avec fuseau (ex. 2025-06-01T12:00:00Z), ${DATE_RANGE}.`,
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) =>
    (typeof value === 'string' && isoInstant(value)) ||
    (new InvalidInput(`date et heure invalides (format ISO 8601 attendu, ex. 2025-06-01T12:00:00Z, ${DATE_RANGE}).`) as unknown as Date),
});

builder.scalarType('Date', {
  description: `Date calendaire AAAA-MM-JJ, ${DATE_RANGE}.`,
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)),
  parseValue: (value) =>
    (typeof value === 'string' && calendarDate(value)) ||
    (new InvalidInput(`date invalide (format AAAA-MM-JJ attendu, jour existant ${DATE_RANGE}).`) as unknown as Date),
});

/** Plain decimal text, trimmed; the column's precision is checked by the input guard, which knows the column. */
function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (text === null || !DECIMAL_SYNTAX.test(text)) {
    return new InvalidInput('nombre décimal invalide : utilisez des chiffres et un point (ex. « 1234.50 »).') as unknown as string;
  }
  return text;
}

builder.scalarType('Decimal', {
  description: 'Nombre décimal exact, transmis en chaîne (ex. « 1234.50 ») ; les montants sont en euros HT.',
  serialize: (value) => value.toString(),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : null),
});

builder.scalarType('JSON', {
  description: 'Valeur JSON (instantanés du journal d’audit).',
  serialize: (value) => value,
  parseValue: (value) => value,
});
