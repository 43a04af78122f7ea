import { Prisma } from '../../generated/prisma/client.ts';
import { ModerationStatus as ModerationValues } from '../../generated/prisma/enums.ts';
import { VERIFYING_STATUSES } from '../deployments/rules.ts';
import {
  canActForOrganization,
  canFlagReview,
  canModerate,
  canVoteReview,
  isVisible,
  moderationVisibility,
  reviewVisibility,
  visibleWhere,
} from '../auth/rules.ts';
import { audited } from '../audit/service.ts';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, requireViewer } from '../../graphql/errors.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';
import { Checks, clean } from '../../graphql/validate.ts';

const ModerationStatus = builder.enumType('ModerationStatus', { values: Object.values(ModerationValues) });

const CRITERIA = [
  ['ratingEaseOfUse', 'easeOfUse', 'La note de facilité d’utilisation'],
  ['ratingOutputQuality', 'outputQuality', 'La note de qualité des résultats'],
  ['ratingSupport', 'support', 'La note d’accompagnement'],
  ['ratingDataProtection', 'dataProtection', 'La note de protection des données et de souveraineté'],
  ['ratingValueForMoney', 'valueForMoney', 'La note de rapport qualité-prix'],
  ['ratingAccessibility', 'accessibility', 'La note d’accessibilité'],
] as const;

/** Whether each (organization, tool) pair has a deployment that proves real use: one query per request. */
async function loadVerified(keys: readonly string[], ctx: Context): Promise<boolean[]> {
  const pairs = keys.map((key) => key.split(':').map(Number) as [number, number]);
  const rows = await ctx.prisma.deployment.findMany({
    where: {
      status: { in: [...VERIFYING_STATUSES] },
      OR: pairs.map(([organizationId, toolId]) => ({ organizationId, toolId })),
    },
    select: { organizationId: true, toolId: true },
  });
  const found = new Set(rows.map((r) => `${r.organizationId}:${r.toolId}`));
  return keys.map((key) => found.has(key));
}

