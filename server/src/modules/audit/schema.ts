import { auditEventVisibility } from '../../shared/permissions.ts';
import { auditEventsWhere, withoutHiddenEmails } from './service.ts';
import { builder } from '../../graphql/builder.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';

builder.prismaNode('AuditEvent', {
  description: 'Trace d’une modification : qui, pour quelle organisation, quoi, avant et après, quand. Jamais modifiée ni supprimée.',
  id: { field: 'id' },
  // the rule of auditEvents, on every path; node(id:) finds nothing rather than an event it would refuse
  ...visibleTo('AuditEvent', auditEventVisibility),
  fields: (t) => ({
    actor: t.relation('actor', { nullable: true }),
    organization: t.relation('organization', { nullable: true }),
    action: t.exposeString('action'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    before: t.field({ type: 'JSON', nullable: true, resolve: (event, _args, ctx) => withoutHiddenEmails(event.before, ctx) }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (event, _args, ctx) => withoutHiddenEmails(event.after, ctx) }),
    requestId: t.exposeString('requestId'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    organizationSiren: t.string({ required: false }),
    entityType: t.string({ required: false, description: 'Ex. « Deployment », « Review », « User », « Organization ».' }),
    action: t.string({ required: false, description: 'Ex. « deployment.declare », « review.submit ».' }),
    from: t.field({ type: 'DateTime', required: false }),
    to: t.field({ type: 'DateTime', required: false }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.prismaConnection({
    type: 'AuditEvent',
    description: 'Journal d’audit, du plus récent au plus ancien (auditeurs et administrateurs).',
    cursor: 'id',
    maxSize: 200,
    authScopes: { auditor: true },
    args: { filter: t.arg({ type: AuditEventFilter, required: false }) },
    totalCount: async (_parent, args, ctx) => ctx.prisma.auditEvent.count({ where: await auditEventsWhere(ctx, args.filter) }),
    resolve: async (query, _parent, args, ctx) =>
      ctx.prisma.auditEvent.findMany({ ...query, where: await auditEventsWhere(ctx, args.filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
}));
