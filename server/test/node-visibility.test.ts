import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/modules/auth/password.ts';
import { schema } from '../src/graphql/schema.ts';
import { backends, createTestApp, type Client, type TestApp } from './helpers.ts';

// Every type reachable through node(id:)/nodes(ids:) must show, to each role, exactly what the list that normally
// shows it shows that role: same ids, same sensitive fields, and an invisible node is null like an unknown id.

type Role = 'anonymous' | 'pending' | 'member' | 'orgAdmin' | 'otherOrgAdmin' | 'auditor' | 'provider' | 'admin';
const EMAILS: Record<Exclude<Role, 'anonymous'>, string> = {
  pending: 'nouvel.agent@besancon.test',
  member: 'agent@besancon.test',
  orgAdmin: 'dsi@besancon.test',
  otherOrgAdmin: 'dsi@dijon.test',
  auditor: 'auditeur@mutualis.test',
  provider: 'fournisseur@mistral.test',
  admin: 'admin@mutualis.test',
};
const ROLES = ['anonymous', ...Object.keys(EMAILS)] as Role[];
const BESANCON = '212500565';
const FIRST_IDS = 500;
/**
 * Public types show everyone the same rows: signed-in roles are compared with the anonymous visitor over the first
 * PUBLIC_IDS_SIGNED_IN ids (every restricted type, and the anonymous visitor, keep FIRST_IDS). This keeps the file
 * within the CI budget: the full comparison was 40 % of its time.
 */
const PUBLIC_IDS_SIGNED_IN = 120;
/** nodes(ids:) takes 100 ids at most. */
const PAGE = 100;

/** Types any role sees whole, because their lists are public (directory, catalogue, declared deployments). */
const PUBLIC_TYPES = ['Organization', 'Category', 'Provider', 'Tool', 'PricingPlan', 'ImpactFigure', 'Deployment', 'Document', 'ToolReferent', 'Training'];
/** Types with a visibility rule, each compared below with its list. */
const RESTRICTED_TYPES = ['AuditEvent', 'User', 'Review', 'PurchasingGroup', 'GroupMembership'];
/**
 * Node types whose visibility rule is checked by their own module's tests, every path included (node, nodes, lists):
 * GroupInvitation in purchasing-invitations.test.ts (the coordinator's and the invited organization's people only),
 * Notification in onboarding.test.ts (its owner only), ReferentContact in referents.test.ts (its sender and its
 * referent only). ToolReferent is public while active and consenting (the seed has no other); referents.test.ts checks
 * that a withdrawn one is its author's alone.
 */
const RULE_TESTED_IN_MODULE = ['GroupInvitation', 'Notification', 'ReferentContact'];
/** A field that is itself a list refusing the role with an error (compared on its own, as the pending users' list). */
const GUARDED_FIELDS = new Set(['Organization.pendingUsers']);

/** Every field of the type, nested objects to `depth` levels (connection wrappers do not count), leaves below. */
function selectionOf(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (GUARDED_FIELDS.has(`${type.name}.${field.name}`)) continue;
    // a required argument without a default (adoptersNear's SIREN) cannot be made up generically
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const args = field.args.some((arg) => arg.name === 'first') ? '(first: 2)' : '';
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(field.name + args);
    } else if (isObjectType(named) || isInterfaceType(named)) {
      const wrapper = /Connection$|Edge$/.test(named.name) || !('id' in named.getFields());
      if (depth === 0 && !wrapper) parts.push(`${field.name}${args} { __typename id }`);
      else if (isObjectType(named)) parts.push(`${field.name}${args} { ${selectionOf(named, wrapper ? depth : depth - 1)} }`);
      else parts.push(`${field.name}${args} { __typename }`);
    }
  }
  return parts.join(' ');
}

const nodeType = (name: string) => schema.getType(name) as GraphQLObjectType;

interface Fixture {
  draftBesancon: number;
  draftDijon: number;
  draftCategory: string;
  draftMembership: number;
  hiddenBesancon: number;
  hiddenOther: number;
  approvedBesancon: number;
  pendingUser: number;
}

