import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password.ts';
import { backends, createTestApp, type Client, type TestApp } from './helpers.ts';

type Actor = 'anonymous' | 'memberSame' | 'memberOther' | 'orgAdmin' | 'auditor' | 'provider' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'memberSame', 'memberOther', 'orgAdmin', 'auditor', 'provider', 'admin'];
const EMAILS: Record<Exclude<Actor, 'anonymous'>, string> = {
  memberSame: 'agent@besancon.test',
  memberOther: 'agent@dijon.test',
  orgAdmin: 'dsi@besancon.test',
  auditor: 'auditeur@mutualis.test',
  provider: 'fournisseur@mistral.test',
  admin: 'admin@mutualis.test',
};

/** The organization concerned is Besançon (212500565); "memberOther" is a member of Dijon Métropole. */
interface Case {
  mutation: string;
  allowed: Actor[];
  call: (client: Client, actor: Actor, fixture: Fixture) => Promise<{ __typename: string; code?: string }>;
}

interface Fixture {
  deploymentId: string;
  reviewId: string;
  /** One applicant per actor: a membership is decided once (approveMembership refuses a decided one). */
  pendingUserIds: Record<Actor, string>;
  targetUserId: string;
  tools: string[];
}

const RESULT = '__typename ... on Error { code message }';

const CASES: Case[] = [
  {
    mutation: 'declareDeployment',
    allowed: ['memberSame', 'orgAdmin'],
    call: async (c, actor, f) =>
      (await c.gql(`mutation($i: DeclareDeploymentInput!) { declareDeployment(input: $i) { ${RESULT} } }`, {
        i: { organizationSiren: '212500565', toolSlug: f.tools[ACTORS.indexOf(actor)], status: 'PILOT' },
      })).data!.declareDeployment,
  },
  {
    mutation: 'updateDeployment',
    allowed: ['memberSame', 'orgAdmin'],
    call: async (c, actor, f) =>
      (await c.gql(`mutation($id: ID!, $i: UpdateDeploymentInput!) { updateDeployment(id: $id, input: $i) { ${RESULT} } }`, {
        id: f.deploymentId,
        i: { users: 10 + ACTORS.indexOf(actor) },
      })).data!.updateDeployment,
  },
  {
    mutation: 'setCharter',
    allowed: ['orgAdmin'],
    call: async (c) =>
      (await c.gql(`mutation { setCharter(organizationSiren: "212500565", status: PLANNED) { ${RESULT} } }`)).data!.setCharter,
  },
  {
    // the organization concerned is the author's own: a member of Dijon reviews in Dijon's name
    mutation: 'submitReview',
    allowed: ['memberSame', 'memberOther', 'orgAdmin'],
    call: async (c, _actor, f) =>
      (await c.gql(`mutation($i: SubmitReviewInput!) { submitReview(input: $i) { ${RESULT} } }`, {
        i: { toolSlug: f.tools[0], rating: 3, title: 'Avis de test', body: 'Un avis écrit pour la matrice des droits.' },
      })).data!.submitReview,
  },
  {
    mutation: 'flagReview',
    allowed: ['memberSame', 'memberOther', 'orgAdmin', 'provider', 'admin'],
    call: async (c, _actor, f) =>
      (await c.gql(`mutation($id: ID!) { flagReview(reviewId: $id, reason: "Contenu douteux") { ${RESULT} } }`, { id: f.reviewId }))
        .data!.flagReview,
  },
  {
    mutation: 'voteReviewHelpful',
    allowed: ['memberSame', 'memberOther', 'orgAdmin'],
    call: async (c, _actor, f) =>
      (await c.gql(`mutation($id: ID!) { voteReviewHelpful(reviewId: $id) { ${RESULT} } }`, { id: f.reviewId })).data!.voteReviewHelpful,
  },
  {
    mutation: 'moderateReview',
    allowed: ['admin'],
    call: async (c, _actor, f) =>
      (await c.gql(`mutation($id: ID!) { moderateReview(reviewId: $id, action: HIDE, reason: "Propos hors sujet") { ${RESULT} } }`, {
        id: f.reviewId,
      })).data!.moderateReview,
  },
  {
    mutation: 'approveMembership',
    allowed: ['orgAdmin', 'admin'],
    call: async (c, actor, f) =>
      (await c.gql(`mutation($id: ID!) { approveMembership(userId: $id) { ${RESULT} } }`, { id: f.pendingUserIds[actor] })).data!.approveMembership,
  },
  {
    mutation: 'setUserRoles',
    allowed: ['admin'],
    call: async (c, _actor, f) =>
      (await c.gql(`mutation($id: ID!) { setUserRoles(userId: $id, roles: [MEMBER, ORG_ADMIN]) { ${RESULT} } }`, { id: f.targetUserId }))
        .data!.setUserRoles,
  },
  {
    // last case, and admin the last actor: the erased person (memberOther) is not needed afterwards
    mutation: 'eraseUser',
    allowed: ['admin'],
    call: async (c, _actor, f) =>
      (await c.gql(`mutation($id: ID!) { eraseUser(userId: $id) { ${RESULT} } }`, { id: f.targetUserId })).data!.eraseUser,
  },
];

