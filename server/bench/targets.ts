// What the operations are run on, found in the generated database: the most deployed tool (its page), three sourced
// tools to compare, Grand Besançon Métropole (an EPCI of 67 communes), and the cursor of page 50 of the catalogue
// (item 980 on, or as deep as a small catalogue allows), as the API hands it out.
import type pg from 'pg';
import { body } from './operations.ts';
import { post } from './measure.ts';
import type { Targets } from './operations.ts';

const COMPARED = ['api-mistral', 'le-chat-pro', 'albert'];
const EPCI = '242500361';

const WALK = `query DeepWalk($first: Int!, $after: String) { tools(first: $first, after: $after) { pageInfo { endCursor } } }`;

async function endCursor(url: string, first: number, after: string | null): Promise<string> {
  const res = await post(url, body({ name: 'DeepWalk', query: WALK, variables: { first, after } }));
  const cursor = (JSON.parse(res.text) as { data?: { tools?: { pageInfo?: { endCursor?: string } } } }).data?.tools?.pageInfo?.endCursor;
  if (!cursor) throw new Error(`Curseur introuvable dans la réponse : ${res.text.slice(0, 300)}`);
  return cursor;
}

/**
 * The cursor after which item `offset` comes. An offset cursor (Pothos' "OffsetConnection:n") is written directly;
 * any other format is walked to, 100 items at a time, as a client would.
 */
async function cursorBefore(url: string, offset: number): Promise<string | null> {
  if (offset === 0) return null;
  const first = Buffer.from(await endCursor(url, 1, null), 'base64').toString('utf8');
  if (/^OffsetConnection:0$/.test(first)) return Buffer.from(`OffsetConnection:${offset - 1}`).toString('base64');
  let after: string | null = null;
  for (let seen = 0; seen < offset; ) {
    const size = Math.min(100, offset - seen);
    after = await endCursor(url, size, after);
    seen += size;
  }
  return after;
}

export async function findTargets(client: pg.ClientBase, url: string): Promise<Targets> {
  const { rows: tools } = await client.query<{ slug: string }>(
    `SELECT t.slug FROM "Tool" t WHERE t."archivedAt" IS NULL
      ORDER BY (SELECT count(*) FROM "Deployment" d WHERE d."toolId" = t.id) DESC, t.id LIMIT 3`,
  );
  const { rows: existing } = await client.query<{ slug: string }>('SELECT slug FROM "Tool" WHERE slug = ANY($1) AND "archivedAt" IS NULL', [COMPARED]);
  const compareSlugs = existing.length === COMPARED.length ? COMPARED : tools.map((t) => t.slug);
  const { rows: epci } = await client.query<{ siren: string; departement: string }>(
    `SELECT e.siren, e."departementCode" AS departement FROM "Organization" e WHERE e.kind = 'EPCI'
      ORDER BY (e.siren = $1) DESC, (SELECT count(*) FROM "Organization" m WHERE m."epciId" = e.id) DESC, e.id LIMIT 1`,
    [EPCI],
  );
  const { rows: count } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Tool" WHERE "archivedAt" IS NULL');
  const deepOffset = Math.min(980, Math.max(0, count[0]!.n - 20));
  return { toolSlug: tools[0]!.slug, compareSlugs, epciSiren: epci[0]!.siren, departement: epci[0]!.departement, deepCursor: await cursorBefore(url, deepOffset), deepOffset };
}
