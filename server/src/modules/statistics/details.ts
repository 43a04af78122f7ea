// Per-organization detail of a scope's statistics (auditors and administrators): who declares what, at what cost.
import { Prisma, type PrismaClient } from '@mutualis/db/client';
import { ORGANIZATIONS, scopeConditions, type StatsScope } from './scope.ts';

export interface OrganizationDetail {
  id: number;
  siren: string | null;
  name: string;
  kind: string;
  departementCode: string | null;
  population: number | null;
  charterStatus: string;
  deployments: number;
  inUse: number;
  abandoned: number;
  demo: number;
  /** Declared yearly spend of its deployments in use, euros HT; null when none declares a cost. */
  spend: string | null;
}

const declaring = (scope: StatsScope) => Prisma.sql`
  FROM ${ORGANIZATIONS} JOIN "Deployment" d ON d."organizationId" = o.id WHERE ${scopeConditions(scope)}`;

/** The organizations of the scope that declare a deployment, by name, one page (offset and limit). */
export async function organizationDetails(prisma: PrismaClient, scope: StatsScope, offset: number, limit: number): Promise<OrganizationDetail[]> {
  return prisma.$queryRaw<OrganizationDetail[]>`
    SELECT o.id, o.siren, o.name, o.kind::text AS kind, o."departementCode", o.population, o."charterStatus"::text AS "charterStatus",
           count(*)::int AS deployments, count(*) FILTER (WHERE d.status IN ('PILOT', 'PRODUCTION'))::int AS "inUse",
           count(*) FILTER (WHERE d.status = 'ABANDONED')::int AS abandoned, count(*) FILTER (WHERE d."isDemo")::int AS demo,
           (sum(d."annualCost") FILTER (WHERE d.status IN ('PILOT', 'PRODUCTION')))::numeric(16, 2)::text AS spend
      ${declaring(scope)}
     GROUP BY o.id ORDER BY o."searchName", o.id OFFSET ${offset} LIMIT ${limit}`;
}

/** How many organizations of the scope declare a deployment. */
export async function organizationDetailCount(prisma: PrismaClient, scope: StatsScope): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT o.id)::int AS n ${declaring(scope)}`;
  return row?.n ?? 0;
}
