import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';
import { schema } from '../src/graphql/schema.ts';
import { backends, createTestApp, type TestApp } from './helpers.ts';

describe('printed schema', () => {
  it('schema/schema.graphql is up to date (run `npm run generate` after changing the API)', () => {
    const printed = fs.readFileSync(path.join(repoRoot, 'schema', 'schema.graphql'), 'utf8');
    expect(printed).toBe(printSchema(schema) + '\n');
  });

  it('in CI, generating refuses a stale committed schema instead of rewriting it', () => {
    const stale = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schema-')), 'schema.graphql');
    fs.writeFileSync(stale, 'type Query { old: String }\n');
    const script = path.join(repoRoot, 'server', 'src', 'cli', 'print-schema.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, stale], { env: { ...process.env, CI: 'true' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/n’est plus à jour/);
    expect(fs.readFileSync(stale, 'utf8')).toBe('type Query { old: String }\n');
  });

  it('answers a request that selects only __typename of a record', async () => {
    const t = await createTestApp('pglite');
    try {
      const res = await t.gql(`{ organization(siren: "242500361") { __typename } tools(first: 1) { edges { node { __typename } } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.organization).toEqual({ __typename: 'Organization' });
    } finally {
      await t.close();
    }
  });
});

describe.each(backends)('GraphQL API over HTTP on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t?.close());

  it('counts the EPCI à fiscalité propre and the current communes of the registry', async () => {
    const res = await t.gql<{ epci: { totalCount: number }; communes: { totalCount: number } }>(`{
      epci: organizations(filter: {kind: EPCI}) { totalCount }
      communes: organizations(filter: {kind: COMMUNE}) { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    // @etalab/decoupage-administratif 6.0.0 (pinned): 1,255 EPCI à fiscalité propre (989 CC, 230 CA, 14 CU,
    // 21 métropoles, the Métropole de Lyon) and 34,875 current communes (metropolitan France and DROM)
    expect(res.data!.epci.totalCount).toBe(1255);
    expect(res.data!.communes.totalCount).toBe(34875);
  });

  it('returns Grand Besançon Métropole with its 67 member communes', async () => {
    type Org = {
      name: string; kind: string; epciType: string; population: number; populationTotale: number;
      members: { totalCount: number; edges: { node: { siren: string; name: string; population: number } }[] };
    };
    const res = await t.gql<{ organization: Org }>(`{
      organization(siren: "242500361") {
        name kind epciType population populationTotale
        members(first: 100) { totalCount edges { node { siren name population } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const org = res.data!.organization;
    expect(org).toMatchObject({ name: 'Grand Besançon Métropole', kind: 'EPCI', epciType: 'CU' });
    expect(org.population).toBe(198387);
    expect(org.populationTotale).toBe(203293);
    expect(org.members.totalCount).toBe(67);
    expect(org.members.edges).toHaveLength(67);
    const names = org.members.edges.map((e) => e.node.name);
    expect(names).toContain('Besançon');
    expect([...names].sort((a, b) => a.localeCompare(b, 'fr'))).toEqual(names.slice().sort((a, b) => a.localeCompare(b, 'fr')));
  });

  it('links a commune to its EPCI', async () => {
    const res = await t.gql<{ organization: { name: string; epci: { siren: string } } }>(
      `{ organization(siren: "212500565") { name epci { siren } } }`,
    );
    expect(res.data!.organization).toEqual({ name: 'Besançon', epci: { siren: '242500361' } });
  });

  it('searches without accents or case: "besancon" finds Besançon and its métropole', async () => {
    const res = await t.gql<{ organizations: { totalCount: number; edges: { node: { siren: string; name: string } }[] } }>(
      `{ organizations(filter: {search: "besancon"}, first: 10) { totalCount edges { node { siren name } } } }`,
    );
    const sirens = res.data!.organizations.edges.map((e) => e.node.siren);
    expect(sirens).toContain('212500565');
    expect(sirens).toContain('242500361');
    const upper = await t.gql<{ organizations: { totalCount: number } }>(
      `{ organizations(filter: {search: "  BESANÇON "}, first: 10) { totalCount } }`,
    );
    expect(upper.data!.organizations.totalCount).toBe(res.data!.organizations.totalCount);
  });

  it('filters by département and EPCI type, and pages with cursors without overlap', async () => {
    const query = `query Page($after: String) {
      organizations(filter: {kind: EPCI, departement: "25"}, first: 5, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { siren departementCode kind } }
      }
    }`;
    type Page = { organizations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { siren: string; departementCode: string; kind: string } }[] } };
    const first = await t.gql<Page>(query);
    const second = await t.gql<Page>(query, { after: first.data!.organizations.pageInfo.endCursor });
    const a = first.data!.organizations.edges.map((e) => e.node.siren);
    const b = second.data!.organizations.edges.map((e) => e.node.siren);
    expect(a).toHaveLength(5);
    expect(first.data!.organizations.pageInfo.hasNextPage).toBe(true);
    expect(b.filter((s) => a.includes(s))).toEqual([]);
    for (const e of [...first.data!.organizations.edges, ...second.data!.organizations.edges]) {
      expect(e.node).toMatchObject({ departementCode: '25', kind: 'EPCI' });
    }
    const metros = await t.gql<{ organizations: { totalCount: number } }>(
      `{ organizations(filter: {epciType: METRO}) { totalCount } }`,
    );
    // 21 métropoles of the registry (the Métropole de Lyon is its own type, MET69); 15 EPCI in the Doubs
    expect(metros.data!.organizations.totalCount).toBe(21);
    expect(first.data!.organizations.totalCount).toBe(15);
  });

  it('resolves global IDs through node(id:)', async () => {
    const res = await t.gql<{ organization: { id: string } }>(`{ organization(siren: "242500361") { id } }`);
    const id = res.data!.organization.id;
    expect(id).not.toMatch(/^\d+$/);
    const node = await t.gql<{ node: { __typename: string; name: string } }>(
      `query($id: ID!) { node(id: $id) { __typename ... on Organization { name } } }`,
      { id },
    );
    expect(node.data!.node).toEqual({ __typename: 'Organization', name: 'Grand Besançon Métropole' });
  });

  it('rejects a malformed SIREN with a typed validation error', async () => {
    const res = await t.gql(`{ organization(siren: "12ab") { name } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    expect(res.errors?.[0]?.message).toMatch(/SIREN/);
  });

  it('rejects a malformed global ID with a typed validation error', async () => {
    const res = await t.gql(`{ node(id: "abc") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    expect(res.errors?.[0]?.message).toBe('Identifiant invalide.');
  });

  it('returns null for an unknown SIREN', async () => {
    const res = await t.gql(`{ organization(siren: "999999999") { name } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ organization: null });
  });

  it('lists the 26 seeded tools in 13 categories, each with its provider', async () => {
    type Tools = { tools: { totalCount: number; edges: { node: { slug: string; name: string; category: { slug: string }; provider: { name: string } } }[] } };
    const res = await t.gql<Tools>(
      `{ tools(first: 100) { totalCount edges { node { slug name category provider { name } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const tools = res.data!.tools.edges.map((e) => e.node);
    expect(res.data!.tools.totalCount).toBe(tools.length);
    // the sourced catalogue of prisma/src/seed/data/: 26 tools from 23 providers, every category of the
    // use-case taxonomy (13) holding at least one
    expect(tools.length).toBe(26);
    expect(new Set(tools.map((tool) => tool.category)).size).toBe(13);
    for (const tool of tools) expect(tool.provider.name).toBeTruthy();
  });

  it('shows each sourced figure with its source, date and method', async () => {
    type Res = { tools: { edges: { node: { isDemo: boolean; sourceUrl: string | null; impactFigures: { method: string; sourceUrl: string; sourceDate: string; isDemo: boolean }[]; plans: { unitPrice: string; sourceDate: string; source: string; sourceUrl: string | null; isDemo: boolean }[] } }[] } };
    const res = await t.gql<Res>(`{ tools(first: 100) { edges { node {
      isDemo sourceUrl
      impactFigures { method sourceUrl sourceDate isDemo }
      plans { unitPrice sourceDate source sourceUrl isDemo }
    } } } }`);
    const tools = res.data!.tools.edges.map((e) => e.node);
    expect(tools.flatMap((tool) => tool.impactFigures).length).toBeGreaterThan(0);
    for (const tool of tools) {
      if (!tool.isDemo) expect(tool.sourceUrl).toMatch(/^https:\/\//);
      for (const figure of tool.impactFigures) {
        expect(figure.sourceUrl).toMatch(/^https:\/\//);
        expect(figure.sourceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      for (const plan of tool.plans) {
        expect(plan.unitPrice).toMatch(/^\d+(\.\d+)?$/);
        // an unsourced price must be labelled as demo data
        if (!plan.sourceUrl) expect(plan.isDemo).toBe(true);
      }
    }
  });

  it('lists providers and categories, and finds a tool by slug', async () => {
    const res = await t.gql<{ providers: { slug: string }[]; categories: { slug: string; toolCount: number }[] }>(
      `{ providers { slug } categories { slug toolCount } }`,
    );
    expect(res.data!.providers.length).toBe(23);
    expect(res.data!.categories.filter((c) => c.toolCount > 0).length).toBe(13);
    const slug = res.data!.providers[0]!.slug;
    const tools = await t.gql<{ tools: { edges: { node: { slug: string } }[] } }>(`{ tools(first: 1) { edges { node { slug } } } }`);
    const toolSlug = tools.data!.tools.edges[0]!.node.slug;
    const one = await t.gql<{ tool: { slug: string } }>(`query($s: String!) { tool(slug: $s) { slug } }`, { s: toolSlug });
    expect(one.data!.tool.slug).toBe(toolSlug);
    expect(slug).toBeTruthy();
  });

  it('plans the directory query: the same number of SQL statements for 10 and 50 organizations', async () => {
    const query = `query($n: Int!) { organizations(filter: {kind: COMMUNE, departement: "25"}, first: $n) {
      totalCount edges { node { name siren population epci { name } } } } }`;
    const ten = await t.countQueries(() => t.gql(query, { n: 10 }));
    const fifty = await t.countQueries(() => t.gql(query, { n: 50 }));
    expect(ten.statements).toBeGreaterThan(0);
    expect(fifty.statements).toBe(ten.statements);
  });

  // Unexpected errors (the database lost mid-request) are masked with a request id: error-masking.test.ts.
  it('keeps GraphQL validation errors readable (they are not masked)', async () => {
    const res = await t.gql(`{ organizations(first: 10) { nope } }`);
    expect(res.errors?.[0]?.message).toMatch(/nope/);
  });
});
