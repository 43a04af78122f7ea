import {
  DeploymentStatus as StatusValues,
  ProcurementRoute as RouteValues,
} from '../../generated/prisma/enums.ts';
import { statusChangeError, type DeploymentStatus as Status } from './rules.ts';
import { canActForOrganization, canAdministerOrganization, canApproveMembership } from '../auth/rules.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { audited } from '../audit/service.ts';
import { builder, type PothosTypes } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError, requireViewer } from '../../graphql/errors.ts';
import { Checks, clean, HTTP_URL } from '../../graphql/validate.ts';
import { CharterStatus, Organization } from '../organizations/schema.ts';

const DeploymentStatus = builder.enumType('DeploymentStatus', {
  description: 'Étape d’adoption : exploration, expérimentation (pilote), production, abandon.',
  values: Object.values(StatusValues),
});
const ProcurementRoute = builder.enumType('ProcurementRoute', {
  description: 'Voie d’achat : achat direct, UGAP, accord-cadre, appel d’offres, groupement de commandes.',
  values: Object.values(RouteValues),
});

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
      description: 'Coût annuel réellement payé, en euros HT (deux décimales).',
      resolve: (d) => d.annualCost?.toFixed(2) ?? null,
    }),
    procurementRoute: t.expose('procurementRoute', { type: ProcurementRoute, nullable: true }),
    abandonReason: t.exposeString('abandonReason', { nullable: true }),
    isDemo: t.exposeBoolean('isDemo'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(Organization, (t) => ({
  deployments: t.relatedConnection('deployments', {
    description: 'Outils déclarés par la collectivité.',
    cursor: 'id',
    totalCount: true,
    query: () => ({ orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] }),
  }),
  pendingUsers: t.prismaField({
    type: ['User'],
    description: 'Personnes en attente d’approbation (administrateurs de l’organisation ou de la plateforme).',
    select: { id: true },
    resolve: (query, org, _args, ctx) => {
      if (!ctx.viewer) throw new UnauthenticatedError();
      if (!canApproveMembership(ctx.viewer, org.id)) throw new ForbiddenError();
      return ctx.prisma.user.findMany({ ...query, where: { organizationId: org.id, membershipStatus: 'PENDING' }, orderBy: { createdAt: 'asc' } });
    },
  }),
}));

interface DeploymentFields {
  status?: Status | null;
  service?: string | null;
  startDate?: Date | null;
  endDate?: Date | null;
  users?: number | null;
  monthlyRequests?: number | null;
  annualCost?: string | null;
  procurementRoute?: Prisma.DeploymentCreateInput['procurementRoute'] | null;
  abandonReason?: string | null;
}

