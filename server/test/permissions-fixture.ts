// Fixtures of the permission matrix (permissions.test.ts): the actors and their sessions, and one valid target per
// mutation — one per actor where an allowed call consumes its target — so that a refusal is a refusal by permission,
// never by state. Written in bulk SQL: the matrix makes ~300 calls per backend and must stay fast.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { hashPassword } from '../src/modules/auth/password.ts';
import { hashToken } from '../src/modules/auth/session.ts';
import type { Client, TestApp } from './helpers.ts';

export const ACTORS = ['anonymous', 'pending', 'member', 'orgAdmin', 'otherOrgAdmin', 'auditor', 'provider', 'otherProvider', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];
export type SignedIn = Exclude<Actor, 'anonymous'>;
export const SIGNED_IN = ACTORS.filter((a): a is SignedIn => a !== 'anonymous');

// The organization concerned is Besançon; the other organization is Dijon Métropole.
export const BESANCON = '212500565';
export const DIJON = '242100410';
export const GRAND_BESANCON = '242500361';
/** The platform's own organization (no SIREN): ADMIN, AUDITOR and the PROVIDER accounts belong to it. */
export const PLATFORM = 'MUTUALIS';
export type Org = typeof BESANCON | typeof DIJON | typeof GRAND_BESANCON | typeof PLATFORM;

export const EMAILS: Record<SignedIn, string> = {
  // the demo applicant to Besançon, still PENDING, to whom the fixture gives every role (PROVIDER of Mistral AI
  // included): approval, not the roles, is what must stop it
  pending: 'nouvel.agent@besancon.test',
  member: 'agent@besancon.test',
  orgAdmin: 'dsi@besancon.test',
  otherOrgAdmin: 'dsi@dijon.test',
  auditor: 'auditeur@mutualis.test',
  provider: 'fournisseur@mistral.test',
  // inserted below: a PROVIDER account of DeepL, i.e. of another provider than the tools edited here (Mistral AI's)
  otherProvider: 'fournisseur@deepl.test',
  admin: 'admin@mutualis.test',
};
export const OTHER_COORDINATOR = 'dsi@grandbesancon.test';

/** "orgAdmin" → "org-admin", for slugs and e-mail addresses. */
export const slugOf = (actor: Actor) => actor.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const globalId = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString('base64');

/** The Mutation fields the published schema declares. */
export function schemaMutations(): string[] {
  const sdl = fs.readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
  return Object.keys(buildSchema(sdl).getMutationType()?.getFields() ?? {});
}

