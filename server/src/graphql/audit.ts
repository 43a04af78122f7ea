import type { Prisma } from '../generated/prisma/client.ts';
import type { Context } from './context.ts';

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

/** A JSON snapshot: Decimals as strings, dates as ISO text, secrets removed. */
export function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? undefined : v))) as Prisma.InputJsonValue;
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
        before: snapshot(done.before),
        after: snapshot(done.after),
        requestId: ctx.requestId,
      },
    });
    return done.result;
  }, options);
}
