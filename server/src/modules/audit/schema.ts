import type { Prisma } from '../../generated/prisma/client.ts';
import { auditEventVisibility, emailVisibility, isVisible, visibleWhere } from '../auth/rules.ts';
import { builder } from '../../graphql/builder.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';
import type { Context } from '../../graphql/context.ts';
import { ValidationError } from '../../graphql/errors.ts';

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

/**
 * User snapshots keep the e-mail address for the record; the reader sees it only where the User type would show it
 * (an AUDITOR reads the log, not the addresses).
 */
function withoutHiddenEmails(value: unknown, ctx: Context): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutHiddenEmails(item, ctx));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const subject = { id: Number(record.id), organizationId: Number(record.organizationId) };
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) =>
      key === 'email' ? [key, isVisible(emailVisibility(ctx.viewer), subject) ? item : null] : [key, withoutHiddenEmails(item, ctx)],
    ),
  );
}

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
    totalCount: async (_parent, args, ctx) =>
      ctx.prisma.auditEvent.count({ where: { AND: [await auditWhere(args.filter, ctx.prisma), visibleWhere(auditEventVisibility(ctx.viewer))] } }),
    resolve: async (query, _parent, args, ctx) =>
      ctx.prisma.auditEvent.findMany({
        ...query,
        where: { AND: [await auditWhere(args.filter, ctx.prisma), visibleWhere(auditEventVisibility(ctx.viewer))] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
}));

type Filter = { organizationSiren?: string | null; entityType?: string | null; action?: string | null; from?: Date | null; to?: Date | null };

async function auditWhere(
  filter: Filter | null | undefined,
  prisma: { organization: { findUnique(args: { where: { siren: string }; select: { id: true } }): Promise<{ id: number } | null> } },
): Promise<Prisma.AuditEventWhereInput> {
  if (!filter) return {};
  if (filter.from && filter.to && filter.from > filter.to) throw new ValidationError('La date de début doit précéder la date de fin.', 'from');
  let organizationId: number | undefined;
  if (filter.organizationSiren) {
    const org = await prisma.organization.findUnique({ where: { siren: filter.organizationSiren.replace(/\s/g, '') }, select: { id: true } });
    organizationId = org?.id ?? -1;
  }
  return {
    ...(organizationId !== undefined ? { organizationId } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
  };
}
