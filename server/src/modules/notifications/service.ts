import type { NotificationKind } from '@mutualis/db/enums';
import type { Tx } from '../audit/service.ts';

/** What a person is told: a title, a sentence, and where in the application to look. */
export interface NewNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path of the application ("/mon-organisation"), never an outside address. */
  link?: string | null;
}

/**
 * Writes in-app notifications in the caller's transaction, so that they exist exactly when the decision does.
 * The e-mails (when SMTP_URL is set) are sent from these rows after the commit: nothing is sent for a write that was
 * rolled back, and nothing is lost when the mail server is down.
 */
export async function notify(tx: Tx, userIds: readonly number[], notification: NewNotification): Promise<number> {
  const distinct = [...new Set(userIds)];
  if (distinct.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: distinct.map((userId) => ({ userId, kind: notification.kind, title: notification.title, body: notification.body, link: notification.link ?? null })),
  });
  return count;
}

/** The approved ORG_ADMINs of an organization: who is told of what concerns it. */
export async function organizationAdminIds(tx: Tx, organizationId: number): Promise<number[]> {
  const admins = await tx.user.findMany({
    where: { organizationId, membershipStatus: 'APPROVED', roles: { has: 'ORG_ADMIN' } },
    select: { id: true },
  });
  return admins.map((admin) => admin.id);
}
