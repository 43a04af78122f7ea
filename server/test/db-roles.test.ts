import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE } from '../src/db/database.ts';
import { migrate, readMigrations } from '@mutualis/db/migrate';
import { backends, createTestApp, type TestApp } from './helpers.ts';

const DECLARE = `mutation($input: DeclareDeploymentInput!) {
  declareDeployment(input: $input) { __typename ... on Error { code message } }
}`;
const ERASE = `mutation($id: ID!) {
  eraseUser(userId: $id) {
    __typename
    ... on MutationEraseUserSuccess { data { id name email } }
    ... on Error { code message }
  }
}`;

// What a compromised or buggy application must not be able to do with its own connection.
const FORBIDDEN: [string, RegExp][] = [
  ['ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL', /must be owner/],
  ['ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"', /must be owner/],
  ['DROP TABLE "Review"', /must be owner/],
  ['ALTER TABLE "Tool" ADD COLUMN "intrus" INTEGER', /must be owner/],
  [`UPDATE "AuditEvent" SET action = 'falsifié'`, /permission denied for table AuditEvent/],
  ['DELETE FROM "AuditEvent"', /permission denied for table AuditEvent/],
  ['TRUNCATE "AuditEvent"', /permission denied for table AuditEvent/],
  ['TRUNCATE "Session"', /permission denied for table Session/],
  ['CREATE TABLE "Intrus" (id INTEGER)', /permission denied for schema public/],
  [`CREATE TRIGGER "intrus" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"()`, /permission denied for table AuditEvent/],
  ['DROP FUNCTION "mutualis_erase_user_audit"(integer)', /must be owner/],
  [`DELETE FROM "_prisma_migrations"`, /permission denied for table _prisma_migrations/],
];

