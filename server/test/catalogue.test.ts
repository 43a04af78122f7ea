import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EU_COUNTRIES, searchTokens, toolSearchText } from '../src/modules/catalogue/rules.ts';
import { backends, createTestApp, type TestApp } from './helpers.ts';

describe('catalogue rules', () => {
  it('cuts a search into accent-free, singular words without French stopwords', () => {
    expect(searchTokens('Réseaux d’eau')).toEqual(['reseau', 'eau']);
    expect(searchTokens('Les courriers de la mairie')).toEqual(['courrier', 'mairie']);
  });
});

describe.each(backends)('catalogue order, filters, facets and figures in SQL on %s', (backend) => {
  let t: TestApp;
  const slugs = { a: 'zorglub-a', b: 'zorglub-b', c: 'zorglub-c' };
  const ids = { a: 0, b: 0, c: 0 };
  const orgs: number[] = [];
  beforeAll(async () => {
    t = await createTestApp(backend);
    const prisma = t.db.prisma;
    const [x, y] = await prisma.category.findMany({ orderBy: { id: 'asc' }, take: 2 });
    const provider = await prisma.provider.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const tool = (slug: string, name: string, description: string, categoryId: number, hostingCountry: string | null) =>
      prisma.tool.create({
        data: { slug, name, description, categoryId, providerId: provider.id, hostingCountry, deploymentMode: 'SAAS',
          searchText: toolSearchText({ name, description }, provider.name, categoryId === x!.id ? x!.name : y!.name) },
      });
    // A: cheapest plan 300 €/year, rated 3 and 4 (average 3.50), category x, hosted in France
    // B: no plan (price unknown), no review, category y, hosted in the United States
    // C: 100 €/year, rated 4 and 5 → average 4.50… then one review hidden, category x, hosting unknown
    ids.a = (await tool(slugs.a, 'Zorglub Alpha', 'Assistant zorglub', x!.id, 'FR')).id;
    ids.b = (await tool(slugs.b, 'Zorglub Bêta', 'Assistant zorglub', y!.id, 'US')).id;
    ids.c = (await tool(slugs.c, 'Gamma', 'Un zorglub discret', x!.id, null)).id;
    const plan = (toolId: number, unitPrice: string) =>
      prisma.pricingPlan.create({ data: { toolId, name: 'Forfait', pricingModel: 'FLAT_YEAR', unitPrice, source: 'PUBLISHED', sourceDate: new Date('2026-01-01') } });
    await plan(ids.a, '300');
    await plan(ids.c, '100');
    orgs.push(...(await prisma.organization.findMany({ where: { kind: 'COMMUNE' }, orderBy: { id: 'asc' }, take: 4, select: { id: true } })).map((o) => o.id));
    const review = (toolId: number, organizationId: number, rating: number) =>
      prisma.review.create({ data: { toolId, organizationId, rating, title: 'Avis', body: 'Avis de test' } });
    await review(ids.a, orgs[0]!, 3);
    await review(ids.a, orgs[1]!, 4);
    await review(ids.c, orgs[0]!, 4);
    await review(ids.c, orgs[1]!, 5);
    await review(ids.c, orgs[2]!, 5);
    // C: deployments of orgs 0 (production) and 1 (exploring): only org 0's review is verified
    await prisma.deployment.create({ data: { toolId: ids.c, organizationId: orgs[0]!, status: 'PRODUCTION' } });
    await prisma.deployment.create({ data: { toolId: ids.c, organizationId: orgs[1]!, status: 'EXPLORING' } });
  });
  afterAll(() => t?.close());

  const ORDERED = `query($order: CatalogueOrder, $filter: CatalogueFilter) {
    tools(search: "zorglub", orderBy: $order, filter: $filter, first: 10) {
      totalCount edges { node { slug } } facets { categories { value count } hostingCountries { value count } } } }`;
  const order = async (order: object | null, filter: object | null = null) => {
    const res = await t.gql(ORDERED, { order, filter });
    expect(res.errors).toBeUndefined();
    return res.data!.tools;
  };
  const slugsOf = (tools: any) => tools.edges.map((e: any) => e.node.slug);

  it('gives every catalogued tool’s hosting country a source, or none (« non renseigné »), never a blank', async () => {
    const tools = await t.db.prisma.tool.findMany({ where: { archivedAt: null, slug: { notIn: Object.values(slugs) } } });
    expect(tools.length).toBeGreaterThan(10);
    const unsourced = tools.filter((tool) => tool.hostingCountry !== null && !tool.sourceUrl).map((tool) => tool.slug);
    expect(unsourced).toEqual([]);
    expect(tools.filter((tool) => tool.hostingCountry !== null && !/^[A-Z]{2}$/.test(tool.hostingCountry))).toEqual([]);
    const res = await t.gql(`{ tools(first: 100) { edges { node { slug hostingCountry sourceUrl } } } }`);
    const seeded = res.data!.tools.edges.map((edge: any) => edge.node).filter((node: any) => !Object.values(slugs).includes(node.slug));
    for (const node of seeded) if (node.hostingCountry !== null) expect(node.sourceUrl, node.slug).toBeTruthy();
  });

  it('keeps each tool’s review and adoption figures up to date through writes', async () => {
    const stats = (toolId: number) => t.db.prisma.toolStats.findUniqueOrThrow({ where: { toolId } });
    // C: ratings 4, 5, 5 → (4 + 5 + 5) / 3 = 4.666… → 4.67; verified: org 0 only (PRODUCTION); org 1 EXPLORING is not
    expect(await stats(ids.c)).toMatchObject({ reviewCount: 3, verifiedReviewCount: 1, productionCount: 1, exploringCount: 1, adoptionCount: 1 });
    expect((await stats(ids.c)).ratingAverage?.toFixed(2)).toBe('4.67');
    // org 1 moves to PILOT: its review becomes verified, and it adopts the tool
    await t.db.prisma.deployment.update({ where: { organizationId_toolId: { organizationId: orgs[1]!, toolId: ids.c } }, data: { status: 'PILOT' } });
    expect(await stats(ids.c)).toMatchObject({ verifiedReviewCount: 2, exploringCount: 0, pilotCount: 1, adoptionCount: 2 });
    // org 0 abandons: its review stays verified (ABANDONED proves real use), it no longer adopts the tool
    await t.db.prisma.deployment.update({ where: { organizationId_toolId: { organizationId: orgs[0]!, toolId: ids.c } }, data: { status: 'ABANDONED' } });
    expect(await stats(ids.c)).toMatchObject({ verifiedReviewCount: 2, productionCount: 0, abandonedCount: 1, adoptionCount: 1 });
    // org 2's review hidden: 4 and 5 remain → 4.50
    await t.db.prisma.review.updateMany({ where: { toolId: ids.c, organizationId: orgs[2]! }, data: { moderationStatus: 'HIDDEN' } });
    expect(await stats(ids.c)).toMatchObject({ reviewCount: 2, verifiedReviewCount: 2 });
    expect((await stats(ids.c)).ratingAverage?.toFixed(2)).toBe('4.50');
    const page = await t.gql(`query($slug: String!) { tool(slug: $slug) { ratings { count average verifiedCount } adoption { total }
      reviews(first: 1) { totalCount } adopters(first: 1) { totalCount } } }`, { slug: slugs.c });
    expect(page.data!.tool).toEqual({ ratings: { count: 2, average: '4.50', verifiedCount: 2 }, adoption: { total: 2 },
      reviews: { totalCount: 2 }, adopters: { totalCount: 2 } });
    // B: nothing yet
    expect(await stats(ids.b)).toMatchObject({ reviewCount: 0, ratingAverage: null, adoptionCount: 0, referencePrice: null });
  });

  it.runIf(backend === 'postgres')('counts two reviews of one tool written at the same time', async () => {
    // the first transaction writes its review and stays open; the second writes while it is open, then the first
    // commits: the second's recount must see the first's review (ToolStats rows are locked before recounting)
    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    const review = (organizationId: number) => ({ data: { toolId: ids.b, organizationId, rating: 2, title: 'Avis', body: 'Avis simultané' } });
    const first = t.db.prisma.$transaction(async (tx) => {
      await tx.review.create(review(orgs[2]!));
      await firstMayCommit;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = t.db.prisma.$transaction((tx) => tx.review.create(review(orgs[3]!)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    commitFirst();
    await Promise.all([first, second]);
    expect(await t.db.prisma.toolStats.findUniqueOrThrow({ where: { toolId: ids.b } })).toMatchObject({ reviewCount: 2 });
    await t.db.prisma.review.deleteMany({ where: { toolId: ids.b } });
    expect(await t.db.prisma.toolStats.findUniqueOrThrow({ where: { toolId: ids.b } })).toMatchObject({ reviewCount: 0, ratingAverage: null });
  });

  it('orders by price and rating with unknown values last in both directions, by name without a search', async () => {
    // prices: C 100 €, A 300 €, B unknown; ratings: C 4.50, A 3.50, B none
    expect(slugsOf(await order({ field: 'PRICE' }))).toEqual([slugs.c, slugs.a, slugs.b]);
    expect(slugsOf(await order({ field: 'PRICE', direction: 'DESC' }))).toEqual([slugs.a, slugs.c, slugs.b]);
    expect(slugsOf(await order({ field: 'RATING' }))).toEqual([slugs.c, slugs.a, slugs.b]);
    expect(slugsOf(await order({ field: 'RATING', direction: 'ASC' }))).toEqual([slugs.a, slugs.c, slugs.b]);
    // names: Gamma < Zorglub Alpha < Zorglub Bêta (accents ignored)
    expect(slugsOf(await order({ field: 'NAME' }))).toEqual([slugs.c, slugs.a, slugs.b]);
    // relevance: "zorglub" in A's and B's names (10) beats C's description (2); A before B by name
    expect(slugsOf(await order(null))).toEqual([slugs.a, slugs.b, slugs.c]);
  });

  it('filters, and counts each facet under every criterion but its own', async () => {
    const [x, y] = await t.db.prisma.category.findMany({ orderBy: { id: 'asc' }, take: 2 });
    const eu = await order(null, { categories: [x!.slug], euHostedOnly: true });
    expect(slugsOf(eu)).toEqual([slugs.a]);
    expect(eu.totalCount).toBe(1);
    // categories under euHostedOnly: only A (x) is hosted in the EU
    expect(eu.facets.categories).toEqual([{ value: x!.slug, count: 1 }]);
    // countries under category x: A (FR) and C (unknown)
    expect(eu.facets.hostingCountries).toEqual([{ value: 'FR', count: 1 }, { value: 'UNKNOWN', count: 1 }]);
    const inX = await order(null, { categories: [x!.slug] });
    expect(inX.facets.categories).toEqual([{ value: x!.slug, count: 2 }, { value: y!.slug, count: 1 }]);
    expect(slugsOf(await order(null, { minRating: 4 }))).toEqual([slugs.c]);
    expect(slugsOf(await order(null, { hostingCountries: ['UNKNOWN'] }))).toEqual([slugs.c]);
    // EU hosting, with the tools whose hosting is not provided: A (FR) and C (unknown), never B (US)
    expect(slugsOf(await order(null, { euHostedOnly: true, includeUnknownHosting: true }))).toEqual([slugs.a, slugs.c]);
    expect(slugsOf(await order(null, { euHostedOnly: true, includeUnknownHosting: false }))).toEqual([slugs.a]);
    // without euHostedOnly, the option changes nothing
    expect(slugsOf(await order(null, { includeUnknownHosting: true }))).toEqual([slugs.a, slugs.b, slugs.c]);
    // past the last page: no tool, but the count stays
    const far = await t.gql(`{ tools(search: "zorglub", first: 2, after: "${Buffer.from('OffsetConnection:5').toString('base64')}") { totalCount edges { node { slug } } } }`);
    expect(far.data!.tools).toEqual({ totalCount: 3, edges: [] });
  });

  it('prices a tool again when its plans change', async () => {
    await t.db.prisma.pricingPlan.create({ data: { toolId: ids.b, name: 'Forfait', pricingModel: 'FLAT_YEAR', unitPrice: '50', source: 'PUBLISHED', sourceDate: new Date('2026-01-01') } });
    // B is now the cheapest: 50 € < 100 € (C) < 300 € (A)
    expect(slugsOf(await order({ field: 'PRICE' }))).toEqual([slugs.b, slugs.c, slugs.a]);
    expect((await t.db.prisma.toolStats.findUniqueOrThrow({ where: { toolId: ids.b } })).referencePrice?.toFixed(2)).toBe('50.00');
  });

  it('sorts by the yearly cost for the reference profile, whatever the unit of each plan', async () => {
    const prisma = t.db.prisma;
    const [x] = await prisma.category.findMany({ orderBy: { id: 'asc' }, take: 1 });
    const provider = await prisma.provider.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const tool = (slug: string, name: string) =>
      prisma.tool.create({ data: { slug, name, description: 'Assistant', categoryId: x!.id, providerId: provider.id, deploymentMode: 'SAAS',
        searchText: toolSearchText({ name, description: 'Assistant' }, provider.name, x!.name) } });
    const d = await tool('zorglub-d', 'Zorglub Delta');
    const e = await tool('zorglub-e', 'Zorglub Epsilon');
    const plan = (toolId: number, name: string, data: object) =>
      prisma.pricingPlan.create({ data: { toolId, name, source: 'PUBLISHED', sourceDate: new Date('2026-01-01'), ...data } as any });
    // profile: 50 agents, 20 000 requests a month, 50 000 inhabitants; setup fees spread over 3 years
    // D « Forfait » : 5 000 €/year + 2 400 € setup / 3 = 5 800 €/year
    // D « Requêtes » : 20 000 × 12 / 1 000 = 240 thousand requests × 25 € = 6 000 €/year (no setup) → D costs 5 800
    //   (charged on its first year alone, the setup fee would have made « Requêtes » the cheaper: 6 000 < 7 400)
    await plan(d.id, 'Forfait', { pricingModel: 'FLAT_YEAR', unitPrice: '5000', setupFee: '2400' });
    await plan(d.id, 'Requêtes', { pricingModel: 'PER_1K_REQUESTS', unitPrice: '25' });
    // E « Volume » : 240 thousand requests reach the 200 tier at 20 € → 4 800 €, under the 5 000 € minimum → 5 000
    // E « Agents » : 50 seats × 9 € × 12 months = 5 400 €/year → E costs 5 000
    await plan(e.id, 'Volume', { pricingModel: 'PER_1K_REQUESTS', unitPrice: '30', minimumAnnualAmount: '5000', tiers: { create: [{ minVolume: '200', unitPrice: '20' }] } });
    await plan(e.id, 'Agents', { pricingModel: 'PER_SEAT_MONTH', unitPrice: '9' });
    // B 50 € < C 100 € < A 300 € < E 5 000 € < D 5 800 €
    expect(slugsOf(await order({ field: 'PRICE' }))).toEqual([slugs.b, slugs.c, slugs.a, 'zorglub-e', 'zorglub-d']);
    const stats = await prisma.toolStats.findMany({ where: { toolId: { in: [d.id, e.id] } }, orderBy: { toolId: 'asc' } });
    expect(stats.map((row) => row.referencePrice?.toFixed(2))).toEqual(['5800.00', '5000.00']);
    const res = await t.gql(`{ catalogueReferenceProfile { population seats requestsPerMonth tokensPerRequest years }
      d: tool(slug: "zorglub-d") { referenceCost { perYear plan { name } } }
      e: tool(slug: "zorglub-e") { referenceCost { perYear plan { name } } }
      b: tool(slug: "${slugs.b}") { referenceCost { perYear } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      catalogueReferenceProfile: { population: 50000, seats: 50, requestsPerMonth: 20000, tokensPerRequest: 1000, years: 3 },
      d: { referenceCost: { perYear: '5800.00', plan: { name: 'Forfait' } } },
      e: { referenceCost: { perYear: '5000.00', plan: { name: 'Volume' } } },
      b: { referenceCost: { perYear: '50.00' } },
    });
    // a plan that no figure of the profile prices (none here) leaves the tool unknown: A without its plan
    await prisma.pricingPlan.updateMany({ where: { toolId: ids.a }, data: { archivedAt: new Date() } });
    const a = await t.gql(`{ tool(slug: "${slugs.a}") { referenceCost { perYear } } }`);
    expect(a.data).toEqual({ tool: { referenceCost: null } });
    expect(slugsOf(await order({ field: 'PRICE' })).at(-1)).toBe(slugs.a);
  });
});

const COMPARE = `query Compare($slugs: [String!]!, $profile: UsageProfileInput!) {
  compareTools(slugs: $slugs, profile: $profile) {
    __typename
    ... on QueryCompareToolsSuccess { data {
      profile { population organizationName years }
      tools { tool { slug } plan { name } tco { known reason total perYear perInhabitantPerYear cumulative }
              footprint { known reason method kwh { value basis } kgco2e { value basis reason } waterL { value basis reason } derivedFromGrid }
              adoptionCount tool { ratings { count average } aiActRiskTier secNumCloud gdprDpaAvailable } }
      best { dimension toolSlugs note } } }
    ... on Error { code message fields { field message } }
  }
}`;

describe.each(backends)('catalogue and comparison over HTTP on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t?.close());

  it('finds the water-network tools with "reseau eau"', async () => {
    const res = await t.gql(`{ tools(search: "reseau eau", first: 20) { totalCount edges { node { slug category } } } }`);
    const tools = res.data!.tools.edges.map((e: any) => e.node);
    expect(tools.length).toBeGreaterThanOrEqual(2);
    for (const tool of tools) expect(tool.category).toBe('reseaux-eau');
  });

  it('euHostedOnly returns no tool hosted outside the EU (nor of unknown hosting)', async () => {
    const all = await t.gql(`{ tools(first: 100) { totalCount edges { node { hostingCountry } } } }`);
    const eu = await t.gql(`{ tools(filter: {euHostedOnly: true}, first: 100) { totalCount edges { node { slug hostingCountry } } } }`);
    const countries = eu.data!.tools.edges.map((e: any) => e.node.hostingCountry);
    expect(countries.length).toBeGreaterThan(0);
    expect(countries.length).toBeLessThan(all.data!.tools.totalCount);
    for (const country of countries) expect(EU_COUNTRIES.has(country)).toBe(true);
  });

  it('filters, orders and counts facets under the current filter', async () => {
    const res = await t.gql(`{ tools(search: "chatbot", filter: {euHostedOnly: true}, orderBy: {field: NAME, direction: DESC}, first: 10) {
      totalCount edges { node { name hostingCountry } } facets { categories { value count } hostingCountries { value count } aiActRiskTiers { value count } } } }`);
    const names = res.data!.tools.edges.map((e: any) => e.node.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names).toEqual([...names].sort((a: string, b: string) => b.localeCompare(a, 'fr', { sensitivity: 'base' })));
    const facets = res.data!.tools.facets;
    expect(facets.categories.reduce((s: number, f: any) => s + f.count, 0)).toBe(res.data!.tools.totalCount);
    // the country facet ignores its own criterion: it shows the non-EU chatbots too
    expect(facets.hostingCountries.map((f: any) => f.value)).toContain('US');
    const bad = await t.gql(`{ tools(filter: {minRating: 7}, first: 5) { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });

  it('pages through the catalogue with cursors', async () => {
    const first = await t.gql(`{ tools(first: 10, orderBy: {field: PRICE}) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }`);
    const next = await t.gql(`query($after: String) { tools(first: 10, after: $after, orderBy: {field: PRICE}) { edges { node { slug } } } }`, {
      after: first.data!.tools.pageInfo.endCursor,
    });
    const a = first.data!.tools.edges.map((e: any) => e.node.slug);
    const b = next.data!.tools.edges.map((e: any) => e.node.slug);
    expect(first.data!.tools.pageInfo.hasNextPage).toBe(true);
    expect(b.filter((slug: string) => a.includes(slug))).toEqual([]);
  });

  it('issues the same number of SQL statements for the catalogue page with first: 10 and first: 50', async () => {
    const query = `query Catalogue($n: Int!) { tools(first: $n) { totalCount
      facets { categories { value count } hostingCountries { value count } aiActRiskTiers { value count } }
      edges { node { id slug name description isDemo hostingCountry deploymentMode aiActRiskTier
        provider { name country } categoryDetails { slug name } ratings { count average verifiedCount } adoption { total }
        plans { name pricingModel unitPrice sourceUrl sourceDate isDemo tiers { minVolume unitPrice } } } } } }`;
    const ten = await t.countQueries(() => t.gql(query, { n: 10 }));
    const fifty = await t.countQueries(() => t.gql(query, { n: 50 }));
    expect(ten.result.errors).toBeUndefined();
    expect(fifty.result.data!.tools.edges.length).toBeGreaterThan(10);
    expect(fifty.statements).toBe(ten.statements);
  });

  it('compares three chatbots for Grand Besançon Métropole with the figures worked out by hand', async () => {
    const slugs = ['api-mistral', 'le-chat-pro', 'albert'];
    const profile = { organizationSiren: '242500361', seats: 50, requestsPerMonth: 20000, years: 3 };
    const res = await t.gql(COMPARE, { slugs, profile });
    expect(res.errors).toBeUndefined();
    const data = res.data!.compareTools.data;
    // population municipale of Grand Besançon Métropole in @etalab/decoupage-administratif
    expect(data.profile).toMatchObject({ population: 198387, organizationName: 'Grand Besançon Métropole', years: 3 });
    const bySlug = (slug: string) => data.tools.find((x: any) => x.tool.slug === slug);
    expect(data.tools.map((x: any) => x.tool.slug)).toEqual(slugs);

    // API Mistral, seed plans priced per million tokens, blended 3 input : 1 output, at 0.8532 € per $:
    //   Large (2 $, 6 $) → 3 $ → 2.5596 €; Medium 3 (0.40 $, 2 $) → 0.8 $ → 0.68256 €; Small 3.2 (0.10 $, 0.30 $) → 0.15 $ → 0.12798 €.
    // 20,000 requests × 12 × 1,000 tokens = 240 M tokens a year; cheapest is Small 3.2: 240 × 0.12798 = 30.7152 € a year,
    // × 3 = 92.1456 → 92.15 €; cumulative 30.7152, 61.4304, 92.1456; per inhabitant 30.7152 / 198,387 = 0.00015 → 0.00.
    expect(bySlug('api-mistral')).toMatchObject({
      plan: { name: 'Mistral Small 3.2 — prix mixte par million de jetons' },
      tco: { known: true, perYear: '30.72', total: '92.15', perInhabitantPerYear: '0.00', cumulative: ['30.72', '61.43', '92.15'] },
    });
    // Le Chat Pro: 50 seats × 14.99 € × 12 = 8,994 € a year, × 3 = 26,982 €; per inhabitant 8,994 / 198,387 = 0.0453 → 0.05.
    expect(bySlug('le-chat-pro')).toMatchObject({
      plan: { name: 'Le Chat Pro' },
      tco: { known: true, perYear: '8994.00', total: '26982.00', perInhabitantPerYear: '0.05', cumulative: ['8994.00', '17988.00', '26982.00'] },
    });
    // Albert: free for administrations.
    expect(bySlug('albert')).toMatchObject({
      plan: { name: 'Albert — accès gratuit pour les administrations' },
      tco: { known: true, perYear: '0.00', total: '0.00', perInhabitantPerYear: '0.00', cumulative: ['0.00', '0.00', '0.00'] },
    });

    // Footprint, 240,000 requests a year.
    // Le Chat Pro: the LCA (Carbone 4 / ADEME) figure outranks the EcoLogits estimate: 1.14 g and 45 mL a request, no energy:
    //   240,000 × 1.14 g = 273.6 kg; 240,000 × 45 mL = 10,800 L.
    expect(bySlug('le-chat-pro').footprint).toMatchObject({
      known: true, method: 'LCA_THIRD_PARTY', derivedFromGrid: false,
      kwh: { value: null, basis: 'UNKNOWN' }, kgco2e: { value: '273.600', basis: 'FIGURE' }, waterL: { value: '10800.000', basis: 'FIGURE' },
    });
    // Albert: EcoLogits, Llama 3.1 8B, 3,768 Wh per M tokens × 400 tokens = 1.5072 Wh; × 240,000 = 361.728 kWh;
    //   FR grid, most recent year (Ember 2023, 56 g/kWh): 361.728 × 56 / 1000 = 20.256768 → 20.257 kg;
    //   that grid row has no water per kWh → water unknown.
    expect(bySlug('albert').footprint).toMatchObject({
      known: true, method: 'ECOLOGITS_ESTIMATE', derivedFromGrid: true,
      kwh: { value: '361.728', basis: 'FIGURE' }, kgco2e: { value: '20.257', basis: 'GRID' }, waterL: { value: null, basis: 'UNKNOWN' },
    });
    // API Mistral: EcoLogits, Mistral Large 2 (first of the two estimates of the same method and date),
    //   19,907 Wh per M tokens × 400 = 7.9628 Wh; × 240,000 = 1,911.072 kWh; SE grid (Ember 2023, 40.7 g/kWh):
    //   1,911.072 × 40.7 / 1000 = 77.7806304 → 77.781 kg; no water per kWh for SE → unknown.
    expect(bySlug('api-mistral').footprint).toMatchObject({
      known: true, method: 'ECOLOGITS_ESTIMATE', derivedFromGrid: true,
      kwh: { value: '1911.072', basis: 'FIGURE' }, kgco2e: { value: '77.781', basis: 'GRID' }, waterL: { value: null, basis: 'UNKNOWN' },
    });

    const best = (dimension: string) => data.best.find((b: any) => b.dimension === dimension);
    expect(data.best.map((b: any) => b.dimension)).toEqual(['COST', 'CARBON', 'ENERGY', 'WATER', 'RATING', 'ADOPTION']);
    // 0.00 < 92.15 < 26,982.00
    expect(best('COST').toolSlugs).toEqual(['albert']);
    // 20.257 < 77.781 < 273.600 kg
    expect(best('CARBON')).toMatchObject({ toolSlugs: ['albert'], note: 'Méthodes d’évaluation différentes : comparaison indicative.' });
    // 361.728 < 1,911.072 kWh; Le Chat Pro unknown
    expect(best('ENERGY').toolSlugs).toEqual(['albert']);
    expect(best('ENERGY').note).toMatch(/Énergie inconnue pour Le Chat Pro/);
    // only Le Chat Pro has a known water figure
    expect(best('WATER').toolSlugs).toEqual(['le-chat-pro']);
  });

  it('returns a typed NOT_FOUND error for an unknown tool, and VALIDATION for a wrong count or profile', async () => {
    const missing = await t.gql(COMPARE, { slugs: ['api-mistral', 'outil-inexistant'], profile: { years: 3 } });
    expect(missing.data!.compareTools).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(missing.data!.compareTools.message).toMatch(/outil-inexistant/);
    const one = await t.gql(COMPARE, { slugs: ['api-mistral'], profile: { years: 3 } });
    expect(one.data!.compareTools.code).toBe('VALIDATION');
    const years = await t.gql(COMPARE, { slugs: ['api-mistral', 'albert'], profile: { years: 40, seats: -1 } });
    expect(years.data!.compareTools.fields.map((f: any) => f.field).sort()).toEqual(['seats', 'years']);
  });

  it('shows unknowns explicitly instead of zeros', async () => {
    const res = await t.gql(COMPARE, { slugs: ['le-chat-pro', 'leakmited'], profile: { years: 3 } });
    const [chat, leak] = res.data!.compareTools.data.tools;
    expect(chat.tco).toMatchObject({ known: false, total: null, reason: expect.stringMatching(/sièges/) });
    expect(leak.tco).toMatchObject({ known: false, reason: expect.stringMatching(/population/) });
    expect(chat.footprint).toMatchObject({ known: false, reason: expect.stringMatching(/requêtes/) });
  });

  it('lists adopters near a collectivité: same EPCI first, then département, then région', async () => {
    const res = await t.gql(`{ tool(slug: "albert") { adoption { total byStatus { status count } }
      adoptersNear(siren: "212500565", first: 50) { proximity status organization { name departementCode regionCode } } } }`);
    const tool = res.data!.tool;
    expect(tool.adoption.total).toBe(tool.adoption.byStatus.reduce((s: number, b: any) => s + b.count, 0));
    const ranks = tool.adoptersNear.map((a: any) => ['EPCI', 'DEPARTEMENT', 'REGION'].indexOf(a.proximity));
    expect(ranks).toEqual([...ranks].sort());
    for (const near of tool.adoptersNear) {
      expect(near.organization.regionCode).toBe('27');
      if (near.proximity === 'DEPARTEMENT') expect(near.organization.departementCode).toBe('25');
    }
  });

  it('lets an ADMIN curate the catalogue and a PROVIDER edit only its own tools, audit-logged', async () => {
    const admin = await t.signIn('admin@mutualis.test');
    const provider = await t.signIn('fournisseur@mistral.test');
    const agent = await t.signIn('agent@besancon.test');
    const UPDATE = `mutation($slug: String!, $input: ToolInput!) { updateTool(slug: $slug, input: $input) { __typename
      ... on MutationUpdateToolSuccess { data { description declaredByProvider } } ... on Error { code fields { field } } } }`;
    const own = await provider.gql(UPDATE, { slug: 'le-chat-pro', input: { description: 'Assistant conversationnel (chatbot) de Mistral AI, décrit par l’éditeur.' } });
    expect(own.data!.updateTool.data).toMatchObject({ declaredByProvider: true });
    expect((await provider.gql(UPDATE, { slug: 'api-openai', input: { description: 'Tentative' } })).data!.updateTool.code).toBe('FORBIDDEN');
    expect((await agent.gql(UPDATE, { slug: 'le-chat-pro', input: { description: 'Tentative' } })).data!.updateTool.code).toBe('FORBIDDEN');
    expect((await t.gql(UPDATE, { slug: 'le-chat-pro', input: { description: 'Tentative' } })).data!.updateTool.code).toBe('UNAUTHENTICATED');
    const bad = await admin.gql(UPDATE, { slug: 'le-chat-pro', input: { hostingCountry: 'france', website: 'ftp://x' } });
    expect(bad.data!.updateTool.fields.map((f: any) => f.field).sort()).toEqual(['hostingCountry', 'website']);

    const PLAN = `mutation($slug: String!, $input: PricingPlanInput!) { createPricingPlan(toolSlug: $slug, input: $input) { __typename
      ... on MutationCreatePricingPlanSuccess { data { id name unitPrice tiers { minVolume unitPrice } } } ... on Error { code fields { field } } } }`;
    const plan = await admin.gql(PLAN, {
      slug: 'leakmited',
      input: { name: 'Offre négociée 2026', pricingModel: 'PER_INHABITANT_YEAR', unitPrice: '0.10', source: 'NEGOTIATED', sourceDate: '2026-01-15', tiers: [{ minVolume: '100000', unitPrice: '0.08' }] },
    });
    expect(plan.data!.createPricingPlan.data).toMatchObject({ name: 'Offre négociée 2026', unitPrice: '0.1', tiers: [{ minVolume: '100000', unitPrice: '0.08' }] });
    const archive = await admin.gql(`mutation($id: ID!) { archivePricingPlan(id: $id) { __typename } }`, { id: plan.data!.createPricingPlan.data.id });
    expect(archive.data!.archivePricingPlan.__typename).toBe('MutationArchivePricingPlanSuccess');
    const plans = await t.gql(`{ tool(slug: "leakmited") { plans { name } } }`);
    expect(plans.data!.tool.plans.map((p: any) => p.name)).not.toContain('Offre négociée 2026');

    const FIGURE = `mutation($slug: String!, $input: ImpactFigureInput!) { createImpactFigure(toolSlug: $slug, input: $input) { __typename
      ... on MutationCreateImpactFigureSuccess { data { method declaredByProvider } } ... on Error { code fields { field } } } }`;
    const noMethod = await provider.gql(FIGURE, { slug: 'le-chat-pro', input: { energyWhPerRequest: '0.5', sourceUrl: 'https://mistral.ai', sourceDate: '2026-01-01' } });
    expect(noMethod.data!.createImpactFigure.fields.map((f: any) => f.field)).toEqual(['method']);
    const figure = await provider.gql(FIGURE, {
      slug: 'le-chat-pro',
      input: { energyWhPerRequest: '0.5', method: 'PROVIDER_DECLARED', sourceUrl: 'https://mistral.ai', sourceDate: '2026-01-01' },
    });
    expect(figure.data!.createImpactFigure.data).toEqual({ method: 'PROVIDER_DECLARED', declaredByProvider: true });

    const auditor = await t.signIn('auditeur@mutualis.test');
    const log = await auditor.gql(`{ auditEvents(first: 50, filter: {entityType: "Tool"}) { edges { node { action actor { name } } } } }`);
    expect(log.data!.auditEvents.edges.map((e: any) => e.node.action)).toContain('tool.update');
  });
});
