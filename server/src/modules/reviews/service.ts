import { Prisma } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { NotFoundError, ValidationError, unique } from '../../graphql/errors.ts';
import { Checks, clean } from '../../graphql/validate.ts';
import { notifyReviewModeration } from '../notifications/service.ts';
import { audited, columns, columnsOf, withColumns } from '../audit/service.ts';
import { reviewVisibility, visibleWhere } from '../../shared/permissions.ts';
import type { SessionUser } from '../auth/session.ts';
import { CRITERIA, isOwnReview, withoutControls, type Criterion } from './rules.ts';

export { loadRatings, loadVerified, visibleReviewCount, type RatingRow } from './loaders.ts';

type ReviewQuery = { include?: Prisma.ReviewInclude; select?: Prisma.ReviewSelect };
const REVIEW_COLUMNS = columns(Prisma.ReviewScalarFieldEnum);

/** Plain text, trimmed, or null when empty. */
const plain = (text: string | null | undefined) => clean(text == null ? text : withoutControls(text));

/** A review the viewer may see; one it may not is as unknown as a missing one. */
async function findReview(ctx: Context, id: string) {
  const review = await ctx.prisma.review.findUnique({ where: { id: Number(id), ...visibleWhere(reviewVisibility(ctx.viewer)) } });
  if (!review) throw new NotFoundError('Avis introuvable.');
  return review;
}

/** The review of the viewer's organization on a tool, if it may see it; nothing is read for a visitor. */
export function viewerReview(ctx: Context, toolId: number) {
  if (!ctx.viewer) return null;
  return ctx.prisma.review.findUnique({
    where: { organizationId_toolId: { organizationId: ctx.viewer.organizationId, toolId }, ...visibleWhere(reviewVisibility(ctx.viewer)) },
  });
}

/** Reviews flagged or hidden: what moderators examine. */
const moderationWhere: Prisma.ReviewWhereInput = { OR: [{ flags: { some: {} } }, { moderationStatus: 'HIDDEN' }] };

export const moderationQueue = (ctx: Context, query: ReviewQuery) =>
  ctx.prisma.review.findMany({ ...query, where: moderationWhere, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] });

export const moderationQueueCount = (ctx: Context) => ctx.prisma.review.count({ where: moderationWhere });

export type SubmitReviewInput = { toolSlug: string; rating: number; title: string; body: string; pros?: string | null; cons?: string | null } & {
  [C in Criterion]?: number | null;
};

function checkReview(input: SubmitReviewInput) {
  const checks = new Checks()
    .rating(input.rating, 'rating', 'La note globale', true)
    .text(input.title, 'title', 'Le titre', { min: 3, max: 120 })
    .text(input.body, 'body', 'Le texte de l’avis', { min: 10, max: 5000 })
    .text(input.pros, 'pros', 'Les points forts', { max: 1000 })
    .text(input.cons, 'cons', 'Les points faibles', { max: 1000 });
  for (const [, field, label] of CRITERIA) checks.rating(input[field], field, label);
  checks.done();
}

/**
 * Publishes the review of the actor's organization on a catalogue tool: one per organization and tool, a new
 * submission updates it and keeps the previous version.
 */
export async function submitReview(ctx: Context, actor: SessionUser, input: SubmitReviewInput, query: ReviewQuery) {
  const tool = await ctx.prisma.tool.findUnique({ where: { slug: input.toolSlug } });
  if (!tool || tool.archivedAt) throw new ValidationError('Outil introuvable dans le catalogue.', 'toolSlug');
  checkReview(input);
  const data = {
    rating: input.rating,
    ...Object.fromEntries(CRITERIA.map(([column, field]) => [column, input[field] ?? null])),
    title: plain(input.title)!,
    body: plain(input.body)!,
    pros: plain(input.pros),
    cons: plain(input.cons),
    authorId: actor.id,
    isDemo: false,
  };
  const organizationId = actor.organizationId;
  return audited(ctx, 'review.submit', async (tx) => {
    const before = await tx.review.findUnique({ where: { organizationId_toolId: { organizationId, toolId: tool.id } } });
    if (before) await tx.reviewVersion.create({ data: { reviewId: before.id, snapshot: JSON.parse(JSON.stringify(before)) } });
    const after = before
      ? await tx.review.update({ ...withColumns(query, REVIEW_COLUMNS), where: { id: before.id }, data })
      : await tx.review.create({ ...withColumns(query, REVIEW_COLUMNS), data: { ...data, toolId: tool.id, organizationId } });
    return { result: after, entityType: 'Review', entityId: after.id, organizationId, before, after: columnsOf(after) };
  });
}

/** Flags a review for the moderators: once per person and review. */
export async function flagReview(ctx: Context, actor: SessionUser, reviewId: string, reason: string, query: ReviewQuery) {
  const review = await findReview(ctx, reviewId);
  new Checks().text(reason, 'reason', 'Le motif du signalement', { min: 3, max: 500 }).done();
  return audited(ctx, 'review.flag', async (tx) => {
    const { review: flagged, ...flag } = await unique(
      tx.reviewFlag.create({ data: { reviewId: review.id, userId: actor.id, reason: plain(reason)! }, include: { review: withColumns(query, REVIEW_COLUMNS) } }),
      'Vous avez déjà signalé cet avis.',
    );
    return { result: flagged, entityType: 'Review', entityId: review.id, organizationId: actor.organizationId, after: flag };
  });
}

/** Counts a review as helpful: once per person, never for one's own review. */
export async function voteReviewHelpful(ctx: Context, actor: SessionUser, reviewId: string, query: ReviewQuery) {
  const review = await findReview(ctx, reviewId);
  if (isOwnReview(review, actor.id)) throw new ValidationError('Vous ne pouvez pas voter pour votre propre avis.', 'reviewId');
  return audited(ctx, 'review.vote', async (tx) => {
    await unique(tx.reviewVote.create({ data: { reviewId: review.id, userId: actor.id } }), 'Vous avez déjà indiqué que cet avis était utile.');
    const after = await tx.review.update({ ...withColumns(query, REVIEW_COLUMNS), where: { id: review.id }, data: { helpfulCount: { increment: 1 } } });
    const before = { helpfulCount: review.helpfulCount };
    return { result: after, entityType: 'Review', entityId: review.id, organizationId: actor.organizationId, before, after: { helpfulCount: after.helpfulCount } };
  });
}

/** Hides or restores a review, with the reason the author organization is told. */
export async function moderateReview(ctx: Context, reviewId: string, action: 'HIDE' | 'RESTORE', reason: string, query: ReviewQuery) {
  const review = await findReview(ctx, reviewId);
  new Checks().text(reason, 'reason', 'Le motif de modération', { min: 3, max: 500 }).done();
  const pick = (r: typeof review) => ({ moderationStatus: r.moderationStatus, moderationReason: r.moderationReason });
  return audited(ctx, action === 'HIDE' ? 'review.hide' : 'review.restore', async (tx) => {
    const after = await tx.review.update({
      ...withColumns(query, REVIEW_COLUMNS),
      where: { id: review.id },
      data: { moderationStatus: action === 'HIDE' ? 'HIDDEN' : 'VISIBLE', moderationReason: plain(reason) },
    });
    // the author organization's members are told, with the reason
    await notifyReviewModeration(tx, review.id, action, reason);
    return { result: after, entityType: 'Review', entityId: review.id, organizationId: review.organizationId, before: pick(review), after: pick(after) };
  });
}