describe.each(backends)('database roles on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t?.close());

  it('the application (raw SQL and Prisma) connects as mutualis_app, which is no superuser', async () => {
    expect(t.db.role).toBe('app');
    const [raw] = await t.db.sql.query<{ user: string; superuser: boolean }>(
      `SELECT current_user AS "user", (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`,
    );
    expect(raw).toEqual({ user: APP_ROLE, superuser: false });
    const [viaPrisma] = await t.db.prisma.$queryRaw<{ user: string }[]>`SELECT current_user AS "user"`;
    expect(viaPrisma!.user).toBe(APP_ROLE);
  });

  for (const [statement, refusal] of FORBIDDEN) {
    it(`refuses: ${statement}`, async () => {
      const [{ n: before }] = (await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent"`)) as [{ n: number }];
      await expect(t.db.sql.query(statement)).rejects.toThrow(refusal);
      await expect(t.db.prisma.$executeRawUnsafe(statement)).rejects.toThrow(refusal);
      const [{ n: after }] = (await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent"`)) as [{ n: number }];
      expect(after).toBe(before);
    });
  }

  if (backend === 'pglite') {
    it('on PGlite the session itself is mutualis_app: it cannot become the owner again', async () => {
      await expect(t.db.sql.query('SET ROLE postgres')).rejects.toThrow(/permission denied to set role/);
      await expect(t.db.sql.query('SET SESSION AUTHORIZATION postgres')).rejects.toThrow(/permission denied/);
    });
  }

  it('ordinary writes work: sign-in (sessions, counters, audit) and a declared deployment', async () => {
    const dsi = await t.signIn('dsi@besancon.test');
    const [tool] = await t.db.sql.query<{ slug: string }>(
      `SELECT slug FROM "Tool" t WHERE NOT EXISTS (SELECT 1 FROM "Deployment" d JOIN "Organization" o ON o.id = d."organizationId"
        WHERE d."toolId" = t.id AND o.siren = '212500565') ORDER BY slug LIMIT 1`,
    );
    const declared = await dsi.gql(DECLARE, { input: { toolSlug: tool!.slug, status: 'PILOT' } });
    expect(declared.data!.declareDeployment.__typename).toBe('MutationDeclareDeploymentSuccess');
    const events = await t.db.sql.query<{ action: string }>(`SELECT action FROM "AuditEvent" ORDER BY id DESC LIMIT 2`);
    expect(events.map((e) => e.action)).toEqual(['deployment.declare', 'user.signIn']);
  });

  it('migrations run as the owner; tables they add later get the same grants by default', async () => {
    const owner = await t.db.asOwner(async (sql) => {
      const [who] = await sql.query<{ user: string }>('SELECT current_user AS "user"');
      const result = await migrate(sql);
      await sql.exec('CREATE TABLE "LaterTable" (id SERIAL PRIMARY KEY, label TEXT NOT NULL)');
      return { user: who!.user, result };
    });
    expect(owner.user).not.toBe(APP_ROLE);
    expect(owner.result.alreadyApplied).toEqual(readMigrations().map((m) => m.name));
    expect(t.db.role).toBe('app');
    const [back] = await t.db.sql.query<{ user: string }>('SELECT current_user AS "user"');
    expect(back!.user).toBe(APP_ROLE);
    // default privileges: DML and the sequence, but still no DDL
    await t.db.sql.query(`INSERT INTO "LaterTable" (label) VALUES ('ok')`);
    await expect(t.db.sql.query('DROP TABLE "LaterTable"')).rejects.toThrow(/must be owner/);
    await t.db.asOwner((sql) => sql.exec('DROP TABLE "LaterTable"'));
  });

  it('eraseUser pseudonymizes a person and their audit trail; the events stay, the log stays append-only', async () => {
    const email = 'agent@besancon.test';
    const [person] = await t.db.sql.query<{ id: number; name: string; organizationId: number }>(
      `SELECT id, name, "organizationId" FROM "User" WHERE email = $1`,
      [email],
    );
    const agent = await t.signIn(email);
    const [tool] = await t.db.sql.query<{ slug: string }>(
      `SELECT slug FROM "Tool" t WHERE NOT EXISTS (SELECT 1 FROM "Deployment" d WHERE d."toolId" = t.id AND d."organizationId" = $1)
        ORDER BY slug LIMIT 1`,
      [person!.organizationId],
    );
    expect((await agent.gql(DECLARE, { input: { toolSlug: tool!.slug, status: 'EXPLORING' } })).data!.declareDeployment.__typename).toBe(
      'MutationDeclareDeploymentSuccess',
    );
    // new snapshots keep no address; an event written before that policy (or by hand) still holds both
    const mine = `(("entityType" = 'User' AND "entityId" = $1::text) OR "actorId" = $2)`;
    const leaking = `SELECT count(*)::int AS n FROM "AuditEvent" WHERE concat(before::text, after::text) ILIKE '%' || $1 || '%'`;
    expect((await t.db.sql.query<{ n: number }>(leaking, [email]))[0]!.n).toBe(0);
    await t.db.sql.query(
      `INSERT INTO "AuditEvent" ("actorId", "organizationId", action, "entityType", "entityId", before, after, "requestId")
       VALUES ($1::int, $2::int, 'membership.approve', 'User', ($1::int)::text, $3::jsonb, $4::jsonb, 'ancien'),
              ($1::int, $2::int, 'review.submit', 'Review', '1', NULL, $5::jsonb, 'ancien')`,
      [
        person!.id,
        person!.organizationId,
        JSON.stringify({ id: person!.id, email, name: person!.name, membershipStatus: 'PENDING' }),
        JSON.stringify({ id: person!.id, email, name: person!.name, membershipStatus: 'APPROVED' }),
        JSON.stringify({ title: 'Avis', contact: { email } }),
      ],
    );
    expect((await t.db.sql.query<{ n: number }>(leaking, [email]))[0]!.n).toBe(2);
    const kept = await t.db.sql.query<{ id: number; action: string; actorId: number }>(
      `SELECT id, action, "actorId" FROM "AuditEvent" WHERE ${mine} ORDER BY id`,
      [person!.id, person!.id],
    );
    expect(kept.length).toBeGreaterThanOrEqual(4);

    const { data } = await agent.gql(`{ viewer { id } }`);
    const forbidden = await agent.gql(ERASE, { id: data!.viewer.id });
    expect(forbidden.data!.eraseUser).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });

    const admin = await t.signIn('admin@mutualis.test');
    const erased = await admin.gql(ERASE, { id: data!.viewer.id });
    expect(erased.data!.eraseUser).toMatchObject({
      __typename: 'MutationEraseUserSuccess',
      data: { name: `Utilisateur supprimé n° ${person!.id}`, email: `supprime-${person!.id}@utilisateur.invalid` },
    });

    const [row] = await t.db.sql.query<{ passwordHash: string | null; sessions: number }>(
      `SELECT "passwordHash", (SELECT count(*)::int FROM "Session" WHERE "userId" = $1) AS sessions FROM "User" WHERE id = $1`,
      [person!.id],
    );
    expect(row).toEqual({ passwordHash: null, sessions: 0 });
    expect((await agent.gql(`{ viewer { id } }`)).data!.viewer).toBeNull();
    // no event holds the address or the name any more; every event is still there, with its actor
    expect((await t.db.sql.query<{ n: number }>(leaking, [email]))[0]!.n).toBe(0);
    expect((await t.db.sql.query<{ n: number }>(leaking, [person!.name]))[0]!.n).toBe(0);
    const after = await t.db.sql.query<{ id: number; action: string; actorId: number }>(
      `SELECT id, action, "actorId" FROM "AuditEvent" WHERE ${mine} AND action <> 'user.erase' ORDER BY id`,
      [person!.id, person!.id],
    );
    expect(after).toEqual(kept);
    const [approval] = await t.db.sql.query<{ after: Record<string, unknown> }>(
      `SELECT after FROM "AuditEvent" WHERE "requestId" = 'ancien' AND "entityType" = 'User'`,
    );
    expect(approval!.after).toEqual({ id: person!.id, membershipStatus: 'APPROVED' });
    const [erasure] = await t.db.sql.query<{ actorId: number; after: Record<string, unknown> }>(
      `SELECT "actorId", after FROM "AuditEvent" WHERE action = 'user.erase'`,
    );
    expect(erasure!.after).toMatchObject({ erased: true, auditEventsPseudonymized: expect.any(Number) });

    // the function is the only door, and it opens on nothing else
    await expect(t.db.sql.query(`UPDATE "AuditEvent" SET before = NULL WHERE "actorId" = $1`, [person!.id])).rejects.toThrow(
      /permission denied for table AuditEvent/,
    );
    await expect(
      t.db.sql.transaction(async (tx) => {
        await tx.query(`SELECT set_config('mutualis.audit_erasure', 'on', true)`);
        await tx.query(`UPDATE "AuditEvent" SET after = NULL`);
      }),
    ).rejects.toThrow(/permission denied for table AuditEvent/);
  });
});
