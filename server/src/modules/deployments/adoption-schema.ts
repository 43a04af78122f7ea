import { DEPLOYMENT_STATUSES, VERIFYING_STATUSES } from './rules.ts';
import type { Organization as OrganizationRow } from '../../generated/prisma/client.ts';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { NotFoundError } from '../../graphql/errors.ts';
import { Tool } from '../catalogue/schema.ts';
import { Organization } from '../organizations/schema.ts';

interface AdoptionShape {
  total: number;
  byStatus: { status: (typeof DEPLOYMENT_STATUSES)[number]; count: number }[];
}

const StatusCount = builder.objectRef<AdoptionShape['byStatus'][number]>('StatusCount').implement({
  fields: (t) => ({ status: t.exposeString('status'), count: t.exposeInt('count') }),
});
const AdoptionSummary = builder.objectRef<AdoptionShape>('AdoptionSummary').implement({
  description: 'Collectivités ayant déclaré l’outil, par statut (données de démonstration comprises, signalées par isDemo sur chaque déploiement).',
  fields: (t) => ({
    total: t.exposeInt('total'),
    byStatus: t.field({ type: [StatusCount], resolve: (a) => a.byStatus }),
  }),
});

/** Adoption counts of many tools in one grouped query. */
async function loadAdoption(toolIds: readonly number[], ctx: Context): Promise<AdoptionShape[]> {
  const groups = await ctx.prisma.deployment.groupBy({ by: ['toolId', 'status'], where: { toolId: { in: [...toolIds] } }, _count: { _all: true } });
  return toolIds.map((toolId) => {
    const byStatus = DEPLOYMENT_STATUSES.map((status) => ({
      status,
      count: groups.find((g) => g.toolId === toolId && g.status === status)?._count._all ?? 0,
    }));
    return { total: byStatus.reduce((sum, s) => sum + s.count, 0), byStatus };
  });
}

type Proximity = 'EPCI' | 'DEPARTEMENT' | 'REGION';
const ProximityEnum = builder.enumType('Proximity', {
  description: 'Même intercommunalité, même département, même région.',
  values: ['EPCI', 'DEPARTEMENT', 'REGION'] as const,
});

interface NearShape {
  organization: OrganizationRow;
  proximity: Proximity;
  status: string;
}

const NearbyAdopter = builder.objectRef<NearShape>('NearbyAdopter').implement({
  fields: (t) => ({
    // loaded with the deployments: no query per adopter
    organization: t.field({ type: Organization, resolve: (near) => near.organization }),
    proximity: t.expose('proximity', { type: ProximityEnum }),
    status: t.exposeString('status'),
  }),
});

builder.prismaObjectFields(Tool, (t) => ({
  adoption: t.loadable({
    type: AdoptionSummary,
    resolve: (tool) => tool.id,
    load: loadAdoption,
  }),
  adopters: t.relatedConnection('deployments', {
    description: 'Déploiements déclarés de l’outil, les plus récents d’abord.',
    cursor: 'id',
    totalCount: true,
    query: () => ({ orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] }),
  }),
  adoptersNear: t.field({
    type: [NearbyAdopter],
    // an unknown SIREN nulls this field only (with its NOT_FOUND error), not the whole tool
    nullable: true,
    description:
      'Collectivités qui utilisent l’outil (expérimentation ou production) près de la collectivité donnée : même EPCI, puis même département, puis même région.',
    args: { siren: t.arg.string(), first: t.arg.int({ required: false, defaultValue: 20 }) },
    resolve: async (tool, args, ctx) => {
      const target = await ctx.prisma.organization.findUnique({ where: { siren: args.siren.replace(/\s/g, '') } });
      if (!target) throw new NotFoundError('Aucune collectivité ne porte ce SIREN.');
      if (!target.regionCode) return [];
      // the EPCI of a commune, or the EPCI itself
      const epciId = target.kind === 'EPCI' ? target.id : target.epciId;
      const deployments = await ctx.prisma.deployment.findMany({
        where: {
          toolId: tool.id,
          status: { in: VERIFYING_STATUSES.filter((s) => s !== 'ABANDONED') },
          organizationId: { not: target.id },
          organization: { regionCode: target.regionCode },
        },
        select: { status: true, organization: true },
      });
      const rank = { EPCI: 0, DEPARTEMENT: 1, REGION: 2 } as const;
      return deployments
        .map(({ status, organization: o }) => {
          const proximity: Proximity =
            epciId != null && (o.epciId === epciId || o.id === epciId)
              ? 'EPCI'
              : target.departementCode && o.departementCode === target.departementCode
                ? 'DEPARTEMENT'
                : 'REGION';
          return { organization: o, proximity, status };
        })
        .sort((a, b) => rank[a.proximity] - rank[b.proximity] || (b.organization.population ?? 0) - (a.organization.population ?? 0))
        .slice(0, Math.min(Math.max(args.first ?? 20, 1), 100));
    },
  }),
}));
