// Onboarding over HTTP (issue 14): nobody stays pending. A person signs up for a commune without ORG_ADMIN (Saône), the
// platform ADMIN sees it in the queue with its hints and decides; refusals need a reason; the first member asks for
// the ORG_ADMIN role; a pending person withdraws; notifications reach whom they concern, and nobody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, clientFor, createTestApp, sessionCookieOf, type Client, type TestApp } from './helpers.ts';

const SAONE = '212505325';
const PASSWORD = 'un-mot-de-passe-solide';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename
  ... on MutationSignUpSuccess { data { id membershipStatus } } ... on Error { code message } } }`;
const QUEUE = `{ pendingMemberships(first: 100) { totalCount edges { node {
  kind since emailDomain domainHint domainMatchesOrganization proconnectVerifiedAt adminRequestReason
  person { id name email } organization { name kind departementCode population } } } } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $reason: String) { decideMembership(userId: $id, approve: $approve, reason: $reason) {
  __typename ... on MutationDecideMembershipSuccess { data { id membershipStatus } } ... on Error { code message fields { field } } } }`;
const DECIDE_ADMIN = `mutation($id: ID!, $approve: Boolean!, $reason: String) { decideAdminRequest(userId: $id, approve: $approve, reason: $reason) {
  __typename ... on MutationDecideAdminRequestSuccess { data { id roles } } ... on Error { code message } } }`;
const REQUEST_ADMIN = `mutation($reason: String!) { requestOrganizationAdmin(reason: $reason) { __typename
  ... on MutationRequestOrganizationAdminSuccess { data { id adminRequestStatus } } ... on Error { code message } } }`;
const ME = `{ viewer { id membershipStatus membershipDecisionReason roles adminRequestStatus viewerCanRequestOrganizationAdmin
  pendingDecision { kind deciders deciderCount byPlatformTeam since } unreadNotificationCount
  notifications(first: 20) { edges { node { id kind title body link read } } } } }`;

describe.each(backends)('onboarding (%s)', (backend) => {
  let t: TestApp;
  let admin: Client;
  let member: Client;

  /** Signs a new person up for Saône and returns their client and global id. */
  async function apply(email: string, name: string): Promise<{ client: Client; id: string }> {
    const response = await t.post({ query: SIGN_UP, variables: { input: { email, password: PASSWORD, name, organizationSiren: SAONE } } });
    const body = await response.json();
    expect(body.data.signUp.__typename).toBe('MutationSignUpSuccess');
    return { client: clientFor(t.app, sessionCookieOf(response)), id: body.data.signUp.data.id };
  }
  const row = (email: string) => t.db.prisma.user.findUniqueOrThrow({ where: { email } });
  const queueOf = async (client: Client) => (await client.gql(QUEUE)).data!.pendingMemberships.edges.map((e: any) => e.node);
  const me = async (client: Client) => (await client.gql(ME)).data!.viewer;

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.signIn('admin@mutualis.test');
    member = await t.signIn('agent@besancon.test');
  });
  afterAll(() => t?.close());

  it('a sign-up for a commune without ORG_ADMIN reaches the platform team, which approves it; the person is told', async () => {
    const saone = await t.db.prisma.organization.findUniqueOrThrow({ where: { siren: SAONE } });
    expect(saone.name).toBe('Saône');
    const jeanne = await apply('jeanne.martin@mairie-saone.fr', 'Jeanne Martin');

    // the pending person sees who decides and since when, never an address
    const waiting = await me(jeanne.client);
    expect(waiting.pendingDecision).toMatchObject({ kind: 'MEMBERSHIP', deciders: 'l’équipe Mutualis', deciderCount: 0, byPlatformTeam: true });
    expect(JSON.stringify(waiting.pendingDecision)).not.toContain('@');

    // the platform ADMINs were told in the sign-up's transaction
    const adminView = await me(admin);
    expect(adminView.notifications.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ kind: 'MEMBERSHIP_REQUESTED', body: 'Jeanne Martin demande à rejoindre Saône.', link: '/administration/adhesions', read: false }),
    );

    const queue = await queueOf(admin);
    const item = queue.find((i: any) => i.person.id === jeanne.id);
    expect(item).toMatchObject({
      kind: 'MEMBERSHIP',
      emailDomain: 'mairie-saone.fr',
      domainHint: 'ORGANIZATION_NAME',
      domainMatchesOrganization: true,
      proconnectVerifiedAt: null,
      person: { name: 'Jeanne Martin', email: 'jeanne.martin@mairie-saone.fr' },
      organization: { name: 'Saône', kind: 'COMMUNE', departementCode: '25', population: saone.population },
    });
    // Besançon has an ORG_ADMIN: its pending applicant is decided there, not in this queue
    expect(queue.map((i: any) => i.person.email)).not.toContain('nouvel.agent@besancon.test');
    // oldest first
    const since = queue.map((i: any) => i.since);
    expect([...since].sort()).toEqual(since);

    const approved = await admin.gql(DECIDE, { id: jeanne.id, approve: true, reason: 'Adresse de la mairie.' });
    expect(approved.data!.decideMembership.data).toMatchObject({ membershipStatus: 'APPROVED' });
    const saved = await row('jeanne.martin@mairie-saone.fr');
    expect(saved).toMatchObject({ membershipStatus: 'APPROVED', membershipDecisionReason: 'Adresse de la mairie.' });
    expect(saved.membershipDecidedAt).toBeInstanceOf(Date);
    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'membership.approve', entityId: String(saved.id) } });
    expect(event.after).toMatchObject({ membershipStatus: 'APPROVED', membershipDecisionReason: 'Adresse de la mairie.' });

    const after = await me(jeanne.client);
    expect(after.membershipStatus).toBe('APPROVED');
    expect(after.pendingDecision).toBeNull();
    expect(after.unreadNotificationCount).toBe(1);
    expect(after.notifications.edges[0].node).toMatchObject({
      kind: 'MEMBERSHIP_APPROVED',
      title: 'Adhésion approuvée : Saône',
      body: expect.stringContaining('Motif : Adresse de la mairie.'),
      link: '/mon-organisation',
    });
    expect((await queueOf(admin)).map((i: any) => i.person.id)).not.toContain(jeanne.id);
    // decided once
    expect((await admin.gql(DECIDE, { id: jeanne.id, approve: false, reason: 'Trop tard' })).data!.decideMembership.code).toBe('CONFLICT');
  });

  it('a refusal needs a reason, and the person is told why', async () => {
    const paul = await apply('paul@gmail.com', 'Paul Durand');
    const item = (await queueOf(admin)).find((i: any) => i.person.id === paul.id);
    expect(item).toMatchObject({ domainHint: 'PERSONAL_MAILBOX', domainMatchesOrganization: false });

    const noReason = await admin.gql(DECIDE, { id: paul.id, approve: false });
    expect(noReason.data!.decideMembership).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'reason' }] });
    const tooLong = await admin.gql(DECIDE, { id: paul.id, approve: false, reason: 'x'.repeat(501) });
    expect(tooLong.data!.decideMembership.code).toBe('VALIDATION');
    expect((await row('paul@gmail.com')).membershipStatus).toBe('PENDING');

    const refused = await admin.gql(DECIDE, { id: paul.id, approve: false, reason: 'Adresse personnelle, aucun lien établi avec la commune.' });
    expect(refused.data!.decideMembership.data.membershipStatus).toBe('REJECTED');
    const view = await me(paul.client);
    expect(view.membershipDecisionReason).toBe('Adresse personnelle, aucun lien établi avec la commune.');
    expect(view.notifications.edges[0].node).toMatchObject({
      kind: 'MEMBERSHIP_REJECTED',
      body: 'Votre demande d’adhésion à Saône a été refusée. Motif : Adresse personnelle, aucun lien établi avec la commune.',
    });
  });

  it('a member or an anonymous visitor may neither read the queue nor decide, and nothing changes', async () => {
    const lea = await apply('lea@saone.fr', 'Léa Petit');
    expect((await t.gql(QUEUE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await member.gql(QUEUE)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(DECIDE, { id: lea.id, approve: true })).data!.decideMembership.code).toBe('UNAUTHENTICATED');
    expect((await member.gql(DECIDE, { id: lea.id, approve: true })).data!.decideMembership.code).toBe('FORBIDDEN');
    // the applicant cannot approve themself either
    expect((await lea.client.gql(DECIDE, { id: lea.id, approve: true })).data!.decideMembership.code).toBe('FORBIDDEN');
    expect((await member.gql(DECIDE_ADMIN, { id: lea.id, approve: true })).data!.decideAdminRequest.code).toBe('FORBIDDEN');
    const saved = await row('lea@saone.fr');
    expect(saved).toMatchObject({ membershipStatus: 'PENDING', membershipDecidedAt: null, roles: ['MEMBER'] });
  });

  it('the first approved member asks for the ORG_ADMIN role; the platform team grants it; then the new ORG_ADMIN decides', async () => {
    const jeanne = await t.signIn('jeanne.martin@mairie-saone.fr', PASSWORD);
    const lea = await t.signIn('lea@saone.fr', PASSWORD);
    // pending and not verified by ProConnect: may not ask
    expect((await me(lea)).viewerCanRequestOrganizationAdmin).toBe(false);
    expect((await lea.gql(REQUEST_ADMIN, { reason: 'Je suis la DGS.' })).data!.requestOrganizationAdmin.code).toBe('CONFLICT');
    expect((await me(jeanne)).viewerCanRequestOrganizationAdmin).toBe(true);
    expect((await jeanne.gql(REQUEST_ADMIN, { reason: '' })).data!.requestOrganizationAdmin.code).toBe('VALIDATION');

    const asked = await jeanne.gql(REQUEST_ADMIN, { reason: 'Secrétaire de mairie, seule agente de la commune.' });
    expect(asked.data!.requestOrganizationAdmin.data.adminRequestStatus).toBe('PENDING');
    const again = await jeanne.gql(REQUEST_ADMIN, { reason: 'Encore.' });
    expect(again.data!.requestOrganizationAdmin).toMatchObject({ code: 'CONFLICT', message: 'Votre demande est déjà en cours d’examen par l’équipe Mutualis.' });
    expect((await me(jeanne)).pendingDecision).toMatchObject({ kind: 'ORGANIZATION_ADMIN', deciders: 'l’équipe Mutualis' });

    const item = (await queueOf(admin)).find((i: any) => i.person.email === 'jeanne.martin@mairie-saone.fr');
    expect(item).toMatchObject({ kind: 'ORGANIZATION_ADMIN', adminRequestReason: 'Secrétaire de mairie, seule agente de la commune.' });
    expect((await me(admin)).notifications.edges.map((e: any) => e.node.kind)).toContain('ADMIN_REQUESTED');

    const jeanneId = (await me(jeanne)).id;
    const granted = await admin.gql(DECIDE_ADMIN, { id: jeanneId, approve: true });
    expect(granted.data!.decideAdminRequest.data.roles).toEqual(['MEMBER', 'ORG_ADMIN']);
    expect((await me(jeanne)).notifications.edges[0].node).toMatchObject({ kind: 'ADMIN_REQUEST_APPROVED', title: 'Vous administrez Saône' });

    // Saône now has an ORG_ADMIN: its applicants leave the platform queue and wait for her
    expect((await queueOf(admin)).map((i: any) => i.person.email)).not.toContain('lea@saone.fr');
    expect((await me(lea)).pendingDecision).toMatchObject({ deciders: 'l’administrateur de Saône', deciderCount: 1, byPlatformTeam: false });
    const marc = await apply('marc@saone.fr', 'Marc Leroy');
    expect((await me(jeanne)).notifications.edges[0].node).toMatchObject({ kind: 'MEMBERSHIP_REQUESTED', link: '/mon-organisation' });
    const byOrgAdmin = await jeanne.gql(DECIDE, { id: marc.id, approve: true });
    expect(byOrgAdmin.data!.decideMembership.data.membershipStatus).toBe('APPROVED');
  });

  it('a refused ORG_ADMIN request needs a reason and is told', async () => {
    const other = await t.db.prisma.user.create({
      data: { email: 'agent@ornans.test', name: 'Agent d’Ornans', organization: { connect: { siren: '200055903' } }, membershipStatus: 'APPROVED', adminRequestStatus: 'PENDING', adminRequestedAt: new Date(), adminRequestReason: 'Je gère le numérique.' },
    });
    const id = Buffer.from(`User:${other.id}`).toString('base64');
    expect((await admin.gql(DECIDE_ADMIN, { id, approve: false })).data!.decideAdminRequest.code).toBe('VALIDATION');
    const refused = await admin.gql(DECIDE_ADMIN, { id, approve: false, reason: 'Demandez d’abord l’accord du maire.' });
    expect(refused.data!.decideAdminRequest.data.roles).toEqual(['MEMBER']);
    const saved = await t.db.prisma.user.findUniqueOrThrow({ where: { id: other.id }, include: { notifications: true } });
    expect(saved).toMatchObject({ adminRequestStatus: 'REFUSED', adminDecisionReason: 'Demandez d’abord l’accord du maire.' });
    expect(saved.notifications.map((n) => n.kind)).toEqual(['ADMIN_REQUEST_REFUSED']);
  });

  it('a pending person withdraws: the account is refused « annulée par la personne » and the session ends', async () => {
    const zoe = await apply('zoe@saone-tourisme.fr', 'Zoé Blanc');
    const cancelled = await zoe.client.gql(`mutation { cancelMembershipRequest { __typename ... on Error { code } } }`);
    expect(cancelled.data!.cancelMembershipRequest.__typename).toBe('MutationCancelMembershipRequestSuccess');
    expect(await row('zoe@saone-tourisme.fr')).toMatchObject({ membershipStatus: 'REJECTED', membershipDecisionReason: 'annulée par la personne' });
    expect((await zoe.client.gql(`{ viewer { id } }`)).data!.viewer).toBeNull();
    expect(await t.db.prisma.session.count({ where: { user: { email: 'zoe@saone-tourisme.fr' } } })).toBe(0);
    // an approved member has nothing to withdraw
    expect((await member.gql(`mutation { cancelMembershipRequest { __typename ... on Error { code } } }`)).data!.cancelMembershipRequest.code).toBe('CONFLICT');
  });

  it('notifications are their owner’s alone, on every path; marking read counts down', async () => {
    const jeanne = await t.signIn('jeanne.martin@mairie-saone.fr', PASSWORD);
    const own = await me(jeanne);
    const first = own.notifications.edges[0].node.id;
    // another person, the platform ADMIN included, finds nothing by id, nor through the person
    for (const other of [admin, member, t as Client]) {
      const seen = await other.gql(`query($id: ID!, $u: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id }
        user: node(id: $u) { ... on User { notifications(first: 5) { edges { node { id } } } unreadNotificationCount pendingDecision { deciders } } } }`, { id: first, u: own.id });
      expect(seen.data!.node).toBeNull();
      expect(seen.data!.nodes).toEqual([null]);
      expect(seen.data!.user?.notifications ?? null).toBeNull();
      expect(seen.data!.user?.unreadNotificationCount ?? null).toBeNull();
    }
    expect((await jeanne.gql(`query($id: ID!) { node(id: $id) { id ... on Notification { title } } }`, { id: first })).data!.node.id).toBe(first);

    const MARK = `mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) { __typename
      ... on MutationMarkNotificationsReadSuccess { data { unreadNotificationCount } } ... on Error { code } } }`;
    const unread = own.unreadNotificationCount;
    expect(unread).toBeGreaterThan(1);
    // someone else's ids change nothing
    expect((await admin.gql(MARK, { ids: [first] })).data!.markNotificationsRead.__typename).toBe('MutationMarkNotificationsReadSuccess');
    expect((await me(jeanne)).unreadNotificationCount).toBe(unread);
    expect((await jeanne.gql(MARK, { ids: [first] })).data!.markNotificationsRead.data.unreadNotificationCount).toBe(unread - 1);
    expect((await jeanne.gql(MARK, {})).data!.markNotificationsRead.code).toBe('VALIDATION');
    expect((await jeanne.gql(MARK, { all: true })).data!.markNotificationsRead.data.unreadNotificationCount).toBe(0);
    const unreadOnly = await jeanne.gql(`{ viewer { notifications(first: 5, unreadOnly: true) { edges { node { id } } } } }`);
    expect(unreadOnly.data!.viewer.notifications.edges).toEqual([]);
    expect((await t.gql(MARK, { all: true })).data!.markNotificationsRead.code).toBe('UNAUTHENTICATED');
  });

  it('the author organization’s members are told that its review was hidden, and why', async () => {
    const review = await t.db.prisma.review.findFirstOrThrow({ where: { moderationStatus: 'VISIBLE' }, include: { tool: true }, orderBy: { id: 'asc' } });
    const colleague = await t.db.prisma.user.create({
      data: { email: 'collegue@avis.test', name: 'Collègue', organizationId: review.organizationId, membershipStatus: 'APPROVED', roles: ['MEMBER'] },
    });
    const applicant = await t.db.prisma.user.create({
      data: { email: 'candidat@avis.test', name: 'Candidat', organizationId: review.organizationId, membershipStatus: 'PENDING', roles: ['MEMBER'] },
    });
    const id = Buffer.from(`Review:${review.id}`).toString('base64');
    const done = await admin.gql(`mutation($id: ID!) { moderateReview(reviewId: $id, action: HIDE, reason: "Propos injurieux") { __typename } }`, { id });
    expect(done.data!.moderateReview.__typename).toBe('MutationModerateReviewSuccess');
    const told = await t.db.prisma.notification.findMany({ where: { kind: 'REVIEW_MODERATED' }, select: { userId: true, title: true, body: true, link: true } });
    expect(told).toContainEqual({
      userId: colleague.id,
      title: `Avis masqué : ${review.tool.name}`,
      body: `L’avis de votre collectivité sur ${review.tool.name} a été masqué par la modération. Motif : Propos injurieux`,
      link: `/catalogue/${review.tool.slug}`,
    });
    // a pending applicant is no member yet, and nobody of another organization is told
    const others = await t.db.prisma.user.findMany({ where: { id: { in: told.map((n) => n.userId) } }, select: { organizationId: true, membershipStatus: true } });
    expect(others.every((u) => u.organizationId === review.organizationId && u.membershipStatus === 'APPROVED')).toBe(true);
    expect(told.map((n) => n.userId)).not.toContain(applicant.id);
  });
});
