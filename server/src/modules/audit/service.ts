import { Prisma } from '@mutualis/db/client';
import { getDatamodel } from '../../generated/pothos-types.ts';
import { auditEventVisibility, emailVisibility, isVisible, userVisibility, visibleWhere } from '../../shared/permissions.ts';
import type { Context } from '../../graphql/context.ts';
import { ValidationError } from '../../graphql/errors.ts';
import { decodeGlobalID } from '../../graphql/input.ts';
import { Checks } from '../../graphql/validate.ts';
import { auditCsv, CSV_MAX_EVENTS } from './csv-rules.ts';
import { entityRef, type EntityRef } from './loaders.ts';
import {
  ACTION_LABELS,
  actionLabel,
  changedFields,
  changeText,
  entityLabel,
  ENTITY_TYPE_LABELS,
  entityTypeLabel,
  fieldLabel,
  REFERENCE_FIELDS,
  valueText,
} from './rules.ts';

export type Tx = Prisma.TransactionClient;

export interface AuditedChange<T> {
  result: T;
  entityType: string;
  entityId: string | number;
  organizationId?: number | null;
  /** Who acted, when not the signed-in viewer (sign-in, sign-up). */
  actorId?: number;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set(['passwordHash', 'tokenHash']);
/**
 * Personal data policy: an event proves a change by who (actorId), what (entity and id) and the values that changed.
 * An e-mail address proves nothing of that, so no snapshot keeps one; a person's snapshot keeps no name either
 * (their id identifies them). Kept otherwise, events would hold personal data for ever, the log being append-only.
 */
const PERSONAL_KEYS = new Set(['email']);
const PERSONAL_KEYS_OF: Record<string, Set<string>> = { User: new Set(['email', 'name']) };

/** A JSON snapshot: Decimals as strings, dates as ISO text, secrets and personal data removed. */
export function snapshot(value: unknown, entityType?: string): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  const personal = (entityType && PERSONAL_KEYS_OF[entityType]) || PERSONAL_KEYS;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) || personal.has(key) ? undefined : v)),
  ) as Prisma.InputJsonValue;
}

/** Field names of the schema: columns (scalars, enums, scalar lists) and relations, from the Prisma datamodel. */
const FIELDS = Object.values(getDatamodel().datamodel.models).flatMap((model) => model.fields);
const COLUMN_NAMES = new Set(FIELDS.filter((field) => field.kind !== 'object').map((field) => field.name));
const RELATION_NAMES = new Set(FIELDS.filter((field) => field.kind === 'object').map((field) => field.name));

const isPlainValue = (value: unknown) =>
  value === null || typeof value !== 'object' || value instanceof Date || Prisma.Decimal.isDecimal(value);

/** A column's value rather than a relation the selection added (a name may be a column of one model, a relation of another). */
function isColumn(key: string, value: unknown): boolean {
  if (COLUMN_NAMES.has(key) && !RELATION_NAMES.has(key)) return true;
  if (RELATION_NAMES.has(key) && !COLUMN_NAMES.has(key)) return false;
  // both (Organization.users, Deployment.users) or neither: a relation is a record or a list of records
  return Array.isArray(value) ? !COLUMN_NAMES.has(key) && value.every(isPlainValue) : isPlainValue(value);
}

/**
 * A row's own columns, without the relations a GraphQL selection added to it: what an event snapshots when the write
 * that produced the row also served the response (`...query`). Scalar lists (roles, certifications) are columns.
 */
export function columnsOf<Row extends object>(row: Row): Partial<Row> {
  return Object.fromEntries(Object.entries(row).filter(([key, value]) => isColumn(key, value))) as Partial<Row>;
}

/** Every column of a model, as a Prisma `select` (`columns(Prisma.ToolScalarFieldEnum)`). */
export const columns = (fields: Record<string, string>) => Object.fromEntries(Object.values(fields).map((field) => [field, true] as const));

