// The set-based statements of the national-scale dataset. Every choice comes from pg_temp.h(n, salt), a deterministic
// number in [0, 1) (integer hashing modulo 2^32): the same rows on every run. Candidates are drawn into temporary
// tables first (duplicates and already-seeded pairs removed, then exactly the needed count kept, in draw order), and
// inserted in that order so that ids are deterministic too. Tool popularity is skewed (index = n × u²): the first
// tools (the sourced catalogue) are the most deployed and reviewed, as real ones would be.

/** The e-mail of the generated agent of an organization (author of its generated deployments and reviews). */
export const AGENT_EMAIL = (organizationId: number | string) => `agent.${organizationId}@banc-essai.mutualis.test`;

export const SETUP_SQL = `
CREATE FUNCTION pg_temp.h(x bigint, salt int) RETURNS double precision IMMUTABLE LANGUAGE sql AS $$
  SELECT ((((((x + salt::bigint * 7919) % 4294967296) * 1103515245 + 12345) % 4294967296) # 2166136261) * 16777619 % 4294967296
          # (((x * 40503 + salt) % 4294967296) >> 7))::double precision / 4294967296
$$;
CREATE FUNCTION pg_temp.pick(options text[], u double precision) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT options[1 + floor(u * cardinality(options))::int]
$$;
CREATE FUNCTION pg_temp.day(u double precision, first date, days int) RETURNS timestamp IMMUTABLE LANGUAGE sql AS $$
  SELECT first::timestamp + floor(u * days)::int * interval '1 day'
$$;`;

/** Inserts one agent per organization of the candidate table that has none yet. */
export const USERS_SQL = (candidates: string) => `
INSERT INTO "User" (email, name, "organizationId", roles, "membershipStatus", "isDemo", "createdAt", "updatedAt")
SELECT 'agent.' || o.id || '@banc-essai.mutualis.test', 'Agent de ' || o.name, o.id, ARRAY['MEMBER']::"Role"[], 'APPROVED', true,
       timestamp '2023-01-01', timestamp '2023-01-01'
  FROM "Organization" o WHERE o.id IN (SELECT DISTINCT org FROM ${candidates})
 ORDER BY o.id
ON CONFLICT (email) DO NOTHING`;

/** $1 draws, $2 organizations, $3 tools, $4 wanted. */
const PAIRS = (salt: number, offset: number, existing: string, exclude = '') => `
WITH draws AS (
  SELECT g + ${offset} AS g, o.id AS org, t.id AS tool
    FROM generate_series(0, $1::int - 1) g
    JOIN bench_org o ON o.idx = floor(pg_temp.h(g + ${offset}, ${salt}) * $2::int)::int
    JOIN bench_tool t ON t.idx = floor(power(pg_temp.h(g + ${offset}, ${salt + 1}), 2) * $3::int)::int
), firsts AS (
  SELECT DISTINCT ON (org, tool) g, org, tool FROM draws ORDER BY org, tool, g
)
SELECT f.g, f.org, f.tool FROM firsts f
 WHERE NOT EXISTS (SELECT 1 FROM "${existing}" x WHERE x."organizationId" = f.org AND x."toolId" = f.tool) ${exclude}
 ORDER BY f.g LIMIT $4::int`;