/** Everything a denied call could have touched. */
async function fingerprint(t: TestApp) {
  return t.db.sql.query(`SELECT
    (SELECT count(*)::int FROM "Deployment") AS deployments,
    (SELECT coalesce(sum(coalesce(users, 0)), 0)::int FROM "Deployment") AS users,
    (SELECT count(*)::int FROM "Review") AS reviews,
    (SELECT count(*)::int FROM "ReviewVersion") AS versions,
    (SELECT count(*)::int FROM "ReviewFlag") AS flags,
    (SELECT count(*)::int FROM "ReviewVote") AS votes,
    (SELECT string_agg("moderationStatus"::text, ',' ORDER BY id) FROM "Review") AS moderation,
    (SELECT string_agg(id || ':' || "membershipStatus" || ':' || array_to_string(roles, '+'), ',' ORDER BY id) FROM "User") AS users_state,
    (SELECT string_agg(id || ':' || "charterStatus", ',' ORDER BY id) FROM "Organization" WHERE "charterStatus" <> 'NONE') AS charters,
    (SELECT count(*)::int FROM "AuditEvent") AS events`);
}

describe.each(backends)('permission matrix on %s', (backend) => {
  let t: TestApp;
  const clients = {} as Record<Actor, Client>;
  const fixture = {} as Fixture;

  beforeAll(async () => {
    t = await createTestApp(backend);
    // a plain MEMBER of another organization (Dijon Métropole)
    await t.db.sql.query(
      `INSERT INTO "User" (email, name, "passwordHash", "organizationId", roles, "membershipStatus", "updatedAt")
       SELECT 'agent@dijon.test', 'Agent de Dijon Métropole', $1, id, ARRAY['MEMBER']::"Role"[], 'APPROVED', now()
         FROM "Organization" WHERE siren = '242100410'`,
      [await hashPassword('mutualis-demo')],
    );
    clients.anonymous = t.client();
    for (const [actor, email] of Object.entries(EMAILS)) clients[actor as Actor] = await t.signIn(email);

    const tools = await t.db.sql.query<{ slug: string }>(`SELECT slug FROM "Tool" ORDER BY slug LIMIT 8`);
    fixture.tools = tools.map((r) => r.slug);
    const dsi = clients.orgAdmin;
    const declared = await dsi.gql(`mutation($i: DeclareDeploymentInput!) { declareDeployment(input: $i) {
      ... on MutationDeclareDeploymentSuccess { data { id } } } }`, { i: { toolSlug: fixture.tools[7], status: 'PRODUCTION' } });
    fixture.deploymentId = declared.data!.declareDeployment.data.id;
    const review = await t.gql(`{ tools(first: 30) { edges { node { reviews(first: 1) { edges { node { id } } } } } } }`);
    fixture.reviewId = review.data!.tools.edges.flatMap((e: { node: { reviews: { edges: { node: { id: string } }[] } } }) => e.node.reviews.edges)[0].node.id;
    for (const actor of ACTORS) {
      await t.db.sql.query(
        `INSERT INTO "User" (email, name, "passwordHash", "organizationId", roles, "membershipStatus", "updatedAt")
         SELECT $1, $2, 'x', id, ARRAY['MEMBER']::"Role"[], 'PENDING', now() FROM "Organization" WHERE siren = '212500565'`,
        [`attente.${actor.toLowerCase()}@besancon.test`, `En attente ${actor}`],
      );
    }
    const pending = await clients.admin.gql(`{ organization(siren: "212500565") { pendingUsers { id email } } }`);
    fixture.pendingUserIds = Object.fromEntries(
      ACTORS.map((actor) => [actor, pending.data!.organization.pendingUsers.find((u: { email: string }) => u.email === `attente.${actor.toLowerCase()}@besancon.test`).id]),
    ) as Record<Actor, string>;
    const target = await clients.memberOther.gql(`{ viewer { id } }`);
    fixture.targetUserId = target.data!.viewer.id;
  });
  afterAll(() => t?.close());

  for (const testCase of CASES) {
    describe(testCase.mutation, () => {
      for (const actor of ACTORS) {
        const allowed = testCase.allowed.includes(actor);
        it(`${actor}: ${allowed ? 'allowed' : actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'}`, async () => {
          const before = await fingerprint(t);
          const outcome = await testCase.call(clients[actor], actor, fixture);
          if (allowed) {
            expect(outcome.__typename).toBe(`Mutation${testCase.mutation[0]!.toUpperCase()}${testCase.mutation.slice(1)}Success`);
            expect(await fingerprint(t)).not.toEqual(before);
          } else {
            expect(outcome).toMatchObject(
              actor === 'anonymous'
                ? { __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' }
                : { __typename: 'ForbiddenError', code: 'FORBIDDEN' },
            );
            expect(await fingerprint(t)).toEqual(before);
          }
        });
      }
    });
  }
});
