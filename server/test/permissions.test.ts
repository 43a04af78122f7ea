// The permission matrix: every mutation of schema/schema.graphql × every actor. A refused call answers its typed
// error and leaves the database as it was (fingerprint); an allowed call succeeds and writes exactly the audit events
// listed here, with the action, entity type, entity id, actor and organization written by hand below. A mutation of the
// schema without an entry here fails the run.
//
// Actors: anonymous; pending (nouvel.agent@besancon.test, PENDING at Besançon, holding every role); member and
// orgAdmin of Besançon, the organization concerned; otherOrgAdmin (Dijon Métropole); auditor; provider (Mistral AI,
// whose tools are the ones edited); otherProvider (DeepL); admin. Sessions are written straight into the Session table
// (permissions-fixture.ts); signing in itself — a pending applicant too — is the signIn row.
//
// Exceptions to "anonymous: UNAUTHENTICATED, others: FORBIDDEN, allowed: one event", each explained at its entry:
// a DRAFT group is NOT_FOUND to whoever may not see it (open); signUp and signIn are open to all; signOut by an
// anonymous caller succeeds and writes no event; a pending applicant may sign out and change its own password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledImports } from '../src/modules/contracts/service.ts';
import { backends, createTestApp, type Client, type TestApp } from './helpers.ts';
import {
  ACTORS,
  BESANCON,
  buildFixture,
  DIJON,
  EMAILS,
  fingerprint,
  GRAND_BESANCON,
  PLATFORM,
  schemaMutations,
  slugOf,
  type Actor,
  type Fixture,
  type Org,
  type SessionKind,
  type SignedIn,
} from './permissions-fixture.ts';

type Code = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';
const ERROR_TYPE: Record<Code, string> = { UNAUTHENTICATED: 'UnauthenticatedError', FORBIDDEN: 'ForbiddenError', NOT_FOUND: 'NotFoundError', CONFLICT: 'ConflictError' };

/** An expected audit event: who acted (by e-mail) in the name of which organization (by SIREN). */
interface Event {
  action: string;
  entityType: string;
  actor: string;
  org: Org;
}

/** The organization of each signed-in actor. */
const ORG_OF: Record<SignedIn, Org> = {
  pending: BESANCON,
  member: BESANCON,
  orgAdmin: BESANCON,
  otherOrgAdmin: DIJON,
  auditor: PLATFORM,
  provider: PLATFORM,
  otherProvider: PLATFORM,
  admin: PLATFORM,
};

/** One event by the actor itself; `org` is the organization the event is recorded for. */
const byActor = (action: string, entityType: string, org: Org | 'own') => (actor: Actor): Event[] => [
  { action, entityType, actor: EMAILS[actor as SignedIn], org: org === 'own' ? ORG_OF[actor as SignedIn] : org },
];

interface Case {
  /** The allowed actors, each with the audit events its call writes, in order. Everyone else is refused. */
  allowed: Partial<Record<Actor, (actor: Actor) => Event[]>>;
  /** Refusals other than the default: UNAUTHENTICATED for anonymous, FORBIDDEN for everyone else. */
  refusals?: Partial<Record<Actor, Code>>;
  /** The session the call uses (default: the actor's main session); the auth mutations end theirs. */
  session?: SessionKind;
  call: (c: Client, actor: Actor, f: Fixture) => Promise<Outcome>;
  /** The entityId the allowed call's (last) event names, looked up by slug, e-mail, SIREN or fixture id. */
  entity: (ctx: Lookup, actor: Actor) => Promise<number | string>;
  /** Runs after the test, whatever its outcome. */
  cleanup?: (f: Fixture, actor: Actor) => Promise<void>;
}

interface Outcome {
  __typename: string;
  code?: string;
  message?: string;
}

interface Lookup {
  f: Fixture;
  /** The id of the one row a query finds. */
  one(sql: string, params?: unknown[]): Promise<number>;
}

const RESULT = '__typename ... on Error { code message }';
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

