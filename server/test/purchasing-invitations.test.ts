// Invitations to a purchasing group, the coordinator as a member of its own group, and the exports (members CSV in the
// French convention, draft convention), over HTTP on both databases. Figures worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type Client, type TestApp } from './helpers.ts';

const CREATE = `mutation($input: CreatePurchasingGroupInput!) { createPurchasingGroup(input: $input) { __typename
  ... on MutationCreatePurchasingGroupSuccess { data { id } } ... on Error { code message } } }`;
const OPEN = `mutation($id: ID!) { openPurchasingGroup(id: $id) { __typename } }`;
const JOIN = `mutation($id: ID!, $v: Decimal!) { joinPurchasingGroup(id: $id, estimatedVolume: $v) { __typename ... on Error { code message } } }`;
const COMMIT = `mutation($id: ID!, $v: Decimal!) { commitToPurchasingGroup(id: $id, volume: $v) { __typename ... on Error { code message } } }`;
const INVITE = `mutation($g: ID!, $siren: String!, $message: String) { inviteToPurchasingGroup(groupId: $g, organizationSiren: $siren, message: $message) {
  __typename ... on MutationInviteToPurchasingGroupSuccess { data { id status message organization { siren } } }
  ... on Error { code message fields { field message } } } }`;
const ANSWER = `mutation($id: ID!, $accept: Boolean!, $v: Decimal) { answerGroupInvitation(invitationId: $id, accept: $accept, estimatedVolume: $v) {
  __typename ... on MutationAnswerGroupInvitationSuccess { data { id status answeredAt } } ... on Error { code message } } }`;
const RECEIVED = `{ receivedGroupInvitations(first: 20) { edges { node { id status viewerCanAnswer group { title } } } } }`;
const GROUP_INVITATIONS = `query($id: ID!) { purchasingGroup(id: $id) { invitations(first: 20) { edges { node { organization { siren } status } } }
  viewerInvitation { status } viewerMembership { status estimatedVolume } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on GroupInvitation { status } } }`;

const BESANCON = '212500565';
const GRAND_BESANCON = '242500361';
const DIJON = '242100410';
const inOneMonth = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();