/**
 * The response's selection with every column of the row, which the event snapshots (`columnsOf`): a response that
 * selects no field of the row comes as `{ select: {} }`, a row of its id alone.
 */
export const withColumns = <Q extends { select?: object }>(query: Q, all: Record<string, true>): Q =>
  query.select ? { ...query, select: { ...all, ...query.select } } : query;

/**
 * Runs a change and writes its AuditEvent in the same transaction: a failed change leaves neither the change
 * nor the event behind.
 */
export async function audited<T>(
  ctx: Context,
  action: string,
  change: (tx: Tx) => Promise<AuditedChange<T>>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  return ctx.prisma.$transaction(async (tx) => {
    const done = await change(tx);
    await tx.auditEvent.create({
      data: {
        action,
        actorId: done.actorId ?? ctx.viewer?.id ?? null,
        organizationId: done.organizationId ?? ctx.viewer?.organizationId ?? null,
        entityType: done.entityType,
        entityId: String(done.entityId),
        before: snapshot(done.before, done.entityType),
        after: snapshot(done.after, done.entityType),
        requestId: ctx.requestId,
      },
    });
    return done.result;
  }, options);
}

// ----------------------------------------------------------------------------- reading the log

export interface AuditEventFilter {
  organizationSiren?: string | null;
  /** The acting person (a User id). */
  actorId?: number | null;
  entityType?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** The User id behind the filter's `actor` (a global ID); another type or a malformed ID is a VALIDATION error on `actor`. */
export function actorId(actor: string | null | undefined): number | null {
  if (!actor) return null;
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(actor);
  } catch {
    decoded = undefined;
  }
  if (decoded?.typename !== 'User') throw new ValidationError('Identifiant de personne invalide.', 'actor');
  return Number(decoded.id);
}

/** The events of the log that match the filter, among those the viewer may read. */
export async function auditEventsWhere(ctx: Context, filter: AuditEventFilter | null | undefined): Promise<Prisma.AuditEventWhereInput> {
  return { AND: [await filterWhere(ctx, filter), visibleWhere(auditEventVisibility(ctx.viewer))] };
}

const ACTION_CODE = /^[a-z][A-Za-z]{0,40}\.[a-z][A-Za-z]{0,40}$/;
const ENTITY_TYPE = /^[A-Z][A-Za-z]{0,63}$/;

/** The filter's values checked: a SIREN of nine digits, codes of the shape the log writes, a period that ends after it starts. */
function checkFilter(filter: AuditEventFilter): string | undefined {
  const siren = filter.organizationSiren?.replace(/\s/g, '') || undefined;
  const { from, to } = filter;
  new Checks()
    .check(!siren || /^\d{9}$/.test(siren), 'organizationSiren', 'Le SIREN de l’organisation comporte 9 chiffres.')
    .check(!filter.action || ACTION_CODE.test(filter.action), 'action', 'Action inconnue : choisissez-la dans la liste.')
    .check(!filter.entityType || ENTITY_TYPE.test(filter.entityType), 'entityType', 'Type d’entité inconnu : choisissez-le dans la liste.')
    .check(!(from && to && from > to), 'from', 'La date de début doit précéder la date de fin.')
    .done();
  return siren;
}

