import { generateDemoAdoption } from '../../../../prisma/seed/demo.ts';
import type { Sql } from '../sql.ts';

export interface DemoReport {
  deployments: number;
  reviews: number;
  charters: number;
}

type DemoInput = Parameters<typeof generateDemoAdoption>[0];

/**
 * Demo adoption data (deployments with costs, reviews, charters), generated deterministically and flagged
 * isDemo so that every screen can label it. Never called in production unless SEED_DEMO=1.
 */
export async function seedDemo(sql: Sql, log: (line: string) => void = () => undefined): Promise<DemoReport> {
  const organizations = await sql.query<DemoInput['organizations'][number]>(
    `SELECT id, kind::text AS kind, siren, population, "epciId", "departementCode", "regionCode"
       FROM "Organization" WHERE kind IN ('COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION') ORDER BY id`,
  );
  const tools = await sql.query<DemoInput['tools'][number]>(
    `SELECT t.id, t.slug, c.slug AS "categorySlug",
            coalesce((SELECT json_agg(json_build_object('pricingModel', p."pricingModel", 'unitPrice', p."unitPrice"::text)
                                      ORDER BY p.id)
                        FROM "PricingPlan" p WHERE p."toolId" = t.id AND p."archivedAt" IS NULL), '[]'::json) AS plans
       FROM "Tool" t JOIN "Category" c ON c.id = t."categoryId"
      WHERE t."archivedAt" IS NULL ORDER BY t.id`,
  );
  const demo = generateDemoAdoption({ organizations, tools });
  const report = await sql.transaction(async (tx) => {
    const deployments = await tx.query(
      `INSERT INTO "Deployment" ("organizationId", "toolId", status, service, "startDate", "endDate", users,
          "monthlyRequests", "annualCost", "procurementRoute", "abandonReason", "isDemo", "updatedAt")
       SELECT "organizationId", "toolId", status::"DeploymentStatus", service, "startDate"::timestamptz,
              "endDate"::timestamptz, users, "monthlyRequests", "annualCost"::numeric,
              "procurementRoute"::"ProcurementRoute", "abandonReason", true, now()
         FROM json_to_recordset($1::json) AS x("organizationId" int, "toolId" int, status text, service text,
              "startDate" text, "endDate" text, users int, "monthlyRequests" int, "annualCost" text,
              "procurementRoute" text, "abandonReason" text)
       ON CONFLICT ("organizationId", "toolId") DO NOTHING RETURNING id`,
      [JSON.stringify(demo.deployments)],
    );
    const reviews = await tx.query(
      `INSERT INTO "Review" ("organizationId", "toolId", rating, "ratingEaseOfUse", "ratingOutputQuality",
          "ratingSupport", "ratingDataProtection", "ratingValueForMoney", "ratingAccessibility", title, body, pros,
          cons, "isDemo", "createdAt", "updatedAt")
       SELECT "organizationId", "toolId", rating, "ratingEaseOfUse", "ratingOutputQuality", "ratingSupport",
              "ratingDataProtection", "ratingValueForMoney", "ratingAccessibility", title, body, pros, cons, true,
              "createdAt"::timestamptz, "createdAt"::timestamptz
         FROM json_to_recordset($1::json) AS x("organizationId" int, "toolId" int, rating int, "ratingEaseOfUse" int,
              "ratingOutputQuality" int, "ratingSupport" int, "ratingDataProtection" int, "ratingValueForMoney" int,
              "ratingAccessibility" int, title text, body text, pros text, cons text, "createdAt" text)
       ON CONFLICT ("organizationId", "toolId") DO NOTHING RETURNING id`,
      [JSON.stringify(demo.reviews)],
    );
    const charters = await tx.query(
      `UPDATE "Organization" o
          SET "charterStatus" = x.status::"CharterStatus", "charterAdoptedAt" = x."adoptedAt"::timestamptz,
              "charterUrl" = x.url, "charterIsDemo" = true, "updatedAt" = now()
         FROM json_to_recordset($1::json) AS x("organizationId" int, status text, "adoptedAt" text, url text)
        WHERE o.id = x."organizationId" AND o."charterStatus" = 'NONE'
       RETURNING o.id`,
      [JSON.stringify(demo.charters)],
    );
    return { deployments: deployments.length, reviews: reviews.length, charters: charters.length };
  });
  log(
    `Données de démonstration : ${report.deployments} déploiements, ${report.reviews} avis, ` +
      `${report.charters} chartes (marquées « démonstration »).`,
  );
  return report;
}

export async function hasDemoData(sql: Sql): Promise<boolean> {
  const rows = await sql.query(`SELECT 1 FROM "Deployment" WHERE "isDemo" LIMIT 1`);
  return rows.length > 0;
}
