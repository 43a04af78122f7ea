import SchemaBuilder, { BasePlugin, PothosValidationError, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import { getDatamodel } from '../generated/pothos-types.ts';
import { ValidationError } from './errors.ts';
import { Checks } from './validate.ts';

// Input at the edge: every argument of every field is checked here, once, before its resolver (and therefore the
// database) sees it. Scalars only parse; this guard knows where a value sits (field name for the message, the
// column it is written to) and rejects what the database would refuse or what no person types.

/** Longest string any argument may carry; per-field product limits (Checks.text) are tighter. */
export const MAX_TEXT_LENGTH = 10_000;
/** Longest single-line string (names, identifiers, URLs, searches…). */
export const MAX_LINE_LENGTH = 1_000;
/** Most items any list argument may carry. */
export const MAX_LIST_LENGTH = 100;

/**
 * What a scalar's parser returns for a value it cannot parse: the guard turns it into a typed VALIDATION error naming
 * the field, instead of graphql-js's English coercion error. It never reaches a resolver.
 */
export class InvalidInput {
  constructor(readonly message: string) {}
}

const models: Record<string, { fields: readonly { name: string; kind: string; isRequired: boolean; isList: boolean }[] }> = getDatamodel().datamodel.models;

// ----------------------------------------------------------------------------- dates

export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

/** A real calendar day (no 2025-02-30, no year 0) within the bounds above, or null. */
export function calendarDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return text >= MIN_DATE && text <= MAX_DATE ? date : null;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** An ISO 8601 instant with its offset (ex. 2025-06-01T12:00:00Z), on a real day within the bounds, or null. */
export function isoInstant(text: string): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match || !calendarDate(match[1]!)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

// ----------------------------------------------------------------------------- decimals

/**
 * Every Decimal column and its `@db.Decimal(precision, scale)` in prisma/schema.prisma (a test keeps the two equal).
 * `money`: euros, for the message. None of these columns holds a negative value.
 */
export const DECIMAL_COLUMNS = {
  'Tool.rgaaRate': { precision: 5, scale: 2 },
  'PricingPlan.unitPrice': { precision: 14, scale: 6, money: true },
  'PricingPlan.setupFee': { precision: 14, scale: 2, money: true },
  'PricingPlan.minimumQuantity': { precision: 14, scale: 2 },
  'PricingPlan.minimumAnnualAmount': { precision: 14, scale: 2, money: true },
  'PriceTier.minVolume': { precision: 16, scale: 2 },
  'PriceTier.unitPrice': { precision: 14, scale: 6, money: true },
  'ImpactFigure.energyWhPerRequest': { precision: 14, scale: 6 },
  'ImpactFigure.gco2ePerRequest': { precision: 14, scale: 6 },
  'ImpactFigure.waterMlPerRequest': { precision: 14, scale: 6 },
  'ImpactFigure.pue': { precision: 5, scale: 3 },
  'GridIntensity.gco2ePerKwh': { precision: 10, scale: 3 },
  'GridIntensity.waterLPerKwh': { precision: 10, scale: 3 },
  'Deployment.annualCost': { precision: 14, scale: 2, money: true },
  'PurchasingGroup.listUnitPrice': { precision: 14, scale: 6, money: true },
  'PurchasingGroup.awardedUnitPrice': { precision: 14, scale: 6, money: true },
  'GroupPriceTier.minVolume': { precision: 16, scale: 2 },
  'GroupPriceTier.unitPrice': { precision: 14, scale: 6, money: true },
  'GroupMembership.estimatedVolume': { precision: 16, scale: 2 },
  'GroupMembership.committedVolume': { precision: 16, scale: 2 },
  'Training.durationHours': { precision: 6, scale: 1 },
  'Training.cost': { precision: 10, scale: 2, money: true },
  // kept by the database (no input reaches them)
  'ToolStats.ratingAverage': { precision: 3, scale: 2 },
  'ToolStats.easeOfUse': { precision: 3, scale: 2 },
  'ToolStats.outputQuality': { precision: 3, scale: 2 },
  'ToolStats.support': { precision: 3, scale: 2 },
  'ToolStats.dataProtection': { precision: 3, scale: 2 },
  'ToolStats.valueForMoney': { precision: 3, scale: 2 },
  'ToolStats.accessibility': { precision: 3, scale: 2 },
  'ToolStats.referencePrice': { precision: 16, scale: 2, money: true },
  // written by the DECP import (contracts module), never by an input
  'PublicContract.amount': { precision: 16, scale: 2, money: true },
  'PublicContract.initialAmount': { precision: 16, scale: 2, money: true },
  'PublicContract.relevanceScore': { precision: 6, scale: 2 },
  'PublicContractModification.amount': { precision: 16, scale: 2, money: true },
} as const satisfies Record<string, { precision: number; scale: number; money?: boolean }>;

export type DecimalColumn = keyof typeof DECIMAL_COLUMNS;

/** Plain decimal notation, as the Decimal scalar accepts it. */
export const DECIMAL_SYNTAX = /^-?\d{1,40}(\.\d{1,40})?$/;

/**
 * Why `value` (plain decimal notation) does not fit `column`, or null. `rounded`: the database may round the scale
 * (computed values); only the integer digits must fit.
 */
export function decimalColumnError(value: string, column: DecimalColumn, label: string, { rounded = false } = {}): string | null {
  const spec: { precision: number; scale: number; money?: boolean } = DECIMAL_COLUMNS[column];
  if (!DECIMAL_SYNTAX.test(value)) return `${label} : nombre décimal invalide (ex. « 1234.50 »).`;
  const [whole = '', fraction = ''] = value.replace(/^-/, '').split('.');
  const integerDigits = whole.replace(/^0+/, '').length;
  const scaleDigits = fraction.replace(/0+$/, '').length;
  const negative = value.startsWith('-') && /[1-9]/.test(value);
  const maxInteger = spec.precision - spec.scale;
  if (negative) return spec.money ? `${label} doit être un montant positif ou nul.` : `${label} doit être positif ou nul.`;
  if (integerDigits > maxInteger || (!rounded && scaleDigits > spec.scale)) {
    const limit = `${maxInteger} chiffre${maxInteger > 1 ? 's' : ''} avant la virgule et ${spec.scale} décimale${spec.scale > 1 ? 's' : ''} au plus`;
    return `${label} : ${limit}${spec.money ? ' (euros HT)' : ''}.`;
  }
  return null;
}

// ----------------------------------------------------------------------------- text

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;
/** Half of a UTF-16 surrogate pair, alone: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string argument is refused, or null. Multi-line texts (review bodies, descriptions…) keep \n and \t. */
export function textError(value: string, label: string, multiline: boolean): string | null {
  if (value.length > (multiline ? MAX_TEXT_LENGTH : MAX_LINE_LENGTH)) {
    return `${label} ne doit pas dépasser ${multiline ? MAX_TEXT_LENGTH : MAX_LINE_LENGTH} caractères.`;
  }
  if (CONTROL.test(value) || LONE_SURROGATE.test(value)) return `${label} contient des caractères de contrôle ou invalides.`;
  if (!multiline && LINE_BREAK_OR_TAB.test(value)) return `${label} doit tenir sur une ligne (ni retour à la ligne ni tabulation).`;
  return null;
}

// ----------------------------------------------------------------------------- global IDs

const INT4_MAX = 2_147_483_647;
const CANONICAL_ID = /^[1-9]\d{0,9}$/;

/**
 * Strict relay ID decoding (builder `relay.decodeGlobalID`): canonical base64 of `Type:id`, where id is a positive
 * PostgreSQL int4 written canonically — `Tool:01`, `Tool:+1` or `User:1.5` must not find record 1.
 */
export function decodeGlobalID(globalID: string): { typename: string; id: string } {
  const invalid = () => new ValidationError('Identifiant invalide.', 'id');
  const text = canonicalBase64(globalID);
  if (text === null) throw invalid();
  const match = /^([A-Z][A-Za-z0-9]*):(.+)$/.exec(text);
  if (!match || !(match[1]! in models) || !CANONICAL_ID.test(match[2]!) || Number(match[2]) > INT4_MAX) throw invalid();
  return { typename: match[1]!, id: match[2]! };
}

/** The text a canonical base64 string encodes, or null. */
function canonicalBase64(value: string): string | null {
  if (value.length > 200 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  const text = Buffer.from(value, 'base64').toString('utf8');
  return Buffer.from(text, 'utf8').toString('base64') === value ? text : null;
}

/**
 * Whether a connection cursor is one this API hands out: an id cursor of the Prisma plugin (`GPC:N:<int4>`) or an
 * offset cursor of the relay plugin — anything else would reach Prisma as a NaN or an out-of-range number.
 */
export function validCursor(cursor: string): boolean {
  const text = canonicalBase64(cursor);
  if (text === null) return false;
  const id = /^GPC:N:([1-9]\d{0,9})$/.exec(text);
  if (id) return Number(id[1]) <= INT4_MAX;
  return /^OffsetConnection:(0|[1-9]\d{0,6})$/.test(text);
}

// ----------------------------------------------------------------------------- the guard

/**
 * Options read on input types and fields (`extensions`):
 * - input type `{ model: 'Tool' }`: the Prisma model its fields are written to — null is refused on required columns,
 *   and each Decimal field is checked against the column of the same name;
 * - input field or argument `{ column: 'GroupMembership.estimatedVolume' }`: the Decimal column it is written to;
 * - input field or argument `{ multiline: true }`: a text that may hold line breaks and tabs.
 */
export interface InputExtensions {
  model?: string;
  column?: DecimalColumn;
  multiline?: boolean;
}


/** Columns of `model` that cannot hold null. */
const requiredColumns = new Map<string, Set<string>>(
  Object.entries(models).map(([name, model]) => [
    name,
    new Set(model.fields.filter((f) => (f.kind === 'scalar' || f.kind === 'enum') && (f.isRequired || f.isList)).map((f) => f.name)),
  ]),
);

const ext = (holder: { extensions?: unknown }) => (holder.extensions ?? {}) as InputExtensions;

interface Site {
  /** The name a form shows the error next to: the argument, or the top-level field of an input object argument. */
  field: string;
  label: string;
  column?: DecimalColumn;
  multiline: boolean;
}

function checkValue(type: GraphQLInputType, value: unknown, site: Site, checks: Checks): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(type.ofType, value, site, checks);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    checks.check(items.length <= MAX_LIST_LENGTH, site.field, `${site.label} compte trop d’éléments (${MAX_LIST_LENGTH} au plus).`);
    for (const item of items.slice(0, MAX_LIST_LENGTH)) checkValue(type.ofType, item, site, checks);
    return;
  }
  if (isInputObjectType(type)) return checkObject(type, value as Record<string, unknown>, site, checks);
  if (isEnumType(type)) return;
  if (value instanceof InvalidInput) {
    checks.check(false, site.field, `${site.label} : ${value.message}`);
    return;
  }
  switch (type.name) {
    case 'String':
    case 'ID':
      if (typeof value === 'string') {
        const error = textError(value, site.label, site.multiline);
        checks.check(!error, site.field, error ?? '');
      }
      return;
    case 'Decimal': {
      // a Decimal input that no column backs is a schema defect: refuse rather than let it through unchecked
      const error = site.column ? decimalColumnError(value as string, site.column, site.label) : `${site.label} : champ non vérifiable.`;
      checks.check(!error, site.field, error ?? '');
      return;
    }
    case 'JSON':
      checkJson(value, site, checks, 0);
      return;
    default:
      return;
  }
}