async function filterWhere(ctx: Context, filter: AuditEventFilter | null | undefined): Promise<Prisma.AuditEventWhereInput> {
  if (!filter) return {};
  const siren = checkFilter(filter);
  const { from, to } = filter;
  let organizationId: number | undefined;
  if (siren) {
    const organization = await ctx.prisma.organization.findUnique({ where: { siren }, select: { id: true } });
    // an unknown SIREN matches no event
    organizationId = organization?.id ?? -1;
  }
  return {
    ...(organizationId !== undefined ? { organizationId } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
  };
}

/** A changed field as the log shows it: its French name, and values as text, ids replaced by names where known. */
export interface ShownChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

async function shownValue(ctx: Context, field: string, value: unknown): Promise<string | null> {
  const type = REFERENCE_FIELDS[field];
  if (!type || value === null) return valueText(value);
  const ref = await entityRef(ctx, type, value);
  return ref ? ref.name : `n° ${valueText(value)}`;
}

/** What an event changed, as the viewer may read it (e-mail addresses as withoutHiddenEmails shows them). */
export function auditChanges(ctx: Context, event: { before: unknown; after: unknown }): Promise<ShownChange[]> {
  const changes = changedFields(withoutHiddenEmails(event.before, ctx), withoutHiddenEmails(event.after, ctx));
  return Promise.all(
    changes.map(async (change) => ({
      field: change.field,
      label: fieldLabel(change.field),
      before: await shownValue(ctx, change.field, change.before),
      after: await shownValue(ctx, change.field, change.after),
    })),
  );
}

/** « Outil : Albert » for the entity an event names, or null when the log knows no name for it (removed, unknown type). */
export async function auditEntity(ctx: Context, event: { entityType: string; entityId: string }): Promise<EntityRef | null> {
  return entityRef(ctx, event.entityType, event.entityId);
}

export const auditEntityLabel = async (ctx: Context, event: { entityType: string; entityId: string }): Promise<string | null> => {
  const ref = await auditEntity(ctx, event);
  return ref ? entityLabel(ref.kind, ref.name) : null;
};

/** The actions the log may hold, with their French labels, in the order of ACTION_LABELS (the filter's list). */
export const auditActions = () => Object.entries(ACTION_LABELS).map(([code, label]) => ({ code, label }));

export const auditEntityTypes = () => Object.entries(ENTITY_TYPE_LABELS).map(([code, label]) => ({ code, label }));

export { actionLabel, entityTypeLabel };

// ----------------------------------------------------------------------------- export

export interface AuditExport {
  csv: string;
  exportedCount: number;
  totalCount: number;
  truncated: boolean;
}

/** The filtered log as a CSV file, newest first, CSV_MAX_EVENTS events at most (the file says when it stops short). */
export async function auditLogCsv(ctx: Context, filter: AuditEventFilter | null | undefined): Promise<AuditExport> {
  const where = await auditEventsWhere(ctx, filter);
  const [totalCount, events] = await Promise.all([
    ctx.prisma.auditEvent.count({ where }),
    ctx.prisma.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: CSV_MAX_EVENTS,
      include: { actor: { select: { id: true, name: true, organizationId: true } }, organization: { select: { name: true, siren: true } } },
    }),
  ]);
  const rows = await Promise.all(
    events.map(async (event) => ({
      createdAt: event.createdAt,
      action: event.action,
      actionLabel: actionLabel(event.action),
      entity: (await auditEntityLabel(ctx, event)) ?? `${entityTypeLabel(event.entityType)} n° ${event.entityId}`,
      entityId: event.entityId,
      organization: event.organization?.name ?? null,
      siren: event.organization?.siren ?? null,
      // the actor's name as the User type would show it
      actor: event.actor && isVisible(userVisibility(ctx.viewer), event.actor) ? event.actor.name : null,
      requestId: event.requestId,
      changes: (await auditChanges(ctx, event)).map(changeText),
    })),
  );
  const total = Math.max(totalCount, rows.length);
  return { csv: auditCsv(rows, total), exportedCount: rows.length, totalCount: total, truncated: total > rows.length };
}

/**
 * A snapshot as the viewer may read it. User snapshots keep the e-mail address for the record; the reader sees it only
 * where the User type would show it (an AUDITOR reads the log, not the addresses).
 */
export function withoutHiddenEmails(value: unknown, ctx: Context): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutHiddenEmails(item, ctx));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const subject = { id: Number(record.id), organizationId: Number(record.organizationId) };
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) =>
      key === 'email' ? [key, isVisible(emailVisibility(ctx.viewer), subject) ? item : null] : [key, withoutHiddenEmails(item, ctx)],
    ),
  );
}
