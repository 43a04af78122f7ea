import { Prisma, type Deployment } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { NotFoundError, ValidationError, unique } from '../../graphql/errors.ts';
import { Checks, clean } from '../../graphql/validate.ts';
import { audited, columns, columnsOf, withColumns } from '../audit/service.ts';
import type { SessionUser } from '../auth/session.ts';
import { organizationOf, organizationWithSiren } from '../organizations/service.ts';
import { adoptersInRegion, deploymentOrganizationId } from './loaders.ts';
import { nearestAdopters, statusChangeError, type DeploymentStatus } from './rules.ts';

/** The statuses other modules count by (adoption, verified reviews): one list, in deployments/rules.ts. */
export { ADOPTING_STATUSES, DEPLOYMENT_STATUSES, VERIFYING_STATUSES } from './rules.ts';

type DeploymentQuery = { include?: Prisma.DeploymentInclude; select?: Prisma.DeploymentSelect };
const DEPLOYMENT_COLUMNS = columns(Prisma.DeploymentScalarFieldEnum);
const NOT_FOUND = 'Déploiement introuvable.';

/** The optional fields declaring and updating share; null clears a value. */
export interface DeploymentFields {
  service?: string | null;
  startDate?: Date | null;
  endDate?: Date | null;
  users?: number | null;
  monthlyRequests?: number | null;
  annualCost?: string | null;
  /** Required column: null is refused by the input guard; a declaration without it keeps the cost private. */
  annualCostPublic?: boolean | null;
  procurementRoute?: Deployment['procurementRoute'];
  abandonReason?: string | null;
}

export interface DeclareDeploymentInput extends DeploymentFields {
  organizationSiren?: string | null;
  toolSlug: string;
  status: DeploymentStatus;
}

export interface UpdateDeploymentInput extends DeploymentFields {
  status?: DeploymentStatus | null;
}

/** Checks the merged state of a deployment; every field error is reported at once. */
function checkDeployment(state: DeploymentFields & { status: DeploymentStatus }) {
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

/**
 * The scope updating a deployment asks: acting for its organization. An anonymous caller is refused
 * (UNAUTHENTICATED) before the deployment is looked up; an unknown one is NOT_FOUND.
 */
export async function deploymentScope(ctx: Context, id: string) {
  if (!ctx.viewer) return { loggedIn: true };
  const organizationId = await deploymentOrganizationId(ctx, Number(id));
  if (organizationId === null) throw new NotFoundError(NOT_FOUND);
  return { actsFor: organizationId };
}

/** Declares that an organization (by default the actor's) uses a catalogue tool; one declaration per tool. */
export async function declareDeployment(ctx: Context, actor: SessionUser, input: DeclareDeploymentInput, query: DeploymentQuery) {
  const organization = await organizationOf(ctx, actor, input.organizationSiren);
  const tool = await ctx.prisma.tool.findUnique({ where: { slug: input.toolSlug } });
  if (!tool || tool.archivedAt) throw new ValidationError('Outil introuvable dans le catalogue.', 'toolSlug');
  const state = { ...input, service: clean(input.service), abandonReason: clean(input.abandonReason) };
  checkDeployment(state);
  return audited(ctx, 'deployment.declare', async (tx) => {
    const deployment = await unique(
      tx.deployment.create({
        ...withColumns(query, DEPLOYMENT_COLUMNS),
        data: {
          organizationId: organization.id,
          toolId: tool.id,
          status: input.status,
          service: state.service,
          startDate: input.startDate ?? null,
          endDate: input.endDate ?? null,
          users: input.users ?? null,
          monthlyRequests: input.monthlyRequests ?? null,
          annualCost: input.annualCost ?? null,
          annualCostPublic: input.annualCostPublic ?? false,
          procurementRoute: input.procurementRoute ?? null,
          abandonReason: state.abandonReason,
          createdById: actor.id,
        },
      }),
      'Cet outil est déjà déclaré pour cette collectivité : modifiez la déclaration existante.',
    );
    return { result: deployment, entityType: 'Deployment', entityId: deployment.id, organizationId: organization.id, after: columnsOf(deployment) };
  });
}

/** The fields an update sets: the given ones (null clears), texts trimmed; a null status or annualCostPublic changes nothing. */
function changesOf(input: UpdateDeploymentInput): Omit<DeploymentFields, 'annualCostPublic'> & { status?: DeploymentStatus; annualCostPublic?: boolean } {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || ((key === 'status' || key === 'annualCostPublic') && value === null)) continue;
    changes[key] = key === 'service' || key === 'abandonReason' ? clean(value as string | null) : value;
  }
  return changes;
}

/** Updates a declaration; its status only moves forward, and abandoning it takes a reason. */
export async function updateDeployment(ctx: Context, id: string, input: UpdateDeploymentInput, query: DeploymentQuery) {
  const before = await ctx.prisma.deployment.findUnique({ where: { id: Number(id) } });
  if (!before) throw new NotFoundError(NOT_FOUND);
  const changes = changesOf(input);
  const status = changes.status ?? before.status;
  const transition = statusChangeError(before.status, status);
  if (transition) throw new ValidationError(transition, 'status');
  checkDeployment({ ...before, annualCost: before.annualCost?.toString(), ...changes, status });
  return audited(ctx, 'deployment.update', async (tx) => {
    const after = await tx.deployment.update({ ...withColumns(query, DEPLOYMENT_COLUMNS), where: { id: before.id }, data: { ...changes, isDemo: false } });
    return { result: after, entityType: 'Deployment', entityId: before.id, organizationId: before.organizationId, before, after: columnsOf(after) };
  });
}

/**
 * The organizations near the one a SIREN names that use the tool now: same EPCI, then same département, then same
 * region (none for an organization without a region).
 */
export async function nearbyAdopters(ctx: Context, toolId: number, siren: string, first: number) {
  const target = await organizationWithSiren(ctx, siren);
  if (!target.regionCode) return [];
  return nearestAdopters(target, await adoptersInRegion(ctx, toolId, target.regionCode, target.id), first);
}
