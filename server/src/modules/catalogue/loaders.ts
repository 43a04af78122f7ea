import { Prisma, type Tool } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { DEFAULT_DIRECTION, EU_COUNTRIES, sortFacets, type CatalogueFacets, type CatalogueOrder, type CatalogueQuery } from './rules.ts';
import { referenceCost } from './service/reference-cost.ts';

// The catalogue in SQL: filters, search, order and page are the database's work, on one ToolStats row per tool
// (figures kept up to date by triggers), so that a page reads its tools only, whatever the number of reviews and
// deployments. A search word must start a word of the tool's search text (the trigram index finds the candidates);
// it weighs 10 in the name, 6 in the provider's name, 4 in the category's, 2 in the description.

type Dimension = 'categories' | 'hostingCountries' | 'aiActRiskTiers';

/** The tables a query reads: ToolStats for its figures, Provider and Category names for a search's relevance. */
function from(query: CatalogueQuery): Prisma.Sql {
  const stats = query.filter?.minRating != null || ['RATING', 'ADOPTION', 'PRICE'].includes(query.order.field);
  return Prisma.sql`FROM "Tool" t JOIN "Category" c ON c.id = t."categoryId"
    ${query.tokens.length ? Prisma.sql`JOIN "Provider" p ON p.id = t."providerId"` : Prisma.empty}
    ${stats ? Prisma.sql`JOIN "ToolStats" s ON s."toolId" = t.id` : Prisma.empty}`;
}

/** The criteria every facet shares (archive, search words, qualities, rating). */
function common(query: CatalogueQuery): Prisma.Sql[] {
  const filter = query.filter ?? {};
  const where = [Prisma.sql`t."archivedAt" IS NULL`];
  for (const token of query.tokens) {
    // the first test can use the trigram index, the second keeps whole-word prefixes only
    where.push(Prisma.sql`t."searchText" LIKE ${`%${token}%`} AND (' ' || t."searchText") LIKE ${`% ${token}%`}`);
  }
  if (filter.secNumCloud) where.push(Prisma.sql`t."secNumCloud"`);
  if (filter.openSource) where.push(Prisma.sql`t."openSourceLicense" IS NOT NULL`);
  if (filter.provider) where.push(Prisma.sql`t."providerId" = (SELECT id FROM "Provider" WHERE slug = ${filter.provider})`);
  if (filter.minRating != null) where.push(Prisma.sql`s."ratingAverage" >= ${filter.minRating}::numeric`);
  return where;
}

/** The criterion of one facet's dimension, or null when the query has none. */
function criterion(query: CatalogueQuery, dimension: Dimension): Prisma.Sql | null {
  const filter = query.filter ?? {};
  switch (dimension) {
    case 'categories':
      return filter.categories?.length ? Prisma.sql`c.slug = ANY(${[...filter.categories]}::text[])` : null;
    case 'hostingCountries': {
      const parts = [
        // UNKNOWN selects the tools whose hosting country is not provided, as the facet counts them
        ...(filter.hostingCountries?.length ? [Prisma.sql`coalesce(t."hostingCountry", 'UNKNOWN') = ANY(${[...filter.hostingCountries]}::text[])`] : []),
        // an unknown hosting country is not "hosted in the EU", unless asked for with it
        ...(filter.euHostedOnly
          ? [Prisma.sql`(t."hostingCountry" = ANY(${[...EU_COUNTRIES]}::text[])${filter.includeUnknownHosting ? Prisma.sql` OR t."hostingCountry" IS NULL` : Prisma.empty})`]
          : []),
      ];
      return parts.length ? Prisma.join(parts, ' AND ') : null;
    }
    case 'aiActRiskTiers':
      return filter.aiActRiskTiers?.length ? Prisma.sql`t."aiActRiskTier"::text = ANY(${[...filter.aiActRiskTiers]}::text[])` : null;
  }
}

const DIMENSIONS: Dimension[] = ['categories', 'hostingCountries', 'aiActRiskTiers'];

/** Every criterion of a query. */
function conditions(query: CatalogueQuery): Prisma.Sql[] {
  return [...common(query), ...DIMENSIONS.flatMap((dimension) => criterion(query, dimension) ?? [])];
}

const whereOf = (parts: Prisma.Sql[]) => Prisma.sql`WHERE ${Prisma.join(parts, ' AND ')}`;

/** Relevance of each matched tool: the weight of the best field of each search word, summed. */
function relevance(tokens: readonly string[]): Prisma.Sql {
  if (tokens.length === 0) return Prisma.sql`1`;
  const found = (column: Prisma.Sql) => Prisma.sql`(' ' || mutualis_normalize(${column})) LIKE '% ' || w.token || '%'`;
  return Prisma.sql`(SELECT sum(CASE WHEN ${found(Prisma.sql`t.name`)} THEN 10 WHEN ${found(Prisma.sql`p.name`)} THEN 6
      WHEN ${found(Prisma.sql`c.name`)} THEN 4 ELSE 2 END) FROM unnest(${[...tokens]}::text[]) AS w(token))`;
}

