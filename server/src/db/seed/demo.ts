import { generateDemoAdoption } from '../../../../prisma/seed/demo.ts';
import { hashPassword } from '../../modules/auth/password.ts';
import type { Sql } from '../sql.ts';

export const DEMO_PASSWORD = 'mutualis-demo';
const PLATFORM = { code: 'MUTUALIS', name: 'Plateforme Mutualis (démonstration)' };

/** Demo accounts (README): password `mutualis-demo`, created only where demo data is seeded. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@mutualis.test', name: 'Administratrice de la plateforme', siren: null, roles: ['ADMIN'], provider: null },
  { email: 'auditeur@mutualis.test', name: 'Auditeur (lecture seule)', siren: null, roles: ['AUDITOR'], provider: null },
  { email: 'fournisseur@mistral.test', name: 'Représentant Mistral AI', siren: null, roles: ['PROVIDER'], provider: 'mistral-ai' },
  { email: 'dsi@grandbesancon.test', name: 'DSI de Grand Besançon Métropole', siren: '242500361', roles: ['MEMBER', 'ORG_ADMIN'], provider: null },
  { email: 'agent@besancon.test', name: 'Agent de la Ville de Besançon', siren: '212500565', roles: ['MEMBER'], provider: null },
  { email: 'dsi@besancon.test', name: 'DSI de la Ville de Besançon', siren: '212500565', roles: ['MEMBER', 'ORG_ADMIN'], provider: null },
  { email: 'dsi@dijon.test', name: 'DSI de Dijon Métropole', siren: '242100410', roles: ['MEMBER', 'ORG_ADMIN'], provider: null },
] as const;

/** A pending sign-up, so that the approval screen has something to show. */
const PENDING_ACCOUNT = { email: 'nouvel.agent@besancon.test', name: 'Nouvel agent (en attente)', siren: '212500565' };

/** Organizations of the demo accounts get no generated adoption data: what they show is what the demo does. */
const DEMO_ACCOUNT_SIRENS = [...new Set(DEMO_ACCOUNTS.map((a) => a.siren).filter((s): s is NonNullable<typeof s> => s !== null))];

export async function seedDemoAccounts(sql: Sql): Promise<number> {
  const rows: Record<string, unknown>[] = [];
  for (const account of [...DEMO_ACCOUNTS, { ...PENDING_ACCOUNT, roles: ['MEMBER'], provider: null }]) {
    rows.push({ ...account, passwordHash: await hashPassword(DEMO_PASSWORD), pending: account.email === PENDING_ACCOUNT.email });
  }
  return sql.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO "Organization" (kind, name, "officialName", "searchName", code, source, "updatedAt")
       VALUES ('STATE', $1, $1, 'plateforme mutualis demonstration', $2, 'démonstration', now())
       ON CONFLICT (kind, code) DO NOTHING`,
      [PLATFORM.name, PLATFORM.code],
    );
    const inserted = await tx.query(
      `INSERT INTO "User" (email, name, "passwordHash", "organizationId", roles, "membershipStatus", "providerId", "isDemo", "updatedAt")
       SELECT x.email, x.name, x."passwordHash", o.id, ARRAY(SELECT json_array_elements_text(x.roles))::"Role"[],
              (CASE WHEN x.pending THEN 'PENDING' ELSE 'APPROVED' END)::"MembershipStatus", p.id, true, now()
         FROM json_to_recordset($1::json) AS x(email text, name text, "passwordHash" text, siren text, roles json,
              provider text, pending boolean)
         JOIN "Organization" o ON (x.siren IS NULL AND o.kind = 'STATE' AND o.code = $2) OR o.siren = x.siren
         LEFT JOIN "Provider" p ON p.slug = x.provider
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [JSON.stringify(rows), PLATFORM.code],
    );
    return inserted.length;
  });
}

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
export async function seedDemo(
  sql: Sql,
  options: { accounts: boolean; log?: (line: string) => void },
): Promise<DemoReport> {
  const log = options.log ?? (() => undefined);
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
  const generated = generateDemoAdoption({ organizations, tools });
  const reserved = new Set(
    (await sql.query<{ id: number }>(`SELECT id FROM "Organization" WHERE siren = ANY($1::text[])`, [DEMO_ACCOUNT_SIRENS])).map((r) => r.id),
  );
  const demo = {
    deployments: generated.deployments.filter((d) => !reserved.has(d.organizationId)),
    reviews: generated.reviews.filter((r) => !reserved.has(r.organizationId)),
    charters: generated.charters.filter((c) => !reserved.has(c.organizationId)),
  };
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
  const groups = await seedDemoGroups(sql);
  // demo accounts never exist in production, even when SEED_DEMO=1 asks for demo data
  const accounts = options.accounts ? await seedDemoAccounts(sql) : 0;
  log(
    `Données de démonstration : ${report.deployments} déploiements, ${report.reviews} avis, ` +
      `${report.charters} chartes, ${groups} groupements (marqués « démonstration »), ${accounts} comptes de démonstration.`,
  );
  return report;
}