export const DEPLOYMENT_SQL = {
  candidates: `CREATE TEMP TABLE bench_dep AS ${PAIRS(1, 0, 'Deployment')}`,
  insert: `
INSERT INTO "Deployment" ("organizationId", "toolId", status, service, "startDate", "endDate", users, "monthlyRequests", "annualCost",
                          "procurementRoute", "abandonReason", "createdById", "isDemo", "createdAt", "updatedAt")
SELECT c.org, c.tool, s.status::"DeploymentStatus",
       pg_temp.pick(ARRAY['Accueil et relation usagers', 'Direction des systèmes d’information', 'Ressources humaines', 'Services techniques',
                          'Urbanisme', 'Communication', 'Finances et achats'], pg_temp.h(c.g, 5)),
       s.started,
       CASE WHEN s.status = 'ABANDONED' THEN s.started + (30 + floor(pg_temp.h(c.g, 6) * 300)::int) * interval '1 day' END,
       CASE WHEN s.status IN ('PILOT', 'PRODUCTION') THEN 1 + floor(power(pg_temp.h(c.g, 7), 2) * 400)::int END,
       CASE WHEN pg_temp.h(c.g, 8) < 0.6 THEN 100 + floor(pg_temp.h(c.g, 9) * 50000)::int END,
       CASE WHEN s.status IN ('PILOT', 'PRODUCTION') AND pg_temp.h(c.g, 10) < 0.8 THEN round((power(pg_temp.h(c.g, 11), 2) * 80000)::numeric, 2) END,
       CASE WHEN s.status <> 'EXPLORING' THEN pg_temp.pick(ARRAY['DIRECT', 'UGAP', 'FRAMEWORK', 'TENDER', 'DIRECT'], pg_temp.h(c.g, 12))::"ProcurementRoute" END,
       CASE WHEN s.status = 'ABANDONED' THEN pg_temp.pick(ARRAY['Coût trop élevé pour le service rendu.', 'Résultats insuffisants en français.',
                          'Hébergement hors de l’Union européenne.', 'Remplacé par un outil mutualisé.'], pg_temp.h(c.g, 13)) END,
       u.id, true, s.started, s.started + floor(pg_temp.h(c.g, 14) * 10368000)::int * interval '1 second'
  FROM bench_dep c
  JOIN "User" u ON u.email = 'agent.' || c.org || '@banc-essai.mutualis.test'
 CROSS JOIN LATERAL (
   SELECT CASE WHEN pg_temp.h(c.g, 3) < 0.2 THEN 'EXPLORING' WHEN pg_temp.h(c.g, 3) < 0.45 THEN 'PILOT'
               WHEN pg_temp.h(c.g, 3) < 0.9 THEN 'PRODUCTION' ELSE 'ABANDONED' END AS status,
          pg_temp.day(pg_temp.h(c.g, 4), '2023-01-01', 880) AS started) s
 ORDER BY c.g`,
};

const RATING = (g: string, salt: number) =>
  `CASE WHEN pg_temp.h(${g}, 23) < 0.7 THEN least(5, greatest(1, s.rating + round((pg_temp.h(${g}, ${salt}) - 0.5) * 2.4)::int)) END`;

