// The bench's database: created afresh, migrated and seeded by the server's own code (the real registry of 36,000
// collectivités, the sourced catalogue, the demo data), then scaled to national size with set-based SQL
// (INSERT … SELECT … FROM generate_series with deterministic arithmetic) in one transaction. Only the ordinary base
// tables of prisma/schema.prisma are written: what the migrations derive from them (statistics tables maintained by
// triggers, indexes) follows by itself. Every generated row that has an isDemo column is marked as demo data.
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { prepareDatabase } from '../src/db/bootstrap.ts';
import { generatePlans, generateProviders, generateTools, insertRows, type Named } from './dataset-catalogue.ts';
import { REVIEW_SQL, DEPLOYMENT_SQL, GROUP_SQL, SETUP_SQL, USERS_SQL, AGENT_EMAIL } from './dataset-sql.ts';

export type Counts = {
  tools: number;
  providers: number;
  plans: number;
  deployments: number;
  reviews: number;
  groups: number;
  memberships: number;
};

/** Totals at --scale 1 (seeded rows included). */
export const DEFAULT_COUNTS: Counts = {
  tools: 1500, providers: 300, plans: 3000, deployments: 250_000, reviews: 100_000, groups: 1000, memberships: 30_000,
};

export const scaled = (scale: number): Counts =>
  Object.fromEntries(Object.entries(DEFAULT_COUNTS).map(([k, v]) => [k, Math.round(v * scale)])) as unknown as Counts;

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops and creates the bench database (never any other). */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^mutualis_bench\w*$/.test(name)) throw new Error(`Nom de base de banc d’essai refusé : ${name}`);
  await withClient(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  return databaseUrl(adminUrl, name);
}

/** Migrations and seeds exactly as the server runs them at start (server/src/db/bootstrap.ts), demo data included. */
export async function seedDatabase(url: string, log: (line: string) => void): Promise<void> {
  const db = await openDatabase({ kind: 'postgres', url });
  try {
    await prepareDatabase(db, { seedDemo: true, demoAccounts: false, log: (line) => log(`  ${line}`) });
  } finally {
    await db.close();
  }
}

export type RowCounts = Counts & { organizations: number; users: number };

export async function countRows(client: pg.ClientBase): Promise<RowCounts> {
  const { rows } = await client.query(`SELECT
      (SELECT count(*) FROM "Tool")::int AS tools, (SELECT count(*) FROM "Provider")::int AS providers,
      (SELECT count(*) FROM "PricingPlan")::int AS plans, (SELECT count(*) FROM "Deployment")::int AS deployments,
      (SELECT count(*) FROM "Review")::int AS reviews, (SELECT count(*) FROM "PurchasingGroup")::int AS groups,
      (SELECT count(*) FROM "GroupMembership")::int AS memberships, (SELECT count(*) FROM "Organization")::int AS organizations,
      (SELECT count(*) FROM "User")::int AS users`);
  return rows[0];
}