function checkJson(value: unknown, site: Site, checks: Checks, depth: number): void {
  if (depth > 10) return void checks.check(false, site.field, `${site.label} est trop imbriqué.`);
  if (typeof value === 'string') {
    const error = textError(value, site.label, true);
    checks.check(!error, site.field, error ?? '');
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) checkJson(item, site, checks, depth + 1);
  }
}

function checkObject(type: GraphQLInputObjectType, value: Record<string, unknown>, site: Site | null, checks: Checks): void {
  const { model } = ext(type);
  const required = model ? requiredColumns.get(model) : undefined;
  for (const field of Object.values(type.getFields()) as GraphQLInputField[]) {
    const fieldValue = value[field.name];
    if (fieldValue === undefined) continue;
    const options = ext(field);
    const inner: Site = {
      field: site?.field ?? field.name,
      label: `« ${field.name} »`,
      column: options.column ?? (model && getNamedType(field.type).name === 'Decimal' ? (`${model}.${field.name}` as DecimalColumn) : undefined),
      multiline: options.multiline ?? false,
    };
    if (inner.column && !(inner.column in DECIMAL_COLUMNS)) inner.column = undefined;
    if (fieldValue === null && required?.has(field.name)) {
      checks.check(false, inner.field, `${inner.label} ne peut pas être effacé (null) : cette information est obligatoire.`);
      continue;
    }
    checkValue(field.type, fieldValue, inner, checks);
  }
}