export const REVIEW_SQL = {
  /** $1 wanted: reviews of organizations that pilot, run or abandoned the tool. */
  verified: `
CREATE TEMP TABLE bench_rev AS
SELECT d.id::bigint AS g, d."organizationId" AS org, d."toolId" AS tool
  FROM "Deployment" d
 WHERE d.status IN ('PILOT', 'PRODUCTION', 'ABANDONED')
   AND NOT EXISTS (SELECT 1 FROM "Review" r WHERE r."organizationId" = d."organizationId" AND r."toolId" = d."toolId")
 ORDER BY pg_temp.h(d.id, 15), d.id LIMIT $1::int`,
  /** The others: any organization, any tool (an exploring one is not verified). */
  others: `INSERT INTO bench_rev ${PAIRS(16, 10_000_000, 'Review', 'AND NOT EXISTS (SELECT 1 FROM bench_rev b WHERE b.org = f.org AND b.tool = f.tool)')}`,
  insert: `
INSERT INTO "Review" ("toolId", "organizationId", "authorId", rating, "ratingEaseOfUse", "ratingOutputQuality", "ratingSupport",
                      "ratingDataProtection", "ratingValueForMoney", "ratingAccessibility", title, body, pros, cons,
                      "moderationStatus", "moderationReason", "helpfulCount", "isDemo", "createdAt", "updatedAt")
SELECT c.tool, c.org, u.id, s.rating, ${RATING('c.g', 24)}, ${RATING('c.g', 25)}, ${RATING('c.g', 26)}, ${RATING('c.g', 27)},
       ${RATING('c.g', 28)}, ${RATING('c.g', 29)},
       (ARRAY['Décevant pour nos services', 'Des limites importantes', 'Correct, sans plus', 'Un bon outil au quotidien',
              'Indispensable pour nos agents'])[s.rating],
       pg_temp.pick(ARRAY[
         'Nous l’utilisons depuis plusieurs mois dans nos services ; la prise en main a demandé une courte formation des agents.',
         'Mis en place après une expérimentation de trois mois avec deux services pilotes, puis étendu à toute la collectivité.',
         'Les résultats sont bons en français ; l’intégration avec nos logiciels métiers a demandé l’aide de notre prestataire.',
         'Outil choisi dans le cadre d’un groupement de commandes ; le support répond vite et la documentation est claire.',
         'Les agents gagnent du temps sur les tâches répétitives, mais il faut relire systématiquement ce qui est produit.'], pg_temp.h(c.g, 30)),
       CASE WHEN pg_temp.h(c.g, 31) < 0.6 THEN pg_temp.pick(ARRAY['Gain de temps', 'Hébergement en France', 'Bonne qualité en français', 'Prix lisible'], pg_temp.h(c.g, 32)) END,
       CASE WHEN pg_temp.h(c.g, 33) < 0.5 THEN pg_temp.pick(ARRAY['Coût élevé', 'Peu de connecteurs', 'Accessibilité à améliorer', 'Support en anglais'], pg_temp.h(c.g, 34)) END,
       CASE WHEN pg_temp.h(c.g, 35) < 0.04 THEN 'HIDDEN' ELSE 'VISIBLE' END::"ModerationStatus",
       CASE WHEN pg_temp.h(c.g, 35) < 0.04 THEN 'Propos hors sujet (données de démonstration).' END,
       0, true, s.created, s.created + CASE WHEN pg_temp.h(c.g, 36) < 0.2 THEN floor(pg_temp.h(c.g, 37) * 5184000)::int ELSE 0 END * interval '1 second'
  FROM bench_rev c
  JOIN "User" u ON u.email = 'agent.' || c.org || '@banc-essai.mutualis.test'
 CROSS JOIN LATERAL (
   SELECT least(5, greatest(1, round(2.6 + 2.2 * pg_temp.h(c.tool, 21) + (pg_temp.h(c.g, 22) - 0.5) * 3)::int)) AS rating,
          timestamp '2023-03-01' + floor(pg_temp.h(c.g, 38) * 73440000)::int * interval '1 second' AS created) s
 ORDER BY c.g`,
};