async function step<T>(log: (line: string) => void, label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await fn();
  log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/** Adds what the seeded database lacks to reach `target` (totals), deterministically, in one transaction. */
export async function scaleDataset(url: string, target: Counts, log: (line: string) => void): Promise<RowCounts> {
  return withClient(url, async (client) => {
    const before = await countRows(client);
    const need = (key: keyof Counts) => Math.max(0, target[key] - before[key]);
    await client.query('BEGIN');
    await client.query(SETUP_SQL);
    const categories = (await client.query<Named>('SELECT id, name, slug FROM "Category" ORDER BY position, id')).rows;
    await step(log, `${need('providers')} fournisseurs`, async () => {
      await insertRows(client, 'Provider', generateProviders(need('providers')));
    });
    const providers = (await client.query<Named>('SELECT id, name, slug FROM "Provider" WHERE "archivedAt" IS NULL ORDER BY id')).rows;
    const toolIds = await step(log, `${need('tools')} outils`, () => insertRows(client, 'Tool', generateTools(need('tools'), providers, categories)));
    const { plans, tiers } = generatePlans(need('plans'), toolIds.map((id) => ({ id })));
    await step(log, `${plans.length} offres et ${tiers.length} paliers`, async () => {
      const planIds = await insertRows(client, 'PricingPlan', plans);
      await client.query(
        `INSERT INTO "PriceTier" ("planId", "minVolume", "unitPrice")
         SELECT ($1::int[])[t.plan + 1], t."minVolume"::numeric, t."unitPrice"::numeric
           FROM json_to_recordset($2::json) AS t(plan int, "minVolume" text, "unitPrice" text)`,
        [planIds, JSON.stringify(tiers)],
      );
    });
    await client.query(`CREATE TEMP TABLE bench_org AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id, kind::text AS kind
                          FROM "Organization" WHERE kind IN ('COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION');
                        CREATE INDEX ON bench_org (idx);
                        CREATE TEMP TABLE bench_tool AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id, "categoryId", "providerId"
                          FROM "Tool" WHERE "archivedAt" IS NULL;
                        CREATE INDEX ON bench_tool (idx);
                        ANALYZE bench_org; ANALYZE bench_tool;`);
    const sizes = (await client.query<{ orgs: number; tools: number }>('SELECT (SELECT count(*) FROM bench_org)::int AS orgs, (SELECT count(*) FROM bench_tool)::int AS tools')).rows[0]!;
    await step(log, `${need('deployments')} déploiements (et leurs auteurs)`, async () => {
      await client.query(DEPLOYMENT_SQL.candidates, [Math.ceil(need('deployments') * 1.25) + 100, sizes.orgs, sizes.tools, need('deployments')]);
      await client.query(USERS_SQL('bench_dep'));
      await client.query(DEPLOYMENT_SQL.insert);
    });
    await step(log, `${need('reviews')} avis (60 % vérifiés, 4 % masqués)`, async () => {
      const verified = Math.round(need('reviews') * 0.6);
      await client.query(REVIEW_SQL.verified, [verified]);
      const got = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_rev')).rows[0]!.n;
      await client.query(REVIEW_SQL.others, [Math.ceil((need('reviews') - got) * 1.25) + 100, sizes.orgs, sizes.tools, need('reviews') - got]);
      await client.query(USERS_SQL('bench_rev'));
      await client.query(REVIEW_SQL.insert);
    });
    await step(log, `${need('groups')} groupements et ${need('memberships')} adhésions`, async () => {
      const maxGroup = (await client.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM "PurchasingGroup"')).rows[0]!.id;
      await client.query(GROUP_SQL.insert, [need('groups'), sizes.tools]);
      await client.query(GROUP_SQL.memberships, [maxGroup, need('memberships'), sizes.orgs]);
    });
    await client.query('COMMIT');
    const after = await countRows(client);
    for (const key of Object.keys(target) as (keyof Counts)[]) {
      if (after[key] < target[key]) log(`  Attention : ${key} = ${after[key]}, moins que les ${target[key]} visés.`);
    }
    return after;
  });
}

/** VACUUM ANALYZE of the whole database: statistics and visibility maps, as autovacuum may be off. */
export async function vacuumAnalyze(url: string): Promise<void> {
  await withClient(url, (client) => client.query('VACUUM (ANALYZE)'));
}

export interface WriterAccount {
  email: string;
  organizationId: number;
  /** A deployment of its organization in production, that it may update. */
  deploymentId: number;
}

/** Accounts with a known password in organizations that have a deployment in production: the Mixed run's writers. */
export async function createWriterAccounts(url: string, count: number, passwordHash: string): Promise<WriterAccount[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<WriterAccount>(
      `WITH orgs AS (
         SELECT DISTINCT ON (d."organizationId") d."organizationId", d.id
           FROM "Deployment" d WHERE d.status = 'PRODUCTION' ORDER BY d."organizationId", d.id
       ), chosen AS (
         SELECT row_number() OVER (ORDER BY (o."organizationId" * 2654435761::bigint) % 4294967296, o."organizationId") AS n, o.*
           FROM orgs o ORDER BY (o."organizationId" * 2654435761::bigint) % 4294967296, o."organizationId" LIMIT $1
       ), inserted AS (
         INSERT INTO "User" (email, name, "passwordHash", "organizationId", roles, "membershipStatus", "isDemo", "createdAt", "updatedAt")
         SELECT 'banc.ecriture.' || c.n || '@banc-essai.mutualis.test', 'Rédacteur ' || c.n || ' (banc d’essai)', $2, c."organizationId",
                ARRAY['MEMBER']::"Role"[], 'APPROVED', true, timestamp '2024-01-01', timestamp '2024-01-01'
           FROM chosen c ORDER BY c.n
         RETURNING email, "organizationId"
       )
       SELECT i.email, i."organizationId", c.id AS "deploymentId" FROM inserted i JOIN chosen c USING ("organizationId") ORDER BY c.n`,
      [count, passwordHash],
    );
    return rows;
  });
}

export { AGENT_EMAIL };
