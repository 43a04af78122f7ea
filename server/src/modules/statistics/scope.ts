// The territory a statistic or an open-data export covers, as SQL on the organizations table. One definition for the
// statistics (loaders.ts), the exports (opendata module) and the per-organization detail, so that a figure and the file
// that backs it always count the same collectivités.
import { Prisma } from '@mutualis/db/client';
import type { EpciType, OrganizationKind } from '@mutualis/db/enums';
import { NotFoundError, ValidationError } from '../../graphql/errors.ts';
import type { Context } from '../../graphql/context.ts';
import { POPULATION_BANDS, type PopulationBand } from './rules.ts';

export interface StatsScope {
  region?: string | null;
  departement?: string | null;
  epciSiren?: string | null;
  epciType?: keyof typeof EpciType | null;
  organizationKind?: keyof typeof OrganizationKind | null;
  populationBand?: PopulationBand | null;
}

/**
 * The organizations of a statistic: `o`, with `oe` its EPCI (for a commune). The platform's own organization (kind
 * STATE) is never a collectivité of the statistics.
 */
export const ORGANIZATIONS = Prisma.sql`"Organization" o LEFT JOIN "Organization" oe ON oe.id = o."epciId"`;

/** The EPCI type of an organization's territory: its own for an EPCI, its EPCI's for a commune, none otherwise. */
export const TERRITORY_EPCI_TYPE = Prisma.sql`(CASE WHEN o.kind = 'EPCI' THEN o."epciType" ELSE oe."epciType" END)`;

/** The population an organization counts for its band (municipale; the EPCI's own figure for an EPCI). */
export const POPULATION = Prisma.sql`o.population`;

/** The band of `o.population`, as the PopulationBand key ('UNKNOWN' without a population). */
export const POPULATION_BAND = Prisma.sql`(CASE ${Prisma.join(
  POPULATION_BANDS.map((b) =>
    b.max == null ? Prisma.sql`WHEN ${POPULATION} >= ${b.min}::int THEN ${b.key}` : Prisma.sql`WHEN ${POPULATION} BETWEEN ${b.min}::int AND ${b.max}::int THEN ${b.key}`,
  ),
  ' ',
)} ELSE 'UNKNOWN' END)`;

const CODE = /^(\d{2,3}|2A|2B)$/;
const SIREN = /^\d{9}$/;

/** Checks a scope's codes before any SQL: a malformed code is a typed error, not an empty statistic. */
export function checkScope(scope: StatsScope | null | undefined): StatsScope {
  const s = scope ?? {};
  if (s.region != null && !/^\d{2}$/.test(s.region)) throw new ValidationError('Code de région invalide (code INSEE à deux chiffres, ex. « 27 »).', 'region');
  if (s.departement != null && !CODE.test(s.departement)) throw new ValidationError('Code de département invalide (ex. « 25 », « 2A », « 974 »).', 'departement');
  if (s.epciSiren != null && !SIREN.test(s.epciSiren)) throw new ValidationError('SIREN d’EPCI invalide (9 chiffres).', 'epciSiren');
  return s;
}

/** The conditions of a scope on `o` (and `oe`), joined with AND; the platform organization is always left out. */
export function scopeConditions(scope: StatsScope): Prisma.Sql {
  const where = [Prisma.sql`o.kind <> 'STATE'`];
  if (scope.region != null) where.push(Prisma.sql`o."regionCode" = ${scope.region}`);
  if (scope.departement != null) where.push(Prisma.sql`o."departementCode" = ${scope.departement}`);
  if (scope.epciSiren != null) where.push(Prisma.sql`(o.siren = ${scope.epciSiren} AND o.kind = 'EPCI' OR oe.siren = ${scope.epciSiren})`);
  if (scope.epciType != null) where.push(Prisma.sql`${TERRITORY_EPCI_TYPE}::text = ${scope.epciType}`);
  if (scope.organizationKind != null) where.push(Prisma.sql`o.kind::text = ${scope.organizationKind}`);
  if (scope.populationBand != null) where.push(Prisma.sql`${POPULATION_BAND} = ${scope.populationBand}`);
  return Prisma.join(where, ' AND ');
}

/** A short, stable name of the scope for file names: « france », « region-27_epci-242500361 »… */
export function scopeSlug(scope: StatsScope): string {
  const parts = [
    scope.region != null && `region-${scope.region}`,
    scope.departement != null && `departement-${scope.departement}`,
    scope.epciSiren != null && `epci-${scope.epciSiren}`,
    scope.epciType != null && `type-${scope.epciType.toLowerCase()}`,
    scope.organizationKind != null && scope.organizationKind.toLowerCase(),
    scope.populationBand != null && `population-${scope.populationBand.toLowerCase().replace(/_/g, '-')}`,
  ].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join('_') : 'france';
}

/** The named territory of a scope exists (a well-formed but unknown code is NOT_FOUND, said in French). */
export async function assertScopeExists(ctx: Context, scope: StatsScope): Promise<void> {
  const checks: [string | null | undefined, Prisma.Sql, string][] = [
    [scope.region, Prisma.sql`kind = 'REGION' AND code = ${scope.region ?? ''}`, `Aucune région de code « ${scope.region} ».`],
    [scope.departement, Prisma.sql`kind = 'DEPARTEMENT' AND code = ${scope.departement ?? ''}`, `Aucun département de code « ${scope.departement} ».`],
    [scope.epciSiren, Prisma.sql`kind = 'EPCI' AND siren = ${scope.epciSiren ?? ''}`, `Aucun EPCI de SIREN « ${scope.epciSiren} ».`],
  ];
  for (const [value, condition, message] of checks) {
    if (value == null) continue;
    const rows = await ctx.prisma.$queryRaw<{ found: number }[]>`SELECT 1 AS found FROM "Organization" WHERE ${condition} LIMIT 1`;
    if (!rows.length) throw new NotFoundError(message);
  }
}
