import type { NotificationKind } from '@mutualis/db/enums';
import { audited, type Tx } from '../audit/service.ts';
import type { Context } from '../../graphql/context.ts';
import { Checks } from '../../graphql/validate.ts';
import { MARK_READ_MAX } from './rules.ts';

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

/** The approved platform ADMINs: who decides for an organization that has no ORG_ADMIN. */
export async function platformAdminIds(tx: Tx): Promise<number[]> {
  const admins = await tx.user.findMany({ where: { membershipStatus: 'APPROVED', roles: { has: 'ADMIN' } }, select: { id: true } });
  return admins.map((admin) => admin.id);
}

const withReason = (sentence: string, reason: string | null | undefined) => (reason?.trim() ? `${sentence} Motif : ${reason.trim()}` : sentence);

/** Tells the applicant that their membership was approved or refused, with the reason given. */
export async function notifyMembershipDecision(
  tx: Tx,
  applicant: { id: number; organizationId: number },
  approve: boolean,
  reason: string | null | undefined,
): Promise<void> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: applicant.organizationId }, select: { name: true } });
  await notify(tx, [applicant.id], approve
    ? {
        kind: 'MEMBERSHIP_APPROVED',
        title: `Adhésion approuvée : ${organization.name}`,
        body: withReason(`Votre adhésion à ${organization.name} est approuvée : vous pouvez déclarer ses outils et publier des avis.`, reason),
        link: '/mon-organisation',
      }
    : {
        kind: 'MEMBERSHIP_REJECTED',
        title: `Adhésion refusée : ${organization.name}`,
        body: withReason(`Votre demande d’adhésion à ${organization.name} a été refusée.`, reason),
        link: '/mon-organisation',
      });
}

/**
 * Tells whoever decides that someone applied: the organization's ORG_ADMINs, or the platform ADMINs when it has
 * none. Called by every path that creates a PENDING person (sign-up, ProConnect).
 */
export async function notifyApplication(tx: Tx, applicant: { id: number; name: string; organizationId: number }): Promise<void> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: applicant.organizationId }, select: { name: true } });
  const orgAdmins = await organizationAdminIds(tx, applicant.organizationId);
  const deciders = orgAdmins.length > 0 ? orgAdmins : await platformAdminIds(tx);
  await notify(tx, deciders, {
    kind: 'MEMBERSHIP_REQUESTED',
    title: `Nouvelle demande d’adhésion : ${organization.name}`,
    body: `${applicant.name} demande à rejoindre ${organization.name}.`,
    link: orgAdmins.length > 0 ? '/mon-organisation' : '/administration/adhesions',
  });
}

/** Tells the platform ADMINs that a person asks to administer their organization. */
export async function notifyAdminRequest(tx: Tx, applicant: { name: string; organizationId: number }, reason: string): Promise<void> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: applicant.organizationId }, select: { name: true } });
  await notify(tx, await platformAdminIds(tx), {
    kind: 'ADMIN_REQUESTED',
    title: `Demande du rôle d’administrateur : ${organization.name}`,
    body: `${applicant.name} demande à administrer ${organization.name}. Motif : ${reason.trim()}`,
    link: '/administration/adhesions',
  });
}

/** Tells the person what was decided on their ORG_ADMIN request. */
export async function notifyAdminDecision(
  tx: Tx,
  applicant: { id: number; organizationId: number },
  approve: boolean,
  reason: string | null | undefined,
): Promise<void> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: applicant.organizationId }, select: { name: true } });
  await notify(tx, [applicant.id], approve
    ? {
        kind: 'ADMIN_REQUEST_APPROVED',
        title: `Vous administrez ${organization.name}`,
        body: withReason(`Votre demande est acceptée : vous êtes administrateur de ${organization.name} et approuvez désormais ses membres.`, reason),
        link: '/mon-organisation',
      }
    : {
        kind: 'ADMIN_REQUEST_REFUSED',
        title: `Demande du rôle d’administrateur refusée : ${organization.name}`,
        body: withReason(`Votre demande d’administrer ${organization.name} a été refusée.`, reason),
        link: '/mon-organisation',
      });
}

/** Tells the approved members of the author organization that its review was hidden or restored, and why. */
export async function notifyReviewModeration(tx: Tx, reviewId: number, action: 'HIDE' | 'RESTORE', reason: string): Promise<void> {
  const review = await tx.review.findUniqueOrThrow({ where: { id: reviewId }, select: { organizationId: true, tool: { select: { name: true, slug: true } } } });
  const members = await tx.user.findMany({
    where: { organizationId: review.organizationId, membershipStatus: 'APPROVED', roles: { hasSome: ['MEMBER', 'ORG_ADMIN'] } },
    select: { id: true },
  });
  const hidden = action === 'HIDE';
  await notify(tx, members.map((member) => member.id), {
    kind: 'REVIEW_MODERATED',
    title: hidden ? `Avis masqué : ${review.tool.name}` : `Avis rétabli : ${review.tool.name}`,
    body: withReason(
      hidden
        ? `L’avis de votre collectivité sur ${review.tool.name} a été masqué par la modération.`
        : `L’avis de votre collectivité sur ${review.tool.name} est de nouveau visible.`,
      reason,
    ),
    link: `/catalogue/${review.tool.slug}`,
  });
}

// ----------------------------------------------------------------------------- reading and marking read

/** Marks the viewer's notifications read: the ids given (others' ids are ignored) or all of them. */
export async function markNotificationsRead(
  ctx: Context,
  viewerId: number,
  { ids, all }: { ids: readonly number[] | null | undefined; all: boolean },
): Promise<number> {
  new Checks()
    .check(all || (ids?.length ?? 0) > 0, 'ids', 'Choisissez les notifications à marquer comme lues, ou toutes.')
    .check((ids?.length ?? 0) <= MARK_READ_MAX, 'ids', `${MARK_READ_MAX} notifications au plus à la fois.`)
    .done();
  return audited(ctx, 'notification.markRead', async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { userId: viewerId, readAt: null, ...(all ? {} : { id: { in: [...(ids ?? [])] } }) },
      data: { readAt: new Date() },
    });
    return { result: count, entityType: 'User', entityId: viewerId, after: { markedRead: count, all } };
  });
}