describe.each(backends)('node visibility on %s', (backend) => {
  let t: TestApp;
  const clients = {} as Record<Role, Client>;
  const fixture = {} as Fixture;
  const sql = <T>(text: string, params?: unknown[]) => t.db.sql.query<T & Record<string, unknown>>(text, params);

  const pages: Record<string, number> = {};
  /** nodes(ids:) over ids 1…500 of the type, every field selected, in pages the query limits accept. */
  async function nodesAs(role: Role, type: string, last = FIRST_IDS): Promise<{ nodes: Record<string, any>[]; errors: unknown[] }> {
    const selection = selectionOf(nodeType(type), 1);
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on ${type} { ${selection} } } }`;
    if (!pages[type]) {
      // the limits estimate size per requested id: their answer to a full page gives the page they accept
      const probe = await clients.anonymous.gql(query, { ids: Array.from({ length: PAGE }, (_, i) => encodeGlobalID(type, i + 1)) });
      const ratios = (probe.errors ?? [])
        .filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')
        .map((e) => (e.extensions!.max as number) / (e.extensions!.actual as number));
      pages[type] = Math.max(1, Math.floor(PAGE * Math.min(1, ...ratios) * 0.9));
    }
    const page = pages[type]!;
    const nodes: Record<string, any>[] = [];
    const errors: unknown[] = [];
    for (let start = 1; start <= last; start += page) {
      const ids = Array.from({ length: Math.min(page, last + 1 - start) }, (_, i) => encodeGlobalID(type, start + i));
      const res = await clients[role].gql<{ nodes: (Record<string, any> | null)[] }>(query, { ids });
      errors.push(...(res.errors ?? []));
      nodes.push(...(res.data?.nodes ?? []).filter((n): n is Record<string, any> => n !== null));
    }
    return { nodes, errors };
  }

  const anonymousNodes: Record<string, ReturnType<typeof nodesAs>> = {};
  const idOf = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [idOf(row.id), row]));
  const firstIds = <V>(map: Map<number, V>) => new Map([...map].filter(([id]) => id <= FIRST_IDS));

  /** What the lists show the role, per restricted type: id → the sensitive fields as the list shows them. */
  const lists: Record<string, (role: Role) => Promise<Map<number, Record<string, unknown>>>> = {
    async AuditEvent(role) {
      const rows: { id: string; before: unknown; after: unknown }[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await clients[role].gql(
          `query($after: String) { auditEvents(first: 200, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id before after } } } }`,
          { after },
        );
        if (!res.data?.auditEvents) return byId(rows);
        rows.push(...res.data.auditEvents.edges.map((e: any) => e.node));
        if (!res.data.auditEvents.pageInfo.hasNextPage) return byId(rows);
        after = res.data.auditEvents.pageInfo.endCursor;
      }
    },
    async User(role) {
      // the platform's own organization has no SIREN: the organizations are reached by their public node
      const organizations = await sql<{ id: number }>(`SELECT DISTINCT "organizationId" AS id FROM "User"`);
      const rows: { id: string }[] = [];
      const viewer = await clients[role].gql(`{ viewer { id email roles membershipStatus } }`);
      if (viewer.data!.viewer) rows.push(viewer.data!.viewer);
      const res = await clients[role].gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Organization { users { id email roles membershipStatus } } } }`, {
        ids: organizations.map((o) => encodeGlobalID('Organization', o.id)),
      });
      rows.push(...res.data!.nodes.flatMap((o: { users: { id: string }[] }) => o.users));
      return byId(rows);
    },
    async Review(role) {
      const fields = 'id moderationStatus moderationReason flagCount';
      const rows: { id: string }[] = [];
      // every tool's page of visible reviews and the viewer's own review, then the moderation queue
      for (const { slug } of await sql<{ slug: string }>(`SELECT slug FROM "Tool" ORDER BY id`)) {
        let after: string | null = null;
        for (;;) {
          const res: any = await clients[role].gql(
            `query($s: String!, $after: String) { tool(slug: $s) { viewerReview { ${fields} } reviews(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } } }`,
            { s: slug, after },
          );
          const tool = res.data!.tool;
          rows.push(...tool.reviews.edges.map((e: any) => e.node), ...(tool.viewerReview && !after ? [tool.viewerReview] : []));
          if (!tool.reviews.pageInfo.hasNextPage) break;
          after = tool.reviews.pageInfo.endCursor;
        }
      }
      const queue = await clients[role].gql(`{ moderationQueue(first: 200) { edges { node { ${fields} } } } }`);
      rows.push(...(queue.data?.moderationQueue?.edges.map((e: any) => e.node) ?? []));
      return byId(rows);
    },
    async PurchasingGroup(role) {
      const res = await clients[role].gql(`{ purchasingGroups(first: 100) { edges { node { id status cancelReason } } } }`);
      return byId(res.data!.purchasingGroups.edges.map((e: any) => e.node));
    },
    async GroupMembership(role) {
      const res = await clients[role].gql(`{ purchasingGroups(first: 100) { edges { node { memberships { id status estimatedVolume } } } } }`);
      return byId(res.data!.purchasingGroups.edges.flatMap((e: any) => e.node.memberships));
    },
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    const [besancon] = await sql<{ id: number }>(`SELECT id FROM "Organization" WHERE siren = $1`, [BESANCON]);
    // an applicant that Besançon's ORG_ADMIN approves: the audit log then holds a user snapshot with its e-mail
    const [applicant] = await sql<{ id: number }>(
      `INSERT INTO "User" (email, name, "passwordHash", "organizationId", roles, "membershipStatus", "updatedAt")
       VALUES ('candidate@besancon.test', 'Candidate de Besançon', $1, $2, ARRAY['MEMBER']::"Role"[], 'PENDING', now()) RETURNING id`,
      [await hashPassword('mutualis-demo'), besancon!.id],
    );
    clients.anonymous = t.client();
    for (const [role, email] of Object.entries(EMAILS)) clients[role as Role] = await t.signIn(email);
    const approved = await clients.orgAdmin.gql(`mutation($id: ID!) { approveMembership(userId: $id) { __typename } }`, { id: encodeGlobalID('User', applicant!.id) });
    expect(approved.data!.approveMembership.__typename).toBe('MutationApproveMembershipSuccess');
    fixture.approvedBesancon = applicant!.id;
    fixture.pendingUser = (await sql<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [EMAILS.pending]))[0]!.id;

    // two drafts: one coordinated by Besançon (by category), one by Dijon Métropole (one tool)
    const [category] = await sql<{ slug: string; tools: string[] }>(
      `SELECT c.slug, array_agg(t.slug ORDER BY t.slug) AS tools FROM "Category" c JOIN "Tool" t ON t."categoryId" = c.id
        WHERE t."archivedAt" IS NULL GROUP BY c.slug HAVING count(*) >= 2 ORDER BY c.slug LIMIT 1`,
    );
    fixture.draftCategory = category!.slug;
    const create = `mutation($i: CreatePurchasingGroupInput!) { createPurchasingGroup(input: $i) {
      __typename ... on MutationCreatePurchasingGroupSuccess { data { id } } ... on Error { message } } }`;
    const common = { interestDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(), allocationRule: 'EQUAL', volumeUnit: 'SEATS', listUnitPrice: '10.00' };
    const mine = await clients.orgAdmin.gql(create, {
      i: { ...common, title: 'Brouillon de Besançon', categorySlug: category!.slug, candidateToolSlugs: category!.tools.slice(0, 2) },
    });
    const theirs = await clients.otherOrgAdmin.gql(create, { i: { ...common, title: 'Brouillon de Dijon', toolSlug: category!.tools[0] } });
    fixture.draftBesancon = idOf(mine.data!.createPurchasingGroup.data.id);
    fixture.draftDijon = idOf(theirs.data!.createPurchasingGroup.data.id);
    // a membership of a draft cannot be made through the API (drafts take no member): written directly
    const [membership] = await sql<{ id: number }>(
      `INSERT INTO "GroupMembership" ("groupId", "organizationId", status, "estimatedVolume", "updatedAt")
       SELECT $1, id, 'INTERESTED', 12, now() FROM "Organization" WHERE siren = '242100410' RETURNING id`,
      [fixture.draftBesancon],
    );
    fixture.draftMembership = membership!.id;

    // a hidden review of Besançon and one of another organization, each with its moderation reason
    const hide = `mutation($id: ID!) { moderateReview(reviewId: $id, action: HIDE, reason: "Propos injurieux") { __typename } }`;
    let [own] = await sql<{ id: number }>(`SELECT id FROM "Review" WHERE "organizationId" = $1 ORDER BY id LIMIT 1`, [besancon!.id]);
    if (!own) {
      const [tool] = await sql<{ slug: string }>(`SELECT slug FROM "Tool" WHERE "archivedAt" IS NULL ORDER BY slug LIMIT 1`);
      const submitted = await clients.member.gql(
        `mutation($i: SubmitReviewInput!) { submitReview(input: $i) { ... on MutationSubmitReviewSuccess { data { id } } } }`,
        { i: { toolSlug: tool!.slug, rating: 2, title: 'Avis à masquer', body: 'Un avis que la modération va masquer.' } },
      );
      own = { id: idOf(submitted.data!.submitReview.data.id) };
    }
    const [other] = await sql<{ id: number }>(`SELECT id FROM "Review" WHERE "organizationId" <> $1 ORDER BY id LIMIT 1`, [besancon!.id]);
    for (const id of [own.id, other!.id]) {
      expect((await clients.admin.gql(hide, { id: encodeGlobalID('Review', id) })).data!.moderateReview.__typename).toBe('MutationModerateReviewSuccess');
    }
    fixture.hiddenBesancon = own.id;
    fixture.hiddenOther = other!.id;
    // a flag on a visible review: its count is moderation detail
    const [flagged] = await sql<{ id: number }>(`SELECT id FROM "Review" WHERE "moderationStatus" = 'VISIBLE' AND "organizationId" <> $1 ORDER BY id LIMIT 1`, [besancon!.id]);
    await clients.member.gql(`mutation($id: ID!) { flagReview(reviewId: $id, reason: "Contenu douteux") { __typename } }`, { id: encodeGlobalID('Review', flagged!.id) });
  });
  afterAll(() => t?.close());

  it('knows every type implementing Node', () => {
    const implementations = schema.getImplementations(schema.getType('Node') as never).objects.map((type) => type.name);
    expect(implementations.length).toBeGreaterThan(0);
    // a new Node type must be given its visibility rule and its list here before this passes
    for (const name of implementations) expect([...PUBLIC_TYPES, ...RESTRICTED_TYPES, ...RULE_TESTED_IN_MODULE], `unknown Node type ${name}`).toContain(name);
  });

  for (const role of ROLES) {
    describe(role, () => {
      for (const type of RESTRICTED_TYPES) {
        it(`${type}: nodes show what the list shows, and nothing else`, async () => {
          // anonymous: the first 500 ids; a signed-in role: every existing row among them and 20 unknown ids past the
          // last one (an unknown id reads as null like an invisible one: probing 480 more of them adds nothing)
          const [{ max }] = (await sql<{ max: number | null }>(`SELECT max(id) AS max FROM "${type}"`)) as [{ max: number | null }];
          const last = role === 'anonymous' ? FIRST_IDS : Math.min(FIRST_IDS, (max ?? 0) + 20);
          const [{ nodes, errors }, listed] = await Promise.all([nodesAs(role, type, last), lists[type]!(role)]);
          // an invisible node reads as null with no error, exactly like an unknown id
          expect(errors).toEqual([]);
          // the fixtures put rows of every restricted type within the first ids: no comparison of two empty sets
          if (role === 'admin') expect(firstIds(listed).size).toBeGreaterThan(0);
          const shown = byId(nodes as ({ id: string } & Record<string, unknown>)[]);
          expect([...shown.keys()].sort((a, b) => a - b)).toEqual([...firstIds(listed).keys()].sort((a, b) => a - b));
          for (const [id, row] of listed) {
            if (id > FIRST_IDS) continue;
            for (const [key, value] of Object.entries(row)) expect(shown.get(id)![key], `${type}:${id}.${key}`).toEqual(value);
          }
        });
      }

      it('public types: every row, with the same fields as an anonymous visitor sees', async () => {
        for (const type of PUBLIC_TYPES) {
          const table = type === 'Organization' ? 'Organization' : type;
          const last = role === 'anonymous' ? FIRST_IDS : PUBLIC_IDS_SIGNED_IN;
          const existing = await sql<{ id: number }>(`SELECT id FROM "${table}" WHERE id <= ${last} ORDER BY id`);
          const { nodes, errors } = await nodesAs(role, type, last);
          expect(errors, type).toEqual([]);
          expect(nodes.map((n) => idOf(n.id)).sort((a, b) => a - b), type).toEqual(existing.map((r) => r.id));
          if (role === 'anonymous') continue;
          anonymousNodes[type] ??= nodesAs('anonymous', type);
          const anonymous = byId((await anonymousNodes[type]).nodes as { id: string }[]);
          for (const node of nodes) {
            // viewer… fields answer for the signed-in person by design (viewerReview, viewerMembership…)
            const leaves = (row: Record<string, unknown>) =>
              Object.fromEntries(Object.entries(row).filter(([k, v]) => !k.startsWith('viewer') && (v === null || typeof v !== 'object')));
            expect(leaves(node), `${type}:${idOf(node.id)}`).toEqual(leaves(anonymous.get(idOf(node.id))!));
          }
        }
      });
    });
  }

  // ----------------------------------------------------------------------------- the reported exploits

  it('anonymous nodes over AuditEvent:1…200 return nothing, and no e-mail address', async () => {
    const [{ count }] = (await sql<{ count: number }>(`SELECT count(*)::int AS count FROM "AuditEvent"`)) as [{ count: number }];
    expect(count).toBeGreaterThan(8);
    for (const first of [1, 101]) {
      const ids = Array.from({ length: PAGE }, (_, i) => encodeGlobalID('AuditEvent', first + i));
      const res = await clients.anonymous.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on AuditEvent { action before after actor { name email } } } }`, { ids });
      expect(res).toEqual({ data: { nodes: ids.map(() => null) } });
      for (const role of ['pending', 'member', 'orgAdmin', 'provider'] as Role[]) {
        expect(await clients[role].gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids })).toEqual({ data: { nodes: ids.map(() => null) } });
      }
    }
  });

  it('the auditor reads every event but no one else’s e-mail; the admin reads them', async () => {
    // history written before snapshots dropped e-mail addresses still holds some
    await sql(
      `INSERT INTO "AuditEvent" (action, "actorId", "organizationId", "entityType", "entityId", before, after, "requestId")
       SELECT 'membership.approve', a.id, u."organizationId", 'User', u.id::text, $1::jsonb || jsonb_build_object('id', u.id, 'organizationId', u."organizationId"),
              jsonb_build_object('user', jsonb_build_object('id', u.id, 'organizationId', u."organizationId", 'email', u.email)), 'ancienne-requete'
         FROM "User" u, "User" a WHERE u.email = 'candidate@besancon.test' AND a.email = 'dsi@besancon.test'`,
      [JSON.stringify({ email: 'candidate@besancon.test', membershipStatus: 'PENDING' })],
    );
    const ids = Array.from({ length: PAGE }, (_, i) => encodeGlobalID('AuditEvent', i + 1));
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on AuditEvent { before after actor { email } } } }`;
    const asAuditor = JSON.stringify((await clients.auditor.gql(query, { ids })).data);
    const asAdmin = JSON.stringify((await clients.admin.gql(query, { ids })).data);
    expect(asAdmin).toContain('candidate@besancon.test');
    expect(asAdmin).toContain('dsi@besancon.test');
    expect(asAuditor).not.toContain('candidate@besancon.test');
    expect(asAuditor.match(/[\w.]+@[\w.]+\.test/g)?.filter((email) => email !== EMAILS.auditor) ?? []).toEqual([]);
  });

  it('drafts stay with their coordinator organization and ADMIN, through node, nodes, relations and the category filter', async () => {
    const filter = `query($c: String!) { purchasingGroups(filter: { categorySlug: $c }) { totalCount edges { node { id status } } } }`;
    const ids = [fixture.draftBesancon, fixture.draftDijon].map((id) => encodeGlobalID('PurchasingGroup', id));
    const expected: Record<Role, number[]> = {
      anonymous: [], pending: [], member: [fixture.draftBesancon], orgAdmin: [fixture.draftBesancon], otherOrgAdmin: [fixture.draftDijon],
      auditor: [], provider: [], admin: [fixture.draftBesancon, fixture.draftDijon],
    };
    for (const role of ROLES) {
      const nodes = await clients[role].gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on PurchasingGroup { title memberships { id } } } }`, { ids });
      expect(nodes.errors, role).toBeUndefined();
      expect(nodes.data!.nodes.filter(Boolean).map((n: { id: string }) => idOf(n.id)), role).toEqual(expected[role]);
      const listed = await clients[role].gql(filter, { c: fixture.draftCategory });
      const drafts = listed.data!.purchasingGroups.edges.filter((e: any) => e.node.status === 'DRAFT').map((e: any) => idOf(e.node.id));
      // both drafts are in the category (one by category, one through its tool): the filter adds nothing
      expect(drafts.sort((a: number, b: number) => a - b), role).toEqual(expected[role]);
      const membership = await clients[role].gql(`query($id: ID!) { node(id: $id) { id ... on GroupMembership { group { title } } } }`, { id: encodeGlobalID('GroupMembership', fixture.draftMembership) });
      expect(membership, role).toEqual({ data: { node: expected[role].includes(fixture.draftBesancon) ? expect.anything() : null } });
    }
    // no "exists but refused" answer either when another organization tries to join it
    const join = await clients.otherOrgAdmin.gql(`mutation($id: ID!) { joinPurchasingGroup(id: $id, estimatedVolume: "5") { __typename ... on Error { code } } }`, { id: ids[0] });
    expect(join.data!.joinPurchasingGroup).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('lists the candidate tools of a group with their category', async () => {
    const res = await clients.orgAdmin.gql(`query($id: ID!) { purchasingGroup(id: $id) { candidateTools { slug category provider { name } } } }`, {
      id: encodeGlobalID('PurchasingGroup', fixture.draftBesancon),
    });
    expect(res.errors).toBeUndefined();
    const tools = res.data!.purchasingGroup.candidateTools as { slug: string; category: string }[];
    expect(tools).toHaveLength(2);
    for (const tool of tools) expect(tool.category).toBe(fixture.draftCategory);
  });

  it('hidden reviews and moderation reasons: ADMIN and the author organization only', async () => {
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Review { moderationStatus moderationReason } } }`;
    const ids = [fixture.hiddenBesancon, fixture.hiddenOther].map((id) => encodeGlobalID('Review', id));
    const expected: Record<Role, number[]> = {
      anonymous: [], pending: [], member: [fixture.hiddenBesancon], orgAdmin: [fixture.hiddenBesancon], otherOrgAdmin: [],
      auditor: [], provider: [], admin: [fixture.hiddenBesancon, fixture.hiddenOther],
    };
    for (const role of ROLES) {
      const res = await clients[role].gql(query, { ids });
      expect(res.errors, role).toBeUndefined();
      const shown = res.data!.nodes.filter(Boolean);
      expect(shown.map((n: { id: string }) => idOf(n.id)), role).toEqual(expected[role]);
      for (const node of shown) expect(node).toMatchObject({ moderationStatus: 'HIDDEN', moderationReason: 'Propos injurieux' });
    }
    // flagging or voting on a hidden review is as for an unknown one
    const flag = await clients.otherOrgAdmin.gql(`mutation($id: ID!) { flagReview(reviewId: $id, reason: "Contenu douteux") { __typename ... on Error { code } } }`, { id: ids[0] });
    expect(flag.data!.flagReview).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('pending applicants: themselves, their ORG_ADMIN, AUDITOR and ADMIN; e-mails: themselves, their ORG_ADMIN and ADMIN', async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on User { name roles email } } }`;
    const id = encodeGlobalID('User', fixture.pendingUser);
    const expected: Record<Role, { email: string | null } | null> = {
      anonymous: null, pending: { email: EMAILS.pending }, member: null, orgAdmin: { email: EMAILS.pending }, otherOrgAdmin: null,
      auditor: { email: null }, provider: null, admin: { email: EMAILS.pending },
    };
    for (const role of ROLES) {
      const res = await clients[role].gql(query, { id });
      expect(res.errors, role).toBeUndefined();
      expect(res.data!.node, role).toEqual(expected[role] && { name: expect.any(String), roles: ['MEMBER'], ...expected[role] });
    }
  });

  it('approveMembership decides pending memberships only, with a typed error otherwise', async () => {
    const before = await sql<{ status: string }>(`SELECT "membershipStatus" AS status FROM "User" WHERE id = $1`, [fixture.approvedBesancon]);
    expect(before).toEqual([{ status: 'APPROVED' }]);
    for (const role of ['orgAdmin', 'admin'] as Role[]) {
      const res = await clients[role].gql(`mutation($id: ID!) { approveMembership(userId: $id, approve: false) { __typename ... on Error { code message } } }`, {
        id: encodeGlobalID('User', fixture.approvedBesancon),
      });
      expect(res.data!.approveMembership).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    }
    expect(await sql(`SELECT "membershipStatus" AS status FROM "User" WHERE id = $1`, [fixture.approvedBesancon])).toEqual(before);
  });
});
