import { ModerationStatus as ModerationValues } from '@mutualis/db/enums';
import { isVisible, moderationVisibility, reviewVisibility } from '../../shared/permissions.ts';
import { prismaEnum } from '../../graphql/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';
import { countedConnection } from '../../graphql/counts.ts';
import { organizationScope } from '../organizations/service.ts';
import { isOwnReview } from './rules.ts';
import {
  flagReview,
  loadRatings,
  loadVerified,
  visibleReviewCount,
  moderateReview,
  moderationQueue,
  moderationQueueCount,
  submitReview,
  viewerReview,
  voteReviewHelpful,
  type RatingRow,
} from './service.ts';

const ModerationStatus = prismaEnum('ModerationStatus', ModerationValues);

/** A viewerCan… field: true when the viewer passes the field's scopes, false otherwise (for a visitor too). */
const BY_SCOPES = { unauthorizedResolver: () => false, resolve: () => true };

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
    // what the web shows or hides, from the scopes the mutations ask
    viewerCanFlag: t.boolean({ ...BY_SCOPES, authScopes: { flagsReviews: true }, description: 'Vrai quand la personne connectée peut signaler cet avis à la modération.' }),
    viewerCanVote: t.boolean({
      description: 'Vrai quand la personne connectée peut juger cet avis utile (pas le sien).',
      authScopes: { votesReviews: true },
      unauthorizedResolver: () => false,
      resolve: (review, _args, ctx) => !!ctx.viewer && !isOwnReview(review, ctx.viewer.id),
    }),
  }),
});

const RatingSummary = builder.objectRef<RatingRow>('RatingSummary').implement({
  description: 'Notes moyennes des avis visibles (sur 5, deux décimales), et combien sont vérifiés.',
  fields: (t) => ({
    count: t.exposeInt('count'),
    verifiedCount: t.exposeInt('verifiedCount'),
    demoCount: t.exposeInt('demoCount', { description: 'Parmi les avis visibles, ceux issus des données de démonstration.' }),
    average: t.expose('average', { type: 'Decimal', nullable: true }),
    easeOfUse: t.expose('easeOfUse', { type: 'Decimal', nullable: true }),
    outputQuality: t.expose('outputQuality', { type: 'Decimal', nullable: true }),
    support: t.expose('support', { type: 'Decimal', nullable: true }),
    dataProtection: t.expose('dataProtection', { type: 'Decimal', nullable: true }),
    valueForMoney: t.expose('valueForMoney', { type: 'Decimal', nullable: true }),
    accessibility: t.expose('accessibility', { type: 'Decimal', nullable: true }),
  }),
});

/** A tool's viewerCan… answer: the viewer passes the field's scopes, and the tool is in the catalogue (not archived). */
const ON_ACTIVE_TOOL = { select: { archivedAt: true }, unauthorizedResolver: () => false, resolve: (tool: { archivedAt: Date | null }) => !tool.archivedAt };

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
    resolve: (tool, _args, ctx) => viewerReview(ctx, tool.id),
  }),
  reviews: t.relatedConnection('reviews', {
    description: 'Avis visibles, les plus récents d’abord.',
    cursor: 'id',
    query: () => ({ where: { moderationStatus: 'VISIBLE' }, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] }),
  }, countedConnection(visibleReviewCount)),
  viewerCanReview: t.boolean({ ...ON_ACTIVE_TOOL, authScopes: (_tool, _args, ctx) => organizationScope(ctx, 'actsFor'), description: 'Vrai quand la personne connectée peut publier l’avis de sa collectivité sur l’outil (outil du catalogue, non archivé).' }),
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

builder.mutationFields((t) => ({
  submitReview: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Review',
    description:
      'Publie l’avis de sa collectivité sur un outil ; une nouvelle soumission met à jour l’avis et conserve la version précédente.',
    errors: {},
    args: { input: t.arg({ type: SubmitReviewInput }) },
    authScopes: (_p, _args, ctx) => organizationScope(ctx, 'actsFor'),
    resolve: (query, _p, { input }, ctx) => submitReview(ctx, ctx.viewer, input, query),
  }),
  flagReview: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Review',
    description: 'Signale un avis aux modérateurs (un signalement par personne et par avis).',
    errors: {},
    args: { reviewId: t.arg.globalID({ for: Review }), reason: t.arg.string({ extensions: { multiline: true } }) },
    authScopes: { flagsReviews: true },
    resolve: (query, _p, args, ctx) => flagReview(ctx, ctx.viewer, args.reviewId.id, args.reason, query),
  }),
  voteReviewHelpful: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Review',
    description: 'Indique qu’un avis a été utile (un vote par personne).',
    errors: {},
    args: { reviewId: t.arg.globalID({ for: Review }) },
    authScopes: { votesReviews: true },
    resolve: (query, _p, args, ctx) => voteReviewHelpful(ctx, ctx.viewer, args.reviewId.id, query),
  }),
  moderateReview: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Review',
    description: 'Masque ou rétablit un avis, avec un motif (administrateurs de la plateforme).',
    errors: {},
    args: { reviewId: t.arg.globalID({ for: Review }), action: t.arg({ type: ModerationAction }), reason: t.arg.string({ extensions: { multiline: true } }) },
    authScopes: { admin: true },
    resolve: (query, _p, args, ctx) => moderateReview(ctx, args.reviewId.id, args.action, args.reason, query),
  }),
}));

builder.queryFields((t) => ({
  moderationQueue: t.prismaConnection({
    type: 'Review',
    description: 'Avis signalés ou masqués, à examiner (administrateurs de la plateforme).',
    cursor: 'id',
    authScopes: { admin: true },
    totalCount: (_parent, _args, ctx) => moderationQueueCount(ctx),
    resolve: (query, _parent, _args, ctx) => moderationQueue(ctx, query),
  }),
}));
