import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.ts';

builder.queryType({});
builder.mutationType({});

builder.scalarType('DateTime', {
  description: 'Instant au format ISO 8601 (UTC).',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('Date et heure invalides (format ISO 8601 attendu).');
    return date;
  },
});

builder.scalarType('Date', {
  description: 'Date calendaire AAAA-MM-JJ.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)),
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw new GraphQLError('Date invalide (format AAAA-MM-JJ attendu).');
    }
    return new Date(`${value}T00:00:00.000Z`);
  },
});

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

builder.scalarType('Decimal', {
  description: 'Nombre décimal exact, transmis en chaîne (ex. « 1234.50 ») ; les montants sont en euros HT.',
  serialize: (value) => value.toString(),
  parseValue: (value) => {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !DECIMAL.test(text.trim())) {
      throw new GraphQLError('Nombre décimal invalide : utilisez des chiffres et un point (ex. « 1234.50 »).');
    }
    return text.trim();
  },
  parseLiteral: (ast) => {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) && DECIMAL.test(ast.value)) {
      return ast.value;
    }
    throw new GraphQLError('Nombre décimal invalide : utilisez des chiffres et un point (ex. « 1234.50 »).');
  },
});

builder.scalarType('JSON', {
  description: 'Valeur JSON (instantanés du journal d’audit).',
  serialize: (value) => value,
  parseValue: (value) => value,
});
