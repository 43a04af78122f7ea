import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/modules/auth/password.ts';
import { dec } from '../src/shared/money.ts';
import pg from 'pg';
import { withDatabase } from './global-setup.ts';
import { backends, createTestApp, type Client, type TestApp } from './helpers.ts';

const GROUP_FIELDS = `id status volumeUnit listUnitPrice tiers { minVolume unitPrice }
  memberships { status estimatedVolume committedVolume organization { siren } }
  economics { pooledVolume basis tierIndex unitPrice total nextTier { missingVolume } totalSavingsVsAlone
    shares { organization { siren name } volume share aloneCost savingsVsAlone } }`;

const CREATE = `mutation($input: CreatePurchasingGroupInput!) { createPurchasingGroup(input: $input) { __typename
  ... on MutationCreatePurchasingGroupSuccess { data { ${GROUP_FIELDS} } } ... on Error { code message fields { field message } } } }`;
const ACT = (name: string, args = '') => `mutation($id: ID!${args ? ', ' + args.split(',').map((a) => a.trim()).filter(Boolean).map((a) => `$${a.split(':')[0]}: ${a.split(':')[1]}`).join(', ') : ''}) {
  ${name}(id: $id${args ? ', ' + args.split(',').map((a) => a.trim()).filter(Boolean).map((a) => `${a.split(':')[0]}: $${a.split(':')[0]}`).join(', ') : ''}) { __typename ... on Error { code message } } }`;
const JOIN = ACT('joinPurchasingGroup', 'estimatedVolume:Decimal!');
const COMMIT = ACT('commitToPurchasingGroup', 'volume:Decimal!');
const WITHDRAW = ACT('withdrawFromPurchasingGroup');
const OPEN = ACT('openPurchasingGroup');
const CLOSE = ACT('closePurchasingGroup');
const AWARD = ACT('awardPurchasingGroup');
const GROUP = `query($id: ID!) { purchasingGroup(id: $id) { ${GROUP_FIELDS} membersCsv conventionHtml } }`;

const inOneMonth = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();

