import { Prisma } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { MARK_START, MARK_STOP } from './rules.ts';

// The library's search in SQL, the same on PostgreSQL and PGlite: websearch_to_tsquery('french', …) against the
// tsvector the triggers keep (title A, summary B, current version's text C; GIN index), ranked by ts_rank_cd, the
// page's excerpts only by ts_headline (it parses the text again, so never for rows outside the page).

export interface DocumentSearch {
  query: string | null;
  type?: string | null;
  licence?: string | null;
  toolSlug?: string | null;
  categorySlug?: string | null;
}

export interface SearchRow {
  id: number;
  rank: number | null;
  headline: string | null;
}

const tsquery = (query: string) => Prisma.sql`websearch_to_tsquery('french', ${query})`;

function conditions(search: DocumentSearch): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (search.query) where.push(Prisma.sql`d."searchVector" @@ ${tsquery(search.query)}`);
  if (search.type) where.push(Prisma.sql`d."type"::text = ${search.type}`);
  if (search.licence) where.push(Prisma.sql`d."licence"::text = ${search.licence}`);
  if (search.toolSlug) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "DocumentTool" dt JOIN "Tool" t ON t.id = dt."toolId" WHERE dt."documentId" = d.id AND t.slug = ${search.toolSlug})`);
  }
  if (search.categorySlug) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "DocumentCategory" dc JOIN "Category" c ON c.id = dc."categoryId" WHERE dc."documentId" = d.id AND c.slug = ${search.categorySlug})`,
    );
  }
  return Prisma.join(where, ' AND ');
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** One page of documents: by relevance for a search, else the newest first. */
export async function searchDocuments(ctx: Context, search: DocumentSearch, limit: number, offset: number): Promise<SearchRow[]> {
  const where = conditions(search);
  if (!search.query) {
    return ctx.prisma.$queryRaw<SearchRow[]>(Prisma.sql`
      SELECT d.id, NULL::float8 AS rank, NULL::text AS headline FROM "Document" d
      WHERE ${where} ORDER BY coalesce(d."documentDate", d."createdAt"::date) DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`);
  }
  const q = tsquery(search.query);
  return ctx.prisma.$queryRaw<SearchRow[]>(Prisma.sql`
    WITH page AS (
      SELECT d.id, d.summary, ts_rank_cd(d."searchVector", ${q})::float8 AS rank FROM "Document" d
      WHERE ${where} ORDER BY rank DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}
    )
    SELECT page.id, page.rank,
      ts_headline('french', page.summary || E'\n' || coalesce(left(v."text", 200000), ''), ${q}, ${HEADLINE_OPTIONS}) AS headline
    FROM page LEFT JOIN LATERAL (
      SELECT dv."text" FROM "DocumentVersion" dv WHERE dv."documentId" = page.id ORDER BY dv."number" DESC LIMIT 1
    ) v ON TRUE
    ORDER BY page.rank DESC, page.id DESC`);
}

export async function countDocuments(ctx: Context, search: DocumentSearch): Promise<number> {
  const [row] = await ctx.prisma.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM "Document" d WHERE ${conditions(search)}`);
  return row?.n ?? 0;
}

/** How many organizations marked each document reused, for a page of documents at once. */
export async function reuseCounts(ctx: Context, ids: readonly number[]): Promise<{ id: number; count: number }[]> {
  return ctx.prisma.$queryRaw<{ id: number; count: number }[]>(Prisma.sql`
    SELECT "documentId" AS id, count(*)::int AS count FROM "DocumentReuse" WHERE "documentId" = ANY(${[...ids]}::int[]) GROUP BY "documentId"`);
}

/** Adds one download to a document's count (a single statement: concurrent downloads all count). */
export async function countDownload(ctx: Pick<Context, 'prisma'>, documentId: number): Promise<void> {
  await ctx.prisma.$executeRaw(Prisma.sql`UPDATE "Document" SET "downloadCount" = "downloadCount" + 1 WHERE id = ${documentId}`);
}
