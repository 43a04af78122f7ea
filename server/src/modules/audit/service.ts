import { Prisma } from '../../generated/prisma/client.ts';
import type { Context } from '../../graphql/context.ts';

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

/**
 * A row's own columns, without the relations a GraphQL selection added to it: what an event snapshots when the write
 * that produced the row also served the response (`...query`).
 */
export function columnsOf<Row extends object>(row: Row): Partial<Row> {
  return Object.fromEntries(
    Object.entries(row).filter(([, value]) => value === null || typeof value !== 'object' || value instanceof Date || Prisma.Decimal.isDecimal(value)),
  ) as Partial<Row>;
}

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
