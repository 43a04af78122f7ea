import type { Prisma } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '../../graphql/errors.ts';
import { Checks } from '../../graphql/validate.ts';
import { isVisible } from '../../shared/permissions.ts';
import { audited, type Tx } from '../audit/service.ts';
import { ADOPTING_STATUSES } from '../deployments/service.ts';
import { notify, platformAdminIds } from '../notifications/service.ts';
import { referentPage } from './loaders.ts';
import {
  ANSWER,
  canBeReferent,
  canContactReferents,
  canSeeContact,
  CONTACT_LIMITS,
  contactLimitRefusal,
  hasTerritory,
  HELP_WITH,
  MESSAGE,
  referentVisibility,
  REPORT_REASON,
} from './rules.ts';

export { canContactReferents, contactWhere, hasTerritory, PROXIMITY_LABELS, proximity, referentVisibility, revealsReferentEmail, canSeeContact } from './rules.ts';
export { deploymentStatus, referentCounts } from './loaders.ts';

type ReferentQuery = { include?: Prisma.ToolReferentInclude; select?: Prisma.ToolReferentSelect };
type ContactQuery = { include?: Prisma.ReferentContactInclude; select?: Prisma.ReferentContactSelect };

const NO_REFERENT = 'Ce référent est introuvable ou n’accepte plus d’être contacté.';
const NO_CONTACT = 'Message introuvable.';
const LINK = '/mes-echanges';

const signedIn = (ctx: Context) => {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
};

// ----------------------------------------------------------------------------- reading

