// What the public-procurement data (DECP, contracts module) attests in a scope: the contracts of its collectivités
// confirmed as AI purchases by curation, their amounts, the concentration of their holders, their environmental
// considerations, innovation and competition. Public data by law: no demo part, no confidentiality threshold.
import type { PrismaClient } from '@mutualis/db/client';
import { ORGANIZATIONS, scopeConditions, type StatsScope } from './scope.ts';

export interface ContractFigures {
  contracts: number;
  /** Sum of the amounts HT (a framework agreement counts its maximum), two decimals. */
  amount: string;
  frameworks: number;
  environmental: number;
  /** Contracts whose DECP record says whether they are innovative, and those that are. */
  innovativeKnown: number;
  innovative: number;
  /** Contracts that give the number of offers received, and the average (two decimals). */
  offersKnown: number;
  offersAverage: string | null;
  /** Herfindahl–Hirschman index of the amounts by holder (the first holder of each contract), two decimals. */
  hhi: string | null;
  holders: number;
}

export async function contractFigures(prisma: PrismaClient, scope: StatsScope): Promise<ContractFigures> {
  const [row] = await prisma.$queryRaw<ContractFigures[]>`
    WITH c AS (
      SELECT pc.amount, pc."isFramework" AS framework, pc."hasEnvironmentalConsideration" AS env, pc.innovative,
             pc."offersReceived" AS offers,
             coalesce((SELECT coalesce('p' || h."providerId", 's' || h.siren, 'i' || h.identifier)
                         FROM "PublicContractHolder" h WHERE h."contractId" = pc.id ORDER BY h.position LIMIT 1), '?') AS holder
        FROM "PublicContract" pc JOIN ${ORGANIZATIONS} ON o.id = pc."buyerOrganizationId"
       WHERE pc.decision = 'CONFIRMED' AND ${scopeConditions(scope)}
    ),
    h AS (SELECT holder, sum(coalesce(amount, 0)) AS s FROM c GROUP BY holder),
    t AS (SELECT nullif(sum(s), 0) AS ts FROM h)
    SELECT (SELECT count(*) FROM c)::int AS contracts,
           (SELECT coalesce(sum(amount), 0) FROM c)::numeric(16, 2)::text AS amount,
           (SELECT count(*) FILTER (WHERE framework) FROM c)::int AS frameworks,
           (SELECT count(*) FILTER (WHERE env) FROM c)::int AS environmental,
           (SELECT count(innovative) FROM c)::int AS "innovativeKnown",
           (SELECT count(*) FILTER (WHERE innovative) FROM c)::int AS innovative,
           (SELECT count(offers) FROM c)::int AS "offersKnown",
           (SELECT round(avg(offers), 2) FROM c)::text AS "offersAverage",
           (SELECT round(sum(power(100.0 * s / t.ts, 2)), 2) FROM h CROSS JOIN t)::text AS hhi,
           (SELECT count(*) FROM h)::int AS holders`;
  return row!;
}
