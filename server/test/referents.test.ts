import { randomBytes } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/modules/auth/session.ts';
import { backends, createTestApp, type Client, type TestApp } from './helpers.ts';

// Referents over GraphQL on PGlite and PostgreSQL: declaring requires a deployment of the tool by one's organization,
// the list puts the nearest first (worked out by hand from the registry: Thise and Besançon are communes of Grand
// Besançon Métropole, Pontarlier is elsewhere in the Doubs, Dole in the Jura — Bourgogne-Franche-Comté —, Lyon in
// Auvergne-Rhône-Alpes), withdrawal and refused consent hide, and a message never gives the referent's address away
// before the referent answers: not in the sender's view, not through node(id:), not in any notification (the e-mail
// outbox). Rate limit, report, audit events.

const TOOL = 'albert';
const SIRENS = { thise: '212505606', besancon: '212500565', grandBesancon: '242500361', pontarlier: '212504625', dole: '213901986', lyon: '216901231', dijon: '242100410' };

/** The people of the test: [e-mail, organization]; the demo accounts exist already. */
const NEW_PEOPLE = {
  thise: ['agent@thise.test', SIRENS.thise],
  pontarlier: ['agent@pontarlier.test', SIRENS.pontarlier],
  dole: ['agent@dole.test', SIRENS.dole],
  lyon: ['agent@lyon.test', SIRENS.lyon],
} as const;
const DEMO_PEOPLE = {
  besancon: 'agent@besancon.test',
  grandBesancon: 'dsi@grandbesancon.test',
  dijon: 'dsi@dijon.test',
  pending: 'nouvel.agent@besancon.test',
  admin: 'admin@mutualis.test',
  auditor: 'auditeur@mutualis.test',
} as const;
type Person = keyof typeof NEW_PEOPLE | keyof typeof DEMO_PEOPLE;
const EMAIL: Record<Person, string> = { ...Object.fromEntries(Object.entries(NEW_PEOPLE).map(([k, v]) => [k, v[0]])), ...DEMO_PEOPLE } as Record<Person, string>;

const BECOME = `mutation($tool: ID!, $help: String!, $consent: Boolean!) {
  becomeReferent(toolId: $tool, helpWith: $help, consentToContact: $consent) {
    __typename ... on MutationBecomeReferentSuccess { data { id helpWith consentToContact withdrawnAt } } ... on Error { code message fields { field } } } }`;
const LIST = `query($slug: String!, $first: Int, $after: String) { tool(slug: $slug) {
  referents(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name helpWith deploymentStatus viewerProximity viewerProximityLabel viewerCanContact organization { siren name } } } } } }`;
const CONTACT = `mutation($id: ID!, $message: String!) { contactReferent(referentId: $id, message: $message) {
  __typename ... on MutationContactReferentSuccess { data { id status referentEmail referentName message } }
  ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } } }`;
const CONTACT_FIELDS = 'id status message answer referentEmail referentName senderName viewerIsReferent reportReason referentOrganization { siren } tool { slug }';
const ANSWER = `mutation($id: ID!, $answer: String!) { answerReferentContact(contactId: $id, answer: $answer) {
  __typename ... on MutationAnswerReferentContactSuccess { data { ${CONTACT_FIELDS} } } ... on Error { code message } } }`;
const DECLINE = `mutation($id: ID!) { declineReferentContact(contactId: $id) {
  __typename ... on MutationDeclineReferentContactSuccess { data { status referentEmail } } ... on Error { code message } } }`;
const REPORT = `mutation($id: ID!, $reason: String!) { reportReferentContact(contactId: $id, reason: $reason) {
  __typename ... on MutationReportReferentContactSuccess { data { status reportReason } } ... on Error { code message } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawReferent(id: $id) {
  __typename ... on MutationWithdrawReferentSuccess { data { id withdrawnAt } } ... on Error { code message } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on ReferentContact { ${CONTACT_FIELDS} } ... on ToolReferent { helpWith withdrawnAt } } }`;

