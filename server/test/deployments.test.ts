import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolSearchText } from '../src/modules/catalogue/rules.ts';
import { backends, createTestApp, type Client, type TestApp } from './helpers.ts';

const BESANCON = '212500565';

/** The tool's deployments as each reader sees them, by the organization's SIREN. */
const ADOPTERS = `query($slug: String!) { tool(slug: $slug) {
  adopters(first: 20) { edges { node { id annualCost annualCostPublic annualCostHidden organization { siren } } } } } }`;

type Status = 'EXPLORING' | 'PILOT' | 'PRODUCTION' | 'ABANDONED';
interface DeploymentFixture {
  status: Status;
  isDemo: boolean;
  annualCost: string | null;
  annualCostPublic: boolean;
}
interface ReviewFixture {
  rating: number;
  isDemo: boolean;
  hidden: boolean;
}

describe.each(backends)('deployment costs and demo shares on %s', (backend) => {
  let t: TestApp;
  const slug = 'outil-des-couts';
  let besanconId = 0;
  const sirens: string[] = [];
  // Besançon's deployment comes first: its cost is private; the others belong to four other communes
  const deployments: DeploymentFixture[] = [
    { status: 'PRODUCTION', isDemo: false, annualCost: '1234.50', annualCostPublic: false },
    { status: 'PILOT', isDemo: true, annualCost: '99.90', annualCostPublic: true },
    { status: 'PRODUCTION', isDemo: true, annualCost: null, annualCostPublic: false },
    { status: 'EXPLORING', isDemo: true, annualCost: '10.00', annualCostPublic: false },
    { status: 'ABANDONED', isDemo: true, annualCost: null, annualCostPublic: false },
    { status: 'PILOT', isDemo: false, annualCost: '500.00', annualCostPublic: true },
  ];
  const reviews: ReviewFixture[] = [
    { rating: 4, isDemo: false, hidden: false },
    { rating: 5, isDemo: true, hidden: false },
    { rating: 3, isDemo: true, hidden: false },
    { rating: 1, isDemo: true, hidden: true },
    { rating: 2, isDemo: false, hidden: true },
  ];

  beforeAll(async () => {
    t = await createTestApp(backend);
    const prisma = t.db.prisma;
    const provider = await prisma.provider.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const category = await prisma.category.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const name = 'Outil des coûts';
    const description = 'Un outil pour tester la visibilité des coûts';
    const tool = await prisma.tool.create({
      data: { slug, name, description, categoryId: category.id, providerId: provider.id, deploymentMode: 'SAAS',
        searchText: toolSearchText({ name, description }, provider.name, category.name) },
    });
    const besancon = await prisma.organization.findUniqueOrThrow({ where: { siren: BESANCON } });
    besanconId = besancon.id;
    const others = await prisma.organization.findMany({
      where: { kind: 'COMMUNE', siren: { not: null }, id: { not: besancon.id }, users: { none: {} } },
      orderBy: { id: 'asc' },
      take: Math.max(deployments.length, reviews.length) - 1,
    });
    const organizations = [besancon, ...others];
    sirens.push(...organizations.map((o) => o.siren!));
    for (const [index, d] of deployments.entries()) {
      await prisma.deployment.create({ data: { ...d, toolId: tool.id, organizationId: organizations[index]!.id } });
    }
    for (const [index, r] of reviews.entries()) {
      await prisma.review.create({
        data: { toolId: tool.id, organizationId: organizations[index]!.id, rating: r.rating, title: 'Avis', body: 'Avis de test',
          isDemo: r.isDemo, moderationStatus: r.hidden ? 'HIDDEN' : 'VISIBLE' },
      });
    }
  });
  afterAll(() => t?.close());

  /** What `reader` reads of each fixture deployment, in fixture order. */
  async function costsReadBy(reader: Client) {
    const res = await reader.gql(ADOPTERS, { slug });
    expect(res.errors).toBeUndefined();
    const bySiren = new Map(res.data!.tool.adopters.edges.map((e: any) => [e.node.organization.siren, e.node]));
    return sirens.slice(0, deployments.length).map((siren) => {
      const { annualCost, annualCostPublic, annualCostHidden } = bySiren.get(siren) as any;
      return { annualCost, annualCostPublic, annualCostHidden };
    });
  }

  /** What a reader allowed to see every cost reads: the fixture itself. */
  const everything = deployments.map((d) => ({ annualCost: d.annualCost, annualCostPublic: d.annualCostPublic, annualCostHidden: false }));
  /** What anyone else reads: the public costs only, and which private ones exist. */
  const publicOnly = deployments.map((d) => ({
    annualCost: d.annualCostPublic ? d.annualCost : null,
    annualCostPublic: d.annualCostPublic,
    annualCostHidden: !d.annualCostPublic && d.annualCost !== null,
  }));

  it('shows a private cost to nobody outside the collectivité but the AUDITOR and the ADMIN; a public one to all', async () => {
    // the fixture holds a private cost of Besançon's, public costs and a private cost of another commune
    expect(publicOnly[0]).toEqual({ annualCost: null, annualCostPublic: false, annualCostHidden: true });
    expect(publicOnly[1]).toEqual({ annualCost: '99.90', annualCostPublic: true, annualCostHidden: false });

    expect(await costsReadBy(t)).toEqual(publicOnly);
    expect(await costsReadBy(await t.signIn('dsi@dijon.test'))).toEqual(publicOnly);
    expect(await costsReadBy(await t.signIn('fournisseur@mistral.test'))).toEqual(publicOnly);
    // a pending sign-up of Besançon does not act for it yet
    expect(await costsReadBy(await t.signIn('nouvel.agent@besancon.test'))).toEqual(publicOnly);

    // Besançon's member reads Besançon's private cost, not the other commune's
    const member = await costsReadBy(await t.signIn('agent@besancon.test'));
    expect(member[0]).toEqual(everything[0]);
    expect(member.slice(1)).toEqual(publicOnly.slice(1));

    expect(await costsReadBy(await t.signIn('auditeur@mutualis.test'))).toEqual(everything);
    expect(await costsReadBy(await t.signIn('admin@mutualis.test'))).toEqual(everything);
  });

  it('applies the same rule on node(id:) and on the organization’s list', async () => {
    const [row] = await t.db.sql.query<{ id: number }>(
      `SELECT d.id FROM "Deployment" d JOIN "Tool" t ON t.id = d."toolId" WHERE t.slug = $1 AND d."organizationId" = $2`, [slug, besanconId],
    );
    const id = Buffer.from(`Deployment:${row!.id}`).toString('base64');
    const NODE = `query($id: ID!) { node(id: $id) { ... on Deployment { annualCost annualCostHidden } } }`;
    expect((await t.gql(NODE, { id })).data!.node).toEqual({ annualCost: null, annualCostHidden: true });
    const member = await t.signIn('agent@besancon.test');
    expect((await member.gql(NODE, { id })).data!.node).toEqual({ annualCost: '1234.50', annualCostHidden: false });

    const LIST = `{ organization(siren: "${BESANCON}") { deployments(first: 100) { edges { node { annualCost annualCostHidden tool { slug } } } } } }`;
    const mine = (res: any) => res.data!.organization.deployments.edges.map((e: any) => e.node).find((n: any) => n.tool.slug === slug);
    expect(mine(await t.gql(LIST))).toMatchObject({ annualCost: null, annualCostHidden: true });
    expect(mine(await member.gql(LIST))).toMatchObject({ annualCost: '1234.50', annualCostHidden: false });
  });

  it('declares a cost private by default, publishes it on request, and logs the choice in the audit trail', async () => {
    const agent = await t.signIn('agent@besancon.test');
    const [free] = await t.db.sql.query<{ slug: string }>(
      `SELECT t.slug FROM "Tool" t WHERE t."archivedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "Deployment" d WHERE d."toolId" = t.id AND d."organizationId" = $1)
        ORDER BY t.slug LIMIT 1`, [besanconId],
    );
    const declared = await agent.gql(
      `mutation($input: DeclareDeploymentInput!) { declareDeployment(input: $input) { __typename
        ... on MutationDeclareDeploymentSuccess { data { id annualCost annualCostPublic } } ... on Error { code message } } }`,
      { input: { toolSlug: free!.slug, status: 'PILOT', annualCost: '42.00' } },
    );
    const data = declared.data!.declareDeployment.data;
    expect(data).toMatchObject({ annualCost: '42.00', annualCostPublic: false });
    const NODE = `query($id: ID!) { node(id: $id) { ... on Deployment { annualCost annualCostPublic annualCostHidden } } }`;
    expect((await t.gql(NODE, { id: data.id })).data!.node).toEqual({ annualCost: null, annualCostPublic: false, annualCostHidden: true });

    const updated = await agent.gql(
      `mutation($id: ID!, $input: UpdateDeploymentInput!) { updateDeployment(id: $id, input: $input) { __typename
        ... on MutationUpdateDeploymentSuccess { data { annualCostPublic } } ... on Error { code message } } }`,
      { id: data.id, input: { annualCostPublic: true } },
    );
    expect(updated.data!.updateDeployment).toEqual({ __typename: 'MutationUpdateDeploymentSuccess', data: { annualCostPublic: true } });
    expect((await t.gql(NODE, { id: data.id })).data!.node).toEqual({ annualCost: '42.00', annualCostPublic: true, annualCostHidden: false });

    const events = await t.db.sql.query<{ action: string; before: any; after: any }>(
      `SELECT action, before, after FROM "AuditEvent" WHERE "entityType" = 'Deployment' AND "entityId" = $1 ORDER BY id`,
      [Buffer.from(data.id, 'base64').toString().split(':')[1]],
    );
    expect(events.map((e) => [e.action, e.before?.annualCostPublic, e.after.annualCostPublic])).toEqual([
      ['deployment.declare', undefined, false],
      ['deployment.update', false, true],
    ]);
  });

  it('counts the demo share of a tool’s ratings and adoption as its fixture says', async () => {
    const adopting = deployments.filter((d) => d.status === 'PILOT' || d.status === 'PRODUCTION');
    const visible = reviews.filter((r) => !r.hidden);
    const res = await t.gql(`query($slug: String!) { tool(slug: $slug) { ratings { count demoCount } adoption { total adopting demoCount } } }`, { slug });
    expect(res.errors).toBeUndefined();
    expect(res.data!.tool).toEqual({
      ratings: { count: visible.length, demoCount: visible.filter((r) => r.isDemo).length },
      adoption: { total: deployments.length, adopting: adopting.length, demoCount: adopting.filter((d) => d.isDemo).length },
    });
    // 3 visible reviews, 2 of them demo; 4 adopting deployments, 2 of them demo (the exploring and abandoned ones do not count)
    expect(res.data!.tool.ratings.demoCount).toBe(2);
    expect(res.data!.tool.adoption).toMatchObject({ adopting: 4, demoCount: 2 });
  });

  it('shows a seeded commune’s demo deployments to a visitor, with their public costs', async () => {
    // the commune with the most demo deployments, one of them at least with a (public) cost
    const [commune] = await t.db.sql.query<{ siren: string }>(
      `SELECT o.siren FROM "Organization" o JOIN "Deployment" d ON d."organizationId" = o.id
        WHERE o.kind = 'COMMUNE' GROUP BY o.id HAVING bool_and(d."isDemo") AND count(d."annualCost") > 0
        ORDER BY count(*) DESC, o.id LIMIT 1`,
    );
    const rows = await t.db.sql.query<{ slug: string; annualCost: string | null }>(
      `SELECT t.slug, d."annualCost"::text AS "annualCost" FROM "Deployment" d JOIN "Tool" t ON t.id = d."toolId"
        JOIN "Organization" o ON o.id = d."organizationId" WHERE o.siren = $1 ORDER BY t.slug`, [commune!.siren],
    );
    expect(rows.length).toBeGreaterThan(1);
    const res = await t.gql(`{ organization(siren: "${commune!.siren}") { deployments(first: 10) { totalCount
      edges { node { isDemo annualCost annualCostPublic annualCostHidden tool { slug } } } } } }`);
    expect(res.errors).toBeUndefined();
    const { deployments: connection } = res.data!.organization;
    expect(connection.totalCount).toBe(rows.length);
    const read = connection.edges.map((e: any) => e.node).sort((a: any, b: any) => a.tool.slug.localeCompare(b.tool.slug));
    // the seed publishes every demo cost: a visitor reads each one, none is hidden
    expect(read).toEqual(rows.map((r) => ({ isDemo: true, annualCost: r.annualCost, annualCostPublic: r.annualCost !== null, annualCostHidden: false, tool: { slug: r.slug } })));
  });
});
