import { Prisma, type Organization } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { NotFoundError, ValidationError } from '../../graphql/errors.ts';
import { Checks, clean } from '../../graphql/validate.ts';
import { batchedCount } from '../../graphql/counts.ts';
import { HttpUrl } from '../../shared/validation.ts';
import { audited, columns, withColumns } from '../audit/service.ts';
import type { SessionUser } from '../auth/session.ts';
import { countSearch, searchOrganizationIds } from './loaders.ts';
import { charterColumns, charterOf, directoryConditions, MAX_SEARCH_LENGTH, parseOrganizationSearch, type CharterStatus, type DirectoryFilter } from './rules.ts';

type OrganizationQuery = { include?: Prisma.OrganizationInclude; select?: Prisma.OrganizationSelect };
type DeploymentQuery = { include?: Prisma.DeploymentInclude; select?: Prisma.DeploymentSelect };
type UserQuery = { include?: Prisma.UserInclude; select?: Prisma.UserSelect };
type Filter = DirectoryFilter<Organization['kind'], NonNullable<Organization['epciType']>>;

const withoutSpaces = (siren: string) => siren.replace(/\s/g, '');

const ORGANIZATION_COLUMNS = columns(Prisma.OrganizationScalarFieldEnum);

/** The organization a SIREN names (spaces ignored); NOT_FOUND when none does. */
export async function organizationWithSiren(ctx: Context, siren: string): Promise<Organization> {
  const organization = await ctx.prisma.organization.findUnique({ where: { siren: withoutSpaces(siren) } });
  if (!organization) throw new NotFoundError('Aucune collectivité ne porte ce SIREN.');
  return organization;
}

/** The organization a SIREN names, by default the actor's own. */
export async function organizationOf(ctx: Context, actor: SessionUser, siren: string | null | undefined): Promise<Organization> {
  return siren ? organizationWithSiren(ctx, siren) : actor.organization;
}

/**
 * The scope of a write in the name of the organization a SIREN names (by default the viewer's own): acting for it or
 * administering it. An anonymous caller is refused (UNAUTHENTICATED) before any SIREN is looked up.
 */
export async function organizationScope(ctx: Context, scope: 'actsFor' | 'administers', siren?: string | null) {
  if (!ctx.viewer) return { loggedIn: true };
  const { id } = await organizationOf(ctx, ctx.viewer, siren);
  return scope === 'actsFor' ? { actsFor: id } : { administers: id };
}

/** The search of a filter, read (SIREN, INSEE code or name); null without one. */
function searchOf(filter: Filter | null | undefined) {
  if (!filter?.search) return null;
  if (filter.search.length > MAX_SEARCH_LENGTH) {
    throw new ValidationError(`Recherche trop longue (${MAX_SEARCH_LENGTH} caractères au plus).`, 'search');
  }
  return parseOrganizationSearch(filter.search);
}

type PageQuery = OrganizationQuery & { take?: number; skip?: number; cursor?: Prisma.OrganizationWhereUniqueInput };

/**
 * The directory: alphabetical without a search; with one, ranked by the database (same name, name prefix, word
 * prefix, every word, look-alike; then population), a page of ids read in that order.
 */