describe.each(backends)('purchasing groups over HTTP on %s', (backend) => {
  let t: TestApp;
  let coordinator: Client;
  beforeAll(async () => {
    t = await createTestApp(backend);
    coordinator = await t.signIn('dsi@grandbesancon.test');
  });
  afterAll(() => t?.close());

  async function openGroup(input: Record<string, unknown> = {}) {
    const created = await coordinator.gql(CREATE, {
      input: {
        title: 'Détection des fuites du réseau d’eau — Grand Besançon',
        toolSlug: 'leakmited',
        interestDeadline: inOneMonth(),
        eligibility: 'EPCI_MEMBERS',
        allocationRule: 'BY_POPULATION',
        volumeUnit: 'INHABITANTS',
        ...input,
      },
    });
    expect(created.data!.createPurchasingGroup.__typename).toBe('MutationCreatePurchasingGroupSuccess');
    const id = created.data!.createPurchasingGroup.data.id;
    expect((await coordinator.gql(OPEN, { id })).data!.openPurchasingGroup.__typename).toBe('MutationOpenPurchasingGroupSuccess');
    return { id, group: created.data!.createPurchasingGroup.data };
  }

  it('acceptance: EPCI-restricted group, eligibility, deadline, close and award with shares summing to the total', async () => {
    const { id, group } = await openGroup();
    // prices come from the catalogue plan (0.12 €/inhabitant/year, demo tiers)
    expect(group.listUnitPrice).toBe('0.12');
    expect(group.tiers.length).toBeGreaterThan(0);

    const agent = await t.signIn('agent@besancon.test');
    expect((await agent.gql(JOIN, { id, estimatedVolume: '118000' })).data!.joinPurchasingGroup).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const dijon = await t.signIn('dsi@dijon.test');
    const refused = (await dijon.gql(JOIN, { id, estimatedVolume: '150000' })).data!.joinPurchasingGroup;
    expect(refused).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN', message: expect.stringMatching(/communes membres/) });
    expect((await t.gql(JOIN, { id, estimatedVolume: '1' })).data!.joinPurchasingGroup.code).toBe('UNAUTHENTICATED');

    const besancon = await t.signIn('dsi@besancon.test');
    expect((await besancon.gql(JOIN, { id, estimatedVolume: '118489' })).data!.joinPurchasingGroup.__typename).toBe('MutationJoinPurchasingGroupSuccess');
    expect((await besancon.gql(JOIN, { id, estimatedVolume: '118489' })).data!.joinPurchasingGroup.code).toBe('CONFLICT');
    expect((await coordinator.gql(JOIN, { id, estimatedVolume: '198387' })).data!.joinPurchasingGroup.__typename).toBe('MutationJoinPurchasingGroupSuccess');
    expect((await besancon.gql(COMMIT, { id, volume: '118489' })).data!.commitToPurchasingGroup.__typename).toBe('MutationCommitToPurchasingGroupSuccess');
    expect((await coordinator.gql(COMMIT, { id, volume: '79898' })).data!.commitToPurchasingGroup.__typename).toBe('MutationCommitToPurchasingGroupSuccess');

    // the deadline passes
    await t.db.sql.query(`UPDATE "PurchasingGroup" SET "interestDeadline" = now() - interval '1 day' WHERE id = (SELECT max(id) FROM "PurchasingGroup")`);
    const late = (await besancon.gql(WITHDRAW, { id })).data!.withdrawFromPurchasingGroup;
    expect(late.__typename).toBe('MutationWithdrawFromPurchasingGroupSuccess');
    const rejoin = (await besancon.gql(JOIN, { id, estimatedVolume: '118489' })).data!.joinPurchasingGroup;
    expect(rejoin).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/date limite/) });

    expect((await besancon.gql(CLOSE, { id })).data!.closePurchasingGroup.code).toBe('FORBIDDEN');
    expect((await coordinator.gql(AWARD, { id })).data!.awardPurchasingGroup.code).toBe('CONFLICT');
    expect((await coordinator.gql(CLOSE, { id })).data!.closePurchasingGroup.__typename).toBe('MutationClosePurchasingGroupSuccess');
    expect((await coordinator.gql(AWARD, { id })).data!.awardPurchasingGroup.__typename).toBe('MutationAwardPurchasingGroupSuccess');

    const awarded = (await coordinator.gql(GROUP, { id })).data!.purchasingGroup;
    expect(awarded.status).toBe('AWARDED');
    const shares = awarded.economics.shares;
    expect(shares.map((s: any) => s.organization.siren)).toEqual(['242500361']);
    const total = shares.reduce((sum: any, s: any) => sum.plus(s.share), dec(0)).toFixed(2);
    expect(total).toBe(awarded.economics.total);
    const deployments = await t.db.sql.query<{ siren: string; annualCost: string; procurementRoute: string }>(
      `SELECT o.siren, d."annualCost"::text AS "annualCost", d."procurementRoute"::text AS "procurementRoute"
         FROM "Deployment" d JOIN "Organization" o ON o.id = d."organizationId" JOIN "Tool" t ON t.id = d."toolId"
        WHERE t.slug = 'leakmited' AND d."purchasingGroupId" = (SELECT max(id) FROM "PurchasingGroup")`,
    );
    expect(deployments.map((d) => [d.siren, d.annualCost, d.procurementRoute])).toEqual(
      shares.map((s: any) => [s.organization.siren, s.share, 'PURCHASING_GROUP']),
    );
    expect(awarded.membersCsv).toMatch(/^\uFEFFSIREN;Collectivité;Statut/);
    expect(awarded.membersCsv).toMatch(/Grand Besançon Métropole;engagée/);
    expect(awarded.conventionHtml).toMatch(/L2113-6 et L2113-7/);
    expect(awarded.conventionHtml).toMatch(/au prorata de la population/);
  });

  it('tells the coordinator, and only it, where the group may go next (the web shows these actions)', async () => {
    const NEXT = `query($id: ID!) { purchasingGroup(id: $id) { status viewerNextStatuses } }`;
    const { id } = await openGroup();
    const besancon = await t.signIn('dsi@besancon.test');
    // OPEN: close or cancel; a member organization's ORG_ADMIN and a visitor get nothing to do
    expect((await coordinator.gql(NEXT, { id })).data!.purchasingGroup).toEqual({ status: 'OPEN', viewerNextStatuses: ['CLOSED', 'CANCELLED'] });
    expect((await besancon.gql(NEXT, { id })).data!.purchasingGroup.viewerNextStatuses).toEqual([]);
    expect((await t.gql(NEXT, { id })).data!.purchasingGroup.viewerNextStatuses).toEqual([]);
    expect((await coordinator.gql(CLOSE, { id })).data!.closePurchasingGroup.__typename).toBe('MutationClosePurchasingGroupSuccess');
    // CLOSED: award or cancel; then CANCELLED: nothing left
    expect((await coordinator.gql(NEXT, { id })).data!.purchasingGroup).toEqual({ status: 'CLOSED', viewerNextStatuses: ['AWARDED', 'CANCELLED'] });
    const cancel = `mutation($id: ID!) { cancelPurchasingGroup(id: $id, reason: "Besoin couvert autrement") { __typename } }`;
    expect((await coordinator.gql(cancel, { id })).data!.cancelPurchasingGroup.__typename).toBe('MutationCancelPurchasingGroupSuccess');
    expect((await coordinator.gql(NEXT, { id })).data!.purchasingGroup).toEqual({ status: 'CANCELLED', viewerNextStatuses: [] });
  });

  it('splits the award between several committed members, shares summing exactly to the total', async () => {
    const { id } = await openGroup({ allocationRule: 'EQUAL', listUnitPrice: '0.10', tiers: [{ minVolume: '150000', unitPrice: '0.07' }] });
    const besancon = await t.signIn('dsi@besancon.test');
    await besancon.gql(JOIN, { id, estimatedVolume: '118489' });
    await coordinator.gql(JOIN, { id, estimatedVolume: '10001' });
    await besancon.gql(COMMIT, { id, volume: '118489' });
    await coordinator.gql(COMMIT, { id, volume: '40001' });
    const before = (await t.gql(GROUP, { id })).data!.purchasingGroup.economics;
    expect(before).toMatchObject({ pooledVolume: '158490', tierIndex: 0, unitPrice: '0.07', total: '11094.30', basis: 'COMMITTED' });
    await coordinator.gql(CLOSE, { id });
    expect((await besancon.gql(WITHDRAW, { id })).data!.withdrawFromPurchasingGroup.code).toBe('CONFLICT');
    const AWARD_AT = `mutation($id: ID!, $price: Decimal) { awardPurchasingGroup(id: $id, unitPrice: $price) { __typename ... on Error { code } } }`;
    expect((await coordinator.gql(AWARD_AT, { id, price: '0.05' })).data!.awardPurchasingGroup.__typename).toBe('MutationAwardPurchasingGroupSuccess');
    const after = (await t.gql(GROUP, { id })).data!.purchasingGroup.economics;
    // the awarded price replaces the list price and tiers: 158,490 × 0.05 = 7,924.50, split equally
    expect(after).toMatchObject({ unitPrice: '0.05', total: '7924.50', nextTier: null });
    expect(after.shares.map((s: any) => s.share)).toEqual(['3962.25', '3962.25']);
    const deployments = await t.db.sql.query<{ annualCost: string }>(
      `SELECT "annualCost"::text AS "annualCost" FROM "Deployment" WHERE "purchasingGroupId" = (SELECT max(id) FROM "PurchasingGroup")`,
    );
    expect(deployments.map((d) => d.annualCost)).toEqual(['3962.25', '3962.25']);
  });

  it('prices the projected volume (every interested member committing) and, once awarded, at the awarded price', async () => {
    const { id } = await openGroup({ allocationRule: 'EQUAL', listUnitPrice: '0.10', tiers: [{ minVolume: '150000', unitPrice: '0.07' }] });
    const besancon = await t.signIn('dsi@besancon.test');
    await coordinator.gql(JOIN, { id, estimatedVolume: '40001' });
    await coordinator.gql(COMMIT, { id, volume: '40001' });
    await besancon.gql(JOIN, { id, estimatedVolume: '118489' });
    const PRICES = `query($id: ID!) { purchasingGroup(id: $id) { economics { pooledVolume projectedVolume unitPrice projectedUnitPrice } } }`;
    const open = (await t.gql(PRICES, { id })).data!.purchasingGroup.economics;
    // pooled = committed 40,001 < 150,000 → list price 0.10 €; projected 40,001 + 118,489 (interested) = 158,490 ≥ 150,000 → 0.07 €
    expect(open).toMatchObject({ pooledVolume: '40001', projectedVolume: '158490', unitPrice: '0.1', projectedUnitPrice: '0.07' });
    await coordinator.gql(CLOSE, { id });
    const AWARD_AT = `mutation($id: ID!, $price: Decimal) { awardPurchasingGroup(id: $id, unitPrice: $price) { __typename ... on Error { code } } }`;
    expect((await coordinator.gql(AWARD_AT, { id, price: '0.05' })).data!.awardPurchasingGroup.__typename).toBe('MutationAwardPurchasingGroupSuccess');
    // awarded at 0.05 €: the awarded price replaces the list price and its tiers, for the projected volume too
    const awarded = (await t.gql(PRICES, { id })).data!.purchasingGroup.economics;
    expect(awarded).toMatchObject({ unitPrice: '0.05', projectedUnitPrice: '0.05' });
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    const count = async () => (await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "PurchasingGroup"`))[0]!.n;
    const before = await count();
    const bad = await coordinator.gql(CREATE, {
      input: { title: 'x', toolSlug: 'leakmited', interestDeadline: '2020-01-01T00:00:00Z', allocationRule: 'BY_SEATS', volumeUnit: 'INHABITANTS', tiers: [{ minVolume: '1', unitPrice: '1' }, { minVolume: '1', unitPrice: '2' }] },
    });
    expect(bad.data!.createPurchasingGroup.fields.map((f: any) => f.field).sort()).toEqual(['allocationRule', 'interestDeadline', 'tiers', 'title']);
    const agent = await t.signIn('agent@besancon.test');
    expect((await agent.gql(CREATE, { input: { title: 'Un groupement', toolSlug: 'leakmited', interestDeadline: inOneMonth(), allocationRule: 'EQUAL', volumeUnit: 'INHABITANTS' } })).data!.createPurchasingGroup.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  /** An open EQUAL group that 20 communes of Grand Besançon (each with its own ORG_ADMIN) have joined. */
  async function groupWithTwentyMembers() {
    const { id } = await openGroup({ allocationRule: 'EQUAL' });
    const communes = await t.db.sql.query<{ id: number; siren: string }>(
      `SELECT c.id, c.siren FROM "Organization" c JOIN "Organization" e ON e.id = c."epciId"
        WHERE e.siren = '242500361' AND c.siren <> '212500565' ORDER BY c.population DESC LIMIT 20`,
    );
    expect(communes).toHaveLength(20);
    const hash = await hashPassword('mutualis-demo');
    await t.db.sql.query(
      `INSERT INTO "User" (email, name, "passwordHash", "organizationId", roles, "membershipStatus", "updatedAt")
       SELECT 'dsi-' || siren || '@concurrence.test', 'DSI ' || siren, $1, id, ARRAY['MEMBER', 'ORG_ADMIN']::"Role"[], 'APPROVED', now()
         FROM "Organization" WHERE id = ANY($2::int[]) ON CONFLICT (email) DO NOTHING`,
      [hash, communes.map((c) => c.id)],
    );
    const admins = await Promise.all(communes.map((c) => t.signIn(`dsi-${c.siren}@concurrence.test`)));
    for (const admin of admins) {
      expect((await admin.gql(JOIN, { id, estimatedVolume: '1000' })).data!.joinPurchasingGroup.__typename).toBe('MutationJoinPurchasingGroupSuccess');
    }
    return { id, admins };
  }

  /** The group's state after a race: the close succeeded, and commits are serial around it. */
  async function expectSerialAroundClose(id: string, results: any[]) {
    const closeResult = results.pop()!.data!.closePurchasingGroup;
    expect(closeResult.__typename).toBe('MutationClosePurchasingGroupSuccess');
    const outcomes = results.map((r) => r.data!.commitToPurchasingGroup);
    for (const outcome of outcomes) {
      if (outcome.__typename !== 'MutationCommitToPurchasingGroupSuccess') {
        expect(outcome).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/figés/) });
      }
    }
    const succeeded = outcomes.filter((o) => o.__typename === 'MutationCommitToPurchasingGroupSuccess').length;
    const state = (await t.gql(GROUP, { id })).data!.purchasingGroup;
    expect(state.status).toBe('CLOSED');
    const committed = state.memberships.filter((m: any) => m.status === 'COMMITTED');
    expect(committed).toHaveLength(succeeded);
    expect(state.memberships.filter((m: any) => m.status === 'INTERESTED')).toHaveLength(20 - succeeded);
    // serial: every commit that took effect was logged before the close, none after
    const events = await t.db.sql.query<{ action: string }>(
      `SELECT action FROM "AuditEvent" WHERE "entityType" IN ('GroupMembership', 'PurchasingGroup') AND action IN ('group.commit', 'group.close')
        AND "createdAt" >= (SELECT "createdAt" FROM "PurchasingGroup" WHERE id = (SELECT max(id) FROM "PurchasingGroup")) ORDER BY id`,
    );
    const closeIndex = events.findIndex((e) => e.action === 'group.close');
    expect(events.slice(closeIndex + 1)).toEqual([]);
    expect(events.filter((e) => e.action === 'group.commit')).toHaveLength(succeeded);
    const shares = state.economics.shares;
    expect(shares).toHaveLength(succeeded);
    if (succeeded > 0) expect(shares.reduce((s: any, x: any) => s.plus(x.share), dec(0)).toFixed(2)).toBe(state.economics.total);
    return succeeded;
  }

  it('keeps 20 concurrent commits and a concurrent close to one of the serial outcomes', async () => {
    const { id, admins } = await groupWithTwentyMembers();
    // the close is sent once a few commits are through, while the others are still queued on the group's row lock
    let answered = 0;
    let startClose!: () => void;
    const closeStarts = new Promise<void>((resolve) => (startClose = resolve));
    const commits = admins.map((admin, i) =>
      admin.gql(COMMIT, { id, volume: String(1000 + i) }).then((response) => {
        if (++answered === 3) startClose();
        return response;
      }),
    );
    const close = closeStarts.then(() => coordinator.gql(CLOSE, { id }));
    const results = await Promise.all([...commits, close]);
    const succeeded = await expectSerialAroundClose(id, results);
    console.log(`[concurrence, ${backend}] ${succeeded}/20 engagements pris avant la clôture, ${20 - succeeded} refusés après`);
  });

  // Deterministic overlap (PostgreSQL server only: PGlite has one connection, so nothing ever overlaps there).
  // The test holds the group's row lock from its own connection, queues 5 commits, then the close, then 15 commits
  // behind it, and releases: with the lock, the close lands among the commits (PostgreSQL wakes row-lock waiters
  // roughly, not strictly, in order) and every later commit sees CLOSED; without it, every commit has already read
  // "OPEN" and all 20 land, some after the close.
  it.runIf(backend === 'postgres')('lands a close strictly between queued commits (group row lock)', async () => {
    const { id, admins } = await groupWithTwentyMembers();
    const groupId = Number(Buffer.from(id, 'base64').toString().split(':')[1]);
    const name = (await t.db.sql.query<{ name: string }>('SELECT current_database() AS name'))[0]!.name;
    const holder = new pg.Client({ connectionString: withDatabase(process.env.TEST_DATABASE_URL!, name) });
    await holder.connect();
    // n transactions waiting for a lock, seen on four polls in a row (a transient wait of another statement must not
    // pass for a queued commit or close: the close must really be queued behind the first commits)
    const lockWaiters = async (n: number) => {
      for (let i = 0, seen = 0; i < 400; i++) {
        const [row] = (await holder.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [name],
        )).rows;
        seen = row.n >= n ? seen + 1 : 0;
        if (seen >= 4) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`${n} transactions attendues en attente du verrou`);
    };
    try {
      // 1. five commits before anything else: they land (the close cannot come first)
      const first = await Promise.all(admins.slice(0, 5).map((admin, i) => admin.gql(COMMIT, { id, volume: String(1000 + i) })));
      // 2. the group row held; eight commits, then the close, queue behind it (nine of the pool's ten connections);
      //    released together, they race: the lock must keep the outcome serial
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM "PurchasingGroup" WHERE id = $1 FOR UPDATE', [groupId]);
      const racing = admins.slice(5, 13).map((admin, i) => admin.gql(COMMIT, { id, volume: String(2000 + i) }));
      await lockWaiters(8);
      const close = coordinator.gql(CLOSE, { id });
      await lockWaiters(9);
      await holder.query('COMMIT');
      const raced = await Promise.all(racing);
      const closed = await close;
      // 3. seven commits after the close: refused (the close cannot come last)
      const late = await Promise.all(admins.slice(13).map((admin, i) => admin.gql(COMMIT, { id, volume: String(3000 + i) })));
      const succeeded = await expectSerialAroundClose(id, [...first, ...raced, ...late, closed]);
      console.log(`[verrou, postgres] ${succeeded}/20 engagements avant la clôture`);
      // 5 ≤ succeeded ≤ 13 by construction; strictly between 0 and 20 as the issue asks
      expect(succeeded).toBeGreaterThanOrEqual(5);
      expect(succeeded).toBeLessThanOrEqual(13);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
  });
});