export const Review = builder.prismaNode('Review', {
  description: 'Avis d’une collectivité sur un outil ; « vérifié » quand elle l’a réellement déployé.',
  id: { field: 'id' },
  // a hidden review is refused on every path; node(id:) finds nothing rather than a refused review
  ...visibleTo('Review', reviewVisibility),
  fields: (t) => ({
    tool: t.relation('tool'),
    organization: t.relation('organization'),
    authorName: t.string({
      nullable: true,
      select: { author: { select: { name: true } } },
      resolve: (review) => review.author?.name ?? null,
    }),
    rating: t.exposeInt('rating'),
    easeOfUse: t.exposeInt('ratingEaseOfUse', { nullable: true }),
    outputQuality: t.exposeInt('ratingOutputQuality', { nullable: true }),
    support: t.exposeInt('ratingSupport', { nullable: true }),
    dataProtection: t.exposeInt('ratingDataProtection', { nullable: true }),
    valueForMoney: t.exposeInt('ratingValueForMoney', { nullable: true }),
    accessibility: t.exposeInt('ratingAccessibility', { nullable: true }),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    pros: t.exposeString('pros', { nullable: true }),
    cons: t.exposeString('cons', { nullable: true }),
    verified: t.loadable({
      type: 'Boolean',
      description: 'Vrai quand la collectivité a un déploiement de l’outil en expérimentation, production ou abandonné.',
      resolve: (review) => `${review.organizationId}:${review.toolId}`,
      load: loadVerified,
    }),
    helpfulCount: t.exposeInt('helpfulCount'),
    moderationStatus: t.expose('moderationStatus', { type: ModerationStatus }),
    moderationReason: t.exposeString('moderationReason', {
      nullable: true,
      description: 'Motif de la dernière modération : administrateurs de la plateforme et collectivité autrice.',
      authScopes: (review, _args, ctx) => isVisible(moderationVisibility(ctx.viewer), review),
      unauthorizedResolver: () => null,
    }),
    flagCount: t.int({
      nullable: true,
      description: 'Nombre de signalements : administrateurs de la plateforme et collectivité autrice.',
      select: { _count: { select: { flags: true } } },
      authScopes: (review, _args, ctx) => isVisible(moderationVisibility(ctx.viewer), review),
      unauthorizedResolver: () => null,
      resolve: (review) => review._count.flags,
    }),
    versionCount: t.relationCount('versions', { description: 'Nombre de versions antérieures conservées.' }),
    isDemo: t.exposeBoolean('isDemo'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

interface RatingRow {
  toolId: number;
  count: number;
  verifiedCount: number;
  average: string | null;
  easeOfUse: string | null;
  outputQuality: string | null;
  support: string | null;
  dataProtection: string | null;
  valueForMoney: string | null;
  accessibility: string | null;
}

const RatingSummary = builder.objectRef<RatingRow>('RatingSummary').implement({
  description: 'Notes moyennes des avis visibles (sur 5, deux décimales), et combien sont vérifiés.',
  fields: (t) => ({
    count: t.exposeInt('count'),
    verifiedCount: t.exposeInt('verifiedCount'),
    average: t.expose('average', { type: 'Decimal', nullable: true }),
    easeOfUse: t.expose('easeOfUse', { type: 'Decimal', nullable: true }),
    outputQuality: t.expose('outputQuality', { type: 'Decimal', nullable: true }),
    support: t.expose('support', { type: 'Decimal', nullable: true }),
    dataProtection: t.expose('dataProtection', { type: 'Decimal', nullable: true }),
    valueForMoney: t.expose('valueForMoney', { type: 'Decimal', nullable: true }),
    accessibility: t.expose('accessibility', { type: 'Decimal', nullable: true }),
  }),
});

/** Rating aggregates of many tools in one SQL statement. */
export async function loadRatings(toolIds: readonly number[], ctx: Context): Promise<RatingRow[]> {
  const statuses = [...VERIFYING_STATUSES];
  const rows = await ctx.prisma.$queryRaw<RatingRow[]>`
    SELECT r."toolId",
           count(*)::int AS count,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "Deployment" d
              WHERE d."organizationId" = r."organizationId" AND d."toolId" = r."toolId"
                AND d.status::text = ANY(${statuses}::text[])))::int AS "verifiedCount",
           round(avg(r.rating), 2)::text AS average,
           round(avg(r."ratingEaseOfUse"), 2)::text AS "easeOfUse",
           round(avg(r."ratingOutputQuality"), 2)::text AS "outputQuality",
           round(avg(r."ratingSupport"), 2)::text AS support,
           round(avg(r."ratingDataProtection"), 2)::text AS "dataProtection",
           round(avg(r."ratingValueForMoney"), 2)::text AS "valueForMoney",
           round(avg(r."ratingAccessibility"), 2)::text AS accessibility
      FROM "Review" r
     WHERE r."toolId" = ANY(${[...toolIds]}::int[]) AND r."moderationStatus" = 'VISIBLE'
     GROUP BY r."toolId"`;
  const byTool = new Map(rows.map((row) => [row.toolId, row]));
  return toolIds.map(
    (toolId) =>
      byTool.get(toolId) ?? {
        toolId, count: 0, verifiedCount: 0, average: null, easeOfUse: null, outputQuality: null, support: null,
        dataProtection: null, valueForMoney: null, accessibility: null,
      },
  );
}

builder.prismaObjectFields('Tool', (t) => ({
  ratings: t.loadable({
    type: RatingSummary,
    description: 'Agrégats des avis, calculés pour tous les outils de la requête en une fois.',
    resolve: (tool) => tool.id,
    load: loadRatings,
  }),
  // a plain field, not a prismaField: for an anonymous visitor it reads nothing, and a prismaField would log
  // "query was unused" for every tool of every page
  viewerReview: t.field({
    type: Review,
    nullable: true,
    description: 'L’avis de l’organisation de la personne connectée sur cet outil, s’il existe (une nouvelle soumission le met à jour).',
    resolve: (tool, _args, ctx) =>
      ctx.viewer
        ? ctx.prisma.review.findUnique({
            where: { organizationId_toolId: { organizationId: ctx.viewer.organizationId, toolId: tool.id }, ...visibleWhere(reviewVisibility(ctx.viewer)) },
          })
        : null,
  }),
  reviews: t.relatedConnection('reviews', {
    description: 'Avis visibles, les plus récents d’abord.',
    cursor: 'id',
    totalCount: true,
    query: () => ({ where: { moderationStatus: 'VISIBLE' }, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] }),
  }),
}));

const SubmitReviewInput = builder.inputType('SubmitReviewInput', {
  extensions: { model: 'Review' },
  fields: (t) => ({
    toolSlug: t.string(),
    rating: t.int({ description: 'Note globale, de 1 à 5.' }),
    easeOfUse: t.int({ required: false }),
    outputQuality: t.int({ required: false }),
    support: t.int({ required: false }),
    dataProtection: t.int({ required: false }),
    valueForMoney: t.int({ required: false }),
    accessibility: t.int({ required: false }),
    title: t.string({ description: '3 à 120 caractères.' }),
    body: t.string({ extensions: { multiline: true }, description: '10 à 5 000 caractères, texte brut.' }),
    pros: t.string({ required: false, extensions: { multiline: true }, description: '1 000 caractères au plus.' }),
    cons: t.string({ required: false, extensions: { multiline: true }, description: '1 000 caractères au plus.' }),
  }),
});

const ModerationAction = builder.enumType('ModerationAction', { values: ['HIDE', 'RESTORE'] as const });


async function findReview(ctx: Context, id: string) {
  // a review the viewer may not see is as unknown as a missing one
  const review = await ctx.prisma.review.findUnique({ where: { id: Number(id), ...visibleWhere(reviewVisibility(ctx.viewer)) } });
  if (!review) throw new NotFoundError('Avis introuvable.');
  return review;
}

/** Plain text only: control characters out, line breaks kept. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const plain = (text: string | null | undefined) => clean(text?.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));

builder.mutationFields((t) => ({
  submitReview: t.prismaField({
    type: 'Review',
    description:
      'Publie l’avis de sa collectivité sur un outil ; une nouvelle soumission met à jour l’avis et conserve la version précédente.',
    errors: {},
    args: { input: t.arg({ type: SubmitReviewInput }) },
    resolve: async (query, _parent, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      if (!canActForOrganization(viewer, viewer.organizationId)) {
        throw new ForbiddenError('Seuls les membres approuvés d’une collectivité peuvent publier un avis en son nom.');
      }
      const tool = await ctx.prisma.tool.findUnique({ where: { slug: input.toolSlug } });
      if (!tool || tool.archivedAt) throw new ValidationError('Outil introuvable dans le catalogue.', 'toolSlug');
      const checks = new Checks()
        .rating(input.rating, 'rating', 'La note globale', true)
        .text(input.title, 'title', 'Le titre', { min: 3, max: 120 })
        .text(input.body, 'body', 'Le texte de l’avis', { min: 10, max: 5000 })
        .text(input.pros, 'pros', 'Les points forts', { max: 1000 })
        .text(input.cons, 'cons', 'Les points faibles', { max: 1000 });
      for (const [, field, label] of CRITERIA) checks.rating(input[field], field, label);
      checks.done();
      const data = {
        rating: input.rating,
        ...Object.fromEntries(CRITERIA.map(([column, field]) => [column, input[field] ?? null])),
        title: plain(input.title)!,
        body: plain(input.body)!,
        pros: plain(input.pros),
        cons: plain(input.cons),
        authorId: viewer.id,
        isDemo: false,
      };
      const where = { organizationId_toolId: { organizationId: viewer.organizationId, toolId: tool.id } };
      const saved = await audited(ctx, 'review.submit', async (tx) => {
        const before = await tx.review.findUnique({ where });
        if (before) await tx.reviewVersion.create({ data: { reviewId: before.id, snapshot: JSON.parse(JSON.stringify(before)) } });
        const after = before
          ? await tx.review.update({ where: { id: before.id }, data })
          : await tx.review.create({ data: { ...data, toolId: tool.id, organizationId: viewer.organizationId } });
        return { result: after, entityType: 'Review', entityId: after.id, organizationId: viewer.organizationId, before, after };
      });
      return ctx.prisma.review.findUniqueOrThrow({ ...query, where: { id: saved.id } });
    },
  }),

  flagReview: t.prismaField({
    type: 'Review',
    description: 'Signale un avis aux modérateurs (un signalement par personne et par avis).',
    errors: {},
    args: { reviewId: t.arg.globalID({ for: Review }), reason: t.arg.string({ extensions: { multiline: true } }) },
    resolve: async (query, _parent, args, ctx) => {
      const viewer = requireViewer(ctx);
      if (!canFlagReview(viewer)) throw new ForbiddenError();
      const review = await findReview(ctx, args.reviewId.id);
      new Checks().text(args.reason, 'reason', 'Le motif du signalement', { min: 3, max: 500 }).done();
      const already = await ctx.prisma.reviewFlag.findUnique({ where: { reviewId_userId: { reviewId: review.id, userId: viewer.id } } });
      if (already) throw new ConflictError('Vous avez déjà signalé cet avis.');
      await audited(ctx, 'review.flag', async (tx) => {
        const flag = await tx.reviewFlag.create({ data: { reviewId: review.id, userId: viewer.id, reason: plain(args.reason)! } });
        return { result: flag, entityType: 'Review', entityId: review.id, organizationId: viewer.organizationId, after: flag };
      });
      return ctx.prisma.review.findUniqueOrThrow({ ...query, where: { id: review.id } });
    },
  }),

  voteReviewHelpful: t.prismaField({
    type: 'Review',
    description: 'Indique qu’un avis a été utile (un vote par personne).',
    errors: {},
    args: { reviewId: t.arg.globalID({ for: Review }) },
    resolve: async (query, _parent, args, ctx) => {
      const viewer = requireViewer(ctx);
      if (!canVoteReview(viewer)) throw new ForbiddenError();
      const review = await findReview(ctx, args.reviewId.id);
      if (review.authorId === viewer.id) throw new ValidationError('Vous ne pouvez pas voter pour votre propre avis.', 'reviewId');
      const already = await ctx.prisma.reviewVote.findUnique({ where: { reviewId_userId: { reviewId: review.id, userId: viewer.id } } });
      if (already) throw new ConflictError('Vous avez déjà indiqué que cet avis était utile.');
      await audited(ctx, 'review.vote', async (tx) => {
        await tx.reviewVote.create({ data: { reviewId: review.id, userId: viewer.id } });
        const after = await tx.review.update({ where: { id: review.id }, data: { helpfulCount: { increment: 1 } } });
        return { result: after, entityType: 'Review', entityId: review.id, organizationId: viewer.organizationId, before: { helpfulCount: review.helpfulCount }, after: { helpfulCount: after.helpfulCount } };
      });
      return ctx.prisma.review.findUniqueOrThrow({ ...query, where: { id: review.id } });
    },
  }),

  moderateReview: t.prismaField({
    type: 'Review',
    description: 'Masque ou rétablit un avis, avec un motif (administrateurs de la plateforme).',
    errors: {},
    args: { reviewId: t.arg.globalID({ for: Review }), action: t.arg({ type: ModerationAction }), reason: t.arg.string({ extensions: { multiline: true } }) },
    resolve: async (query, _parent, args, ctx) => {
      const viewer = requireViewer(ctx);
      if (!canModerate(viewer)) throw new ForbiddenError();
      const review = await findReview(ctx, args.reviewId.id);
      new Checks().text(args.reason, 'reason', 'Le motif de modération', { min: 3, max: 500 }).done();
      await audited(ctx, args.action === 'HIDE' ? 'review.hide' : 'review.restore', async (tx) => {
        const after = await tx.review.update({
          where: { id: review.id },
          data: { moderationStatus: args.action === 'HIDE' ? 'HIDDEN' : 'VISIBLE', moderationReason: plain(args.reason) },
        });
        const pick = (r: typeof review) => ({ moderationStatus: r.moderationStatus, moderationReason: r.moderationReason });
        return { result: after, entityType: 'Review', entityId: review.id, organizationId: review.organizationId, before: pick(review), after: pick(after) };
      });
      return ctx.prisma.review.findUniqueOrThrow({ ...query, where: { id: review.id } });
    },
  }),
}));

builder.queryFields((t) => ({
  moderationQueue: t.prismaConnection({
    type: 'Review',
    description: 'Avis signalés ou masqués, à examiner (administrateurs de la plateforme).',
    cursor: 'id',
    authScopes: { admin: true },
    totalCount: (_parent, _args, ctx) => ctx.prisma.review.count({ where: moderationWhere }),
    resolve: (query, _parent, _args, ctx) =>
      ctx.prisma.review.findMany({ ...query, where: moderationWhere, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] }),
  }),
}));

const moderationWhere: Prisma.ReviewWhereInput = { OR: [{ flags: { some: {} } }, { moderationStatus: 'HIDDEN' }] };
