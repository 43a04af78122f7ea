import { prismaEnum } from '../../graphql/enums.ts';
import {
  DeploymentStatus as StatusValues,
  ProcurementRoute as RouteValues,
} from '@mutualis/db/enums';
import { builder, type PothosTypes } from '../../graphql/builder.ts';
import { countedConnection } from '../../graphql/counts.ts';
import { canReadDeploymentCost } from '../../shared/permissions.ts';
import { organizationScope } from '../organizations/service.ts';
import { organizationDeploymentCount } from './loaders.ts';
import { declareDeployment, deploymentScope, updateDeployment } from './service.ts';

export const DeploymentStatus = prismaEnum('DeploymentStatus', StatusValues, 'Étape d’adoption : exploration, expérimentation (pilote), production, abandon.');
export const ProcurementRoute = prismaEnum('ProcurementRoute', RouteValues, 'Voie d’achat : achat direct, UGAP, accord-cadre, appel d’offres, groupement de commandes.');

export const Deployment = builder.prismaNode('Deployment', {
  description: 'Déclaration d’adoption d’un outil par une collectivité, avec ce qu’elle paie réellement.',
  id: { field: 'id' },
  // public, like the list that shows it; an unknown id reads as null, as for the restricted types
  nullable: true,
  fields: (t) => ({
    organization: t.relation('organization'),
    tool: t.relation('tool'),
    status: t.expose('status', { type: DeploymentStatus }),
    service: t.exposeString('service', { nullable: true }),
    startDate: t.expose('startDate', { type: 'Date', nullable: true }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    users: t.exposeInt('users', { nullable: true }),
    monthlyRequests: t.exposeInt('monthlyRequests', { nullable: true }),
    annualCost: t.field({
      type: 'Decimal',
      nullable: true,
      description:
        'Coût annuel réellement payé, en euros HT (deux décimales) : pour tous quand la collectivité l’a rendu public, ' +
        'sinon pour ses membres, les auditeurs et les administrateurs (null pour les autres, voir annualCostHidden).',
      authScopes: (d, _args, ctx) => canReadDeploymentCost(ctx.viewer, d),
      unauthorizedResolver: () => null,
      resolve: (d) => d.annualCost?.toFixed(2) ?? null,
    }),
    annualCostPublic: t.exposeBoolean('annualCostPublic', { description: 'Vrai quand la collectivité a rendu son coût annuel public.' }),
    annualCostHidden: t.boolean({
      description: 'Vrai quand un coût annuel est déclaré mais non publié : annualCost est null pour la personne qui lit.',
      resolve: (d, _args, ctx) => d.annualCost !== null && !canReadDeploymentCost(ctx.viewer, d),
    }),
    procurementRoute: t.expose('procurementRoute', { type: ProcurementRoute, nullable: true }),
    abandonReason: t.exposeString('abandonReason', { nullable: true }),
    isDemo: t.exposeBoolean('isDemo'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields('Organization', (t) => ({
  deployments: t.relatedConnection('deployments', {
    description: 'Outils déclarés par la collectivité.',
    cursor: 'id',
    query: () => ({ orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] }),
  }, countedConnection(organizationDeploymentCount)),
}));

/** A tool's viewerCan… answer: the viewer passes the field's scopes, and the tool is in the catalogue (not archived). */
const ON_ACTIVE_TOOL = { select: { archivedAt: true }, unauthorizedResolver: () => false, resolve: (tool: { archivedAt: Date | null }) => !tool.archivedAt };

builder.prismaObjectFields('Tool', (t) => ({
  viewerCanDeclare: t.boolean({ ...ON_ACTIVE_TOOL, authScopes: (_tool, _args, ctx) => organizationScope(ctx, 'actsFor'), description: 'Vrai quand la personne connectée peut déclarer l’usage de l’outil par sa collectivité (outil du catalogue, non archivé).' }),
}));

/** The optional fields declaring and updating share. */
const optionalDeploymentFields = (t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>, 'InputObject'>) => ({
  service: t.string({ required: false, description: 'Service utilisateur (ex. « Accueil et relation usagers »), 200 caractères au plus.' }),
  startDate: t.field({ type: 'Date', required: false, description: 'Date de début.' }),
  endDate: t.field({ type: 'Date', required: false, description: 'Date de fin.' }),
  users: t.int({ required: false, description: 'Nombre d’utilisateurs.' }),
  monthlyRequests: t.int({ required: false, description: 'Requêtes par mois.' }),
  annualCost: t.field({ type: 'Decimal', required: false, description: 'Coût annuel réellement payé, en euros HT (ex. « 1234.50 »).' }),
  annualCostPublic: t.boolean({
    required: false,
    description: 'Vrai pour rendre le coût annuel visible de tous ; sinon (par défaut à la déclaration) seuls les membres de la collectivité, les auditeurs et les administrateurs le voient.',
  }),
  procurementRoute: t.field({ type: ProcurementRoute, required: false, description: 'Voie d’achat.' }),
  abandonReason: t.string({ required: false, extensions: { multiline: true }, description: 'Raison de l’abandon (obligatoire pour le statut ABANDONED).' }),
});

const DeclareDeploymentInput = builder.inputType('DeclareDeploymentInput', {
  extensions: { model: 'Deployment' },
  fields: (t) => ({
    organizationSiren: t.string({ required: false, description: 'Par défaut, l’organisation de la personne connectée.' }),
    toolSlug: t.string(),
    status: t.field({ type: DeploymentStatus }),
    ...optionalDeploymentFields(t),
  }),
});

const UpdateDeploymentInput = builder.inputType('UpdateDeploymentInput', {
  description: 'Seuls les champs fournis changent ; null efface une valeur facultative.',
  extensions: { model: 'Deployment' },
  fields: (t) => ({
    status: t.field({ type: DeploymentStatus, required: false }),
    ...optionalDeploymentFields(t),
  }),
});

builder.mutationFields((t) => ({
  declareDeployment: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Deployment',
    description: 'Déclare l’usage d’un outil par sa collectivité (membres de l’organisation).',
    errors: {},
    args: { input: t.arg({ type: DeclareDeploymentInput }) },
    authScopes: (_p, { input }, ctx) => organizationScope(ctx, 'actsFor', input.organizationSiren),
    resolve: (query, _p, { input }, ctx) => declareDeployment(ctx, ctx.viewer, input, query),
  }),
  updateDeployment: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Deployment',
    description: 'Met à jour une déclaration (membres de l’organisation concernée).',
    errors: {},
    args: { id: t.arg.globalID({ for: Deployment }), input: t.arg({ type: UpdateDeploymentInput }) },
    authScopes: (_p, { id }, ctx) => deploymentScope(ctx, id.id),
    resolve: (query, _p, { id, input }, ctx) => updateDeployment(ctx, id.id, input, query),
  }),
}));