/** Runs one mutation and returns its result union; a GraphQL-level error fails the test, as it is no typed answer. */
async function mutate(c: Client, field: string, signature: string, call: string, variables: Record<string, unknown> = {}): Promise<Outcome> {
  const response = await c.gql(`mutation${signature ? `(${signature})` : ''} { ${field}${call ? `(${call})` : ''} { ${RESULT} } }`, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data![field] as Outcome;
}

const ADMIN_ONLY = (action: string, entityType: string) => ({ admin: byActor(action, entityType, 'own') });
const MISTRAL_EDITORS = (action: string, entityType: string) => ({
  provider: byActor(action, entityType, 'own'),
  admin: byActor(action, entityType, 'own'),
});
const COORDINATOR = (action: string) => ({ orgAdmin: byActor(action, 'PurchasingGroup', BESANCON) });
/** Joining, committing, withdrawing: the ORG_ADMIN of any eligible organization, in its own name. */
const MEMBERS_OF_GROUP = (action: string) => ({
  orgAdmin: byActor(action, 'GroupMembership', BESANCON),
  otherOrgAdmin: byActor(action, 'GroupMembership', DIJON),
});
/** A DRAFT is visible only to the approved people of its coordinator and to ADMIN: to anyone else it does not exist. */
const DRAFT_UNSEEN: Partial<Record<Actor, Code>> = {
  anonymous: 'NOT_FOUND',
  pending: 'NOT_FOUND',
  otherOrgAdmin: 'NOT_FOUND',
  auditor: 'NOT_FOUND',
  provider: 'NOT_FOUND',
  otherProvider: 'NOT_FOUND',
};

/** A tool per actor for reviews and deployments (Besançon and Dijon have none of either in the seed). */
const TOOL_OF: Record<Actor, string> = {
  anonymous: 'advizeo',
  pending: 'albert',
  member: 'api-gemini',
  orgAdmin: 'api-openai',
  otherOrgAdmin: 'autodesk-forma',
  auditor: 'captoo',
  provider: 'chatgpt-business',
  otherProvider: 'deepl-pro',
  admin: 'gemini-google-workspace',
};
const orgIdOf = (f: Fixture, actor: Actor) => f.orgs[ORG_OF[actor as SignedIn]];
const UNREACHABLE_DECP = 'http://127.0.0.1:9/matrice-decp.json';
const future = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();

/** In the order of the schema. The organization concerned is Besançon, unless said otherwise. */
/** Referent messages: seen by their sender (Grand Besançon's coordinator, no actor) and their referent only. */
const CONTACT_UNSEEN: Partial<Record<Actor, Code>> = Object.fromEntries(ACTORS.filter((a) => a !== 'anonymous').map((a) => [a, 'NOT_FOUND' as const]));

const MATRIX: Record<string, Case> = {
  // a review is written in the name of the author's own organization: Dijon's ORG_ADMIN reviews for Dijon
  submitReview: {
    allowed: { member: byActor('review.submit', 'Review', BESANCON), orgAdmin: byActor('review.submit', 'Review', BESANCON), otherOrgAdmin: byActor('review.submit', 'Review', DIJON) },
    call: (c, actor) =>
      mutate(c, 'submitReview', '$i: SubmitReviewInput!', 'input: $i', {
        i: { toolSlug: TOOL_OF[actor], rating: 4, title: 'Avis de la matrice', body: 'Un avis écrit pour la matrice des droits.' },
      }),
    entity: ({ one, f }, actor) =>
      one(`SELECT r.id FROM "Review" r JOIN "Tool" t ON t.id = r."toolId" WHERE r."organizationId" = $1 AND t.slug = $2`, [orgIdOf(f, actor), TOOL_OF[actor]]),
  },
  // any approved person but the read-only AUDITOR; the event is recorded for the flagger's organization
  flagReview: {
    allowed: {
      member: byActor('review.flag', 'Review', 'own'),
      orgAdmin: byActor('review.flag', 'Review', 'own'),
      otherOrgAdmin: byActor('review.flag', 'Review', 'own'),
      provider: byActor('review.flag', 'Review', 'own'),
      otherProvider: byActor('review.flag', 'Review', 'own'),
      admin: byActor('review.flag', 'Review', 'own'),
    },
    call: (c, _a, f) => mutate(c, 'flagReview', '$id: ID!', 'reviewId: $id, reason: "Contenu douteux"', { id: f.reviewId }),
    entity: async ({ f }) => rawId(f.reviewId),
  },
  // peers from collectivités only
  voteReviewHelpful: {
    allowed: {
      member: byActor('review.vote', 'Review', BESANCON),
      orgAdmin: byActor('review.vote', 'Review', BESANCON),
      otherOrgAdmin: byActor('review.vote', 'Review', DIJON),
    },
    call: (c, _a, f) => mutate(c, 'voteReviewHelpful', '$id: ID!', 'reviewId: $id', { id: f.reviewId }),
    entity: async ({ f }) => rawId(f.reviewId),
  },
  // recorded for the organization that wrote the review (Grand Besançon)
  moderateReview: {
    allowed: { admin: byActor('review.hide', 'Review', GRAND_BESANCON) },
    call: (c, _a, f) => mutate(c, 'moderateReview', '$id: ID!', 'reviewId: $id, action: HIDE, reason: "Propos hors sujet"', { id: f.moderatedReviewId }),
    entity: async ({ f }) => rawId(f.moderatedReviewId),
  },
  createProvider: {
    allowed: ADMIN_ONLY('provider.create', 'Provider'),
    call: (c, actor) =>
      mutate(c, 'createProvider', '$i: ProviderInput!', 'input: $i', { i: { slug: `matrice-nouveau-${slugOf(actor)}`, name: `Fournisseur (${actor})`, country: 'FR' } }),
    entity: ({ one }, actor) => one(`SELECT id FROM "Provider" WHERE slug = $1`, [`matrice-nouveau-${slugOf(actor)}`]),
  },
  updateProvider: {
    allowed: ADMIN_ONLY('provider.update', 'Provider'),
    call: (c, actor) => mutate(c, 'updateProvider', '$i: ProviderInput!', 'slug: "mistral-ai", input: $i', { i: { description: `Description revue (${actor}).` } }),
    entity: ({ one }) => one(`SELECT id FROM "Provider" WHERE slug = 'mistral-ai'`),
  },
  archiveProvider: {
    allowed: ADMIN_ONLY('provider.archive', 'Provider'),
    call: (c, actor, f) => mutate(c, 'archiveProvider', '$slug: String!', 'slug: $slug', { slug: f.archive.providers[actor] }),
    entity: ({ one, f }, actor) => one(`SELECT id FROM "Provider" WHERE slug = $1`, [f.archive.providers[actor]]),
  },
  // ADMIN, or the PROVIDER for its own provider (Mistral AI); the other provider's account is refused
  createTool: {
    allowed: MISTRAL_EDITORS('tool.create', 'Tool'),
    call: (c, actor) =>
      mutate(c, 'createTool', '$i: ToolInput!', 'input: $i', {
        i: {
          slug: `matrice-outil-${slugOf(actor)}`,
          name: `Outil de la matrice (${actor})`,
          providerSlug: 'mistral-ai',
          categorySlug: 'chatbot-citoyen',
          description: 'Un outil créé par la matrice des droits.',
          deploymentMode: 'SAAS',
        },
      }),
    entity: ({ one }, actor) => one(`SELECT id FROM "Tool" WHERE slug = $1`, [`matrice-outil-${slugOf(actor)}`]),
  },
  updateTool: {
    allowed: MISTRAL_EDITORS('tool.update', 'Tool'),
    call: (c, actor) => mutate(c, 'updateTool', '$i: ToolInput!', 'slug: "api-mistral", input: $i', { i: { hostingRegion: `Région (${actor})` } }),
    entity: ({ one }) => one(`SELECT id FROM "Tool" WHERE slug = 'api-mistral'`),
  },
  archiveTool: {
    allowed: MISTRAL_EDITORS('tool.archive', 'Tool'),
    call: (c, actor, f) => mutate(c, 'archiveTool', '$slug: String!', 'slug: $slug', { slug: f.archive.tools[actor] }),
    entity: ({ one, f }, actor) => one(`SELECT id FROM "Tool" WHERE slug = $1`, [f.archive.tools[actor]]),
  },
  createPricingPlan: {
    allowed: MISTRAL_EDITORS('plan.create', 'PricingPlan'),
    call: (c, actor) =>
      mutate(c, 'createPricingPlan', '$i: PricingPlanInput!', 'toolSlug: "api-mistral", input: $i', {
        i: { name: `Offre de la matrice (${actor})`, pricingModel: 'FLAT_YEAR', unitPrice: '500', source: 'PUBLISHED', sourceDate: '2026-01-01' },
      }),
    entity: ({ one }, actor) => one(`SELECT id FROM "PricingPlan" WHERE name = $1`, [`Offre de la matrice (${actor})`]),
  },
  updatePricingPlan: {
    allowed: MISTRAL_EDITORS('plan.update', 'PricingPlan'),
    call: (c, actor, f) => mutate(c, 'updatePricingPlan', '$id: ID!, $i: PricingPlanInput!', 'id: $id, input: $i', { id: f.planId, i: { notes: `Remarque (${actor})` } }),
    entity: async ({ f }) => rawId(f.planId),
  },
  archivePricingPlan: {
    allowed: MISTRAL_EDITORS('plan.archive', 'PricingPlan'),
    call: (c, actor, f) => mutate(c, 'archivePricingPlan', '$id: ID!', 'id: $id', { id: f.archive.plans[actor] }),
    entity: async ({ f }, actor) => rawId(f.archive.plans[actor]),
  },
  createImpactFigure: {
    allowed: MISTRAL_EDITORS('impact.create', 'ImpactFigure'),
    call: (c, actor) =>
      mutate(c, 'createImpactFigure', '$i: ImpactFigureInput!', 'toolSlug: "api-mistral", input: $i', {
        i: { energyWhPerRequest: '0.2', method: 'PROVIDER_DECLARED', sourceUrl: 'https://example.org/matrice', sourceDate: '2026-01-01', scope: `Matrice (${actor})` },
      }),
    entity: ({ one }, actor) => one(`SELECT id FROM "ImpactFigure" WHERE scope = $1`, [`Matrice (${actor})`]),
  },
  updateImpactFigure: {
    allowed: MISTRAL_EDITORS('impact.update', 'ImpactFigure'),
    call: (c, actor, f) => mutate(c, 'updateImpactFigure', '$id: ID!, $i: ImpactFigureInput!', 'id: $id, input: $i', { id: f.figureId, i: { methodVersion: `v-${slugOf(actor)}` } }),
    entity: async ({ f }) => rawId(f.figureId),
  },
  archiveImpactFigure: {
    allowed: MISTRAL_EDITORS('impact.archive', 'ImpactFigure'),
    call: (c, actor, f) => mutate(c, 'archiveImpactFigure', '$id: ID!', 'id: $id', { id: f.archive.figures[actor] }),
    entity: async ({ f }, actor) => rawId(f.archive.figures[actor]),
  },
  // coordinated by the creator's own organization: Dijon's ORG_ADMIN creates a group coordinated by Dijon
  createPurchasingGroup: {
    allowed: { orgAdmin: byActor('group.create', 'PurchasingGroup', BESANCON), otherOrgAdmin: byActor('group.create', 'PurchasingGroup', DIJON) },
    call: (c, actor) =>
      mutate(c, 'createPurchasingGroup', '$i: CreatePurchasingGroupInput!', 'input: $i', {
        i: {
          title: `Groupement de la matrice (${actor})`,
          toolSlug: 'noota',
          interestDeadline: future(),
          allocationRule: 'EQUAL',
          volumeUnit: 'SEATS',
          listUnitPrice: '100',
        },
      }),
    entity: ({ one }, actor) => one(`SELECT id FROM "PurchasingGroup" WHERE title = $1`, [`Groupement de la matrice (${actor})`]),
  },
  openPurchasingGroup: {
    allowed: COORDINATOR('group.open'),
    refusals: DRAFT_UNSEEN,
    call: (c, actor, f) => mutate(c, 'openPurchasingGroup', '$id: ID!', 'id: $id', { id: f.groups.draft[actor] }),
    entity: async ({ f }, actor) => rawId(f.groups.draft[actor]),
  },
  closePurchasingGroup: {
    allowed: COORDINATOR('group.close'),
    call: (c, actor, f) => mutate(c, 'closePurchasingGroup', '$id: ID!', 'id: $id', { id: f.groups.toClose[actor] }),
    entity: async ({ f }, actor) => rawId(f.groups.toClose[actor]),
  },
  cancelPurchasingGroup: {
    allowed: COORDINATOR('group.cancel'),
    call: (c, actor, f) => mutate(c, 'cancelPurchasingGroup', '$id: ID!', 'id: $id, reason: "Besoin abandonné"', { id: f.groups.toCancel[actor] }),
    entity: async ({ f }, actor) => rawId(f.groups.toCancel[actor]),
  },
  joinPurchasingGroup: {
    allowed: MEMBERS_OF_GROUP('group.join'),
    call: (c, _a, f) => mutate(c, 'joinPurchasingGroup', '$id: ID!', 'id: $id, estimatedVolume: "20"', { id: f.groups.join }),
    entity: ({ one, f }, actor) => one(`SELECT id FROM "GroupMembership" WHERE "groupId" = $1 AND "organizationId" = $2`, [Number(rawId(f.groups.join)), orgIdOf(f, actor)]),
  },
  commitToPurchasingGroup: {
    allowed: MEMBERS_OF_GROUP('group.commit'),
    call: (c, _a, f) => mutate(c, 'commitToPurchasingGroup', '$id: ID!', 'id: $id, volume: "15"', { id: f.groups.commit }),
    entity: ({ one, f }, actor) => one(`SELECT id FROM "GroupMembership" WHERE "groupId" = $1 AND "organizationId" = $2`, [Number(rawId(f.groups.commit)), orgIdOf(f, actor)]),
  },
  withdrawFromPurchasingGroup: {
    allowed: MEMBERS_OF_GROUP('group.withdraw'),
    call: (c, _a, f) => mutate(c, 'withdrawFromPurchasingGroup', '$id: ID!', 'id: $id', { id: f.groups.withdraw }),
    entity: ({ one, f }, actor) => one(`SELECT id FROM "GroupMembership" WHERE "groupId" = $1 AND "organizationId" = $2`, [Number(rawId(f.groups.withdraw)), orgIdOf(f, actor)]),
  },
  awardPurchasingGroup: {
    allowed: COORDINATOR('group.award'),
    call: (c, actor, f) => mutate(c, 'awardPurchasingGroup', '$id: ID!', 'id: $id', { id: f.groups.closed[actor] }),
    entity: async ({ f }, actor) => rawId(f.groups.closed[actor]),
  },
  // the coordinator's ORG_ADMIN invites Dijon (once: the other actors are refused before any write)
  inviteToPurchasingGroup: {
    allowed: { orgAdmin: byActor('group.invite', 'GroupInvitation', BESANCON) },
    call: (c, _a, f) => mutate(c, 'inviteToPurchasingGroup', '$id: ID!', `groupId: $id, organizationSiren: "${DIJON}"`, { id: f.groups.invite }),
    entity: ({ one, f }) => one(`SELECT id FROM "GroupInvitation" WHERE "groupId" = $1 AND "organizationId" = $2`, [Number(rawId(f.groups.invite)), f.orgs[DIJON]]),
  },
  // Besançon, invited by Grand Besançon, answers through its ORG_ADMIN; its member sees the invitation (FORBIDDEN),
  // whoever is neither the invited organization nor the coordinator does not (NOT_FOUND)
  answerGroupInvitation: {
    allowed: { orgAdmin: byActor('group.acceptInvitation', 'GroupInvitation', BESANCON) },
    refusals: { pending: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND', auditor: 'NOT_FOUND', provider: 'NOT_FOUND', otherProvider: 'NOT_FOUND', admin: 'NOT_FOUND' },
    call: (c, _a, f) => mutate(c, 'answerGroupInvitation', '$id: ID!', 'invitationId: $id, accept: true', { id: f.groups.invitation }),
    entity: async ({ f }) => rawId(f.groups.invitation),
  },
  // Anyone may create an account, signed in or not (the browser's previous session ends). One event, user.signUp,
  // whose actor is the new account and whose organization is the one it applies to; opening its session is part of
  // the sign-up and writes no user.signIn event.
  signUp: {
    allowed: Object.fromEntries(
      ACTORS.map((actor) => [actor, () => [{ action: 'user.signUp', entityType: 'User', actor: `inscription.${slugOf(actor)}@besancon.test`, org: BESANCON }]]),
    ),
    session: 'signUp',
    call: (c, actor) =>
      mutate(c, 'signUp', '$i: SignUpInput!', 'input: $i', {
        i: { email: `inscription.${slugOf(actor)}@besancon.test`, password: 'mot-de-passe-matrice', name: `Inscription (${actor})`, organizationSiren: BESANCON },
      }),
    entity: ({ one }, actor) => one(`SELECT id FROM "User" WHERE email = $1`, [`inscription.${slugOf(actor)}@besancon.test`]),
  },
  // Anyone with the right password, a pending applicant too (it sees what a pending account may see, and can do
  // nothing else): one user.signIn event by the account signed in. The anonymous client signs in as the Besançon agent.
  signIn: {
    allowed: Object.fromEntries(
      ACTORS.map((actor) => [
        actor,
        () => [{ action: 'user.signIn', entityType: 'User', actor: EMAILS[actor === 'anonymous' ? 'member' : actor], org: ORG_OF[actor === 'anonymous' ? 'member' : actor] }],
      ]),
    ),
    session: 'signIn',
    call: (c, actor) =>
      mutate(c, 'signIn', '$e: String!', 'email: $e, password: "mutualis-demo"', { e: EMAILS[actor === 'anonymous' ? 'member' : actor] }),
    entity: ({ one }, actor) => one(`SELECT id FROM "User" WHERE email = $1`, [EMAILS[actor === 'anonymous' ? 'member' : actor]]),
  },
  // Always succeeds. Signed in: one user.signOut event. Anonymous: no session to close, so nothing changes and NO
  // event is written (0): an audit event records a change, and there is none.
  signOut: {
    allowed: {
      anonymous: () => [],
      ...Object.fromEntries(ACTORS.filter((a) => a !== 'anonymous').map((actor) => [actor, byActor('user.signOut', 'User', 'own')])),
    },
    session: 'signOut',
    call: (c) => mutate(c, 'signOut', '', ''),
    entity: ({ one }, actor) => one(`SELECT id FROM "User" WHERE email = $1`, [EMAILS[actor as SignedIn]]),
  },
  // Every signed-in person manages its own credential, a pending applicant too (its own account, nobody else's
  // data). It closes every session of the person: the main one is put back afterwards, and the demo password.
  changePassword: {
    allowed: Object.fromEntries(ACTORS.filter((a) => a !== 'anonymous').map((actor) => [actor, byActor('user.changePassword', 'User', 'own')])),
    session: 'changePassword',
    call: (c) => mutate(c, 'changePassword', '', 'currentPassword: "mutualis-demo", newPassword: "mutualis-demo-changé"'),
    entity: ({ one }, actor) => one(`SELECT id FROM "User" WHERE email = $1`, [EMAILS[actor as SignedIn]]),
    cleanup: async (f, actor) => {
      await f.restoreMainSession(actor);
      await f.restorePassword(actor);
    },
  },
  // recorded for the applicant's organization
  approveMembership: {
    allowed: { orgAdmin: byActor('membership.approve', 'User', BESANCON), admin: byActor('membership.approve', 'User', BESANCON) },
    call: (c, actor, f) => mutate(c, 'approveMembership', '$id: ID!', 'userId: $id', { id: f.applicants[actor] }),
    entity: async ({ f }, actor) => rawId(f.applicants[actor]),
  },
  setUserRoles: {
    allowed: { admin: byActor('user.setRoles', 'User', BESANCON) },
    call: (c, _a, f) => mutate(c, 'setUserRoles', '$id: ID!', 'userId: $id, roles: [MEMBER, ORG_ADMIN]', { id: f.rolesTarget }),
    entity: async ({ f }) => rawId(f.rolesTarget),
  },
  declareDeployment: {
    allowed: { member: byActor('deployment.declare', 'Deployment', BESANCON), orgAdmin: byActor('deployment.declare', 'Deployment', BESANCON) },
    call: (c, actor) =>
      mutate(c, 'declareDeployment', '$i: DeclareDeploymentInput!', 'input: $i', { i: { organizationSiren: BESANCON, toolSlug: TOOL_OF[actor], status: 'PILOT' } }),
    entity: ({ one, f }, actor) =>
      one(`SELECT d.id FROM "Deployment" d JOIN "Tool" t ON t.id = d."toolId" WHERE d."organizationId" = $1 AND t.slug = $2`, [f.orgs[BESANCON], TOOL_OF[actor]]),
  },
  updateDeployment: {
    allowed: { member: byActor('deployment.update', 'Deployment', BESANCON), orgAdmin: byActor('deployment.update', 'Deployment', BESANCON) },
    call: (c, actor, f) =>
      mutate(c, 'updateDeployment', '$id: ID!, $i: UpdateDeploymentInput!', 'id: $id, input: $i', { id: f.deploymentId, i: { users: 10 + ACTORS.indexOf(actor) } }),
    entity: async ({ f }) => rawId(f.deploymentId),
  },
  setCharter: {
    allowed: { orgAdmin: byActor('organization.setCharter', 'Organization', BESANCON) },
    call: (c) => mutate(c, 'setCharter', '', `organizationSiren: "${BESANCON}", status: PLANNED`),
    entity: async ({ f }) => f.orgs[BESANCON],
  },
  // the charter built from the model: Besançon's ORG_ADMIN only (the fixture saved a draft, so publishing is possible)
  saveCharterDraft: {
    allowed: { orgAdmin: byActor('charter.saveDraft', 'Charter', BESANCON) },
    call: (c) => mutate(c, 'saveCharterDraft', '', `organizationSiren: "${BESANCON}", principles: [HUMAN_OVERSIGHT, DATA_PROTECTION], customPrinciples: []`),
    entity: ({ one, f }) => one(`SELECT id FROM "Charter" WHERE "organizationId" = $1`, [f.orgs[BESANCON]]),
  },
  publishCharter: {
    allowed: { orgAdmin: byActor('charter.publish', 'Charter', BESANCON) },
    call: (c) => mutate(c, 'publishCharter', '', `organizationSiren: "${BESANCON}"`),
    entity: ({ one, f }) => one(`SELECT id FROM "Charter" WHERE "organizationId" = $1`, [f.orgs[BESANCON]]),
  },
  // recorded for the erased person's organization
  eraseUser: {
    allowed: { admin: byActor('user.erase', 'User', BESANCON) },
    call: (c, actor, f) => mutate(c, 'eraseUser', '$id: ID!', 'userId: $id', { id: f.erasable[actor] }),
    entity: async ({ f }, actor) => rawId(f.erasable[actor]),
  },
  // curation of public contracts (DECP): platform administrators only
  confirmContract: {
    allowed: ADMIN_ONLY('contract.confirm', 'PublicContract'),
    call: (c, _a, f) => mutate(c, 'confirmContract', '$id: Int!', 'id: $id, toolSlug: "api-mistral"', { id: f.contracts.confirm }),
    entity: async ({ f }) => f.contracts.confirm,
  },
  dismissContract: {
    allowed: ADMIN_ONLY('contract.dismiss', 'PublicContract'),
    call: (c, _a, f) => mutate(c, 'dismissContract', '$id: Int!', 'id: $id, reason: "Pas un outil d’IA du catalogue"', { id: f.contracts.dismiss }),
    entity: async ({ f }) => f.contracts.dismiss,
  },
  // a URL nobody answers: the background run fails at once, and the next case waits for it
  startDecpImport: {
    allowed: ADMIN_ONLY('decp.startImport', 'DecpImport'),
    call: (c) => mutate(c, 'startDecpImport', '', `source: "${UNREACHABLE_DECP}"`),
    entity: ({ one }) => one(`SELECT id FROM "DecpImport" WHERE source = $1`, [UNREACHABLE_DECP]),
    cleanup: async () => void (await settledImports()),
  },
  // the library: a document's description belongs to its author organization's ORG_ADMIN (a Besançon document)
  updateDocument: {
    allowed: { orgAdmin: byActor('document.update', 'Document', BESANCON) },
    call: (c, _a, f) => mutate(c, 'updateDocument', '$id: ID!', 'id: $id, input: { summary: "Résumé revu par la matrice." }', { id: f.documents.update }),
    entity: async ({ f }) => rawId(f.documents.update),
  },
  // an approved member, for its own organization (a Grand Besançon document per actor: a reuse is marked once)
  markDocumentReused: {
    allowed: {
      member: byActor('document.markReused', 'DocumentReuse', BESANCON),
      orgAdmin: byActor('document.markReused', 'DocumentReuse', BESANCON),
      otherOrgAdmin: byActor('document.markReused', 'DocumentReuse', DIJON),
    },
    call: (c, actor, f) => mutate(c, 'markDocumentReused', '$id: ID!', 'documentId: $id', { id: f.documents.reuse[actor] }),
    entity: ({ one, f }, actor) => one(`SELECT id FROM "DocumentReuse" WHERE "documentId" = $1`, [Number(rawId(f.documents.reuse[actor]))]),
  },
  // onboarding: a decision is the approves scope (the applicant's ORG_ADMIN, or ADMIN), with its reason
  decideMembership: {
    allowed: { orgAdmin: byActor('membership.reject', 'User', BESANCON), admin: byActor('membership.reject', 'User', BESANCON) },
    call: (c, actor, f) => mutate(c, 'decideMembership', '$id: ID!', 'userId: $id, approve: false, reason: "Aucun lien avec la commune"', { id: f.decisions[actor] }),
    entity: async ({ f }, actor) => rawId(f.decisions[actor]),
  },
  decideAdminRequest: {
    allowed: { admin: byActor('membership.refuseAdmin', 'User', BESANCON) },
    call: (c, _a, f) => mutate(c, 'decideAdminRequest', '$id: ID!', 'userId: $id, approve: false, reason: "Besançon a déjà un administrateur"', { id: f.adminRequester }),
    entity: async ({ f }) => rawId(f.adminRequester),
  },
  // The state decides, not a role: every actor's organization has an ORG_ADMIN (or is the platform's own), none has
  // asked; each signed-in actor is refused CONFLICT with the reason (the onboarding test covers the allowed path).
  requestOrganizationAdmin: {
    allowed: {},
    refusals: Object.fromEntries(ACTORS.filter((a) => a !== 'anonymous').map((a) => [a, 'CONFLICT' as const])),
    call: (c) => mutate(c, 'requestOrganizationAdmin', '', 'reason: "Je suis la DGS."'),
    entity: async () => 0,
  },
  cancelAdminRequest: {
    allowed: {},
    refusals: Object.fromEntries(ACTORS.filter((a) => a !== 'anonymous').map((a) => [a, 'CONFLICT' as const])),
    call: (c) => mutate(c, 'cancelAdminRequest', '', ''),
    entity: async () => 0,
  },
  // only a PENDING person withdraws (the others have nothing to withdraw): its account is refused and its sessions
  // end, then put back for the other rows
  cancelMembershipRequest: {
    allowed: { pending: byActor('membership.cancel', 'User', 'own') },
    refusals: Object.fromEntries(ACTORS.filter((a) => a !== 'anonymous' && a !== 'pending').map((a) => [a, 'CONFLICT' as const])),
    call: (c) => mutate(c, 'cancelMembershipRequest', '', ''),
    entity: ({ one }, actor) => one(`SELECT id FROM "User" WHERE email = $1`, [EMAILS[actor as SignedIn]]),
    cleanup: async (f, actor) => {
      if (actor === 'pending') await f.restoreApplicant();
    },
  },
  // referents: an approved agent of a collectivité that deploys the tool (Besançon's deployment of kawantech-kara) —
  // Dijon has none, the platform's staff are no collectivité's agents
  becomeReferent: {
    allowed: { member: byActor('referent.declare', 'ToolReferent', BESANCON), orgAdmin: byActor('referent.declare', 'ToolReferent', BESANCON) },
    call: (c, _a, f) =>
      mutate(c, 'becomeReferent', '$t: ID!', 'toolId: $t, helpWith: "Le déploiement et la formation des agents.", consentToContact: true', { t: f.referents.tool }),
    entity: ({ one }, actor) =>
      one(`SELECT r.id FROM "ToolReferent" r JOIN "Tool" t ON t.id = r."toolId" JOIN "User" u ON u.id = r."userId" WHERE t.slug = 'kawantech-kara' AND u.email = $1`, [EMAILS[actor as SignedIn]]),
  },
  // one's own declaration only (public: the others are FORBIDDEN); put back for the actors after the member
  withdrawReferent: {
    allowed: { member: byActor('referent.withdraw', 'ToolReferent', BESANCON) },
    call: (c, _a, f) => mutate(c, 'withdrawReferent', '$id: ID!', 'id: $id', { id: f.referents.withdraw }),
    entity: async ({ f }) => rawId(f.referents.withdraw),
    cleanup: (f) => f.referents.restore(),
  },
  // peers write to referents: approved MEMBER or ORG_ADMIN of a collectivité (not the read-only auditor, not providers)
  contactReferent: {
    allowed: {
      member: byActor('referent.contact', 'ReferentContact', BESANCON),
      orgAdmin: byActor('referent.contact', 'ReferentContact', BESANCON),
      otherOrgAdmin: byActor('referent.contact', 'ReferentContact', DIJON),
    },
    call: (c, _a, f) => mutate(c, 'contactReferent', '$id: ID!', 'referentId: $id, message: "Bonjour, une question de la matrice."', { id: f.referents.contact }),
    entity: ({ one }, actor) => one(`SELECT c.id FROM "ReferentContact" c JOIN "User" u ON u.id = c."senderId" WHERE u.email = $1`, [EMAILS[actor as SignedIn]]),
  },
  // a message is seen by its sender and its referent only: to anyone else it does not exist (NOT_FOUND)
  answerReferentContact: {
    allowed: { orgAdmin: byActor('referent.answer', 'ReferentContact', BESANCON) },
    refusals: CONTACT_UNSEEN,
    call: (c, _a, f) => mutate(c, 'answerReferentContact', '$id: ID!', 'contactId: $id, answer: "Réponse de la matrice."', { id: f.referents.answer }),
    entity: async ({ f }) => rawId(f.referents.answer),
  },
  declineReferentContact: {
    allowed: { orgAdmin: byActor('referent.decline', 'ReferentContact', BESANCON) },
    refusals: CONTACT_UNSEEN,
    call: (c, _a, f) => mutate(c, 'declineReferentContact', '$id: ID!', 'contactId: $id', { id: f.referents.decline }),
    entity: async ({ f }) => rawId(f.referents.decline),
  },
  reportReferentContact: {
    allowed: { orgAdmin: byActor('referent.report', 'ReferentContact', BESANCON) },
    refusals: CONTACT_UNSEEN,
    call: (c, _a, f) => mutate(c, 'reportReferentContact', '$id: ID!', 'contactId: $id, reason: "Démarchage"', { id: f.referents.report }),
    entity: async ({ f }) => rawId(f.referents.report),
  },
  // each signed-in person marks its own notifications read
  markNotificationsRead: {
    allowed: Object.fromEntries(ACTORS.filter((a) => a !== 'anonymous').map((actor) => [actor, byActor('notification.markRead', 'User', 'own')])),
    call: (c) => mutate(c, 'markNotificationsRead', '', 'all: true'),
    entity: ({ one }, actor) => one(`SELECT id FROM "User" WHERE email = $1`, [EMAILS[actor as SignedIn]]),
  },
  // an approved member, for its own organization's year (Besançon's member then ORG_ADMIN: created, then replaced)
  declareTraining: {
    allowed: {
      member: byActor('training.declare', 'TrainingDeclaration', BESANCON),
      orgAdmin: byActor('training.declare', 'TrainingDeclaration', BESANCON),
      otherOrgAdmin: byActor('training.declare', 'TrainingDeclaration', DIJON),
    },
    call: (c, actor) => mutate(c, 'declareTraining', '', `year: 2025, agentsTrained: ${10 + ACTORS.indexOf(actor)}, electedTrained: 2`),
    entity: ({ one, f }, actor) => one(`SELECT id FROM "TrainingDeclaration" WHERE "organizationId" = $1 AND year = 2025`, [orgIdOf(f, actor)]),
  },
};

const MUTATIONS = schemaMutations();

describe('the permission matrix', () => {
  it('has an entry for every mutation of schema/schema.graphql, and none for a mutation it lacks', () => {
    expect(MUTATIONS.filter((m) => !(m in MATRIX)), 'mutations missing from the matrix').toEqual([]);
    expect(Object.keys(MATRIX).filter((m) => !MUTATIONS.includes(m)), 'matrix entries for no mutation').toEqual([]);
  });
});

describe.each(backends)('permission matrix on %s', (backend) => {
  let t: TestApp;
  let f: Fixture;
  /** The fingerprint after the last refused call: the next refused call starts from it (nothing ran in between). */
  let last: Record<string, string> | null = null;

  beforeAll(async () => {
    t = await createTestApp(backend);
    f = await buildFixture(t);
  });
  afterAll(() => t?.close());

  // What the web shows comes from these fields: each must answer, for every actor, what the matrix lets that actor do.
  // Run before the matrix, which consumes its targets (the group to close is still OPEN, the review still unvoted).
  it('viewerCan… fields answer, for every actor, what the matrix allows', async () => {
    const allowedTo = (mutation: string) => ACTORS.filter((actor) => !!MATRIX[mutation]!.allowed[actor]);
    const seen: Record<string, Actor[]> = {};
    for (const actor of ACTORS) {
      const response = await f.clients.main[actor].gql(
        `query($group: ID!, $review: ID!, $siren: String!) {
          viewerCan { moderate readAudit administerOrganization }
          tool(slug: "api-mistral") { viewerCanEdit }
          purchasingGroup(id: $group) { viewerCanCoordinate }
          review: node(id: $review) { ... on Review { viewerCanFlag viewerCanVote } }
          organization(siren: $siren) { viewerCanAdminister viewerCanActFor }
        }`,
        { group: f.groups.toClose[actor], review: f.reviewId, siren: BESANCON },
      );
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      const d = response.data as {
        viewerCan: { moderate: boolean; readAudit: boolean; administerOrganization: boolean };
        tool: { viewerCanEdit: boolean };
        purchasingGroup: { viewerCanCoordinate: boolean };
        review: { viewerCanFlag: boolean; viewerCanVote: boolean };
        organization: { viewerCanAdminister: boolean; viewerCanActFor: boolean };
      };
      const answers: Record<string, boolean> = {
        moderateReview: d.viewerCan.moderate,
        updateTool: d.tool.viewerCanEdit,
        closePurchasingGroup: d.purchasingGroup.viewerCanCoordinate,
        flagReview: d.review.viewerCanFlag,
        voteReviewHelpful: d.review.viewerCanVote,
        setCharter: d.organization.viewerCanAdminister,
        declareDeployment: d.organization.viewerCanActFor,
        auditLog: d.viewerCan.readAudit,
        ownOrganization: d.viewerCan.administerOrganization,
      };
      for (const [name, yes] of Object.entries(answers)) if (yes) (seen[name] ??= []).push(actor);
    }
    expect(seen).toEqual({
      moderateReview: allowedTo('moderateReview'),
      updateTool: allowedTo('updateTool'),
      closePurchasingGroup: allowedTo('closePurchasingGroup'),
      flagReview: allowedTo('flagReview'),
      voteReviewHelpful: allowedTo('voteReviewHelpful'),
      setCharter: allowedTo('setCharter'),
      declareDeployment: allowedTo('declareDeployment'),
      // no mutation reads the audit log: AUDITOR and ADMIN, by the rule written in the issue
      auditLog: ['auditor', 'admin'],
      // the ORG_ADMINs of Besançon and of Dijon, each for its own organization
      ownOrganization: ['orgAdmin', 'otherOrgAdmin'],
    });
  });

  for (const mutation of MUTATIONS) {
    const testCase = MATRIX[mutation];
    if (!testCase) {
      it(`${mutation}: has an entry in the matrix`, () => expect.fail(`${mutation} is in schema/schema.graphql but not in the permission matrix`));
      continue;
    }
    describe(mutation, () => {
      for (const actor of ACTORS) {
        const expected = testCase.allowed[actor];
        const refusal: Code = testCase.refusals?.[actor] ?? (actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        const title = expected ? `${actor}: allowed, ${expected(actor).length} audit event(s)` : `${actor}: ${refusal}`;
        it(title, async () => {
          const client = f.clients[testCase.session ?? 'main'][actor];
          try {
            if (expected) {
              last = null;
              const [{ max } = { max: 0 }] = await t.db.sql.query<{ max: number }>(`SELECT coalesce(max(id), 0) AS max FROM "AuditEvent"`);
              const outcome = await testCase.call(client, actor, f);
              expect(outcome).toEqual({ __typename: `Mutation${mutation[0]!.toUpperCase()}${mutation.slice(1)}Success` });
              const events = await t.db.sql.query<{ action: string; entityType: string; entityId: string; actorId: number | null; organizationId: number | null }>(
                `SELECT action, "entityType", "entityId", "actorId", "organizationId" FROM "AuditEvent" WHERE id > $1 ORDER BY id`,
                [max],
              );
              const wanted = expected(actor);
              const people = Object.fromEntries(
                (await t.db.sql.query<{ email: string; id: number }>(`SELECT email, id FROM "User" WHERE email = ANY($1::text[])`, [wanted.map((e) => e.actor)])).map((u) => [u.email, u.id]),
              );
              expect(events.map(({ entityId: _e, ...event }) => event)).toEqual(
                wanted.map((e) => ({ action: e.action, entityType: e.entityType, actorId: people[e.actor], organizationId: f.orgs[e.org] })),
              );
              if (wanted.length > 0) {
                const lookup: Lookup = {
                  f,
                  async one(sql, params) {
                    const rows = await t.db.sql.query<{ id: number }>(sql, params);
                    expect(rows).toHaveLength(1);
                    return rows[0]!.id;
                  },
                };
                expect(events.at(-1)!.entityId).toBe(String(await testCase.entity(lookup, actor)));
              }
            } else {
              const before = last ?? (await fingerprint(t, f.orgs));
              last = null;
              const outcome = await testCase.call(client, actor, f);
              expect(outcome).toMatchObject({ __typename: ERROR_TYPE[refusal], code: refusal });
              const after = await fingerprint(t, f.orgs);
              expect(after).toEqual(before);
              last = after;
            }
          } finally {
            if (testCase.cleanup) {
              last = null;
              await testCase.cleanup(f, actor);
            }
          }
        });
      }
    });
  }
});
