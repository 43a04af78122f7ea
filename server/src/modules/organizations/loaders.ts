import { Prisma } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { FUZZY_MIN_LENGTH, FUZZY_SIMILARITY, type OrganizationSearch } from './rules.ts';

// The ranked search of collectivités, in SQL: the trigram index on searchName finds the candidates (LIKE '%…%', or
// the similarity operator % for a typo), a rank expression orders them, then the population (an EPCI's total
// population) among names of the same rank, then the id; a page is the LIMIT after a cursor row of the same order.

export interface DirectoryColumns {
  kind?: string | null;
  epciType?: string | null;
  departement?: string | null;
  region?: string | null;
}

/** The directory's other filters, as SQL conditions. */
function filterSql(filter: DirectoryColumns): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter.kind) where.push(Prisma.sql`o.kind = ${filter.kind}::"OrganizationKind"`);
  if (filter.epciType) where.push(Prisma.sql`o."epciType" = ${filter.epciType}::"EpciType"`);
  if (filter.departement) where.push(Prisma.sql`o."departementCode" = ${filter.departement.toUpperCase()}`);
  if (filter.region) where.push(Prisma.sql`o."regionCode" = ${filter.region}`);
  return where;
}

/** Every word of the phrase somewhere in the name. */
const allWords = (words: string[]) => Prisma.join(words.map((word) => Prisma.sql`o."searchName" LIKE ${`%${word}%`}`), ' AND ');

/**
 * Which rows a search finds: the SIREN, the commune of an INSEE code, the names holding every word of the phrase or,
 * when none does (a typo: « bezancon »), the names that look like it. Similarity is computed on thousands of
 * candidates (70 ms on 36,000 names), so it is the fallback only, decided by one indexed EXISTS.
 */
async function matchSql(ctx: Context, filter: DirectoryColumns, search: OrganizationSearch): Promise<Prisma.Sql> {
  if (search.by === 'siren') return Prisma.sql`o.siren = ${search.value}`;
  if (search.by === 'insee') return Prisma.sql`o.kind = 'COMMUNE' AND o.code = ${search.value}`;
  const words = Prisma.sql`(${allWords(search.words)})`;
  if (search.phrase.length < FUZZY_MIN_LENGTH) return words;
  const [found] = await ctx.prisma.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Organization" o WHERE ${Prisma.join([...filterSql(filter), words], ' AND ')}) AS found`;
  // % (similarity above 0.3) lets the index find the candidates; 0.5 keeps typos but not mere look-alikes
  return found?.found ? words : Prisma.sql`(o."searchName" % ${search.phrase} AND similarity(o."searchName", ${search.phrase}) >= ${FUZZY_SIMILARITY})`;
}

/** The conditions of a search, decided once per request (the page and its totalCount share them). */
const decided = new WeakMap<Context, Map<string, Promise<Prisma.Sql>>>();
function where(ctx: Context, filter: DirectoryColumns, search: OrganizationSearch): Promise<Prisma.Sql> {
  const key = JSON.stringify([filter.kind, filter.epciType, filter.departement, filter.region, search]);
  const known = decided.get(ctx) ?? new Map<string, Promise<Prisma.Sql>>();
  decided.set(ctx, known);
  if (!known.has(key)) known.set(key, matchSql(ctx, filter, search).then((match) => Prisma.join([...filterSql(filter), match], ' AND ')));
  return known.get(key)!;
}

/**
 * 0 the same name, 1 a name starting with the phrase, 2 a word of the name starting with it, 3 every word of the
 * phrase somewhere in the name, 4 a look-alike (trigram similarity) only. A code finds one row: rank 0.
 */
function rankSql(search: OrganizationSearch): Prisma.Sql {
  if (search.by !== 'name') return Prisma.sql`0`;
  const { phrase, words } = search;
  return Prisma.sql`CASE WHEN o."searchName" = ${phrase} THEN 0
    WHEN o."searchName" LIKE ${`${phrase}%`} THEN 1
    WHEN (' ' || o."searchName") LIKE ${`% ${phrase}%`} THEN 2
    WHEN ${allWords(words)} THEN 3 ELSE 4 END`;
}

/** Homonyms by population: an EPCI's total population, a commune's municipal one; none (départements, régions) last. */
const POPULATION = Prisma.sql`COALESCE(CASE WHEN o.kind = 'EPCI' THEN o."populationTotale" ELSE o.population END, -1)`;

export interface SearchPage {
  /** Rows to read; negative: the last ones before the cursor (Prisma's `take`). */
  take: number;
  /** The id of the row the page starts after (or ends before, with a negative take). */
  cursor?: number | null;
}

/** The ids of one page of a search, in rank order. */
export async function searchOrganizationIds(ctx: Context, filter: DirectoryColumns, search: OrganizationSearch, page: SearchPage): Promise<number[]> {
  const backward = page.take < 0;
  const after = page.cursor == null
    ? Prisma.empty
    : backward
      ? Prisma.sql`WHERE (r, -p, id) < (SELECT r, -p, id FROM ranked WHERE id = ${page.cursor})`
      : Prisma.sql`WHERE (r, -p, id) > (SELECT r, -p, id FROM ranked WHERE id = ${page.cursor})`;
  const order = backward ? Prisma.sql`r DESC, p ASC, id DESC` : Prisma.sql`r, p DESC, id`;
  const rows = await ctx.prisma.$queryRaw<{ id: number }[]>`
    WITH ranked AS (SELECT o.id, ${rankSql(search)} AS r, ${POPULATION} AS p FROM "Organization" o WHERE ${await where(ctx, filter, search)})
    SELECT id FROM ranked ${after} ORDER BY ${order} LIMIT ${Math.abs(page.take)}`;
  const ids = rows.map((row) => row.id);
  return backward ? ids.reverse() : ids;
}

/** How many collectivités a search finds (the connection's totalCount). */
export async function countSearch(ctx: Context, filter: DirectoryColumns, search: OrganizationSearch): Promise<number> {
  const [row] = await ctx.prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Organization" o WHERE ${await where(ctx, filter, search)}`;
  return row?.count ?? 0;
}

/** Départements' names by code (Organization.departementName): one statement per request. */
export async function loadDepartementNames(codes: readonly string[], ctx: Context): Promise<(string | null)[]> {
  const rows = await ctx.prisma.$queryRaw<{ code: string; name: string }[]>`
    SELECT code, name FROM "Organization" WHERE kind = 'DEPARTEMENT' AND code = ANY(${[...codes]}::text[])`;
  const names = new Map(rows.map((row) => [row.code, row.name]));
  return codes.map((code) => names.get(code) ?? null);
}
