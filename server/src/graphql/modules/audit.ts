import type { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { ValidationError } from '../errors.ts';

builder.prismaNode('AuditEvent', {
  description: 'Trace d’une modification : qui, pour quelle organisation, quoi, avant et après, quand. Jamais modifiée ni supprimée.',
  id: { field: 'id' },
  fields: (t) => ({
    actor: t.relation('actor', { nullable: true }),
    organization: t.relation('organization', { nullable: true }),
    action: t.exposeString('action'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
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
    totalCount: async (_parent, args, ctx) => ctx.prisma.auditEvent.count({ where: await auditWhere(args.filter, ctx.prisma) }),
    resolve: async (query, _parent, args, ctx) =>
      ctx.prisma.auditEvent.findMany({
        ...query,
        where: await auditWhere(args.filter, ctx.prisma),
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