/** ORDER BY of a query: unknown ratings and prices last in both directions, then by name (accents ignored), then id. */
function orderBy(order: CatalogueOrder): Prisma.Sql {
  const direction = Prisma.raw((order.direction ?? DEFAULT_DIRECTION[order.field]) === 'DESC' ? 'DESC' : 'ASC');
  const byName = Prisma.sql`t."sortName", t.id`;
  switch (order.field) {
    case 'RELEVANCE':
      return Prisma.sql`score ${direction}, ${byName}`;
    case 'NAME':
      return Prisma.sql`t."sortName" ${direction}, t.id ${direction}`;
    case 'RATING':
      return Prisma.sql`s."ratingAverage" ${direction} NULLS LAST, ${byName}`;
    case 'ADOPTION':
      return Prisma.sql`s."adoptionCount" ${direction}, ${byName}`;
    case 'PRICE':
      return Prisma.sql`s."referencePrice" ${direction} NULLS LAST, ${byName}`;
  }
}

/** The ids of one page of the catalogue, in order, and how many tools match: one statement (two past the end). */
export async function loadCataloguePage(ctx: Context, query: CatalogueQuery, page: { offset: number; limit: number }) {
  if (query.order.field === 'PRICE') await refreshReferencePrices(ctx);
  const rows = await ctx.prisma.$queryRaw<{ id: number; total: number }[]>`
    SELECT t.id, count(*) OVER ()::int AS total, ${relevance(query.tokens)} AS score
      ${from(query)} ${whereOf(conditions(query))}
     ORDER BY ${orderBy(query.order)} OFFSET ${page.offset} LIMIT ${page.limit}`;
  const totalCount = rows[0]?.total ?? (page.offset > 0 ? await countCatalogue(ctx, query) : 0);
  return { ids: rows.map((row) => row.id), totalCount };
}

async function countCatalogue(ctx: Context, query: CatalogueQuery): Promise<number> {
  const [row] = await ctx.prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count ${from(query)} ${whereOf(conditions(query))}`;
  return row?.count ?? 0;
}

/**
 * The three facets in one statement and one scan: each counts the tools that pass every criterion but its own
 * dimension's (grouping sets, one count filtered per dimension).
 */
export async function loadCatalogueFacets(ctx: Context, query: CatalogueQuery): Promise<CatalogueFacets> {
  const passes = (dimension: Dimension) => criterion(query, dimension) ?? Prisma.sql`true`;
  const others = (dimension: Dimension) => Prisma.join(DIMENSIONS.filter((d) => d !== dimension).map((d) => Prisma.sql`"${Prisma.raw(d)}"`), ' AND ');
  const rows = await ctx.prisma.$queryRaw<{ category: string | null; country: string | null; tier: string | null; counts: number[] }[]>`
    SELECT category, country, tier,
           ARRAY[count(*) FILTER (WHERE ${others('categories')}), count(*) FILTER (WHERE ${others('hostingCountries')}),
                 count(*) FILTER (WHERE ${others('aiActRiskTiers')})]::int[] AS counts
      FROM (SELECT c.slug AS category, coalesce(t."hostingCountry", 'UNKNOWN') AS country,
                   coalesce(t."aiActRiskTier"::text, 'UNKNOWN') AS tier, ${passes('categories')} AS "categories",
                   ${passes('hostingCountries')} AS "hostingCountries", ${passes('aiActRiskTiers')} AS "aiActRiskTiers"
              ${from(query)} ${whereOf(common(query))}) x
     GROUP BY GROUPING SETS ((category), (country), (tier))`;
  const of = (index: number, key: 'category' | 'country' | 'tier') =>
    sortFacets(rows.filter((row) => row[key] !== null && row.counts[index]! > 0).map((row) => ({ value: row[key]!, count: row.counts[index]! })));
  return { categories: of(0, 'category'), hostingCountries: of(1, 'country'), aiActRiskTiers: of(2, 'tier') };
}

/**
 * Works out the reference price (PRICE order) of the tools whose plans changed since: the triggers on plans and
 * tiers mark them, service/reference-cost.ts prices them. Rows locked by a concurrent refresh are
 * skipped (it does the same work); a plan changed meanwhile marks its tool again.
 */
export async function refreshReferencePrices(ctx: Context): Promise<void> {
  const [stale] = await ctx.prisma.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "ToolStats" WHERE "referencePriceStale") AS any`;
  if (!stale?.any) return;
  await ctx.prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ toolId: number }[]>`
      SELECT "toolId" FROM "ToolStats" WHERE "referencePriceStale" ORDER BY "toolId" FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return;
    const toolIds = locked.map((row) => row.toolId);
    const plans = await tx.pricingPlan.findMany({ where: { toolId: { in: toolIds }, archivedAt: null }, include: { tiers: true } });
    const prices = toolIds.map((toolId) => referenceCost(plans.filter((plan) => plan.toolId === toolId))?.perYear ?? null);
    await tx.$executeRaw`
      UPDATE "ToolStats" s SET "referencePrice" = x.price::numeric, "referencePriceStale" = false
        FROM unnest(${toolIds}::int[], ${prices}::text[]) AS x("toolId", price) WHERE s."toolId" = x."toolId"`;
  });
}

/** The tools of a page, in the order of `ids`, with the GraphQL selection planned into this one query. */
export async function toolsInOrder(ctx: Context, ids: number[], query: { include?: Prisma.ToolInclude; select?: Prisma.ToolSelect }): Promise<Tool[]> {
  if (ids.length === 0) return [];
  const tools = await ctx.prisma.tool.findMany({ ...query, where: { id: { in: ids } } });
  const byId = new Map(tools.map((tool) => [tool.id, tool]));
  return ids.map((id) => byId.get(id)!);
}