export async function hasDemoData(sql: Sql): Promise<boolean> {
  const rows = await sql.query(`SELECT 1 FROM "Deployment" WHERE "isDemo" LIMIT 1`);
  return rows.length > 0;
}

/**
 * Two demo purchasing groups, so that the Groupements screen shows pooled demand: one restricted to the member
 * communes of Grand Besançon Métropole (Besançon itself has not joined: the demo lets its DSI do it), one open to
 * the région, coordinated by Dijon Métropole.
 */
export async function seedDemoGroups(sql: Sql): Promise<number> {
  return sql.transaction(async (tx) => {
    const existing = await tx.query(`SELECT 1 FROM "PurchasingGroup" WHERE "isDemo" LIMIT 1`);
    if (existing.length) return 0;
    const groups = [
      {
        title: 'Détection des fuites sur les réseaux d’eau — communes du Grand Besançon',
        description: 'Mutualiser l’abonnement à un service d’analyse des données de sectorisation pour améliorer le rendement des réseaux d’eau potable.',
        coordinator: '242500361', tool: 'leakmited', eligibility: 'EPCI_MEMBERS', rule: 'BY_POPULATION', unit: 'INHABITANTS',
        price: '0.12', tiers: [['50000', '0.10'], ['150000', '0.08']], members: `c."epciId" = coord.id AND c.siren <> '212500565'`, count: 8,
      },
      {
        title: 'Assistant conversationnel souverain pour les agents — Bourgogne-Franche-Comté',
        description: 'Licences mutualisées d’un assistant conversationnel hébergé dans l’Union européenne pour les agents des collectivités de la région.',
        coordinator: '242100410', tool: 'le-chat-pro', eligibility: 'REGION', rule: 'BY_SEATS', unit: 'SEATS',
        price: '179.88', tiers: [['200', '160'], ['500', '140']], members: `c.kind = 'EPCI' AND c."regionCode" = coord."regionCode" AND c.id <> coord.id AND c.siren <> '242500361'`, count: 5,
      },
    ];
    for (const g of groups) {
      const [group] = await tx.query<{ id: number }>(
        `INSERT INTO "PurchasingGroup" (title, description, "toolId", "coordinatorId", status, "interestDeadline", eligibility,
            "allocationRule", "volumeUnit", "listUnitPrice", "isDemo", "updatedAt")
         SELECT $1, $2, t.id, o.id, 'OPEN', now() + interval '60 days', $3::"GroupEligibility", $4::"AllocationRule",
                $5::"VolumeUnit", $6::numeric, true, now()
           FROM "Tool" t, "Organization" o WHERE t.slug = $7 AND o.siren = $8 RETURNING id`,
        [g.title, g.description, g.eligibility, g.rule, g.unit, g.price, g.tool, g.coordinator],
      );
      if (!group) continue;
      for (const [min, price] of g.tiers) {
        await tx.query(`INSERT INTO "GroupPriceTier" ("groupId", "minVolume", "unitPrice") VALUES ($1, $2::numeric, $3::numeric)`, [group.id, min, price]);
      }
      // the largest eligible members; every other one commits, the rest are still estimating
      await tx.query(
        `INSERT INTO "GroupMembership" ("groupId", "organizationId", status, "estimatedVolume", "committedVolume", "committedAt", "updatedAt")
         SELECT $1, c.id, (CASE WHEN rn % 2 = 0 THEN 'COMMITTED' ELSE 'INTERESTED' END)::"GroupMembershipStatus", vol, 
                CASE WHEN rn % 2 = 0 THEN vol END, CASE WHEN rn % 2 = 0 THEN now() END, now()
           FROM (SELECT c.id, row_number() OVER (ORDER BY c.population DESC NULLS LAST, c.id) AS rn,
                        (CASE WHEN $2 = 'SEATS' THEN greatest(5, round(coalesce(c.population, 0) / 2000.0)) ELSE coalesce(c.population, 0) END) AS vol
                   FROM "Organization" c, "Organization" coord WHERE coord.siren = $3 AND ${g.members}
                  ORDER BY c.population DESC NULLS LAST, c.id LIMIT $4) c`,
        [group.id, g.unit, g.coordinator, g.count],
      );
    }
    return groups.length;
  });
}