export const GROUP_SQL = {
  /** $1 groups, $2 tools: coordinated by an EPCI or a département, three in four on a catalogue tool. */
  insert: `
WITH coord AS (
  SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id FROM bench_org WHERE kind IN ('EPCI', 'DEPARTEMENT')
), cats AS (
  SELECT (row_number() OVER (ORDER BY position, id) - 1)::int AS idx, id, name FROM "Category"
)
INSERT INTO "PurchasingGroup" (title, description, "toolId", "categoryId", "coordinatorId", status, "interestDeadline", eligibility,
                               "allocationRule", "volumeUnit", "listUnitPrice", "basePlanId", "cancelReason", "awardedProviderId",
                               "awardedPlanId", "awardedUnitPrice", "awardedAt", version, "isDemo", "createdAt", "updatedAt")
SELECT 'Groupement ' || (g + 1) || ' — ' || coalesce(t.name, cat.name), 'Groupement de commandes généré pour le banc d’essai (données de démonstration).',
       t.id, coalesce(t."categoryId", cat.id), c.id, s.status::"GroupStatus", s.created + interval '60 days',
       pg_temp.pick(ARRAY['ALL', 'ALL', 'ALL', 'DEPARTEMENT', 'REGION'], pg_temp.h(g, 44))::"GroupEligibility",
       pg_temp.pick(ARRAY['BY_POPULATION', 'BY_SEATS', 'BY_USAGE', 'EQUAL'], pg_temp.h(g, 45))::"AllocationRule",
       pg_temp.pick(ARRAY['SEATS', 'SEATS', 'REQUESTS', 'INHABITANTS'], pg_temp.h(g, 46))::"VolumeUnit",
       coalesce(p."unitPrice", round((5 + pg_temp.h(g, 47) * 40)::numeric, 2)), p.id,
       CASE WHEN s.status = 'CANCELLED' THEN 'Besoin couvert par un marché existant.' END,
       CASE WHEN s.status = 'AWARDED' THEN t."providerId" END, CASE WHEN s.status = 'AWARDED' THEN p.id END,
       CASE WHEN s.status = 'AWARDED' THEN round(coalesce(p."unitPrice", 10) * 0.85, 6) END,
       CASE WHEN s.status = 'AWARDED' THEN s.created + interval '90 days' END,
       0, true, s.created, s.created + interval '1 day'
  FROM generate_series(0, $1::int - 1) g
  JOIN coord c ON c.idx = floor(pg_temp.h(g, 40) * (SELECT count(*) FROM coord))::int
  JOIN cats cat ON cat.idx = floor(pg_temp.h(g, 41) * (SELECT count(*) FROM cats))::int
  LEFT JOIN LATERAL (SELECT bt.id, bt."categoryId", bt."providerId", tt.name FROM bench_tool bt JOIN "Tool" tt ON tt.id = bt.id
                      WHERE pg_temp.h(g, 42) < 0.75 AND bt.idx = floor(power(pg_temp.h(g, 43), 2) * $2::int)::int) t ON true
  LEFT JOIN LATERAL (SELECT pp.id, pp."unitPrice" FROM "PricingPlan" pp WHERE pp."toolId" = t.id AND pp."archivedAt" IS NULL ORDER BY pp.id LIMIT 1) p ON true
 CROSS JOIN LATERAL (
   SELECT CASE WHEN pg_temp.h(g, 48) < 0.1 THEN 'DRAFT' WHEN pg_temp.h(g, 48) < 0.6 THEN 'OPEN' WHEN pg_temp.h(g, 48) < 0.75 THEN 'CLOSED'
               WHEN (pg_temp.h(g, 48) < 0.95 AND t.id IS NOT NULL) THEN 'AWARDED' ELSE 'CANCELLED' END AS status,
          pg_temp.day(pg_temp.h(g, 49), '2023-06-01', 700) AS created) s
 ORDER BY g`,
  /** $1 the last group id before, $2 memberships, $3 organizations: member k of group j is organization (7919 j + 104729 k) mod n. */
  memberships: `
WITH groups AS (SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id, "createdAt" FROM "PurchasingGroup" WHERE id > $1::int),
     n AS (SELECT count(*)::int AS n FROM groups)
INSERT INTO "GroupMembership" ("groupId", "organizationId", status, "estimatedVolume", "committedVolume", "joinedAt", "committedAt",
                               "withdrawnAt", "updatedAt")
SELECT gr.id, o.id, s.status::"GroupMembershipStatus", s.volume, CASE WHEN s.status = 'COMMITTED' THEN s.volume END,
       gr."createdAt" + interval '2 days', CASE WHEN s.status = 'COMMITTED' THEN gr."createdAt" + interval '20 days' END,
       CASE WHEN s.status = 'WITHDRAWN' THEN gr."createdAt" + interval '30 days' END, gr."createdAt" + interval '30 days'
  FROM n CROSS JOIN LATERAL generate_series(0, CASE WHEN n.n = 0 THEN -1 ELSE $2::int - 1 END) i
  JOIN groups gr ON gr.idx = i % n.n
  JOIN bench_org o ON o.idx = ((i % n.n)::bigint * 7919 + (i / n.n)::bigint * 104729) % $3::int
 CROSS JOIN LATERAL (
   SELECT CASE WHEN pg_temp.h(i, 50) < 0.45 THEN 'INTERESTED' WHEN pg_temp.h(i, 50) < 0.9 THEN 'COMMITTED' ELSE 'WITHDRAWN' END AS status,
          (10 + floor(pg_temp.h(i, 51) * 500))::numeric(16, 2) AS volume) s
 ORDER BY i`,
};