describe.each(backends)('referents (%s)', (backend) => {
  let t: TestApp;
  const as = {} as Record<Person | 'anonymous', Client>;
  let toolId: string;
  const referentOf = {} as Record<Person, string>;
  const users = {} as Record<Person, number>;
  const sql = <T>(text: string, params?: unknown[]) => t.db.sql.query<T & Record<string, unknown>>(text, params);
  const count = async (table: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp(backend);
    await sql(
      `INSERT INTO "User" (email, name, "organizationId", roles, "membershipStatus", "updatedAt")
       SELECT x.email, x.name, o.id, ARRAY['MEMBER']::"Role"[], 'APPROVED', now()
         FROM json_to_recordset($1::json) AS x(email text, name text, siren text) JOIN "Organization" o ON o.siren = x.siren`,
      [JSON.stringify(Object.entries(NEW_PEOPLE).map(([key, [email, siren]]) => ({ email, siren, name: `Agent de ${key}` })))],
    );
    for (const row of await sql<{ email: string; id: number }>(`SELECT email, id FROM "User" WHERE email = ANY($1::text[])`, [Object.values(EMAIL)])) {
      users[(Object.keys(EMAIL) as Person[]).find((p) => EMAIL[p] === row.email)!] = row.id;
    }
    expect(Object.keys(users).sort()).toEqual(Object.keys(EMAIL).sort());
    // sessions straight into the table (no sign-in: no argon2, no login limit)
    for (const person of Object.keys(EMAIL) as Person[]) {
      const token = randomBytes(32).toString('base64url');
      await sql(`INSERT INTO "Session" ("tokenHash", "userId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [hashToken(token), users[person]]);
      as[person] = t.client(`mutualis_session=${token}`);
    }
    as.anonymous = t.client();
    const [tool] = await sql<{ id: number }>(`SELECT id FROM "Tool" WHERE slug = $1`, [TOOL]);
    toolId = encodeGlobalID('Tool', tool!.id);
    await sql(`DELETE FROM "ToolReferent" WHERE "toolId" = $1`, [tool!.id]);
    // deployments of the tool: Dijon only explores it (not enough to be referent), Thise has none
    const deployments = { besancon: 'PRODUCTION', grandBesancon: 'PILOT', pontarlier: 'PRODUCTION', dole: 'PILOT', lyon: 'PRODUCTION', dijon: 'EXPLORING' };
    await sql(
      `INSERT INTO "Deployment" ("organizationId", "toolId", status, "updatedAt")
       SELECT o.id, $2, x.status::"DeploymentStatus", now() FROM json_to_recordset($1::json) AS x(siren text, status text) JOIN "Organization" o ON o.siren = x.siren
       ON CONFLICT ("organizationId", "toolId") DO UPDATE SET status = EXCLUDED.status`,
      [JSON.stringify(Object.entries(deployments).map(([key, status]) => ({ siren: SIRENS[key as keyof typeof SIRENS], status }))), tool!.id],
    );
    await sql(`DELETE FROM "Deployment" WHERE "toolId" = $1 AND "organizationId" = (SELECT id FROM "Organization" WHERE siren = $2)`, [tool!.id, SIRENS.thise]);
  });
  afterAll(() => t?.close());

  const become = (who: Person | 'anonymous', help = `Je peux aider sur le déploiement (${who}).`, consent = true) =>
    as[who].gql(BECOME, { tool: toolId, help, consent }).then((r) => r.data!.becomeReferent);
  const list = async (who: Person | 'anonymous', first = 20, after: string | null = null) => {
    const response = await as[who].gql(LIST, { slug: TOOL, first, after });
    expect(response.errors).toBeUndefined();
    return response.data!.tool.referents;
  };
  const sirensOf = (connection: { edges: { node: { organization: { siren: string } } }[] }) => connection.edges.map((e) => e.node.organization.siren);

  it('refuses a declaration without a deployment (in pilot or production) of the tool, typed, writing nothing', async () => {
    const before = await count('ToolReferent');
    expect(await become('anonymous')).toMatchObject({ __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
    expect(await become('thise')).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN', message: expect.stringContaining('déclarez d’abord son déploiement') });
    // exploring is not deploying
    expect(await become('dijon')).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(await become('pending')).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(await become('admin')).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    // deploys it, but says too little
    expect(await become('besancon', 'Tout')).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', fields: [{ field: 'helpWith' }] });
    expect(await become('besancon', 'x'.repeat(501))).toMatchObject({ __typename: 'ValidationError', fields: [{ field: 'helpWith' }] });
    expect(await count('ToolReferent')).toBe(before);
  });

  it('lists referents nearest first: same EPCI, département, région, then elsewhere, the newest first within each', async () => {
    // declared in this order, so that recency alone would give another order
    for (const who of ['besancon', 'pontarlier', 'grandBesancon', 'lyon', 'dole'] as const) {
      const declared = await become(who);
      expect(declared.__typename, JSON.stringify(declared)).toBe('MutationBecomeReferentSuccess');
      referentOf[who] = declared.data.id;
    }
    const fromThise = await list('thise');
    expect(fromThise.totalCount).toBe(5);
    expect(sirensOf(fromThise)).toEqual([SIRENS.grandBesancon, SIRENS.besancon, SIRENS.pontarlier, SIRENS.dole, SIRENS.lyon]);
    expect(fromThise.edges.map((e: any) => [e.node.viewerProximity, e.node.viewerProximityLabel, e.node.deploymentStatus])).toEqual([
      ['SAME_EPCI', 'même intercommunalité', 'PILOT'],
      ['SAME_EPCI', 'même intercommunalité', 'PRODUCTION'],
      ['SAME_DEPARTEMENT', 'même département', 'PRODUCTION'],
      ['SAME_REGION', 'même région', 'PILOT'],
      ['ELSEWHERE', 'ailleurs', 'PRODUCTION'],
    ]);
    expect(fromThise.edges[1].node).toMatchObject({ name: 'Agent de la Ville de Besançon', viewerCanContact: true, organization: { name: 'Besançon' } });
    // Dijon Métropole (Côte-d'Or, Bourgogne-Franche-Comté): nobody in its EPCI or département
    expect(sirensOf(await list('dijon'))).toEqual([SIRENS.dole, SIRENS.grandBesancon, SIRENS.pontarlier, SIRENS.besancon, SIRENS.lyon]);
    // a visitor: no proximity, the newest first
    const anonymous = await list('anonymous');
    expect(sirensOf(anonymous)).toEqual([SIRENS.dole, SIRENS.lyon, SIRENS.grandBesancon, SIRENS.pontarlier, SIRENS.besancon]);
    expect(anonymous.edges.map((e: any) => [e.node.viewerProximity, e.node.viewerCanContact])).toEqual(Array(5).fill([null, false]));
    // pages follow the same order
    const first = await list('thise', 2);
    const rest = await list('thise', 3, first.pageInfo.endCursor);
    expect([...sirensOf(first), ...sirensOf(rest)]).toEqual(sirensOf(fromThise));
    // no address anywhere
    expect(JSON.stringify([fromThise, anonymous])).not.toMatch(/@/);
  });

  it('hides a withdrawn referent (their own withdrawal only), and a declaration again reactivates it', async () => {
    expect((await as.thise.gql(WITHDRAW, { id: referentOf.lyon })).data!.withdrawReferent).toMatchObject({ __typename: 'ForbiddenError' });
    const withdrawn = (await as.lyon.gql(WITHDRAW, { id: referentOf.lyon })).data!.withdrawReferent;
    expect(withdrawn).toMatchObject({ __typename: 'MutationWithdrawReferentSuccess', data: { id: referentOf.lyon, withdrawnAt: expect.any(String) } });
    expect((await as.lyon.gql(WITHDRAW, { id: referentOf.lyon })).data!.withdrawReferent).toMatchObject({ __typename: 'ConflictError' });
    expect(sirensOf(await list('thise'))).toEqual([SIRENS.grandBesancon, SIRENS.besancon, SIRENS.pontarlier, SIRENS.dole]);
    expect((await list('anonymous')).totalCount).toBe(4);
    // the node: its author still sees it, nobody else
    expect((await as.anonymous.gql(NODE, { id: referentOf.lyon })).data!.node).toBeNull();
    expect((await as.thise.gql(NODE, { id: referentOf.lyon })).data!.node).toBeNull();
    expect((await as.lyon.gql(NODE, { id: referentOf.lyon })).data!.node).toMatchObject({ withdrawnAt: expect.any(String) });
    // no message to a withdrawn referent
    expect((await as.thise.gql(CONTACT, { id: referentOf.lyon, message: 'Bonjour, une question sur Albert.' })).data!.contactReferent).toMatchObject({ code: 'NOT_FOUND' });
    const again = await become('lyon', 'De retour : les marchés publics.');
    expect(again).toMatchObject({ __typename: 'MutationBecomeReferentSuccess', data: { id: referentOf.lyon, withdrawnAt: null, helpWith: 'De retour : les marchés publics.' } });
    expect(sirensOf(await list('thise')).at(-1)).toBe(SIRENS.lyon);
  });

  it('keeps a referent who refuses contact out of the list and out of reach', async () => {
    expect(await become('pontarlier', 'Je préfère ne plus être sollicité.', false)).toMatchObject({ data: { consentToContact: false } });
    expect(sirensOf(await list('thise'))).not.toContain(SIRENS.pontarlier);
    const refused = await as.thise.gql(CONTACT, { id: referentOf.pontarlier, message: 'Bonjour, une question sur Albert.' });
    expect(refused.data!.contactReferent).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await become('pontarlier', 'De nouveau joignable pour le déploiement.', true)).toMatchObject({ data: { consentToContact: true } });
  });

  let contactId: string;
  it('relays a message without ever giving the referent’s address before the referent answers', async () => {
    const message = 'Bonjour, comment avez-vous formé vos agents à Albert ?';
    expect((await as.besancon.gql(CONTACT, { id: referentOf.besancon, message })).data!.contactReferent).toMatchObject({ __typename: 'ValidationError' });
    expect((await as.auditor.gql(CONTACT, { id: referentOf.besancon, message })).data!.contactReferent).toMatchObject({ __typename: 'ForbiddenError' });
    expect((await as.thise.gql(CONTACT, { id: referentOf.besancon, message: 'Court' })).data!.contactReferent).toMatchObject({ __typename: 'ValidationError' });
    const [{ max: lastNotification }] = (await sql<{ max: number }>(`SELECT coalesce(max(id), 0) AS max FROM "Notification"`)) as [{ max: number }];
    const sent = (await as.thise.gql(CONTACT, { id: referentOf.besancon, message })).data!.contactReferent;
    expect(sent).toMatchObject({ __typename: 'MutationContactReferentSuccess', data: { status: 'SENT', referentEmail: null, referentName: 'Agent de la Ville de Besançon', message } });
    contactId = sent.data.id;

    // the sender's view, node(id:) and list: no address
    const asSender = (await as.thise.gql(NODE, { id: contactId })).data!.node;
    expect(asSender).toMatchObject({ status: 'SENT', referentEmail: null, viewerIsReferent: false, senderName: 'Agent de thise' });
    const sentList = await as.thise.gql(`{ viewer { referentContactsSent(first: 10) { edges { node { ${CONTACT_FIELDS} } } } } }`);
    expect(JSON.stringify(sentList.data)).not.toContain('besancon.test');
    // the referent receives it, in the app and in the e-mail outbox (a notification row): no address in either
    const received = await as.besancon.gql(`{ viewer { referentContactsReceived(first: 10) { edges { node { id message senderName viewerIsReferent } } } } }`);
    expect(received.data!.viewer.referentContactsReceived.edges).toEqual([{ node: { id: contactId, message, senderName: 'Agent de thise', viewerIsReferent: true } }]);
    const notifications = await sql<{ userId: number; title: string; body: string; link: string }>(
      `SELECT "userId", title, body, link FROM "Notification" WHERE id > $1 ORDER BY id`,
      [lastNotification],
    );
    expect(notifications).toEqual([
      {
        userId: users.besancon,
        title: 'Message de Agent de thise (Thise) sur Albert',
        body: `« ${message} » Répondez depuis « Mes échanges » : votre adresse ne lui est communiquée que si vous répondez.`,
        link: '/mes-echanges',
      },
    ]);
    const outbox = await sql<{ text: string }>(`SELECT title || ' ' || body AS text FROM "Notification" WHERE "userId" IN ($1, $2)`, [users.thise, users.besancon]);
    for (const row of outbox) expect(row.text).not.toMatch(/@/);
    // nobody else sees the message
    for (const who of ['anonymous', 'dole', 'admin', 'auditor'] as const) expect((await as[who].gql(NODE, { id: contactId })).data!.node, who).toBeNull();
    const nodes = await as.dole.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [contactId] });
    expect(nodes).toEqual({ data: { nodes: [null] } });

    // only the referent answers; the sender is refused, others do not see it
    expect((await as.thise.gql(ANSWER, { id: contactId, answer: 'Je me réponds.' })).data!.answerReferentContact).toMatchObject({ code: 'FORBIDDEN' });
    expect((await as.dole.gql(ANSWER, { id: contactId, answer: 'Pas moi.' })).data!.answerReferentContact).toMatchObject({ code: 'NOT_FOUND' });
    const answer = 'Avec deux demi-journées de formation ; écrivez-moi directement.';
    const answered = (await as.besancon.gql(ANSWER, { id: contactId, answer })).data!.answerReferentContact;
    expect(answered).toMatchObject({ __typename: 'MutationAnswerReferentContactSuccess', data: { status: 'ANSWERED', answer } });
    expect((await as.besancon.gql(ANSWER, { id: contactId, answer })).data!.answerReferentContact).toMatchObject({ code: 'CONFLICT' });

    // now the sender sees the address, in the node and the list
    expect((await as.thise.gql(NODE, { id: contactId })).data!.node).toMatchObject({ status: 'ANSWERED', answer, referentEmail: 'agent@besancon.test' });
    const after = await as.thise.gql(`{ viewer { referentContactsSent(first: 10) { edges { node { referentEmail } } } } }`);
    expect(after.data!.viewer.referentContactsSent.edges).toEqual([{ node: { referentEmail: 'agent@besancon.test' } }]);
    const [told] = await sql<{ title: string; link: string }>(`SELECT title, link FROM "Notification" WHERE "userId" = $1 ORDER BY id DESC LIMIT 1`, [users.thise]);
    expect(told).toEqual({ title: 'Réponse de Agent de la Ville de Besançon (Besançon) sur Albert', link: '/mes-echanges' });
  });

  it('a declined message keeps the address hidden', async () => {
    const sent = (await as.dole.gql(CONTACT, { id: referentOf.grandBesancon, message: 'Bonjour, avez-vous mesuré le gain de temps ?' })).data!.contactReferent;
    const declined = (await as.grandBesancon.gql(DECLINE, { id: sent.data.id })).data!.declineReferentContact;
    expect(declined).toMatchObject({ __typename: 'MutationDeclineReferentContactSuccess', data: { status: 'DECLINED', referentEmail: 'dsi@grandbesancon.test' } });
    expect((await as.dole.gql(NODE, { id: sent.data.id })).data!.node).toMatchObject({ status: 'DECLINED', referentEmail: null });
  });

  it('limits messages to 5 an hour and 20 a day per sender, with a typed RATE_LIMITED refusal that writes nothing', async () => {
    // Thise sent one message already
    for (let i = 2; i <= 5; i++) {
      const sent = await as.thise.gql(CONTACT, { id: referentOf.dole, message: `Question numéro ${i} sur Albert.` });
      expect(sent.data!.contactReferent.__typename, JSON.stringify(sent)).toBe('MutationContactReferentSuccess');
    }
    const before = await count('ReferentContact');
    const refused = (await as.thise.gql(CONTACT, { id: referentOf.dole, message: 'Question numéro 6 sur Albert.' })).data!.contactReferent;
    expect(refused).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED', message: expect.stringContaining('5 messages à des référents par heure') });
    expect(refused.retryAfterSeconds).toBeGreaterThan(3500);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(await count('ReferentContact')).toBe(before);
    // two hours later, with 15 more messages sent within the day: 20, the daily limit
    await sql(`UPDATE "ReferentContact" SET "createdAt" = now() - interval '2 hours' WHERE "senderId" = $1`, [users.thise]);
    await sql(
      `INSERT INTO "ReferentContact" ("referentId", "senderId", message, "createdAt") SELECT $1, $2, 'Ancien message', now() - interval '3 hours' FROM generate_series(1, 15)`,
      [Number(Buffer.from(referentOf.dole, 'base64').toString().split(':')[1]), users.thise],
    );
    const daily = (await as.thise.gql(CONTACT, { id: referentOf.dole, message: 'Question du soir sur Albert.' })).data!.contactReferent;
    expect(daily).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('20 messages à des référents par jour') });
    // another sender is not concerned
    expect((await as.lyon.gql(CONTACT, { id: referentOf.dole, message: 'Bonjour de Lyon, une question.' })).data!.contactReferent.__typename).toBe('MutationContactReferentSuccess');
  });

  it('lets the referent report an abusive message: the platform’s ADMINs are told, the sender may no longer write', async () => {
    const sent = (await as.dole.gql(CONTACT, { id: referentOf.besancon, message: 'Achetez notre solution miracle !' })).data!.contactReferent;
    expect((await as.dole.gql(REPORT, { id: sent.data.id, reason: 'Démarchage' })).data!.reportReferentContact).toMatchObject({ code: 'FORBIDDEN' });
    expect((await as.besancon.gql(REPORT, { id: sent.data.id, reason: 'x' })).data!.reportReferentContact).toMatchObject({ code: 'VALIDATION' });
    const reported = (await as.besancon.gql(REPORT, { id: sent.data.id, reason: 'Démarchage commercial' })).data!.reportReferentContact;
    expect(reported).toEqual({ __typename: 'MutationReportReferentContactSuccess', data: { status: 'REPORTED', reportReason: 'Démarchage commercial' } });
    expect((await as.besancon.gql(REPORT, { id: sent.data.id, reason: 'Démarchage commercial' })).data!.reportReferentContact).toMatchObject({ code: 'CONFLICT' });
    // the sender does not see the reason
    expect((await as.dole.gql(NODE, { id: sent.data.id })).data!.node).toMatchObject({ status: 'REPORTED', reportReason: null, referentEmail: null });
    const [admin] = await sql<{ title: string; body: string }>(`SELECT title, body FROM "Notification" WHERE "userId" = $1 ORDER BY id DESC LIMIT 1`, [users.admin]);
    expect(admin!.title).toBe('Message signalé par un référent de Albert');
    expect(admin!.body).toContain('Motif : Démarchage commercial');
    expect(admin!.body).toContain('« Achetez notre solution miracle ! »');
    expect((await as.dole.gql(CONTACT, { id: referentOf.besancon, message: 'Je réessaie quand même.' })).data!.contactReferent).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('audits every change, without the messages’ text', async () => {
    const events = await sql<{ action: string; entityType: string; actorId: number; after: Record<string, unknown> }>(
      `SELECT action, "entityType", "actorId", after FROM "AuditEvent" WHERE action LIKE 'referent.%' ORDER BY id`,
    );
    const R = 'ToolReferent';
    const C = 'ReferentContact';
    expect(events.map((e) => [e.action, e.entityType, e.actorId])).toEqual([
      ...(['besancon', 'pontarlier', 'grandBesancon', 'lyon', 'dole'] as const).map((who) => ['referent.declare', R, users[who]]),
      ['referent.withdraw', R, users.lyon],
      ['referent.declare', R, users.lyon],
      ['referent.update', R, users.pontarlier],
      ['referent.update', R, users.pontarlier],
      ['referent.contact', C, users.thise],
      ['referent.answer', C, users.besancon],
      ['referent.contact', C, users.dole],
      ['referent.decline', C, users.grandBesancon],
      ...[2, 3, 4, 5].map(() => ['referent.contact', C, users.thise]),
      ['referent.contact', C, users.lyon],
      ['referent.contact', C, users.dole],
      ['referent.report', C, users.besancon],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/Bonjour|Achetez|demi-journées/);
    // the log names the referent's tool and organization
    const log = await as.admin.gql(`{ auditEvents(first: 30) { edges { node { action entityLabel } } } }`);
    const named = log.data!.auditEvents.edges.map((e: any) => e.node).filter((n: any) => n.action.startsWith('referent.'));
    expect(named).toContainEqual({ action: 'referent.withdraw', entityLabel: 'Référent d’un outil : Albert — Lyon' });
    expect(named).toContainEqual({ action: 'referent.report', entityLabel: 'Message à un référent : Albert' });
  });
});