/** A page of a tool's listed referents, nearest to the viewer's organization first. */
export async function findToolReferents(ctx: Context, toolId: number, limit: number, offset: number, query: ReferentQuery = {}) {
  const place = ctx.viewer && hasTerritory(ctx.viewer.organization) ? ctx.viewer.organization : null;
  const ids = await referentPage(ctx, toolId, place, limit, offset);
  const rows = await ctx.prisma.toolReferent.findMany({ ...query, where: { id: { in: ids } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The viewer's own declaration for a tool, active or withdrawn. */
export const viewerReferent = (ctx: Context, toolId: number, query: ReferentQuery = {}) =>
  ctx.viewer ? ctx.prisma.toolReferent.findUnique({ ...query, where: { userId_toolId: { userId: ctx.viewer.id, toolId } } }) : null;

/** The deployment of the viewer's organization that lets them be referent for the tool, if any. */
async function adoptingDeployment(ctx: Context, organizationId: number, toolId: number) {
  const deployment = await ctx.prisma.deployment.findUnique({ where: { organizationId_toolId: { organizationId, toolId } }, select: { status: true } });
  return deployment && ADOPTING_STATUSES.includes(deployment.status) ? deployment : null;
}

/** Whether the viewer may declare themself referent for the tool (approved agent of a collectivité that deploys it). */
export async function viewerCanBecomeReferent(ctx: Context, toolId: number): Promise<boolean> {
  return canBeReferent(ctx.viewer) && (await adoptingDeployment(ctx, ctx.viewer.organizationId, toolId)) !== null;
}

// ----------------------------------------------------------------------------- declaring

export interface ReferentInput {
  helpWith: string;
  consentToContact: boolean;
}

/**
 * Declares the viewer referent for a tool their organization deploys (pilot or production), or edits their
 * declaration; declaring again after a withdrawal reactivates it.
 */
export async function becomeReferent(ctx: Context, toolId: number, input: ReferentInput, query: ReferentQuery) {
  const viewer = signedIn(ctx);
  if (!canBeReferent(viewer)) throw new ForbiddenError('Seuls les agents approuvés d’une collectivité peuvent se déclarer référents.');
  const tool = await ctx.prisma.tool.findFirst({ where: { id: toolId, archivedAt: null }, select: { id: true } });
  if (!tool) throw new NotFoundError('Outil introuvable.');
  if (!(await adoptingDeployment(ctx, viewer.organizationId, toolId))) {
    throw new ForbiddenError(
      'Votre collectivité n’a pas déclaré cet outil en expérimentation ou en production : déclarez d’abord son déploiement pour en devenir référent.',
    );
  }
  new Checks().text(input.helpWith, 'helpWith', 'Ce sur quoi vous pouvez aider', HELP_WITH).done();
  const helpWith = input.helpWith.trim();
  const before = await ctx.prisma.toolReferent.findUnique({ where: { userId_toolId: { userId: viewer.id, toolId } } });
  const action = before && !before.withdrawnAt ? 'referent.update' : 'referent.declare';
  return audited(ctx, action, async (tx) => {
    const data = { helpWith, consentToContact: input.consentToContact, withdrawnAt: null };
    const referent = await tx.toolReferent.upsert({
      ...query,
      where: { userId_toolId: { userId: viewer.id, toolId } },
      create: { ...data, userId: viewer.id, toolId },
      update: data,
    });
    const after = { id: referent.id, userId: viewer.id, toolId, ...data };
    return { result: referent, entityType: 'ToolReferent', entityId: referent.id, before: before ?? undefined, after };
  });
}

/** The viewer stops being referent (their own declaration only); their earlier messages stay theirs to answer. */
export async function withdrawReferent(ctx: Context, id: number, query: ReferentQuery) {
  const viewer = signedIn(ctx);
  const before = await ctx.prisma.toolReferent.findUnique({ where: { id } });
  if (!before || !isVisible(referentVisibility(viewer), before)) throw new NotFoundError('Déclaration de référent introuvable.');
  if (before.userId !== viewer.id) throw new ForbiddenError('Seule la personne référente peut retirer sa déclaration.');
  if (before.withdrawnAt) throw new ConflictError('Vous n’êtes déjà plus référent pour cet outil.');
  return audited(ctx, 'referent.withdraw', async (tx) => {
    const referent = await tx.toolReferent.update({ ...query, where: { id }, data: { withdrawnAt: new Date() } });
    return { result: referent, entityType: 'ToolReferent', entityId: id, before, after: { ...before, withdrawnAt: referent.withdrawnAt } };
  });
}

// ----------------------------------------------------------------------------- contacts

/** The sender's messages of the last day, counted under a lock on the sender so that parallel sends queue. */
async function checkContactLimit(tx: Tx, senderId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${senderId} FOR UPDATE`;
  const now = new Date();
  const longest = Math.max(...CONTACT_LIMITS.map((limit) => limit.windowMs));
  const recent = await tx.referentContact.findMany({ where: { senderId, createdAt: { gt: new Date(now.getTime() - longest) } }, select: { createdAt: true } });
  const refusal = contactLimitRefusal(recent.map((row) => row.createdAt), now);
  if (refusal) throw new RateLimitedError(refusal.message, refusal.retryAfterSeconds);
}

/**
 * A message to a referent, relayed by the platform (in-app, and by e-mail when configured): the referent's address
 * is not given to the sender, nor the sender's to the referent. Rate-limited per sender.
 */
export async function contactReferent(ctx: Context, referentId: number, message: string, query: ContactQuery) {
  const viewer = signedIn(ctx);
  if (!canContactReferents(viewer)) throw new ForbiddenError('Seuls les agents approuvés d’une collectivité peuvent écrire aux référents.');
  const referent = await ctx.prisma.toolReferent.findUnique({
    where: { id: referentId },
    include: { tool: { select: { name: true } }, user: { select: { membershipStatus: true } } },
  });
  const listed = referent && !referent.withdrawnAt && referent.consentToContact && referent.user.membershipStatus === 'APPROVED';
  if (!referent || !listed) throw new NotFoundError(NO_REFERENT);
  if (referent.userId === viewer.id) throw new ValidationError('Vous ne pouvez pas vous écrire à vous-même.', 'referentId');
  const reported = await ctx.prisma.referentContact.findFirst({ where: { referentId, senderId: viewer.id, status: 'REPORTED' }, select: { id: true } });
  if (reported) throw new ForbiddenError('Ce référent a signalé l’un de vos messages : vous ne pouvez plus lui écrire.');
  new Checks().text(message, 'message', 'Le message', MESSAGE).done();
  const text = message.trim();
  return audited(ctx, 'referent.contact', async (tx) => {
    await checkContactLimit(tx, viewer.id);
    const contact = await tx.referentContact.create({ ...query, data: { referentId, senderId: viewer.id, message: text } });
    await notify(tx, [referent.userId], {
      kind: 'OTHER',
      title: `Message de ${viewer.name} (${viewer.organization.name}) sur ${referent.tool.name}`,
      body: `« ${text} » Répondez depuis « Mes échanges » : votre adresse ne lui est communiquée que si vous répondez.`,
      link: LINK,
    });
    return { result: contact, entityType: 'ReferentContact', entityId: contact.id, after: { referentId, senderId: viewer.id, status: 'SENT' } };
  });
}

/** A message as the referent who received it acts on it: NOT_FOUND to anyone who may not see it. */
async function receivedContact(ctx: Context, id: number) {
  const viewer = signedIn(ctx);
  const contact = await ctx.prisma.referentContact.findUnique({
    where: { id },
    include: { referent: { select: { userId: true, tool: { select: { name: true } }, user: { select: { name: true, organization: { select: { name: true } } } } } } },
  });
  if (!contact || !canSeeContact(viewer, { senderId: contact.senderId, referentUserId: contact.referent.userId })) throw new NotFoundError(NO_CONTACT);
  if (contact.referent.userId !== viewer.id) throw new ForbiddenError('Seule la personne référente à qui ce message est adressé peut y donner suite.');
  return contact;
}

type Received = Awaited<ReturnType<typeof receivedContact>>;

/** Moves a SENT (or, for a report, DECLINED) message to its new status, atomically, then reads it for the response. */
async function settleContact(tx: Tx, contact: Received, from: ('SENT' | 'DECLINED')[], data: Prisma.ReferentContactUpdateManyMutationInput, query: ContactQuery) {
  const { count } = await tx.referentContact.updateMany({ where: { id: contact.id, status: { in: from } }, data });
  if (count === 0) throw new ConflictError('Ce message a déjà reçu une suite (réponse, refus ou signalement).');
  return tx.referentContact.findUniqueOrThrow({ ...query, where: { id: contact.id } });
}

const who = (contact: Received) => `${contact.referent.user.name} (${contact.referent.user.organization.name})`;

/** The referent answers: the sender then sees the answer and the referent's e-mail address. */
export async function answerReferentContact(ctx: Context, id: number, answer: string, query: ContactQuery) {
  const contact = await receivedContact(ctx, id);
  new Checks().text(answer, 'answer', 'La réponse', ANSWER).done();
  const text = answer.trim();
  return audited(ctx, 'referent.answer', async (tx) => {
    const result = await settleContact(tx, contact, ['SENT'], { status: 'ANSWERED', answer: text, answeredAt: new Date() }, query);
    if (contact.senderId !== null) {
      await notify(tx, [contact.senderId], {
        kind: 'OTHER',
        title: `Réponse de ${who(contact)} sur ${contact.referent.tool.name}`,
        body: `« ${text} » Son adresse électronique vous est désormais communiquée dans « Mes échanges ».`,
        link: LINK,
      });
    }
    return { result, entityType: 'ReferentContact', entityId: id, before: { status: contact.status }, after: { status: 'ANSWERED' } };
  });
}

/** The referent declines to follow up; the sender is told, the address stays hidden. */
export async function declineReferentContact(ctx: Context, id: number, query: ContactQuery) {
  const contact = await receivedContact(ctx, id);
  return audited(ctx, 'referent.decline', async (tx) => {
    const result = await settleContact(tx, contact, ['SENT'], { status: 'DECLINED', answeredAt: new Date() }, query);
    if (contact.senderId !== null) {
      await notify(tx, [contact.senderId], {
        kind: 'OTHER',
        title: `Pas de suite de ${who(contact)} sur ${contact.referent.tool.name}`,
        body: 'Le référent ne peut pas donner suite à votre message. Vous pouvez écrire à un autre référent de cet outil.',
        link: LINK,
      });
    }
    return { result, entityType: 'ReferentContact', entityId: id, before: { status: contact.status }, after: { status: 'DECLINED' } };
  });
}

/** The referent reports an abusive message: the platform's ADMINs are told, the sender may no longer write to them. */
export async function reportReferentContact(ctx: Context, id: number, reason: string, query: ContactQuery) {
  const contact = await receivedContact(ctx, id);
  new Checks().text(reason, 'reason', 'Le motif du signalement', REPORT_REASON).done();
  const text = reason.trim();
  return audited(ctx, 'referent.report', async (tx) => {
    const result = await settleContact(tx, contact, ['SENT', 'DECLINED'], { status: 'REPORTED', reportReason: text, reportedAt: new Date() }, query);
    const sender = contact.senderId !== null ? await tx.user.findUnique({ where: { id: contact.senderId }, select: { id: true, name: true } }) : null;
    await notify(tx, await platformAdminIds(tx), {
      kind: 'OTHER',
      title: `Message signalé par un référent de ${contact.referent.tool.name}`,
      body: `${who(contact)} signale le message n° ${id} de ${sender ? `${sender.name} (personne n° ${sender.id})` : 'une personne effacée'}. Motif : ${text} Message : « ${contact.message.slice(0, 500)} »`,
      link: '/journal',
    });
    const after = { status: 'REPORTED', reportReason: text };
    return { result, entityType: 'ReferentContact', entityId: id, before: { status: contact.status }, after };
  });
}
