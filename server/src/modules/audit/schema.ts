import { auditEventVisibility } from '../../shared/permissions.ts';
import {
  actionLabel,
  auditActions,
  auditChanges,
  auditEntity,
  auditEntityLabel,
  auditEntityTypes,
  auditEventsWhere,
  auditLogCsv,
  entityTypeLabel,
  actorId,
  withoutHiddenEmails,
  type AuditEventFilter as Filter,
  type AuditExport,
  type ShownChange,
} from './service.ts';
import type { EntityRef } from './loaders.ts';
import { builder } from '../../graphql/builder.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';

const AuditLinkKind = builder.enumType('AuditLinkKind', {
  description: 'La page qui montre une entité du journal : fiche d’un outil, d’une collectivité, d’un groupement d’achat.',
  values: ['TOOL', 'ORGANIZATION', 'PURCHASING_GROUP'] as const,
});

const AuditEntityLink = builder.objectRef<NonNullable<EntityRef['link']>>('AuditEntityLink').implement({
  description: 'Où voir l’entité : `key` est le slug de l’outil, le SIREN de la collectivité ou l’identifiant du groupement.',
  fields: (t) => ({ kind: t.field({ type: AuditLinkKind, resolve: (link) => link.kind }), key: t.exposeString('key') }),
});

const AuditChange = builder.objectRef<ShownChange>('AuditChange').implement({
  description: 'Un champ modifié : son nom en français, ses valeurs avant et après (les identifiants remplacés par des noms).',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'La colonne, ex. « status ».' }),
    label: t.exposeString('label', { description: 'Ex. « Statut ».' }),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
});

const AuditCode = builder.objectRef<{ code: string; label: string }>('AuditCode').implement({
  description: 'Un code du journal (action, type d’entité) et son libellé en français.',
  fields: (t) => ({ code: t.exposeString('code'), label: t.exposeString('label') }),
});

const AuditLogExport = builder.objectRef<AuditExport>('AuditLogExport').implement({
  description: 'Le journal filtré au format CSV (point-virgule, UTF-8 avec BOM, CRLF, dates ISO 8601), 10 000 événements au plus.',
  fields: (t) => ({
    csv: t.exposeString('csv'),
    exportedCount: t.exposeInt('exportedCount'),
    totalCount: t.exposeInt('totalCount', { description: 'Événements correspondant aux filtres.' }),
    truncated: t.exposeBoolean('truncated', { description: 'Vrai quand le fichier s’arrête avant la fin (sa dernière ligne le dit).' }),
  }),
});

builder.prismaNode('AuditEvent', {
  description: 'Trace d’une modification : qui, pour quelle organisation, quoi, avant et après, quand. Jamais modifiée ni supprimée.',
  id: { field: 'id' },
  // the rule of auditEvents, on every path; node(id:) finds nothing rather than an event it would refuse
  ...visibleTo('AuditEvent', auditEventVisibility),
  fields: (t) => ({
    actor: t.relation('actor', { nullable: true }),
    organization: t.relation('organization', { nullable: true }),
    action: t.exposeString('action'),
    actionLabel: t.string({ description: 'L’action en français, ex. « Connexion ».', resolve: (event) => actionLabel(event.action) }),
    entityType: t.exposeString('entityType'),
    entityTypeLabel: t.string({ description: 'Ex. « Outil ».', resolve: (event) => entityTypeLabel(event.entityType) }),
    entityId: t.exposeString('entityId'),
    entityLabel: t.string({
      description: 'L’entité nommée, ex. « Outil : Albert » (null quand elle n’existe plus) ; une personne, un avis masqué ou un groupement en préparation seulement comme le lecteur les verrait ailleurs.',
      nullable: true,
      resolve: (event, _args, ctx) => auditEntityLabel(ctx, event),
    }),
    entityLink: t.field({ type: AuditEntityLink, nullable: true, resolve: async (event, _args, ctx) => (await auditEntity(ctx, event))?.link ?? null }),
    changes: t.field({ type: [AuditChange], description: 'Les champs modifiés entre avant et après.', resolve: (event, _args, ctx) => auditChanges(ctx, event) }),
    before: t.field({ type: 'JSON', nullable: true, resolve: (event, _args, ctx) => withoutHiddenEmails(event.before, ctx) }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (event, _args, ctx) => withoutHiddenEmails(event.after, ctx) }),
    requestId: t.exposeString('requestId'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    organizationSiren: t.string({ required: false }),
    actor: t.string({ required: false, description: 'La personne qui a agi : l’identifiant (id) de son User.' }),
    entityType: t.string({ required: false, description: 'Ex. « Deployment », « Review », « User », « Organization » (auditEntityTypes).' }),
    action: t.string({ required: false, description: 'Ex. « deployment.declare », « review.submit » (auditActions).' }),
    from: t.field({ type: 'DateTime', required: false }),
    to: t.field({ type: 'DateTime', required: false }),
  }),
});

type FilterArg = typeof AuditEventFilter.$inferInput | null | undefined;
const toFilter = (filter: FilterArg): Filter | null => (filter ? { ...filter, actorId: actorId(filter.actor) } : null);

builder.queryFields((t) => ({
  auditEvents: t.prismaConnection({
    type: 'AuditEvent',
    description: 'Journal d’audit, du plus récent au plus ancien (auditeurs et administrateurs).',
    cursor: 'id',
    maxSize: 200,
    authScopes: { auditor: true },
    args: { filter: t.arg({ type: AuditEventFilter, required: false }) },
    totalCount: async (_parent, args, ctx) => ctx.prisma.auditEvent.count({ where: await auditEventsWhere(ctx, toFilter(args.filter)) }),
    resolve: async (query, _parent, args, ctx) =>
      ctx.prisma.auditEvent.findMany({ ...query, where: await auditEventsWhere(ctx, toFilter(args.filter)), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
  auditEventsCsv: t.field({
    type: AuditLogExport,
    description: 'Le journal filtré en CSV, du plus récent au plus ancien (auditeurs et administrateurs).',
    authScopes: { auditor: true },
    args: { filter: t.arg({ type: AuditEventFilter, required: false }) },
    resolve: (_root, args, ctx) => auditLogCsv(ctx, toFilter(args.filter)),
  }),
  auditActions: t.field({
    type: [AuditCode],
    description: 'Les actions que le journal enregistre, avec leur libellé (auditeurs et administrateurs).',
    authScopes: { auditor: true },
    resolve: () => auditActions(),
  }),
  auditEntityTypes: t.field({
    type: [AuditCode],
    description: 'Les types d’entité que le journal nomme, avec leur libellé (auditeurs et administrateurs).',
    authScopes: { auditor: true },
    resolve: () => auditEntityTypes(),
  }),
}));