/** Checks every argument of a field; throws one ValidationError listing each bad field. */
export function checkArguments(definitions: readonly GraphQLArgument[], args: Record<string, unknown>): void {
  const checks = new Checks();
  for (const arg of definitions) {
    const value = args[arg.name];
    if (value === undefined || value === null) continue;
    const options = ext(arg);
    const named = getNamedType(arg.type);
    if (isInputObjectType(named)) {
      const items = isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type) ? (Array.isArray(value) ? value : [value]) : [value];
      checks.check(items.length <= MAX_LIST_LENGTH, arg.name, `« ${arg.name} » compte trop d’éléments (${MAX_LIST_LENGTH} au plus).`);
      for (const item of items.slice(0, MAX_LIST_LENGTH)) if (item) checkObject(named, item as Record<string, unknown>, null, checks);
    } else if ((arg.name === 'after' || arg.name === 'before') && named.name === 'String') {
      checks.check(typeof value === 'string' && validCursor(value), arg.name, 'Curseur de pagination invalide.');
    } else {
      checkValue(arg.type, value, { field: arg.name, label: `« ${arg.name} »`, column: options.column, multiline: options.multiline ?? false }, checks);
    }
  }
  checks.done();
}

/** Pothos' own input errors (global IDs of another type, cursors, `first`/`last`) as typed VALIDATION errors. */
export function typedInputError(error: unknown): unknown {
  if (!(error instanceof PothosValidationError)) return error;
  if (/global ID|^ID: /.test(error.message)) return new ValidationError('Identifiant invalide.', 'id');
  if (/cursor|base64/i.test(error.message)) return new ValidationError('Curseur de pagination invalide.', 'after');
  if (/"(first|last|before|after)"/.test(error.message)) return new ValidationError('Paramètres de pagination invalides (first, last, before, after).', 'first');
  return new ValidationError('Paramètre invalide.');
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => !!value && typeof (value as { then?: unknown }).then === 'function';

type ArgMapper = (args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/** `fn` (an argument mapper or a resolver), with its Pothos errors (global ID of another type…) as typed VALIDATION errors. */
function typed<F extends (...params: never[]) => unknown>(fn: F): F {
  return ((...params: Parameters<F>) => {
    try {
      const result = fn(...params);
      return isThenable(result)
        ? Promise.resolve(result).catch((error: unknown) => {
            throw typedInputError(error);
          })
        : result;
    } catch (error) {
      throw typedInputError(error);
    }
  }) as F;
}

/**
 * Pothos plugin: every field that takes arguments checks them (`checkArguments`) as its first argument mapper: Pothos
 * runs argument mappers before the resolver, so a bad input is refused before it is decoded or read. Listed before the relay plugin (field configs go through
 * plugins last to first), so that it also wraps relay's ID decoder.
 */
export class InputGuardPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  private schema: GraphQLSchema | undefined;

  override afterBuild(schema: GraphQLSchema): GraphQLSchema {
    this.schema = schema;
    return schema;
  }

  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> | null {
    if (Object.keys(fieldConfig.args).length === 0) return fieldConfig;
    const { parentType, name } = fieldConfig;
    let definitions: readonly GraphQLArgument[] | undefined;
    const guard: ArgMapper = (args, _context, info) => {
      // The complexity limit also runs the mappers, before execution, with a partial `info`: checking there would turn
      // a mutation's VALIDATION result (with its fields, shown next to the form's inputs) into a top-level error.
      if (!(info as { path?: unknown }).path) return args;
      definitions ??= (this.schema?.getType(parentType) as GraphQLObjectType | GraphQLInterfaceType | undefined)?.getFields()[name]?.args;
      if (!definitions) throw new Error(`input guard: no definition for ${parentType}.${name}`);
      checkArguments(definitions, args);
      return args;
    };
    return { ...fieldConfig, argMappers: [guard, ...(fieldConfig.argMappers ?? []).map((mapper) => typed(mapper as ArgMapper))] } as PothosOutputFieldConfig<Types>;
  }

  /** Pagination errors that Pothos raises inside connection resolvers (`first: -1`, `before` with `first`…), typed. */
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    return typed(resolver);
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos registers plugins through this global namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputGuard: InputGuardPlugin<Types>;
    }
  }
}

/** The plugin's name, for the builder's `plugins` list. */
export const inputGuardPlugin = 'inputGuard' as const;
SchemaBuilder.registerPlugin(inputGuardPlugin, InputGuardPlugin);