/** Sessions opened for each signed-in actor: the main one, and spare ones for the mutations that end a session. */
export const SESSION_KINDS = ['main', 'signUp', 'signIn', 'signOut', 'changePassword'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

const byActor = <T>(make: (actor: Actor) => T) => Object.fromEntries(ACTORS.map((a) => [a, make(a)])) as Record<Actor, T>;

export interface Fixture {
  /** User ids by e-mail. */
  users: Record<string, number>;
  /** Organization ids by SIREN (PLATFORM: by code). */
  orgs: Record<Org, number>;
  clients: Record<SessionKind, Record<Actor, Client>>;
  /** Recreates the main session of an actor (changePassword closes every session of its user). */
  restoreMainSession(actor: Actor): Promise<void>;
  /** Puts the demo password back (changePassword changed it). */
  restorePassword(actor: Actor): Promise<void>;
  /** A seeded Grand Besançon review (another organization's, by someone who is no actor): flags and votes. */
  reviewId: string;
  /** Another Grand Besançon review, for moderation. */
  moderatedReviewId: string;
  /** Besançon's deployment of kawantech-kara. */
  deploymentId: string;
  /** Mistral AI's plan "Mistral Large" and an impact figure of api-mistral. */
  planId: string;
  figureId: string;
  archive: { tools: Record<Actor, string>; providers: Record<Actor, string>; plans: Record<Actor, string>; figures: Record<Actor, string> };
  /** Purchasing groups coordinated by Besançon, in the state each mutation needs. */
  groups: {
    draft: Record<Actor, string>;
    toClose: Record<Actor, string>;
    toCancel: Record<Actor, string>;
    closed: Record<Actor, string>;
    /** OPEN, open to all: join. */
    join: string;
    /** OPEN, Besançon and Dijon INTERESTED: commit. */
    commit: string;
    /** OPEN, Besançon and Dijon INTERESTED: withdraw. */
    withdraw: string;
    /** OPEN, nobody invited yet: Besançon's ORG_ADMIN invites Dijon. */
    invite: string;
    /** A PENDING invitation of Besançon to an OPEN group coordinated by Grand Besançon. */
    invitation: string;
  };
  /** One pending applicant to Besançon per actor: a membership is decided once. */
  applicants: Record<Actor, string>;
  /** One Besançon member to erase per actor. */
  erasable: Record<Actor, string>;
  rolesTarget: string;
  /** One pending applicant to Besançon per actor, for decideMembership. */
  decisions: Record<Actor, string>;
  /** An approved Besançon member whose ORG_ADMIN request waits (decideAdminRequest). */
  adminRequester: string;
  /** Puts the pending actor back as it was after cancelMembershipRequest (PENDING, every session). */
  restoreApplicant(): Promise<void>;
  /** Public contracts (DECP) waiting in the curation queue: one to confirm, one to dismiss. */
  contracts: { confirm: number; dismiss: number };
  /** Library documents: one of Besançon to update, one of Grand Besançon per actor to mark reused (once per organization). */
  documents: { update: string; reuse: Record<Actor, string> };
  /**
   * Referents of lixo: the member's (to withdraw), Grand Besançon's coordinator's (to write to), and the ORG_ADMIN's,
   * who received three messages from Grand Besançon's coordinator (to answer, decline, report); `tool`: kawantech-kara,
   * which Besançon deploys (becomeReferent); `restore` puts the withdrawn declaration back.
   */
  referents: { tool: string; withdraw: string; contact: string; answer: string; decline: string; report: string; restore(): Promise<void> };
}

let demoHash: Promise<string> | undefined;

export async function buildFixture(t: TestApp): Promise<Fixture> {
  const sql = t.db.sql;
  const passwordHash = await (demoHash ??= hashPassword('mutualis-demo'));
  const [platform] = await sql.query<{ id: number }>(`SELECT id FROM "Organization" WHERE kind = 'STATE' AND code = $1`, [PLATFORM]);

  // people: the other provider's account, pending applicants, members to erase, the target of setUserRoles
  const people = [
    { email: EMAILS.otherProvider, name: 'Représentant DeepL', siren: null, roles: ['PROVIDER'], status: 'APPROVED', provider: 'deepl', hash: passwordHash },
    ...ACTORS.map((a) => ({ email: `attente.${slugOf(a)}@besancon.test`, name: `En attente (${a})`, siren: BESANCON, roles: ['MEMBER'], status: 'PENDING', provider: null, hash: null })),
    ...ACTORS.map((a) => ({ email: `effacement.${slugOf(a)}@besancon.test`, name: `À effacer (${a})`, siren: BESANCON, roles: ['MEMBER'], status: 'APPROVED', provider: null, hash: null })),
    { email: 'roles.cible@besancon.test', name: 'Cible des rôles', siren: BESANCON, roles: ['MEMBER'], status: 'APPROVED', provider: null, hash: null },
    ...ACTORS.map((a) => ({ email: `decision.${slugOf(a)}@besancon.test`, name: `Décision (${a})`, siren: BESANCON, roles: ['MEMBER'], status: 'PENDING', provider: null, hash: null })),
    { email: 'demande.role@besancon.test', name: 'Demande du rôle', siren: BESANCON, roles: ['MEMBER'], status: 'APPROVED', provider: null, hash: null },
  ];
  await sql.query(
    `INSERT INTO "User" (email, name, "passwordHash", "organizationId", roles, "membershipStatus", "providerId", "updatedAt")
     SELECT x.email, x.name, x.hash, coalesce(o.id, $2), ARRAY(SELECT json_array_elements_text(x.roles))::"Role"[],
            x.status::"MembershipStatus", p.id, now()
       FROM json_to_recordset($1::json) AS x(email text, name text, siren text, roles json, status text, provider text, hash text)
       LEFT JOIN "Organization" o ON o.siren = x.siren
       LEFT JOIN "Provider" p ON p.slug = x.provider`,
    [JSON.stringify(people), platform!.id],
  );
  const raised = await sql.query(
    `UPDATE "User" SET roles = ARRAY['MEMBER', 'ORG_ADMIN', 'AUDITOR', 'PROVIDER', 'ADMIN']::"Role"[],
            "providerId" = (SELECT id FROM "Provider" WHERE slug = 'mistral-ai')
      WHERE email = $1 AND "membershipStatus" = 'PENDING' RETURNING id`,
    [EMAILS.pending],
  );
  await sql.query(`UPDATE "User" SET "adminRequestStatus" = 'PENDING', "adminRequestedAt" = now(), "adminRequestReason" = 'Matrice' WHERE email = 'demande.role@besancon.test'`);
  if (raised.length !== 1) throw new Error(`${EMAILS.pending} is no longer a pending demo account: the matrix has no pending actor`);
  const users = Object.fromEntries(
    (await sql.query<{ email: string; id: number }>(`SELECT email, id FROM "User"`)).map((u) => [u.email, u.id]),
  );
  const orgRows = await sql.query<{ siren: string; id: number }>(`SELECT siren, id FROM "Organization" WHERE siren = ANY($1::text[])`, [[BESANCON, DIJON, GRAND_BESANCON]]);
  const orgs = { ...Object.fromEntries(orgRows.map((o) => [o.siren, o.id])), [PLATFORM]: platform!.id } as Record<Org, number>;
  const ids = async (table: string, key: string, values: string[]) =>
    Object.fromEntries((await sql.query<{ k: string; id: number }>(`SELECT ${key} AS k, id FROM "${table}" WHERE ${key} = ANY($1::text[])`, [values])).map((r) => [r.k, r.id]));

  // sessions, straight into the table the app reads (no sign-in: no argon2, no audit event, no rate limit)
  const tokens = {} as Record<SessionKind, Record<Actor, string>>;
  const sessions: { tokenHash: string; userId: number }[] = [];
  for (const kind of SESSION_KINDS) {
    tokens[kind] = {} as Record<Actor, string>;
    for (const actor of SIGNED_IN) {
      const token = randomBytes(32).toString('base64url');
      tokens[kind][actor] = token;
      sessions.push({ tokenHash: hashToken(token), userId: users[EMAILS[actor]]! });
    }
  }
  const insertSessions = (rows: { tokenHash: string; userId: number }[]) =>
    sql.query(
      `INSERT INTO "Session" ("tokenHash", "userId", "expiresAt")
       SELECT x."tokenHash", x."userId", now() + interval '30 days' FROM json_to_recordset($1::json) AS x("tokenHash" text, "userId" int)
       ON CONFLICT ("tokenHash") DO NOTHING`,
      [JSON.stringify(rows)],
    );
  await insertSessions(sessions);
  const clients = Object.fromEntries(
    SESSION_KINDS.map((kind) => [kind, byActor((a) => (a === 'anonymous' ? t.client() : t.client(`mutualis_session=${tokens[kind][a]}`)))]),
  ) as Record<SessionKind, Record<Actor, Client>>;

  // catalogue: per actor, a Mistral AI tool, a plan and an impact figure of api-mistral, and a provider, to archive
  const mistral = (await ids('Provider', 'slug', ['mistral-ai']))['mistral-ai']!;
  const tools = await ids('Tool', 'slug', ['api-mistral', 'lixo', 'mindee-doctr', 'kawantech-kara', 'noota', 'le-chat-pro', 'deepl-pro']);
  // the seeded plan and impact figure of api-mistral that updatePricingPlan and updateImpactFigure edit
  const [plan] = await sql.query<{ id: number }>(`SELECT id FROM "PricingPlan" WHERE "toolId" = $1 AND name LIKE 'Mistral Large%'`, [tools['api-mistral']]);
  const [figure] = await sql.query<{ id: number }>(`SELECT min(id) AS id FROM "ImpactFigure" WHERE "toolId" = $1`, [tools['api-mistral']]);
  const slugs = ACTORS.map((a) => `matrice-archive-${slugOf(a)}`);
  await sql.query(
    `INSERT INTO "Tool" (slug, name, "providerId", "categoryId", description, "deploymentMode", "updatedAt")
     SELECT s, 'Outil à archiver ' || s, $2, (SELECT id FROM "Category" ORDER BY id LIMIT 1), 'Outil de la matrice des droits.', 'SAAS', now()
       FROM unnest($1::text[]) AS s`,
    [slugs, mistral],
  );
  await sql.query(
    `INSERT INTO "Provider" (slug, name, country, "updatedAt") SELECT s, 'Fournisseur à archiver ' || s, 'FR', now() FROM unnest($1::text[]) AS s`,
    [slugs],
  );
  const planNames = ACTORS.map((a) => `Offre à archiver (${a})`);
  const plans = await sql.query<{ name: string; id: number }>(
    `INSERT INTO "PricingPlan" ("toolId", name, "pricingModel", "unitPrice", source, "sourceDate", "updatedAt")
     SELECT $2, n, 'FLAT_YEAR', 1000, 'PUBLISHED', now() - interval '1 day', now() FROM unnest($1::text[]) AS n RETURNING name, id`,
    [planNames, tools['api-mistral']],
  );
  const figures = await sql.query<{ scope: string; id: number }>(
    `INSERT INTO "ImpactFigure" ("toolId", "energyWhPerRequest", method, scope, "sourceUrl", "sourceDate", "updatedAt")
     SELECT $2, 0.3, 'PROVIDER_DECLARED', s, 'https://example.org/impact', now() - interval '1 day', now() FROM unnest($1::text[]) AS s RETURNING scope, id`,
    [planNames.map((n) => n.replace('Offre', 'Chiffre')), tools['api-mistral']],
  );

  // reviews of Grand Besançon (no actor's organization, no actor as author), and a deployment of Besançon
  const reviews = await sql.query<{ toolId: number; id: number }>(
    `INSERT INTO "Review" ("toolId", "organizationId", "authorId", rating, title, body, "updatedAt")
     SELECT x, $2, $3, 4, 'Avis de Grand Besançon', 'Un avis écrit pour la matrice des droits.', now() FROM unnest($1::int[]) AS x RETURNING "toolId", id`,
    [[tools.lixo, tools['mindee-doctr']], orgs[GRAND_BESANCON], users[OTHER_COORDINATOR]],
  );
  const [deployment] = await sql.query<{ id: number }>(
    `INSERT INTO "Deployment" ("organizationId", "toolId", status, users, "createdById", "updatedAt") VALUES ($1, $2, 'PRODUCTION', 5, $3, now()) RETURNING id`,
    [orgs[BESANCON], tools['kawantech-kara'], users[EMAILS.orgAdmin]],
  );

  // purchasing groups coordinated by Besançon: DRAFT, OPEN, CLOSED (with a committed member) per actor, and three shared
  const specs = [
    ...ACTORS.map((a) => ({ key: `draft:${a}`, status: 'DRAFT' })),
    ...ACTORS.map((a) => ({ key: `toClose:${a}`, status: 'OPEN' })),
    ...ACTORS.map((a) => ({ key: `toCancel:${a}`, status: 'OPEN' })),
    ...ACTORS.map((a) => ({ key: `closed:${a}`, status: 'CLOSED' })),
    { key: 'join', status: 'OPEN' },
    { key: 'commit', status: 'OPEN' },
    { key: 'withdraw', status: 'OPEN' },
    { key: 'invite', status: 'OPEN' },
  ];
  const groupRows = await sql.query<{ title: string; id: number }>(
    `INSERT INTO "PurchasingGroup" (title, "toolId", "coordinatorId", status, "interestDeadline", eligibility, "allocationRule", "volumeUnit", "listUnitPrice", "updatedAt")
     SELECT 'Matrice ' || x.key, $2, $3, x.status::"GroupStatus", now() + interval '30 days', 'ALL', 'EQUAL', 'SEATS', 100, now()
       FROM json_to_recordset($1::json) AS x(key text, status text) RETURNING title, id`,
    [JSON.stringify(specs), tools.noota, orgs[BESANCON]],
  );
  const group = Object.fromEntries(groupRows.map((g) => [g.title.slice('Matrice '.length), g.id])) as Record<string, number>;
  const memberships = [
    ...ACTORS.map((a) => ({ groupId: group[`closed:${a}`], org: orgs[BESANCON], status: 'COMMITTED', volume: 10 })),
    ...['commit', 'withdraw'].flatMap((k) => [BESANCON, DIJON].map((siren) => ({ groupId: group[k], org: orgs[siren as Org], status: 'INTERESTED', volume: null }))),
  ];
  await sql.query(
    `INSERT INTO "GroupMembership" ("groupId", "organizationId", status, "estimatedVolume", "committedVolume", "committedAt", "updatedAt")
     SELECT x."groupId", x.org, x.status::"GroupMembershipStatus", 10, x.volume, CASE WHEN x.volume IS NULL THEN NULL ELSE now() END, now()
       FROM json_to_recordset($1::json) AS x("groupId" int, org int, status text, volume numeric)`,
    [JSON.stringify(memberships)],
  );
  const groupsOf = (prefix: string) => byActor((a) => globalId('PurchasingGroup', group[`${prefix}:${a}`]!));
  // an invitation of Besançon to a group of Grand Besançon, to answer
  const [invitation] = await sql.query<{ id: number }>(
    `WITH g AS (INSERT INTO "PurchasingGroup" (title, "toolId", "coordinatorId", status, "interestDeadline", eligibility, "allocationRule", "volumeUnit", "listUnitPrice", "updatedAt")
       VALUES ('Matrice invitation', $1, $2, 'OPEN', now() + interval '30 days', 'ALL', 'EQUAL', 'SEATS', 100, now()) RETURNING id)
     INSERT INTO "GroupInvitation" ("groupId", "organizationId", "invitedById") SELECT g.id, $3, $4 FROM g RETURNING id`,
    [tools.noota, orgs[GRAND_BESANCON], orgs[BESANCON], users[OTHER_COORDINATOR]],
  );

  // public contracts (DECP), KEPT by the rules, for the curation mutations
  const contractRows = await sql.query<{ decpId: string; id: number }>(
    `INSERT INTO "PublicContract" ("buyerSiret", "buyerSiren", "decpId", "notificationDate", object, source, "formatVersion",
       "contentHash", raw, "relevanceScore", evidence, decision, "buyerOrganizationId", "updatedAt")
     SELECT '21250056500016', '212500565', d, DATE '2024-03-01', 'Agent conversationnel de la matrice', 'matrice', '2.0', d, '{}', 4, '{}',
            'KEPT', $2, now() FROM unnest($1::text[]) AS d RETURNING "decpId", id`,
    [['MATRICE-OK', 'MATRICE-NON'], orgs[BESANCON]],
  );
  const contractId = Object.fromEntries(contractRows.map((r) => [r.decpId, r.id]));

  // library documents, without files (a document recorded from its public source)
  const documentRows = await sql.query<{ slug: string; id: number }>(
    `INSERT INTO "Document" (slug, title, summary, type, licence, "organizationId", "updatedAt")
     SELECT s, 'Document de la matrice ' || s, 'Résumé du document de la matrice.', 'TENDER_CLAUSE', 'CC_BY_4',
            CASE WHEN s = 'matrice-a-modifier' THEN $2::int ELSE $3::int END, now()
       FROM unnest($1::text[]) AS s RETURNING slug, id`,
    [['matrice-a-modifier', ...ACTORS.map((a) => `matrice-reutilisation-${slugOf(a)}`)], orgs[BESANCON], orgs[GRAND_BESANCON]],
  );
  const documentId = Object.fromEntries(documentRows.map((r) => [r.slug, r.id]));
  const referentRows = await sql.query<{ userId: number; id: number }>(
    `INSERT INTO "ToolReferent" ("userId", "toolId", "helpWith", "updatedAt")
     SELECT u, $2, 'Référent de la matrice des droits.', now() FROM unnest($1::int[]) AS u RETURNING "userId", id`,
    [[users[EMAILS.member], users[OTHER_COORDINATOR], users[EMAILS.orgAdmin]], tools.lixo],
  );
  const referentId = Object.fromEntries(referentRows.map((r) => [r.userId, r.id]));
  const contactRows = await sql.query<{ message: string; id: number }>(
    `INSERT INTO "ReferentContact" ("referentId", "senderId", message) SELECT $2, $3, m FROM unnest($1::text[]) AS m RETURNING message, id`,
    [['Matrice : répondre', 'Matrice : décliner', 'Matrice : signaler'], referentId[users[EMAILS.orgAdmin]!], users[OTHER_COORDINATOR]],
  );
  const contactOf = Object.fromEntries(contactRows.map((r) => [r.message, globalId('ReferentContact', r.id)]));
  // a saved charter draft of Besançon (built from the model), for saveCharterDraft and publishCharter
  await sql.query(`INSERT INTO "Charter" ("organizationId", principles, "updatedAt") VALUES ($1, ARRAY['HUMAN_OVERSIGHT', 'TRANSPARENCY'], now())
     ON CONFLICT ("organizationId") DO UPDATE SET principles = EXCLUDED.principles`, [orgs[BESANCON]]);

  const planByName = Object.fromEntries(plans.map((p) => [p.name, p.id]));
  const figureByScope = Object.fromEntries(figures.map((f) => [f.scope, f.id]));
  const reviewByTool = Object.fromEntries(reviews.map((r) => [r.toolId, r.id]));
  return {
    users,
    orgs,
    clients,
    restoreMainSession: async (actor) => {
      if (actor !== 'anonymous') await insertSessions([{ tokenHash: hashToken(tokens.main[actor]), userId: users[EMAILS[actor]]! }]);
    },
    restorePassword: async (actor) => {
      if (actor !== 'anonymous') await sql.query(`UPDATE "User" SET "passwordHash" = $1 WHERE email = $2`, [passwordHash, EMAILS[actor]]);
    },
    reviewId: globalId('Review', reviewByTool[tools.lixo!]!),
    moderatedReviewId: globalId('Review', reviewByTool[tools['mindee-doctr']!]!),
    deploymentId: globalId('Deployment', deployment!.id),
    planId: globalId('PricingPlan', plan!.id),
    figureId: globalId('ImpactFigure', figure!.id),
    archive: {
      tools: byActor((a) => `matrice-archive-${slugOf(a)}`),
      providers: byActor((a) => `matrice-archive-${slugOf(a)}`),
      plans: byActor((a) => globalId('PricingPlan', planByName[`Offre à archiver (${a})`]!)),
      figures: byActor((a) => globalId('ImpactFigure', figureByScope[`Chiffre à archiver (${a})`]!)),
    },
    groups: {
      draft: groupsOf('draft'),
      toClose: groupsOf('toClose'),
      toCancel: groupsOf('toCancel'),
      closed: groupsOf('closed'),
      join: globalId('PurchasingGroup', group.join!),
      commit: globalId('PurchasingGroup', group.commit!),
      withdraw: globalId('PurchasingGroup', group.withdraw!),
      invite: globalId('PurchasingGroup', group.invite!),
      invitation: globalId('GroupInvitation', invitation!.id),
    },
    applicants: byActor((a) => globalId('User', users[`attente.${slugOf(a)}@besancon.test`]!)),
    erasable: byActor((a) => globalId('User', users[`effacement.${slugOf(a)}@besancon.test`]!)),
    rolesTarget: globalId('User', users['roles.cible@besancon.test']!),
    decisions: byActor((a) => globalId('User', users[`decision.${slugOf(a)}@besancon.test`]!)),
    adminRequester: globalId('User', users['demande.role@besancon.test']!),
    restoreApplicant: async () => {
      const userId = users[EMAILS.pending]!;
      await sql.query(`UPDATE "User" SET "membershipStatus" = 'PENDING', "membershipDecisionReason" = NULL, "membershipDecidedAt" = NULL WHERE id = $1`, [userId]);
      await sql.query(`DELETE FROM "Session" WHERE "userId" = $1`, [userId]);
      await insertSessions(SESSION_KINDS.map((kind) => ({ tokenHash: hashToken(tokens[kind].pending), userId })));
    },
    contracts: { confirm: contractId['MATRICE-OK']!, dismiss: contractId['MATRICE-NON']! },
    documents: {
      update: globalId('Document', documentId['matrice-a-modifier']!),
      reuse: byActor((a) => globalId('Document', documentId[`matrice-reutilisation-${slugOf(a)}`]!)),
    },
    referents: {
      tool: globalId('Tool', tools['kawantech-kara']!),
      restore: async () => void (await sql.query(`UPDATE "ToolReferent" SET "withdrawnAt" = NULL WHERE id = $1`, [referentId[users[EMAILS.member]!]])),
      withdraw: globalId('ToolReferent', referentId[users[EMAILS.member]!]!),
      contact: globalId('ToolReferent', referentId[users[OTHER_COORDINATOR]!]!),
      answer: contactOf['Matrice : répondre']!,
      decline: contactOf['Matrice : décliner']!,
      report: contactOf['Matrice : signaler']!,
    },
  };
}

/** Every row of a small table, hashed. */
const whole = (table: string, order = 't.id') => `(SELECT md5(coalesce(string_agg(t::text, chr(10) ORDER BY ${order}), '')) FROM "${table}" t)`;
/** A large table: count, sum of ids and latest updatedAt of all rows, and the rows of the actors' organizations, hashed. */
const large = (table: string) =>
  `(SELECT count(*) || ':' || coalesce(sum(t.id), 0) || ':' || coalesce(max(t."updatedAt")::text, '') FROM "${table}" t) || ':' ||
   md5(coalesce((SELECT string_agg(t::text, chr(10) ORDER BY t.id) FROM "${table}" t WHERE t."organizationId" = ANY($1::int[])), ''))`;

const FINGERPRINT = `SELECT
  ${whole('User')} AS users,
  (SELECT count(*) || ':' || md5(coalesce(string_agg(t."tokenHash" || t."userId" || t."expiresAt", ',' ORDER BY t.id), '')) FROM "Session" t) AS sessions,
  (SELECT max(id) FROM "Organization") || ':' ||
    md5(coalesce((SELECT string_agg(t::text, chr(10) ORDER BY t.id) FROM "Organization" t WHERE t.id = ANY($1::int[])), '')) AS organizations,
  ${whole('Provider')} AS providers,
  ${whole('Category')} AS categories,
  ${whole('Tool')} AS tools,
  ${whole('PricingPlan')} AS plans,
  ${whole('PriceTier')} AS price_tiers,
  ${whole('ImpactFigure')} AS impact_figures,
  ${large('Deployment')} AS deployments,
  ${large('Review')} AS reviews,
  ${whole('ReviewVersion')} AS versions,
  ${whole('ReviewVote')} AS votes,
  ${whole('ReviewFlag')} AS flags,
  ${whole('PurchasingGroup')} AS groups,
  ${whole('GroupPriceTier')} AS group_tiers,
  ${whole('GroupCandidateTool', 't::text')} AS candidates,
  ${whole('GroupMembership')} AS memberships,
  ${whole('GroupInvitation')} AS group_invitations,
  ${whole('Notification')} AS notifications,
  ${whole('AuditEvent')} AS audit_events,
  ${whole('PublicContract')} AS public_contracts,
  ${whole('DecpImport')} AS decp_imports,
  ${whole('Document')} AS documents,
  ${whole('DocumentVersion')} AS document_versions,
  ${whole('DocumentTool', 't::text')} AS document_tools,
  ${whole('DocumentCategory', 't::text')} AS document_categories,
  ${whole('ToolReferent')} AS tool_referents,
  ${whole('ReferentContact')} AS referent_contacts,
  ${whole('DocumentReuse')} AS document_reuses,
  ${whole('TrainingDeclaration')} AS training_declarations,
  ${whole('Charter')} AS charters`;

/**
 * What a refused call must leave as it was: every row of every table these mutations write — people, sessions (but
 * lastSeenAt, touched hourly by any request), providers, tools, plans and their tiers, impact figures, reviews, their
 * versions, flags and votes, groups with their tiers, candidates and memberships, the audit log —, except for the
 * three large tables: Organization by its highest id (no mutation creates one) and the rows of the actors'
 * organizations (charter), Deployment and Review by count, sum of ids and latest updatedAt (Prisma stamps it on
 * every write) and the rows of the actors' organizations. RateLimit is left out: every mutation, refused or not, is
 * counted there by design (write limits).
 */
export async function fingerprint(t: TestApp, orgs: Record<Org, number>): Promise<Record<string, string>> {
  const [row] = await t.db.sql.query<Record<string, string>>(FINGERPRINT, [Object.values(orgs)]);
  return row!;
}
