import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { openDatabase } from '../src/db/database.ts';
import { audited } from '../src/modules/audit/service.ts';
import type { Context } from '../src/graphql/context.ts';
import { backends, clientFor, createTestApp, sessionCookieOf, SIGN_IN, withApp, type TestApp } from './helpers.ts';

const DECLARE = `mutation Declare($input: DeclareDeploymentInput!) {
  declareDeployment(input: $input) {
    __typename
    ... on MutationDeclareDeploymentSuccess { data { id status annualCost organization { siren } tool { slug } } }
    ... on Error { code message fields { field message } }
  }
}`;

const SUBMIT_REVIEW = `mutation Review($input: SubmitReviewInput!) {
  submitReview(input: $input) {
    __typename
    ... on MutationSubmitReviewSuccess { data { id verified rating title versionCount organization { siren } } }
    ... on Error { code message fields { field message } }
  }
}`;

const RATINGS = `query($slug: String!) { tool(slug: $slug) { ratings { count verifiedCount average } } }`;

async function counts(t: TestApp) {
  const [row] = await t.db.sql.query<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM "Deployment") AS deployments,
    (SELECT count(*)::int FROM "Review") AS reviews,
    (SELECT count(*)::int FROM "ReviewVersion") AS versions,
    (SELECT count(*)::int FROM "AuditEvent") AS events`);
  return row!;
}

/** A catalogue tool that Besançon has not declared yet. */
async function freeTool(t: TestApp, siren: string, skip: string[] = []): Promise<string> {
  const rows = await t.db.sql.query<{ slug: string }>(
    `SELECT t.slug FROM "Tool" t WHERE NOT EXISTS (
       SELECT 1 FROM "Deployment" d JOIN "Organization" o ON o.id = d."organizationId"
        WHERE d."toolId" = t.id AND o.siren = $1) AND NOT (t.slug = ANY($2::text[])) ORDER BY t.slug LIMIT 1`,
    [siren, skip],
  );
  return rows[0]!.slug;
}

describe.each(backends)('accounts, declarations, reviews and audit on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t?.close());

  it('acceptance: the agent declares a deployment and a verified review; the auditor sees both changes', async () => {
    const agent = await t.signIn('agent@besancon.test');
    const viewer = await agent.gql(`{ viewer { name roles membershipStatus organization { siren name } } }`);
    expect(viewer.data!.viewer).toMatchObject({ roles: ['MEMBER'], membershipStatus: 'APPROVED', organization: { siren: '212500565' } });

    const slug = await freeTool(t, '212500565');
    const before = (await t.gql(RATINGS, { slug })).data!.tool.ratings;
    const declared = await agent.gql(DECLARE, { input: { toolSlug: slug, status: 'PRODUCTION', annualCost: '1234.50', service: 'Accueil' } });
    expect(declared.data!.declareDeployment).toMatchObject({
      __typename: 'MutationDeclareDeploymentSuccess',
      data: { status: 'PRODUCTION', annualCost: '1234.50', organization: { siren: '212500565' }, tool: { slug } },
    });
    const review = await agent.gql(SUBMIT_REVIEW, {
      input: { toolSlug: slug, rating: 4, easeOfUse: 5, title: 'Utile au quotidien', body: 'Les agents de l’accueil l’utilisent chaque jour.' },
    });
    expect(review.data!.submitReview).toMatchObject({ __typename: 'MutationSubmitReviewSuccess', data: { verified: true, rating: 4, organization: { siren: '212500565' } } });
    const after = (await t.gql(RATINGS, { slug })).data!.tool.ratings;
    expect(after.count).toBe(before.count + 1);
    expect(after.verifiedCount).toBe(before.verifiedCount + 1);

    const auditor = await t.signIn('auditeur@mutualis.test');
    const log = await auditor.gql(`{ auditEvents(first: 20) { totalCount edges { node {
      action entityType after actor { name } organization { siren } } } } }`);
    expect(log.errors).toBeUndefined();
    const actions = log.data!.auditEvents.edges.map((e: { node: { action: string } }) => e.node);
    const declare = actions.find((e: { action: string }) => e.action === 'deployment.declare');
    const submit = actions.find((e: { action: string }) => e.action === 'review.submit');
    expect(declare).toMatchObject({ entityType: 'Deployment', actor: { name: 'Agent de la Ville de Besançon' }, organization: { siren: '212500565' } });
    expect(declare.after.annualCost).toBe('1234.5');
    expect(submit).toMatchObject({ entityType: 'Review', organization: { siren: '212500565' } });

    const forbidden = await agent.gql(`{ auditEvents(first: 20) { totalCount } }`);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(forbidden.data).toBeNull();
  });

  it('without a session both mutations return a typed UNAUTHENTICATED error and change nothing', async () => {
    const slug = await freeTool(t, '212500565');
    const before = await counts(t);
    const declared = await t.gql(DECLARE, { input: { toolSlug: slug, status: 'PRODUCTION', annualCost: '10.00' } });
    expect(declared.data!.declareDeployment).toMatchObject({ __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
    const review = await t.gql(SUBMIT_REVIEW, { input: { toolSlug: slug, rating: 5, title: 'Titre', body: 'Un avis anonyme.' } });
    expect(review.data!.submitReview).toMatchObject({ __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
    expect(await counts(t)).toEqual(before);
  });

  it('rejects bad input with French field errors and changes nothing', async () => {
    const agent = await t.signIn('agent@besancon.test');
    const slug = await freeTool(t, '212500565');
    const before = await counts(t);
    const declared = await agent.gql(DECLARE, {
      input: { toolSlug: slug, status: 'ABANDONED', users: -3, startDate: '2025-05-01', endDate: '2025-01-01' },
    });
    const error = declared.data!.declareDeployment;
    expect(error).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['abandonReason', 'endDate', 'users']);
    // an amount that does not fit its column is refused at the edge, before the other checks
    const cents = (await agent.gql(DECLARE, { input: { toolSlug: slug, status: 'PILOT', annualCost: '12.345' } })).data!.declareDeployment;
    expect(cents).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'annualCost', message: expect.stringMatching(/2 décimales/) }] });
    const review = await agent.gql(SUBMIT_REVIEW, { input: { toolSlug: slug, rating: 9, title: 'x', body: 'court', easeOfUse: 0 } });
    expect(review.data!.submitReview.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body', 'easeOfUse', 'rating', 'title']);
    const notDecimal = await agent.gql(DECLARE, { input: { toolSlug: slug, status: 'PILOT', annualCost: 'douze euros' } });
    expect(notDecimal.data!.declareDeployment).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'annualCost', message: expect.stringMatching(/nombre décimal invalide/) }] });
    expect(await counts(t)).toEqual(before);
  });

  it('keeps one review per organization and tool, with the previous version kept', async () => {
    const agent = await t.signIn('agent@besancon.test');
    const slug = await freeTool(t, '212500565');
    const input = { toolSlug: slug, rating: 2, title: 'Premier essai', body: 'Nous avons commencé à l’explorer.' };
    const first = await agent.gql(SUBMIT_REVIEW, { input });
    expect(first.data!.submitReview.data).toMatchObject({ verified: false, versionCount: 0 });
    const colleague = await t.signIn('dsi@besancon.test');
    const second = await colleague.gql(SUBMIT_REVIEW, { input: { ...input, rating: 3, title: 'Après six mois' } });
    expect(second.data!.submitReview.data).toMatchObject({ id: first.data!.submitReview.data.id, rating: 3, versionCount: 1 });
    const versions = await t.db.sql.query<{ snapshot: { title: string } }>(
      `SELECT snapshot FROM "ReviewVersion" v JOIN "Review" r ON r.id = v."reviewId" JOIN "Tool" t ON t.id = r."toolId" WHERE t.slug = $1`,
      [slug],
    );
    expect(versions.map((v) => v.snapshot.title)).toEqual(['Premier essai']);
  });

  it('moves deployments forward only, and requires a reason to abandon', async () => {
    const dsi = await t.signIn('dsi@besancon.test');
    const slug = await freeTool(t, '212500565');
    const created = await dsi.gql(DECLARE, { input: { toolSlug: slug, status: 'PILOT' } });
    const id = created.data!.declareDeployment.data.id;
    const UPDATE = `mutation($id: ID!, $input: UpdateDeploymentInput!) { updateDeployment(id: $id, input: $input) {
      __typename ... on MutationUpdateDeploymentSuccess { data { status abandonReason annualCost } } ... on Error { code fields { field message } } } }`;
    const back = await dsi.gql(UPDATE, { id, input: { status: 'EXPLORING' } });
    expect(back.data!.updateDeployment).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'status' }] });
    const noReason = await dsi.gql(UPDATE, { id, input: { status: 'ABANDONED' } });
    expect(noReason.data!.updateDeployment.fields[0].field).toBe('abandonReason');
    const abandoned = await dsi.gql(UPDATE, { id, input: { status: 'ABANDONED', abandonReason: 'Coût trop élevé', annualCost: '99.90' } });
    expect(abandoned.data!.updateDeployment.data).toEqual({ status: 'ABANDONED', abandonReason: 'Coût trop élevé', annualCost: '99.90' });
    const twice = await dsi.gql(DECLARE, { input: { toolSlug: slug, status: 'PILOT' } });
    expect(twice.data!.declareDeployment.code).toBe('CONFLICT');
  });

  it('a change and its audit event commit together or not at all', async () => {
    const before = await counts(t);
    const ctx = { prisma: t.db.prisma, viewer: null, requestId: 'test-rollback' } as unknown as Context;
    const failure = await audited(ctx, 'test.failure', async (tx) => {
      await tx.category.create({ data: { slug: 'temporaire', name: 'Temporaire' } });
      throw new Error('panne au milieu de l’écriture');
    }).catch((e: Error) => e);
    expect((failure as Error).message).toMatch(/panne/);
    expect(await t.db.prisma.category.findUnique({ where: { slug: 'temporaire' } })).toBeNull();
    expect(await counts(t)).toEqual(before);
  });

  it('never lets anyone edit or delete an audit event', async () => {
    const [event] = await t.db.sql.query<{ id: number }>(`SELECT id FROM "AuditEvent" ORDER BY id LIMIT 1`);
    expect(event).toBeDefined();
    await expect(t.db.sql.query(`UPDATE "AuditEvent" SET action = 'x' WHERE id = $1`, [event!.id])).rejects.toThrow(/append-only|permission denied/);
    await expect(t.db.sql.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [event!.id])).rejects.toThrow(/append-only|permission denied/);
    const mutations = await t.gql(`{ __schema { mutationType { fields { name } } } }`);
    const names = mutations.data!.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.filter((n: string) => /audit/i.test(n))).toEqual([]);
  });

  it('sets an httpOnly SameSite=Lax session cookie, Secure in production, and signs out', async () => {
    const response = await t.post({ query: SIGN_IN, variables: { email: 'agent@besancon.test', password: 'mutualis-demo' } });
    const header = response.headers.getSetCookie().find((c) => c.startsWith('mutualis_session='))!;
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).not.toMatch(/Secure/);
    const production = withApp(t.db, createApp({ nodeEnv: 'production' }, t.db));
    const secure = await production.post({ query: SIGN_IN, variables: { email: 'agent@besancon.test', password: 'mutualis-demo' } });
    expect(secure.headers.getSetCookie().find((c) => c.startsWith('mutualis_session='))).toMatch(/; Secure/);

    const client = t.client(sessionCookieOf(response));
    expect((await client.gql(`{ viewer { name } }`)).data!.viewer.name).toBe('Agent de la Ville de Besançon');
    const out = await client.gql(`mutation { signOut { __typename } }`);
    expect(out.data!.signOut.__typename).toBe('MutationSignOutSuccess');
    expect((await client.gql(`{ viewer { name } }`)).data!.viewer).toBeNull();
  });

  it('refuses writes without the CSRF header or from another origin, and changes nothing', async () => {
    const agent = await t.signIn('agent@besancon.test');
    const slug = await freeTool(t, '212500565');
    const before = await counts(t);
    const body = { query: DECLARE, variables: { input: { toolSlug: slug, status: 'PILOT' } } };
    const noHeader = await (await agent.post(body, { 'x-mutualis-csrf': '' })).json();
    expect(noHeader.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(noHeader.errors[0].message).toMatch(/CSRF/);
    const foreign = await (await agent.post(body, { origin: 'https://evil.example', host: 'test' })).json();
    expect(foreign.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await counts(t)).toEqual(before);
    // reading needs no header
    const read = await (await agent.post({ query: '{ viewer { name } }' }, { 'x-mutualis-csrf': '' })).json();
    expect(read.data.viewer.name).toBeTruthy();
  });

  it('refuses a sixth attempt after five wrong passwords, even with the right one, with a clear message', async () => {
    const attempt = async (password: string) =>
      (await t.gql(SIGN_IN, { email: 'dsi@dijon.test', password })).data!.signIn;
    for (let i = 0; i < 5; i++) {
      const wrong = await attempt(`mauvais-${i}`);
      expect(wrong).toMatchObject({ __typename: 'ValidationError', message: 'Adresse électronique ou mot de passe incorrect.' });
    }
    const blocked = await attempt('mutualis-demo');
    expect(blocked).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
    expect(blocked.message).toMatch(/Trop de tentatives de connexion : réessayez dans 15 minutes/);
    // the counter lives in the database: a fresh app on the same database refuses too
    const other = withApp(t.db, createApp({ nodeEnv: 'test' }, t.db));
    expect((await other.gql(SIGN_IN, { email: 'dsi@dijon.test', password: 'mutualis-demo' })).data!.signIn.code).toBe('RATE_LIMITED');
    // once the block has expired, the right password works again
    await t.db.sql.query(`UPDATE "RateLimit" SET "blockedUntil" = now() - interval '1 minute', "windowStart" = now() - interval '1 hour'`);
    expect((await attempt('mutualis-demo')).__typename).toBe('MutationSignInSuccess');
  });

  it('shares sessions between two app instances on one database', async () => {
    // on PostgreSQL the second instance has its own connection pool; PGlite is one process by design
    const second = backend === 'postgres' ? await openDatabase({ kind: 'postgres', url: await currentUrl(t) }) : t.db;
    try {
      const a = withApp(t.db, createApp({ nodeEnv: 'test' }, t.db));
      const b = createApp({ nodeEnv: 'test' }, second);
      const signedIn = await a.signIn('dsi@grandbesancon.test');
      const onB = clientFor(b, signedIn.cookie);
      const viewer = await onB.gql(`{ viewer { name organization { siren } } }`);
      expect(viewer.data!.viewer).toEqual({ name: 'DSI de Grand Besançon Métropole', organization: { siren: '242500361' } });
      await onB.gql(`mutation { signOut { __typename } }`);
      expect((await signedIn.gql(`{ viewer { name } }`)).data!.viewer).toBeNull();
    } finally {
      if (second !== t.db) await second.close();
    }
  });

  it('keeps a new member pending until an ORG_ADMIN of the organization approves', async () => {
    const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename
      ... on MutationSignUpSuccess { data { id membershipStatus organization { siren } } }
      ... on Error { code fields { field message } } } }`;
    const bad = await t.gql(SIGN_UP, { input: { email: 'pas-une-adresse', password: 'court', name: 'A', organizationSiren: '12' } });
    expect(bad.data!.signUp.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'name', 'organizationSiren', 'password']);
    const response = await t.post({
      query: SIGN_UP,
      variables: { input: { email: 'Camille.Martin@Besancon.test', password: 'un mot de passe solide', name: 'Camille Martin', organizationSiren: '212500565' } },
    });
    const body = await response.json();
    expect(body.data.signUp.data).toMatchObject({ membershipStatus: 'PENDING', organization: { siren: '212500565' } });
    const camille = t.client(sessionCookieOf(response));
    const slug = await freeTool(t, '212500565');
    expect((await camille.gql(DECLARE, { input: { toolSlug: slug, status: 'PILOT' } })).data!.declareDeployment.code).toBe('FORBIDDEN');

    const dijon = await t.signIn('dsi@dijon.test');
    const APPROVE = `mutation($id: ID!) { approveMembership(userId: $id) { __typename ... on MutationApproveMembershipSuccess { data { membershipStatus } } ... on Error { code } } }`;
    expect((await dijon.gql(APPROVE, { id: body.data.signUp.data.id })).data!.approveMembership.code).toBe('FORBIDDEN');
    const dsi = await t.signIn('dsi@besancon.test');
    const pending = await dsi.gql(`{ organization(siren: "212500565") { pendingUsers { id email } } }`);
    expect(pending.data!.organization.pendingUsers.map((u: { email: string }) => u.email)).toContain('camille.martin@besancon.test');
    expect((await dsi.gql(APPROVE, { id: body.data.signUp.data.id })).data!.approveMembership.data.membershipStatus).toBe('APPROVED');
    expect((await camille.gql(DECLARE, { input: { toolSlug: slug, status: 'PILOT' } })).data!.declareDeployment.__typename).toBe(
      'MutationDeclareDeploymentSuccess',
    );
  });

  it('computes rating aggregates for many tools with a constant number of SQL statements', async () => {
    const query = `query($n: Int!) { tools(first: $n) { edges { node { slug ratings { count average } } } } }`;
    const few = await t.countQueries(() => t.gql(query, { n: 3 }));
    const many = await t.countQueries(() => t.gql(query, { n: 26 }));
    expect(many.statements).toBe(few.statements);
    const rated = (many.result.data!.tools.edges as { node: { ratings: { count: number } } }[]).filter((e) => e.node.ratings.count > 0);
    expect(rated.length).toBeGreaterThan(0);
  });
});

async function currentUrl(t: TestApp): Promise<string> {
  const [row] = await t.db.sql.query<{ db: string }>('SELECT current_database() AS db');
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.db}`;
  return url.toString();
}