export async function listOrganizations(ctx: Context, filter: Filter | null | undefined, query: PageQuery) {
  const search = searchOf(filter);
  if (!search) return ctx.prisma.organization.findMany({ ...query, where: directoryConditions(filter), orderBy: [{ searchName: 'asc' }, { id: 'asc' }] });
  const { take = 20, cursor, skip: _skip, ...shape } = query;
  const ids = await searchOrganizationIds(ctx, filter ?? {}, search, { take, cursor: cursor?.id });
  const rows = await ctx.prisma.organization.findMany({ ...shape, where: { id: { in: ids } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function countOrganizations(ctx: Context, filter: Filter | null | undefined) {
  const search = searchOf(filter);
  return search ? countSearch(ctx, filter ?? {}, search) : ctx.prisma.organization.count({ where: directoryConditions(filter) });
}

/** Member communes of each EPCI (Organization.members totalCount): one indexed count. */
export const memberCount = batchedCount('Organization.members', (ctx, ids) =>
  ctx.prisma.$queryRaw`SELECT "epciId" AS id, count(*)::int AS count FROM "Organization" WHERE "epciId" = ANY(${[...ids]}::int[]) GROUP BY "epciId"`,
);

/** One organization by its SIREN (nine digits, spaces ignored), or null. */
export function organizationBySiren(ctx: Context, siren: string, query: OrganizationQuery) {
  const value = withoutSpaces(siren);
  if (!/^\d{9}$/.test(value)) throw new ValidationError('Le SIREN doit comporter 9 chiffres.', 'siren');
  return ctx.prisma.organization.findUnique({ ...query, where: { siren: value } });
}

export const MAX_RECENT_DEPLOYMENTS = 10;

/** The last deployments declared (of tools still in the catalogue), newest first. */
export function recentDeployments(ctx: Context, first: number, query: DeploymentQuery) {
  new Checks().check(Number.isInteger(first) && first >= 1 && first <= MAX_RECENT_DEPLOYMENTS, 'first', `Entre 1 et ${MAX_RECENT_DEPLOYMENTS} déclarations.`).done();
  return ctx.prisma.deployment.findMany({ ...query, where: { tool: { archivedAt: null } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: first });
}

/** The people waiting for an approval of their membership, oldest request first. */
export function pendingUsers(ctx: Context, organizationId: number, query: UserQuery) {
  return ctx.prisma.user.findMany({ ...query, where: { organizationId, membershipStatus: 'PENDING' }, orderBy: { createdAt: 'asc' } });
}

export interface CharterInput {
  organizationSiren?: string | null;
  status: CharterStatus;
  adoptedAt?: Date | null;
  url?: string | null;
}

/** Sets the ethics charter of an organization (by default the actor's): status, adoption date, public address. */
export async function setCharter(ctx: Context, actor: SessionUser, input: CharterInput, query: OrganizationQuery) {
  const { id } = await organizationOf(ctx, actor, input.organizationSiren);
  const url = clean(input.url);
  new Checks()
    .check(input.status !== 'ADOPTED' || !!input.adoptedAt, 'adoptedAt', 'Indiquez la date d’adoption de la charte.')
    .check(!input.adoptedAt || input.adoptedAt.getTime() <= Date.now(), 'adoptedAt', 'La date d’adoption ne peut pas être dans le futur.')
    .check(!url || (HttpUrl.safeParse(url).success && url.length <= 500), 'url', 'L’adresse de la charte doit commencer par https:// (500 caractères au plus).')
    .done();
  const before = await ctx.prisma.organization.findUniqueOrThrow({ where: { id } });
  return audited(ctx, 'organization.setCharter', async (tx) => {
    const after = await tx.organization.update({ ...withColumns(query, ORGANIZATION_COLUMNS), where: { id }, data: charterColumns(input.status, input.adoptedAt, url) });
    return { result: after, entityType: 'Organization', entityId: id, organizationId: id, before: charterOf(before), after: charterOf(after) };
  });
}

/**
 * The charter of an organization ADOPTED on that day at that address, inside the caller's audited transaction (a
 * charter published from the model): the charter columns before and after, and the row with the response's selection.
 */
export async function adoptCharter(tx: Prisma.TransactionClient, organizationId: number, adoptedAt: Date, url: string, query: OrganizationQuery) {
  const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { charterStatus: true, charterAdoptedAt: true, charterUrl: true } });
  const row = await tx.organization.update({ ...withColumns(query, ORGANIZATION_COLUMNS), where: { id: organizationId }, data: charterColumns('ADOPTED', adoptedAt, url) });
  return { before: charterOf(before), after: charterOf(row), row };
}
