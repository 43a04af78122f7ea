import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from './helpers.ts';

// The ranked search of collectivités over HTTP. Expected orders are read by hand from the registry
// (@etalab/decoupage-administratif, populations municipales; an EPCI by its population totale).

interface Row {
  name: string;
  kind: string;
  siren: string | null;
  code: string;
  departementCode: string | null;
  departementName: string | null;
  population: number | null;
}
interface Page {
  organizations: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
    edges: { cursor: string; node: Row }[];
  };
}

const SEARCH = `query($search: String!, $first: Int, $after: String, $last: Int, $before: String, $departement: String) {
  organizations(filter: { search: $search, departement: $departement }, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { endCursor hasNextPage hasPreviousPage }
    edges { cursor node { name kind siren code departementCode departementName population } }
  }
}`;

describe.each(backends)('organization search on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function search(text: string, variables: Record<string, unknown> = {}) {
    const res = await t.gql<Page>(SEARCH, { search: text, first: 7, ...variables });
    expect(res.errors).toBeUndefined();
    return res.data!.organizations;
  }
  const names = (page: Page['organizations']) => page.edges.map((e) => `${e.node.name} (${e.node.departementCode})`);

  it('« Saône » finds the commune Saône (Doubs) first, then the names starting with it, then the names with a word starting with it', async () => {
    const page = await search('Saône');
    expect(page.edges[0]!.node).toEqual({
      name: 'Saône', kind: 'COMMUNE', siren: '212505325', code: '25532', departementCode: '25', departementName: 'Doubs', population: 3195,
    });
    expect(names(page)).toEqual([
      'Saône (25)',
      // names starting with « saone », by population (an EPCI by its total population)
      'Saône-et-Loire (71)', // 550 310
      'Saône-Beaujolais (69)', // 46 625
      'Saône Doubs Bresse (71)', // 12 347
      // a word of the name starts with « saone »
      'Haute-Saône (70)', // 233 185
      'Villefranche Beaujolais Saône (69)', // 75 051
      'Chalon-sur-Saône (71)', // 45 102
    ]);
    // case, accents and spaces do not matter
    expect(names(await search('  SAONE '))).toEqual(names(page));
  });

  it('« Saint-Denis » lists the two large homonyms first, told apart by their départements, and « St-Denis » is the same search', async () => {
    const page = await search('Saint-Denis', { first: 6 });
    expect(page.edges.slice(0, 2).map((e) => [e.node.name, e.node.code, e.node.departementName, e.node.population])).toEqual([
      ['Saint-Denis', '97411', 'La Réunion', 155634],
      ['Saint-Denis', '93066', 'Seine-Saint-Denis', 149077],
    ]);
    // the two small homonyms (Aude: 523, Gard: 296), then the names starting with « saint denis »
    expect(names(page).slice(2)).toEqual(['Saint-Denis (11)', 'Saint-Denis (30)', 'Saint-Denis-en-Val (45)', 'Saint-Denis-lès-Bourg (01)']);
    expect(names(await search('st denis', { first: 6 }))).toEqual(names(page));
  });

  it('an INSEE code or a SIREN finds its collectivité, and only it', async () => {
    for (const code of ['25532', '212505325', '212 505 325']) {
      const page = await search(code);
      expect(page.totalCount).toBe(1);
      expect(names(page)).toEqual(['Saône (25)']);
    }
    // Corsica's codes, in either case; 25527 is Saint-Vit, not Saône
    expect(names(await search('2a004'))).toEqual(['Ajaccio (2A)']);
    expect(names(await search('25527'))).toEqual(['Saint-Vit (25)']);
    expect((await search('99999')).totalCount).toBe(0);
  });

  it('finds a name with a typo when no name holds the words, and no look-alike otherwise', async () => {
    const page = await search('Bezancon');
    expect(page.edges[0]!.node.siren).toBe('212500565');
    // a mere look-alike (« Bessancourt », « Briançon ») is not a result
    const plain = await search('besancon');
    expect(names(plain)).toEqual(['Besançon (25)', 'Grand Besançon Métropole (25)']);
    expect(plain.totalCount).toBe(2);
  });

  it('pages forward and backward in rank order, and combines with the other filters', async () => {
    const first = await search('saint denis', { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search('saint denis', { first: 2, after: first.pageInfo.endCursor });
    expect(names(second)).toEqual(['Saint-Denis (11)', 'Saint-Denis (30)']);
    expect(second.totalCount).toBe(first.totalCount);
    const back = await search('saint denis', { first: null, last: 2, before: second.edges[0]!.cursor });
    expect(back.edges.map((e) => e.node.code)).toEqual(['97411', '93066']);
    const in93 = await search('saint denis', { departement: '93', first: 3 });
    expect(in93.edges[0]!.node.code).toBe('93066');
    expect(in93.edges.every((e) => e.node.departementCode === '93')).toBe(true);
  });

  it('refuses a search longer than 100 characters before the database', async () => {
    const res = await t.gql(SEARCH, { search: 'saint '.repeat(20) });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('VALIDATION');
  });
});

describe.each(backends)('recent deployments on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const RECENT = `query($first: Int) { recentDeployments(first: $first) { id isDemo annualCost status organization { name } tool { slug } } }`;

  it('lists the newest declaration first, its private cost hidden from a visitor but not from its collectivité', async () => {
    const agent = await t.signIn('agent@besancon.test');
    const [free] = await t.db.sql.query<{ slug: string }>(
      `SELECT t.slug FROM "Tool" t WHERE t."archivedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "Deployment" d WHERE d."toolId" = t.id
        AND d."organizationId" = (SELECT id FROM "Organization" WHERE siren = '212500565')) ORDER BY t.slug LIMIT 1`,
    );
    const declared = await agent.gql(
      `mutation($input: DeclareDeploymentInput!) { declareDeployment(input: $input) { __typename ... on MutationDeclareDeploymentSuccess { data { id } } } }`,
      { input: { toolSlug: free!.slug, status: 'PILOT', annualCost: '42.00' } },
    );
    const id = declared.data!.declareDeployment.data.id;

    const anonymous = await t.gql(RECENT, { first: 3 });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.recentDeployments).toHaveLength(3);
    expect(anonymous.data!.recentDeployments[0]).toEqual({ id, isDemo: false, annualCost: null, status: 'PILOT', organization: { name: 'Besançon' }, tool: { slug: free!.slug } });
    // the seeded ones are demo data
    expect(anonymous.data!.recentDeployments[1].isDemo).toBe(true);
    expect((await agent.gql(RECENT, { first: 1 })).data!.recentDeployments[0].annualCost).toBe('42.00');
  });

  it('reads ten at most', async () => {
    for (const first of [0, 11]) {
      const res = await t.gql(RECENT, { first });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('VALIDATION');
    }
    expect((await t.gql(RECENT, { first: 10 })).data!.recentDeployments).toHaveLength(10);
  });
});
