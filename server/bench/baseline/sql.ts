// The hand-written baseline's statements: one SQL statement per request, building the exact JSON of the GraphQL
// answer (json_build_object / json_agg) from the base tables. What the API prints, written out: global IDs are
// base64("Type:id"); Decimal is the shortest form of the number (trim_scale), euro amounts keep two decimals; Date is
// YYYY-MM-DD and DateTime ISO 8601 in UTC with milliseconds; rating averages are round(avg, 2) as text. The catalogue's
// default order is French, accent- and case-insensitive (server/src/modules/catalogue/rules.ts, localeCompare('fr',
// { sensitivity: 'base' })), ties by id: the ICU collation bench_fr_base (fr, level 1) that the baseline creates.

export const COLLATION_SQL = `CREATE COLLATION IF NOT EXISTS bench_fr_base (provider = icu, locale = 'fr-u-ks-level1', deterministic = false)`;

const gid = (type: string, id: string) => `encode(convert_to('${type}:' || ${id}, 'UTF8'), 'base64')`;
const dec = (x: string) => `trim_scale(${x})::text`;
const day = (x: string) => `to_char(${x}, 'YYYY-MM-DD')`;
const instant = (x: string) => `to_char(${x}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const avg2 = (x: string) => `round(avg(${x}), 2)::text`;
const list = (expr: string, from: string, order: string) => `coalesce((SELECT json_agg(${expr} ORDER BY ${order}) FROM ${from}), '[]'::json)`;
const byName = (t: string) => `${t}.name COLLATE bench_fr_base, ${t}.id`;

/** The accent-free, lower-case form of normalizeSearch (@mutualis/db/text), for French text. */
const norm = (x: string) =>
  `btrim(regexp_replace(translate(replace(replace(lower(${x}), 'œ', 'oe'), 'æ', 'ae'), 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy'), '[^a-z0-9]+', ' ', 'g'))`;

const ratingsOf = (tool: string) => `(SELECT json_build_object('count', count(*)::int, 'average', ${avg2('r.rating')})
   FROM "Review" r WHERE r."toolId" = ${tool} AND r."moderationStatus" = 'VISIBLE')`;
const adoptionTotal = (tool: string) => `(SELECT json_build_object('total', count(*)::int) FROM "Deployment" d WHERE d."toolId" = ${tool})`;
const provider = (fields: string) => `(SELECT json_build_object('id', ${gid('Provider', 'p.id')}, ${fields}) FROM "Provider" p WHERE p.id = t."providerId")`;
const category = (fields: string) => `(SELECT json_build_object('id', ${gid('Category', 'c.id')}, ${fields}) FROM "Category" c WHERE c.id = t."categoryId")`;

const planFields = `'id', ${gid('PricingPlan', 'pl.id')}, 'name', pl.name, 'pricingModel', pl."pricingModel", 'unitPrice', ${dec('pl."unitPrice"')},
  'setupFee', pl."setupFee"::text, 'source', pl.source, 'sourceDate', ${day('pl."sourceDate"')}, 'isDemo', pl."isDemo"`;
const plans = (extra = '') =>
  list(`json_build_object(${planFields}${extra})`, `"PricingPlan" pl WHERE pl."toolId" = t.id AND pl."archivedAt" IS NULL`, 'pl.id');

/** Facet counts of the given rows: count desc, then value. */
const facet = (rows: string, value: string) =>
  list(`json_build_object('value', f.v, 'count', f.n)`, `(SELECT ${value} AS v, count(*)::int AS n FROM ${rows} GROUP BY 1) f`, 'f.n DESC, f.v COLLATE "C"');

/** $1 first, $2 offset: the catalogue in its default order (name). */
export const TOOLS_PAGE = `
WITH rows AS (SELECT t.id, t.name, t."categoryId", t."hostingCountry", t."aiActRiskTier" FROM "Tool" t WHERE t."archivedAt" IS NULL),
page AS (SELECT r.id, r.name FROM rows r ORDER BY ${byName('r')} LIMIT $1::int + 1 OFFSET $2::int)
SELECT json_build_object('data', json_build_object(
  'categories', ${list(`json_build_object('id', ${gid('Category', 'c.id')}, 'name', c.name, 'slug', c.slug)`, '"Category" c', 'c.position, c.id')},
  'tools', json_build_object(
    'totalCount', (SELECT count(*)::int FROM rows),
    'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM page) > $1::int),
    'facets', json_build_object(
      'categories', ${facet('rows r JOIN "Category" c ON c.id = r."categoryId"', 'c.slug')},
      'hostingCountries', ${facet('rows r', `coalesce(r."hostingCountry", 'UNKNOWN')`)},
      'aiActRiskTiers', ${facet('rows r', `coalesce(r."aiActRiskTier"::text, 'UNKNOWN')`)}),
    'edges', ${list(
      `json_build_object('node', json_build_object(
        'id', ${gid('Tool', 't.id')}, 'slug', t.slug, 'name', t.name, 'description', t.description, 'hostingCountry', t."hostingCountry",
        'aiActRiskTier', t."aiActRiskTier", 'deploymentMode', t."deploymentMode", 'declaredByProvider', t."declaredByProvider",
        'isDemo', t."isDemo", 'sourceDate', ${day('t."sourceDate"')},
        'provider', ${provider(`'name', p.name, 'country', p.country`)},
        'categoryDetails', ${category(`'name', c.name`)},
        'ratings', ${ratingsOf('t.id')}, 'adoption', ${adoptionTotal('t.id')}, 'plans', ${plans()}))`,
      '(SELECT * FROM page pg ORDER BY pg.name COLLATE bench_fr_base, pg.id LIMIT $1::int) pg JOIN "Tool" t ON t.id = pg.id',
      byName('t'),
    )})))::text AS body`;

/** $1 first (20), $2 offset: a deep page of the catalogue, fewer fields. */
export const DEEP_CURSOR = `
WITH page AS (SELECT t.id, t.name FROM "Tool" t WHERE t."archivedAt" IS NULL ORDER BY ${byName('t')} LIMIT $1::int + 1 OFFSET $2::int)
SELECT json_build_object('data', json_build_object('tools', json_build_object(
  'totalCount', (SELECT count(*)::int FROM "Tool" t WHERE t."archivedAt" IS NULL),
  'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM page) > $1::int),
  'edges', ${list(
    `json_build_object('node', json_build_object('id', ${gid('Tool', 't.id')}, 'slug', t.slug, 'name', t.name,
       'provider', ${provider(`'name', p.name`)}, 'ratings', ${ratingsOf('t.id')}, 'adoption', ${adoptionTotal('t.id')}))`,
    '(SELECT * FROM page pg ORDER BY pg.name COLLATE bench_fr_base, pg.id LIMIT $1::int) pg JOIN "Tool" t ON t.id = pg.id',
    byName('t'),
  )})))::text AS body`;

/**
 * $1 the search's tokens (searchTokens of rules.ts: normalized, stopwords out, plural-stemmed): each must start a word of
 * the name (10), the provider's name (6), the category's name (4) or the description (2); the best field of each token
 * adds up. Most relevant first, then by name. $2 the tokens as '%token%': searchText (the four fields, normalized) holds
 * each of them, a cheap first filter (that a trigram index serves, when there is one) before the fields are read.
 */
export const SEARCH_TOOLS = `
WITH scored AS (
  SELECT t.id, t.name, s.score FROM "Tool" t
    JOIN "Provider" p ON p.id = t."providerId" JOIN "Category" c ON c.id = t."categoryId"
   CROSS JOIN LATERAL (
     SELECT sum(w)::int AS score, bool_and(w > 0) AS matched FROM (
       SELECT CASE WHEN ' ' || ${norm('t.name')} LIKE '% ' || tok || '%' THEN 10
                   WHEN ' ' || ${norm('p.name')} LIKE '% ' || tok || '%' THEN 6
                   WHEN ' ' || ${norm('c.name')} LIKE '% ' || tok || '%' THEN 4
                   WHEN ' ' || ${norm('t.description')} LIKE '% ' || tok || '%' THEN 2 ELSE 0 END AS w
         FROM unnest($1::text[]) tok) x) s
   WHERE t."archivedAt" IS NULL AND t."searchText" LIKE ALL ($2::text[]) AND s.matched
), page AS (SELECT * FROM scored s ORDER BY s.score DESC, ${byName('s')} LIMIT 21)
SELECT json_build_object('data', json_build_object('tools', json_build_object(
  'totalCount', (SELECT count(*)::int FROM scored),
  'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM page) > 20),
  'edges', ${list(
    `json_build_object('node', json_build_object('id', ${gid('Tool', 't.id')}, 'slug', t.slug, 'name', t.name,
       'provider', ${provider(`'name', p.name`)}, 'categoryDetails', ${category(`'name', c.name`)}, 'ratings', ${ratingsOf('t.id')}))`,
    '(SELECT * FROM page pg ORDER BY pg.score DESC, pg.name COLLATE bench_fr_base, pg.id LIMIT 20) pg JOIN "Tool" t ON t.id = pg.id',
    'pg.score DESC, pg.name COLLATE bench_fr_base, pg.id',
  )})))::text AS body`;

const CRITERIA = [
  ['easeOfUse', 'ratingEaseOfUse'], ['outputQuality', 'ratingOutputQuality'], ['support', 'ratingSupport'],
  ['dataProtection', 'ratingDataProtection'], ['valueForMoney', 'ratingValueForMoney'], ['accessibility', 'ratingAccessibility'],
];
const verified = (r: string) =>
  `EXISTS (SELECT 1 FROM "Deployment" v WHERE v."organizationId" = ${r}."organizationId" AND v."toolId" = ${r}."toolId" AND v.status IN ('PILOT', 'PRODUCTION', 'ABANDONED'))`;

/** $1 slug, $2 reviews per page: the tool page. */
export const TOOL_BY_ID = `
SELECT json_build_object('data', json_build_object('tool', (
  SELECT json_build_object(
    'id', ${gid('Tool', 't.id')}, 'slug', t.slug, 'name', t.name, 'description', t.description, 'models', to_json(t.models),
    'openSourceLicense', t."openSourceLicense", 'deploymentMode', t."deploymentMode", 'hostingCountry', t."hostingCountry",
    'aiActRiskTier', t."aiActRiskTier", 'secNumCloud', t."secNumCloud", 'rgaaStatus', t."rgaaStatus", 'languages', to_json(t.languages),
    'website', t.website, 'declaredByProvider', t."declaredByProvider", 'isDemo', t."isDemo", 'sourceUrl', t."sourceUrl",
    'sourceDate', ${day('t."sourceDate"')},
    'provider', ${provider(`'name', p.name, 'country', p.country, 'certifications', to_json(p.certifications), 'website', p.website`)},
    'categoryDetails', ${category(`'name', c.name, 'slug', c.slug`)},
    -- verified through a join (one deployment at most per organization and tool): one hash join, not a probe per review
    'ratings', (SELECT json_build_object('count', count(*)::int,
                  'verifiedCount', (count(*) FILTER (WHERE v.status IN ('PILOT', 'PRODUCTION', 'ABANDONED')))::int,
                  'average', ${avg2('r.rating')}, ${CRITERIA.map(([field, column]) => `'${field}', ${avg2(`r."${column}"`)}`).join(', ')})
                  FROM "Review" r LEFT JOIN "Deployment" v ON v."organizationId" = r."organizationId" AND v."toolId" = t.id
                 WHERE r."toolId" = t.id AND r."moderationStatus" = 'VISIBLE'),
    'adoption', (SELECT json_build_object('total', sum(n)::int,
                   'byStatus', json_agg(json_build_object('status', s, 'count', n) ORDER BY k))
                   FROM (SELECT k, s, (SELECT count(*) FROM "Deployment" d WHERE d."toolId" = t.id AND d.status::text = s)::int AS n
                           FROM unnest(ARRAY['EXPLORING', 'PILOT', 'PRODUCTION', 'ABANDONED']) WITH ORDINALITY AS u(s, k)) a),
    'plans', ${plans(`, 'minimumQuantity', ${dec('pl."minimumQuantity"')}, 'minimumAnnualAmount', pl."minimumAnnualAmount"::text,
       'tiers', ${list(`json_build_object('minVolume', ${dec('pt."minVolume"')}, 'unitPrice', ${dec('pt."unitPrice"')})`, '"PriceTier" pt WHERE pt."planId" = pl.id', 'pt."minVolume"')}`)},
    'reviews', (SELECT json_build_object(
       'totalCount', (SELECT count(*)::int FROM "Review" r WHERE r."toolId" = t.id AND r."moderationStatus" = 'VISIBLE'),
       'pageInfo', json_build_object('hasNextPage', count(*) > $2::int),
       'edges', coalesce(json_agg(json_build_object('node', json_build_object(
         'id', ${gid('Review', 'r.id')}, 'rating', r.rating, ${CRITERIA.map(([field, column]) => `'${field}', r."${column}"`).join(', ')},
         'title', r.title, 'body', r.body, 'pros', r.pros, 'cons', r.cons,
         'authorName', (SELECT u.name FROM "User" u WHERE u.id = r."authorId"), 'verified', ${verified('r')},
         'helpfulCount', r."helpfulCount", 'isDemo', r."isDemo", 'createdAt', ${instant('r."createdAt"')}, 'updatedAt', ${instant('r."updatedAt"')},
         'organization', (SELECT json_build_object('id', ${gid('Organization', 'o.id')}, 'name', o.name, 'siren', o.siren) FROM "Organization" o WHERE o.id = r."organizationId")
       )) ORDER BY r."updatedAt" DESC, r.id DESC) FILTER (WHERE r.n <= $2::int), '[]'::json))
       FROM (SELECT r.*, row_number() OVER (ORDER BY r."updatedAt" DESC, r.id DESC) AS n FROM "Review" r
              WHERE r."toolId" = t.id AND r."moderationStatus" = 'VISIBLE' ORDER BY r."updatedAt" DESC, r.id DESC LIMIT $2::int + 1) r),
    'adopters', json_build_object(
       'totalCount', (SELECT count(*)::int FROM "Deployment" d WHERE d."toolId" = t.id),
       'edges', ${list(
         `json_build_object('node', json_build_object('id', ${gid('Deployment', 'd.id')}, 'status', d.status, 'startDate', ${day('d."startDate"')},
            'isDemo', d."isDemo", 'organization', (SELECT json_build_object('id', ${gid('Organization', 'o.id')}, 'name', o.name, 'siren', o.siren, 'kind', o.kind)
              FROM "Organization" o WHERE o.id = d."organizationId")))`,
         `(SELECT * FROM "Deployment" d WHERE d."toolId" = t.id ORDER BY d."updatedAt" DESC, d.id DESC LIMIT 20) d`,
         'd."updatedAt" DESC, d.id DESC',
       )}))
  FROM "Tool" t WHERE t.slug = $1)))::text AS body`;

/** $1 SIREN of an EPCI: its communes (alphabetical by searchName) and the last 10 deployments of each. */
export const ORGANIZATION_DEPLOYMENTS = `
SELECT json_build_object('data', json_build_object('organization', (
  SELECT json_build_object('id', ${gid('Organization', 'e.id')}, 'name', e.name, 'kind', e.kind, 'epciType', e."epciType", 'population', e.population,
    'members', json_build_object(
      'totalCount', (SELECT count(*)::int FROM "Organization" m WHERE m."epciId" = e.id),
      'edges', ${list(
        `json_build_object('node', json_build_object('id', ${gid('Organization', 'm.id')}, 'name', m.name, 'siren', m.siren, 'population', m.population,
          'deployments', json_build_object(
            'totalCount', (SELECT count(*)::int FROM "Deployment" d WHERE d."organizationId" = m.id),
            'edges', ${list(
              `json_build_object('node', json_build_object('id', ${gid('Deployment', 'd.id')}, 'status', d.status, 'service', d.service,
                 'startDate', ${day('d."startDate"')}, 'annualCost', CASE WHEN d."annualCostPublic" THEN d."annualCost"::text END, 'isDemo', d."isDemo",
                 'tool', (SELECT json_build_object('id', ${gid('Tool', 't.id')}, 'slug', t.slug, 'name', t.name) FROM "Tool" t WHERE t.id = d."toolId")))`,
              `(SELECT * FROM "Deployment" d WHERE d."organizationId" = m.id ORDER BY d."updatedAt" DESC, d.id DESC LIMIT 10) d`,
              'd."updatedAt" DESC, d.id DESC',
            )})))`,
        `(SELECT * FROM "Organization" m WHERE m."epciId" = e.id ORDER BY m."searchName", m.id LIMIT 100) m`,
        'm."searchName", m.id',
      )}))
  FROM "Organization" e WHERE e.siren = $1)))::text AS body`;

/** $1 '%first word%', $2 every word as '%word%' (normalized): each must appear in searchName; the most populated first. */
export const DIRECTORY = `
WITH found AS (
  SELECT o.*,
         CASE WHEN o."searchName" = $3 THEN 0 WHEN o."searchName" LIKE $4 THEN 1 WHEN (' ' || o."searchName") LIKE $5 THEN 2 ELSE 3 END AS r,
         COALESCE(CASE WHEN o.kind = 'EPCI' THEN o."populationTotale" ELSE o.population END, -1) AS p
    FROM "Organization" o WHERE o."searchName" LIKE $1 AND o."searchName" LIKE ALL ($2::text[])),
page AS (SELECT * FROM found f ORDER BY f.r, f.p DESC, f.id LIMIT 51)
SELECT json_build_object('data', json_build_object('organizations', json_build_object(
  'totalCount', (SELECT count(*)::int FROM found),
  'pageInfo', json_build_object('hasNextPage', (SELECT count(*) FROM page) > 50),
  'edges', ${list(
    `json_build_object('node', json_build_object('id', ${gid('Organization', 'o.id')}, 'name', o.name, 'siren', o.siren, 'kind', o.kind,
       'epciType', o."epciType", 'population', o.population, 'departementCode', o."departementCode"))`,
    '(SELECT * FROM page p ORDER BY p.r, p.p DESC, p.id LIMIT 50) o',
    'o.r, o.p DESC, o.id',
  )})))::text AS body`;
