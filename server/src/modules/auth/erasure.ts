import type { Prisma, User } from '@mutualis/db/client';

/** The pseudonym an erased person keeps, so that what they did stays attributed to one (anonymous) account. */
export const erasedName = (userId: number) => `Utilisateur supprimé n° ${userId}`;
/** `.invalid` is reserved (RFC 2606): no mail can ever be delivered there, and the address stays unique. */
export const erasedEmail = (userId: number) => `supprime-${userId}@utilisateur.invalid`;

export interface Erasure {
  userId: number;
  /** The pseudonymized row, with the caller's `query` (a GraphQL selection) if any. */
  user: User;
  organizationId: number;
  /** Audit events whose snapshots lost personal data. */
  auditEvents: number;
  sessions: number;
}

/**
 * Erases a person inside the caller's transaction: their audit trail is pseudonymized first (the SQL function reads
 * the address to remove from the User row, so it must still be there), then the row becomes a pseudonym without
 * password nor ProConnect identity, and their sessions and sign-in counters go. Their deployments, reviews and audit events remain,
 * attributed to the pseudonym.
 */
export async function erasePerson(
  tx: Prisma.TransactionClient,
  userId: number,
  query: { include?: Prisma.UserInclude; select?: Prisma.UserSelect } = {},
): Promise<Erasure | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, organizationId: true } });
  if (!user) return null;
  // the only way the application role may change an audit event: the owner's narrowly scoped SECURITY DEFINER function
  const [scrubbed] = await tx.$queryRaw<{ n: number }[]>`SELECT "mutualis_erase_user_audit"(${userId}::int) AS n`;
  const sessions = await tx.session.deleteMany({ where: { userId } });
  // sign-in counters are keyed by the address
  await tx.rateLimit.deleteMany({ where: { key: { contains: user.email } } });
  const erased = await tx.user.update({
    ...query,
    where: { id: userId },
    // the ProConnect identity goes too: the same agent signing in again gets a new account, not the pseudonym
    data: { name: erasedName(userId), email: erasedEmail(userId), passwordHash: null, roles: [], proconnectSub: null, proconnectSiret: null },
  });
  return { userId, user: erased, organizationId: user.organizationId, auditEvents: Number(scrubbed?.n ?? 0), sessions: sessions.count };
}
