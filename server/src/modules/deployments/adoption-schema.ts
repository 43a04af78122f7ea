import { getRefFromModel } from '@pothos/plugin-prisma';
import type { Organization as OrganizationRow } from '@mutualis/db/client';
import { builder } from '../../graphql/builder.ts';
import { countedConnection } from '../../graphql/counts.ts';
import { loadAdoption, toolDeploymentCount, type AdoptionCounts } from './loaders.ts';
import type { Proximity } from './rules.ts';
import { nearbyAdopters } from './service.ts';

const StatusCount = builder.objectRef<AdoptionCounts['byStatus'][number]>('StatusCount').implement({
  fields: (t) => ({ status: t.exposeString('status'), count: t.exposeInt('count') }),
});
const AdoptionSummary = builder.objectRef<AdoptionCounts>('AdoptionSummary').implement({
  description: 'Collectivités ayant déclaré l’outil, par statut (données de démonstration comprises, signalées par isDemo sur chaque déploiement).',
  fields: (t) => ({
    total: t.exposeInt('total'),
    byStatus: t.field({ type: [StatusCount], resolve: (a) => a.byStatus }),
    adopting: t.exposeInt('adopting', { description: 'Collectivités qui utilisent l’outil : expérimentation ou production.' }),
    demoCount: t.exposeInt('demoCount', { description: 'Parmi adopting, les déploiements issus des données de démonstration.' }),
  }),
});

const ProximityEnum = builder.enumType('Proximity', {
  description: 'Même intercommunalité, même département, même région.',
  values: ['EPCI', 'DEPARTEMENT', 'REGION'] as const,
});

interface NearShape {
  organization: OrganizationRow;
  proximity: Proximity;
  status: string;
  isDemo: boolean;
}

/** The organizations module's type, by its model's name. */
const Organization = getRefFromModel('Organization', builder);

const NearbyAdopter = builder.objectRef<NearShape>('NearbyAdopter').implement({
  fields: (t) => ({
    // loaded with the deployments: no query per adopter
    organization: t.field({ type: Organization, resolve: (near) => near.organization }),
    proximity: t.expose('proximity', { type: ProximityEnum }),
    status: t.exposeString('status'),
    isDemo: t.exposeBoolean('isDemo', { description: 'Vrai quand ce déploiement vient des données de démonstration.' }),
  }),
});

builder.prismaObjectFields('Tool', (t) => ({
  adoption: t.loadable({
    type: AdoptionSummary,
    resolve: (tool) => tool.id,
    load: loadAdoption,
  }),
  adopters: t.relatedConnection('deployments', {
    description: 'Déploiements déclarés de l’outil, les plus récents d’abord.',
    cursor: 'id',
    query: () => ({ orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] }),
  }, countedConnection(toolDeploymentCount)),
  adoptersNear: t.field({
    type: [NearbyAdopter],
    // an unknown SIREN nulls this field only (with its NOT_FOUND error), not the whole tool
    nullable: true,
    description:
      'Collectivités qui utilisent l’outil (expérimentation ou production) près de la collectivité donnée : même EPCI, puis même département, puis même région.',
    args: { siren: t.arg.string(), first: t.arg.int({ required: false, defaultValue: 20 }) },
    resolve: (tool, args, ctx) => nearbyAdopters(ctx, tool.id, args.siren, args.first ?? 20),
  }),
}));