describe.each(backends)('purchasing invitations and exports over HTTP on %s', (backend) => {
  let t: TestApp;
  let coordinator: Client;
  let besancon: Client;
  let agent: Client;
  let dijon: Client;
  beforeAll(async () => {
    t = await createTestApp(backend);
    coordinator = await t.signIn('dsi@grandbesancon.test');
    besancon = await t.signIn('dsi@besancon.test');
    agent = await t.signIn('agent@besancon.test');
    dijon = await t.signIn('dsi@dijon.test');
  });
  afterAll(() => t?.close());

  async function openGroup(title: string, input: Record<string, unknown>) {
    const created = await coordinator.gql(CREATE, { input: { title, toolSlug: 'leakmited', interestDeadline: inOneMonth(), ...input } });
    const id = created.data!.createPurchasingGroup.data.id as string;
    expect((await coordinator.gql(OPEN, { id })).data!.openPurchasingGroup.__typename).toBe('MutationOpenPurchasingGroupSuccess');
    return { id, number: Number(Buffer.from(id, 'base64').toString().split(':')[1]) };
  }

  const rows = async (sql: string, params: unknown[] = []) => t.db.sql.query<Record<string, unknown>>(sql, params);
  const counts = async (groupId: number) =>
    (await rows(`SELECT (SELECT count(*)::int FROM "GroupInvitation" WHERE "groupId" = $1) AS invitations,
       (SELECT count(*)::int FROM "GroupMembership" WHERE "groupId" = $1) AS memberships,
       (SELECT count(*)::int FROM "Notification" WHERE kind = 'GROUP_INVITATION') AS notifications`, [groupId]))[0];

  it('invites a collectivité by SIREN, notifies its ORG_ADMIN, and its acceptance makes it an interested member', async () => {
    const { id, number } = await openGroup('IA générative pour les communes du Doubs', {
      eligibility: 'EPCI_MEMBERS', allocationRule: 'BY_POPULATION', volumeUnit: 'INHABITANTS',
    });
    const before = await counts(number);

    // refused to whoever does not coordinate (Besançon's ORG_ADMIN and agent, Dijon), to visitors; nothing written
    for (const outsider of [besancon, agent, dijon]) {
      expect((await outsider.gql(INVITE, { g: id, siren: BESANCON })).data!.inviteToPurchasingGroup.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(INVITE, { g: id, siren: BESANCON })).data!.inviteToPurchasingGroup.code).toBe('UNAUTHENTICATED');
    // the eligibility holds for invitations too: Dijon is no commune of Grand Besançon; the coordinator joins by itself
    const ineligible = (await coordinator.gql(INVITE, { g: id, siren: DIJON })).data!.inviteToPurchasingGroup;
    expect(ineligible).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'organizationSiren', message: expect.stringMatching(/communes membres/) }] });
    const itself = (await coordinator.gql(INVITE, { g: id, siren: GRAND_BESANCON })).data!.inviteToPurchasingGroup;
    expect(itself).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/coordonne ce groupement/) });
    expect(await counts(number)).toEqual(before);

    const invited = (await coordinator.gql(INVITE, { g: id, siren: BESANCON, message: 'Rejoignez-nous avant l’été.' })).data!.inviteToPurchasingGroup;
    expect(invited).toMatchObject({ __typename: 'MutationInviteToPurchasingGroupSuccess', data: { status: 'PENDING', message: 'Rejoignez-nous avant l’été.', organization: { siren: BESANCON } } });
    const invitationId = invited.data.id as string;
    // the ORG_ADMIN of Besançon is told, with the group's readable address; its agent (MEMBER) is not
    const notes = await rows(
      `SELECT u.email, n.title, n.body, n.link FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE n.kind = 'GROUP_INVITATION' ORDER BY n.id`,
    );
    expect(notes.map((n) => n.email)).toEqual(['dsi@besancon.test']);
    expect(notes[0]).toMatchObject({
      title: 'Invitation au groupement « IA générative pour les communes du Doubs »',
      link: `/groupements/${number}-ia-generative-pour-les-communes-du-doubs`,
      body: expect.stringMatching(/^Grand Besançon Métropole invite Besançon .* Message : Rejoignez-nous avant l’été\.$/),
    });
    // once per group and organization
    const twice = (await coordinator.gql(INVITE, { g: id, siren: BESANCON })).data!.inviteToPurchasingGroup;
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'Besançon a déjà été invitée à ce groupement.' });

    // seen by the coordinator and the invited organization only
    const listed = async (c: Client) => (await c.gql(GROUP_INVITATIONS, { id })).data!.purchasingGroup;
    expect((await listed(coordinator)).invitations.edges).toEqual([{ node: { organization: { siren: BESANCON }, status: 'PENDING' } }]);
    expect((await listed(besancon)).viewerInvitation).toEqual({ status: 'PENDING' });
    expect((await listed(dijon)).invitations.edges).toEqual([]);
    expect((await listed(dijon)).viewerInvitation).toBeNull();
    expect((await t.gql(GROUP_INVITATIONS, { id })).data!.purchasingGroup.invitations.edges).toEqual([]);
    expect((await dijon.gql(NODE, { id: invitationId })).data!.node).toBeNull();
    expect((await besancon.gql(NODE, { id: invitationId })).data!.node).toEqual({ id: invitationId, status: 'PENDING' });
    const received = async (c: Client) => (await c.gql(RECEIVED)).data!.receivedGroupInvitations.edges.map((e: any) => e.node);
    expect(await received(besancon)).toEqual([{ id: invitationId, status: 'PENDING', viewerCanAnswer: true, group: { title: 'IA générative pour les communes du Doubs' } }]);
    expect((await received(agent)).map((n: any) => n.viewerCanAnswer)).toEqual([false]);
    expect(await received(dijon)).toEqual([]);
    expect(await received(t)).toEqual([]);

    // answered by the invited organization's ORG_ADMIN only: its agent and the coordinator are refused, Dijon does not see it
    const pending = await counts(number);
    expect((await agent.gql(ANSWER, { id: invitationId, accept: true })).data!.answerGroupInvitation.code).toBe('FORBIDDEN');
    expect((await coordinator.gql(ANSWER, { id: invitationId, accept: true })).data!.answerGroupInvitation.code).toBe('FORBIDDEN');
    expect((await dijon.gql(ANSWER, { id: invitationId, accept: true })).data!.answerGroupInvitation.code).toBe('NOT_FOUND');
    expect((await t.gql(ANSWER, { id: invitationId, accept: true })).data!.answerGroupInvitation.code).toBe('UNAUTHENTICATED');
    expect(await counts(number)).toEqual(pending);
    expect((await listed(besancon)).viewerMembership).toBeNull();

    const accepted = (await besancon.gql(ANSWER, { id: invitationId, accept: true, v: '118489' })).data!.answerGroupInvitation;
    expect(accepted).toMatchObject({ __typename: 'MutationAnswerGroupInvitationSuccess', data: { status: 'ACCEPTED', answeredAt: expect.any(String) } });
    expect((await listed(besancon)).viewerMembership).toEqual({ status: 'INTERESTED', estimatedVolume: '118489' });
    expect((await besancon.gql(ANSWER, { id: invitationId, accept: false })).data!.answerGroupInvitation).toMatchObject({ code: 'CONFLICT', message: 'Cette invitation a déjà été acceptée.' });
    expect(await received(besancon)).toEqual([]);

    // audited: who invited and who accepted, each for its own organization
    const events = await rows(
      `SELECT e.action, e."entityType", u.email, o.siren FROM "AuditEvent" e JOIN "User" u ON u.id = e."actorId" JOIN "Organization" o ON o.id = e."organizationId"
        WHERE e."entityType" = 'GroupInvitation' AND e."entityId" = $1 ORDER BY e.id`,
      [Buffer.from(invitationId, 'base64').toString().split(':')[1]],
    );
    expect(events).toEqual([
      { action: 'group.invite', entityType: 'GroupInvitation', email: 'dsi@grandbesancon.test', siren: GRAND_BESANCON },
      { action: 'group.acceptInvitation', entityType: 'GroupInvitation', email: 'dsi@besancon.test', siren: BESANCON },
    ]);
  });

  it('refuses invitations to a draft, and a declined invitation leaves no membership', async () => {
    const draft = await coordinator.gql(CREATE, {
      input: { title: 'Brouillon de groupement', toolSlug: 'leakmited', interestDeadline: inOneMonth(), allocationRule: 'EQUAL', volumeUnit: 'INHABITANTS' },
    });
    const draftId = draft.data!.createPurchasingGroup.data.id;
    expect((await coordinator.gql(INVITE, { g: draftId, siren: BESANCON })).data!.inviteToPurchasingGroup).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Ouvrez le groupement/) });
    const { id, number } = await openGroup('Groupement ouvert à tous', { allocationRule: 'EQUAL', volumeUnit: 'INHABITANTS' });
    const invitation = (await coordinator.gql(INVITE, { g: id, siren: DIJON })).data!.inviteToPurchasingGroup.data.id;
    expect((await dijon.gql(ANSWER, { id: invitation, accept: false })).data!.answerGroupInvitation.data.status).toBe('DECLINED');
    expect(await counts(number)).toMatchObject({ invitations: 1, memberships: 0 });
  });

  it('lets the coordinator commit to its own group: it takes its share like any member; CSV and convention follow', async () => {
    // 100 € per seat and year, 80 € from 100 seats; split by seats
    const { id, number } = await openGroup('Assistant; rédactionnel « Doubs »', {
      allocationRule: 'BY_SEATS', volumeUnit: 'SEATS', listUnitPrice: '100', tiers: [{ minVolume: '100', unitPrice: '80' }],
    });
    expect((await coordinator.gql(JOIN, { id, v: '30' })).data!.joinPurchasingGroup.__typename).toBe('MutationJoinPurchasingGroupSuccess');
    expect((await coordinator.gql(COMMIT, { id, v: '40' })).data!.commitToPurchasingGroup.__typename).toBe('MutationCommitToPurchasingGroupSuccess');
    await besancon.gql(JOIN, { id, v: '50' });
    await besancon.gql(COMMIT, { id, v: '60' });
    expect((await dijon.gql(JOIN, { id, v: '25.5' })).data!.joinPurchasingGroup.__typename).toBe('MutationJoinPurchasingGroupSuccess');
    const GROUP = `query($id: ID!) { purchasingGroup(id: $id) { economics { pooledVolume unitPrice total shares { organization { siren } share aloneCost savingsVsAlone } }
      membersCsv standard: membersCsv(format: STANDARD) conventionHtml } }`;
    const group = (await coordinator.gql(GROUP, { id })).data!.purchasingGroup;
    // committed 40 + 60 = 100 seats ≥ 100 → 80 €: 8,000 € a year; by seats, the coordinator 40/100 → 3,200 €, Besançon 4,800 €;
    // alone, 40 × 100 = 4,000 € and 60 × 100 = 6,000 € (no tier reached): savings 800 € and 1,200 €. Dijon, interested, pays nothing yet.
    expect(group.economics).toEqual({
      pooledVolume: '100', unitPrice: '80', total: '8000.00',
      shares: [
        { organization: { siren: GRAND_BESANCON }, share: '3200.00', aloneCost: '4000.00', savingsVsAlone: '800.00' },
        { organization: { siren: BESANCON }, share: '4800.00', aloneCost: '6000.00', savingsVsAlone: '1200.00' },
      ],
    });
    expect(group.membersCsv).toBe(
      '\uFEFFSIREN;Collectivité;Statut;Volume estimé;Volume engagé;Part annuelle (€ HT);Coût seul (€ HT);Économie (€ HT)\r\n' +
        '212500565;Besançon;engagée;50;60;4800,00;6000,00;1200,00\r\n' +
        '242100410;Dijon Métropole;intéressée;25,5;;;;\r\n' +
        '242500361;Grand Besançon Métropole;engagée;30;40;3200,00;4000,00;800,00\r\n' +
        ';Total;;;100;8000,00;;2000,00\r\n',
    );
    expect(new TextEncoder().encode(group.membersCsv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(group.standard.split('\r\n')[1]).toBe('212500565,Besançon,COMMITTED,50,60,4800.00,6000.00,1200.00');

    const html: string = group.conventionHtml;
    expect(html).toContain('Projet — à faire valider par vos services juridiques.');
    expect(html).toContain('Assistant; rédactionnel « Doubs »');
    expect(html).not.toContain('Données de démonstration');
    // signatories: the committed members only, by name; Dijon (interested) listed apart
    expect([...html.matchAll(/<div class="signature"><p><strong>Pour ([^<]+)<\/strong>/g)].map((m) => m[1])).toEqual(['Besançon', 'Grand Besançon Métropole']);
    expect(html).toMatch(/Collectivités intéressées, non signataires[^<]*Dijon Métropole\./);
    expect(html).not.toMatch(/<td>Dijon Métropole<\/td>/);
    expect(html).toContain('<td>Besançon</td><td>212500565</td><td class="n">60 sièges</td>');
    expect(html).toContain('4\u202F800,00 € HT</td><td class="n">60,00 %</td>');
    expect(html).toContain('3\u202F200,00 € HT</td><td class="n">40,00 %</td>');
    expect(html).toContain('Le coût annuel, 8\u202F000,00 € HT pour un volume engagé de 100 sièges');
    for (const clause of ['de sa signature et de sa notification', 'Article 6 — Durée', 'Article 7 — Adhésion et retrait', 'Article 8 — Comité de suivi']) {
      expect(html).toContain(clause);
    }
    expect(html).not.toContain('il ne s’est pas encore engagé');

    // a demo group says so
    await t.db.sql.query(`UPDATE "PurchasingGroup" SET "isDemo" = true WHERE id = $1`, [number]);
    expect((await coordinator.gql(GROUP, { id })).data!.purchasingGroup.conventionHtml).toContain('Données de démonstration : ce groupement est fictif.');
  });
});
