import { Prisma, type Organization } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { NotFoundError, ValidationError } from '../../graphql/errors.ts';
import { Checks, clean } from '../../graphql/validate.ts';
import { batchedCount } from '../../graphql/counts.ts';
import { HttpUrl } from '../../shared/validation.ts';
import { audited, columns, withColumns } from '../audit/service.ts';
import type { SessionUser } from '../auth/session.ts';
import { charterColumns, charterOf, directoryConditions, MAX_SEARCH_LENGTH, type CharterStatus, type DirectoryFilter } from './rules.ts';

type OrganizationQuery = { include?: Prisma.OrganizationInclude; select?: Prisma.OrganizationSelect };
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

function directoryWhere(filter: Filter | null | undefined): Prisma.OrganizationWhereInput {
  if (filter?.search && filter.search.length > MAX_SEARCH_LENGTH) {
    throw new ValidationError(`Recherche trop longue (${MAX_SEARCH_LENGTH} caractères au plus).`, 'search');
  }
  return directoryConditions(filter);
}

/** The directory: alphabetical without a search, most populated first with one. */
export function listOrganizations(ctx: Context, filter: Filter | null | undefined, query: OrganizationQuery) {
  return ctx.prisma.organization.findMany({
    ...query,
    where: directoryWhere(filter),
    orderBy: filter?.search ? [{ population: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }] : [{ searchName: 'asc' }, { id: 'asc' }],
  });
}

export const countOrganizations = (ctx: Context, filter: Filter | null | undefined) => ctx.prisma.organization.count({ where: directoryWhere(filter) });

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