/** The optional fields declaring and updating share. */
const optionalDeploymentFields = (t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>, 'InputObject'>) => ({
  service: t.string({ required: false, description: 'Service utilisateur (ex. « Accueil et relation usagers »), 200 caractères au plus.' }),
  startDate: t.field({ type: 'Date', required: false, description: 'Date de début.' }),
  endDate: t.field({ type: 'Date', required: false, description: 'Date de fin.' }),
  users: t.int({ required: false, description: 'Nombre d’utilisateurs.' }),
  monthlyRequests: t.int({ required: false, description: 'Requêtes par mois.' }),
  annualCost: t.field({ type: 'Decimal', required: false, description: 'Coût annuel réellement payé, en euros HT (ex. « 1234.50 »).' }),
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

/** Checks the merged state of a deployment; every field error is reported at once. */
function checkDeployment(state: DeploymentFields) {
  const checks = new Checks()
    .text(state.service, 'service', 'Le service', { max: 200 })
    .check(state.users == null || (state.users >= 0 && state.users <= 10_000_000), 'users', 'Le nombre d’utilisateurs doit être un entier positif.')
    .check(
      state.monthlyRequests == null || (state.monthlyRequests >= 0 && state.monthlyRequests <= 2_000_000_000),
      'monthlyRequests',
      'Le nombre de requêtes mensuelles doit être un entier positif.',
    )
    // annualCost is checked against its column by the input guard (graphql/input.ts)
    .check(!state.startDate || !state.endDate || state.endDate >= state.startDate, 'endDate', 'La date de fin doit suivre la date de début.')
    .text(state.abandonReason, 'abandonReason', 'La raison de l’abandon', { max: 1000 });
  if (state.status === 'ABANDONED') checks.text(state.abandonReason, 'abandonReason', 'La raison de l’abandon', { min: 1, max: 1000 });
  checks.done();
}

async function organizationFor(ctx: Context, siren: string | null | undefined) {
  if (!ctx.viewer) throw new UnauthenticatedError();
  if (!siren) return ctx.viewer.organization;
  const org = await ctx.prisma.organization.findUnique({ where: { siren: siren.replace(/\s/g, '') } });
  if (!org) throw new NotFoundError('Aucune collectivité ne porte ce SIREN.');
  return org;
}

builder.mutationFields((t) => ({
  declareDeployment: t.prismaField({
    type: 'Deployment',
    description: 'Déclare l’usage d’un outil par sa collectivité (membres de l’organisation).',
    errors: {},
    args: { input: t.arg({ type: DeclareDeploymentInput }) },
    resolve: async (query, _parent, { input }, ctx) => {
      const org = await organizationFor(ctx, input.organizationSiren);
      if (!canActForOrganization(ctx.viewer, org.id)) throw new ForbiddenError('Seuls les membres approuvés de cette collectivité peuvent déclarer ses déploiements.');
      const tool = await ctx.prisma.tool.findUnique({ where: { slug: input.toolSlug } });
      if (!tool || tool.archivedAt) throw new ValidationError('Outil introuvable dans le catalogue.', 'toolSlug');
      const state = { ...input, service: clean(input.service), abandonReason: clean(input.abandonReason) };
      checkDeployment(state);
      const existing = await ctx.prisma.deployment.findUnique({ where: { organizationId_toolId: { organizationId: org.id, toolId: tool.id } } });
      if (existing) throw new ConflictError('Cet outil est déjà déclaré pour cette collectivité : modifiez la déclaration existante.');
      const created = await audited(ctx, 'deployment.declare', async (tx) => {
        const deployment = await tx.deployment.create({
          data: {
            organizationId: org.id,
            toolId: tool.id,
            status: input.status,
            service: state.service,
            startDate: input.startDate ?? null,
            endDate: input.endDate ?? null,
            users: input.users ?? null,
            monthlyRequests: input.monthlyRequests ?? null,
            annualCost: input.annualCost ?? null,
            procurementRoute: input.procurementRoute ?? null,
            abandonReason: state.abandonReason,
            createdById: ctx.viewer!.id,
          },
        });
        return { result: deployment, entityType: 'Deployment', entityId: deployment.id, organizationId: org.id, after: deployment };
      });
      return ctx.prisma.deployment.findUniqueOrThrow({ ...query, where: { id: created.id } });
    },
  }),

  updateDeployment: t.prismaField({
    type: 'Deployment',
    description: 'Met à jour une déclaration (membres de l’organisation concernée).',
    errors: {},
    args: { id: t.arg.globalID({ for: Deployment }), input: t.arg({ type: UpdateDeploymentInput }) },
    resolve: async (query, _parent, { id, input }, ctx) => {
      requireViewer(ctx);
      const before = await ctx.prisma.deployment.findUnique({ where: { id: Number(id.id) } });
      if (!before) throw new NotFoundError('Déploiement introuvable.');
      if (!canActForOrganization(ctx.viewer, before.organizationId)) throw new ForbiddenError('Seuls les membres approuvés de cette collectivité peuvent modifier ses déploiements.');
      const data: Prisma.DeploymentUpdateInput = {};
      for (const key of Object.keys(input) as (keyof typeof input)[]) {
        const value = input[key];
        if (value === undefined) continue;
        if (key === 'status' && value === null) continue;
        (data as Record<string, unknown>)[key] = typeof value === 'string' && key !== 'annualCost' && key !== 'status' && key !== 'procurementRoute' ? clean(value) : value;
      }
      const status = (data.status as Status | undefined) ?? before.status;
      const transition = statusChangeError(before.status, status);
      if (transition) throw new ValidationError(transition, 'status');
      checkDeployment({
        status,
        service: data.service !== undefined ? (data.service as string | null) : before.service,
        startDate: data.startDate !== undefined ? (data.startDate as Date | null) : before.startDate,
        endDate: data.endDate !== undefined ? (data.endDate as Date | null) : before.endDate,
        users: data.users !== undefined ? (data.users as number | null) : before.users,
        monthlyRequests: data.monthlyRequests !== undefined ? (data.monthlyRequests as number | null) : before.monthlyRequests,
        annualCost: data.annualCost !== undefined ? (data.annualCost as string | null) : before.annualCost?.toString(),
        abandonReason: data.abandonReason !== undefined ? (data.abandonReason as string | null) : before.abandonReason,
      });
      await audited(ctx, 'deployment.update', async (tx) => {
        const after = await tx.deployment.update({ where: { id: before.id }, data: { ...data, isDemo: false } });
        return { result: after, entityType: 'Deployment', entityId: before.id, organizationId: before.organizationId, before, after };
      });
      return ctx.prisma.deployment.findUniqueOrThrow({ ...query, where: { id: before.id } });
    },
  }),

  setCharter: t.prismaField({
    type: 'Organization',
    description: 'Renseigne la charte éthique de l’IA de la collectivité (administrateurs de l’organisation).',
    errors: {},
    args: {
      organizationSiren: t.arg.string({ required: false }),
      status: t.arg({ type: CharterStatus }),
      adoptedAt: t.arg({ type: 'Date', required: false }),
      url: t.arg.string({ required: false }),
    },
    resolve: async (query, _parent, args, ctx) => {
      const org = await organizationFor(ctx, args.organizationSiren);
      if (!canAdministerOrganization(ctx.viewer, org.id)) throw new ForbiddenError('Seuls les administrateurs de cette collectivité peuvent renseigner sa charte.');
      const url = clean(args.url);
      new Checks()
        .check(args.status !== 'ADOPTED' || !!args.adoptedAt, 'adoptedAt', 'Indiquez la date d’adoption de la charte.')
        .check(!args.adoptedAt || args.adoptedAt.getTime() <= Date.now(), 'adoptedAt', 'La date d’adoption ne peut pas être dans le futur.')
        .check(!url || (HTTP_URL.test(url) && url.length <= 500), 'url', 'L’adresse de la charte doit commencer par https:// (500 caractères au plus).')
        .done();
      const before = await ctx.prisma.organization.findUniqueOrThrow({ where: { id: org.id } });
      await audited(ctx, 'organization.setCharter', async (tx) => {
        const after = await tx.organization.update({
          where: { id: org.id },
          data: {
            charterStatus: args.status,
            charterAdoptedAt: args.status === 'ADOPTED' ? args.adoptedAt : null,
            charterUrl: args.status === 'NONE' ? null : url,
            charterIsDemo: false,
          },
        });
        const pick = (o: typeof before) => ({ charterStatus: o.charterStatus, charterAdoptedAt: o.charterAdoptedAt, charterUrl: o.charterUrl });
        return { result: after, entityType: 'Organization', entityId: org.id, organizationId: org.id, before: pick(before), after: pick(after) };
      });
      return ctx.prisma.organization.findUniqueOrThrow({ ...query, where: { id: org.id } });
    },
  }),
}));
