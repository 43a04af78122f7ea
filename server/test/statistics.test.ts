import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populationBand } from '../src/modules/statistics/rules.ts';
import { StatsCache } from '../src/modules/statistics/cache.ts';
import { backends, createTestApp, type Client, type TestApp } from './helpers.ts';

// A hand-made territory (région 99, fictional, départements 991 and 992) whose every figure is worked out below by hand.
//
// organizations (8): R région · D1 dép. 991 · D2 dép. 992 · E CA (dép. 991) · C1, C2 communes of E · C3, C4 communes of 992
// providers: PFR (France), PUS (United States), PDE (Germany); categories X, Y
// tools: T1 PFR, hosted FR, LIMITED, X, figure PROVIDER_DECLARED 4 Wh, 2 gCO2e, 10 mL per request
//        T2 PUS, hosted US, HIGH, Y, figure ECOLOGITS 3 Wh per request, no CO2e, hosted in grid zone XZ (500 g/kWh, 2 L/kWh)
//        T3 PDE, hosted DE, MINIMAL, X, no figure
//        T4 PUS, hosting unknown, no tier, Y, figure LCA 1.5 gCO2e per request only
// deployments:            status      cost      demo  requests/month  route
//   d1 C1–T1              PRODUCTION  1000.00   no    100             DIRECT
//   d2 C2–T1              PILOT        500.50   yes    50             UGAP
//   d3 C2–T2              PRODUCTION  3000.00   no    1000            TENDER
//   d4 E–T2               PRODUCTION  6000.00   no    —               FRAMEWORK
//   d5 E–T3               ABANDONED   2000.00   no    —               DIRECT     « Trop cher »
//   d6 C3–T3              PRODUCTION  1500.00   yes    10             DIRECT
//   d7 C3–T4              EXPLORING   —         no    —               —
//   d8 D1–T4              PRODUCTION  —         no    200             —
//   d9 C4–T1              ABANDONED   —         yes   —               —          « Trop cher »
// charters: E adopted, C3 adopted (demo), C1 planned, D1 planned (demo)

const STATS = `query Stats($scope: StatsScopeInput) {
  adoptionStats(scope: $scope) {
    __typename
    ... on Error { code message }
    ... on QueryAdoptionStatsSuccess { data {
      organizations
      declaring { count demo rate rateWithoutDemo } adopting { count demo rate rateWithoutDemo }
      chartersAdopted { count demo rate } chartersPlanned { count demo rate }
      deployments { count demo } inUse { count demo rate demoShare }
      byStatus { key count demo rate } aiActTiers { key count demo rate } hosting { key count demo rate rateWithoutDemo }
      spend { amount demo contributors withheld } spendOutsideEu { amount demo } spendOutsideEuShare
      concentration { hhiDeployments hhiSpend hhiDeploymentsWithoutDemo hhiSpendWithoutDemo providers
        top { slug count demo rate spendShare spend { amount withheld } } }
      footprint { covered { count demo rate rateWithoutDemo } kwh kgco2e kgco2eDemo waterL methods { key count kgco2e } }
      abandoned { count demo rate } abandonReasons { key count demo }
      procurementRoutes { key count demo spend { amount withheld contributors } }
      topTools { slug count demo organizations } categories { slug count spend { amount withheld } }
      byDepartement: breakdown(by: DEPARTEMENT) { key organizations declaring { count demo } adopting { count demo }
        chartersAdopted { count demo } chartersPlanned { count demo } deployments { count demo } spend { amount demo withheld } }
      byRegion: breakdown(by: REGION) { key label organizations }
      byEpciType: breakdown(by: EPCI_TYPE) { key organizations declaring { count } }
      attested { contracts amount frameworks hhi holders environmentalShare innovativeShare offersAverage offersKnown }
      byBand: breakdown(by: POPULATION_BAND) { key organizations declaring { count demo } adopting { count } }
    } }
  }
}`;

const REGION = { region: '99' };
const sortBy = <T extends Record<string, unknown>>(rows: T[], key = 'key') => [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

describe.each(backends)('adoption statistics of a hand-made territory on %s', (backend) => {
  let t: TestApp;
  let auditor: Client;
  let stats: any;
  const EPCI_SIREN = '999000017';

  beforeAll(async () => {
    t = await createTestApp(backend);
    const p = t.db.prisma;
    const org = (data: Record<string, unknown>) =>
      p.organization.create({ data: { source: 'test', searchName: String(data.name).toLowerCase(), officialName: String(data.name), ...data } as never });
    await org({ kind: 'REGION', code: '99', name: 'Région fictive', regionCode: '99', population: 100_000 });
    const d1 = await org({ kind: 'DEPARTEMENT', code: '991', name: 'Dép. un', regionCode: '99', departementCode: '991', population: 300_000, charterStatus: 'PLANNED', charterIsDemo: true });
    await org({ kind: 'DEPARTEMENT', code: '992', name: 'Dép. deux', regionCode: '99', departementCode: '992', population: 40_000 });
    const e = await org({ kind: 'EPCI', epciType: 'CA', siren: EPCI_SIREN, code: EPCI_SIREN, name: 'Agglo fictive', regionCode: '99', departementCode: '991', population: 60_000, charterStatus: 'ADOPTED' });
    const c1 = await org({ kind: 'COMMUNE', code: '99101', name: 'Un', regionCode: '99', departementCode: '991', epciId: e.id, population: 500, charterStatus: 'PLANNED' });
    const c2 = await org({ kind: 'COMMUNE', code: '99102', name: 'Deux', regionCode: '99', departementCode: '991', epciId: e.id, population: 2000 });
    const c3 = await org({ kind: 'COMMUNE', code: '99201', name: 'Trois', regionCode: '99', departementCode: '992', population: 12_000, charterStatus: 'ADOPTED', charterIsDemo: true });
    const c4 = await org({ kind: 'COMMUNE', code: '99202', name: 'Quatre', regionCode: '99', departementCode: '992', population: 800 });
    const provider = (slug: string, country: string) => p.provider.create({ data: { slug, name: slug, country } });
    const [pfr, pus, pde] = [await provider('stat-pfr', 'FR'), await provider('stat-pus', 'US'), await provider('stat-pde', 'DE')];
    const [x, y] = [await p.category.create({ data: { slug: 'stat-x', name: 'X' } }), await p.category.create({ data: { slug: 'stat-y', name: 'Y' } })];
    const tool = (slug: string, providerId: number, categoryId: number, hostingCountry: string | null, aiActRiskTier: 'LIMITED' | 'HIGH' | 'MINIMAL' | null) =>
      p.tool.create({ data: { slug, name: slug, description: 'Outil de test', providerId, categoryId, hostingCountry, aiActRiskTier, deploymentMode: 'SAAS' } });
    const t1 = await tool('stat-t1', pfr.id, x.id, 'FR', 'LIMITED');
    const t2 = await tool('stat-t2', pus.id, y.id, 'US', 'HIGH');
    const t3 = await tool('stat-t3', pde.id, x.id, 'DE', 'MINIMAL');
    const t4 = await tool('stat-t4', pus.id, y.id, null, null);
    const source = { sourceUrl: 'https://example.test/impact', sourceDate: new Date('2026-01-01') };
    await p.gridIntensity.create({ data: { zone: 'XZ', gco2ePerKwh: '500', waterLPerKwh: '2', basis: 'test', ...source } });
    await p.impactFigure.create({ data: { toolId: t1.id, method: 'PROVIDER_DECLARED', energyWhPerRequest: '4', gco2ePerRequest: '2', waterMlPerRequest: '10', ...source } });
    await p.impactFigure.create({ data: { toolId: t2.id, method: 'ECOLOGITS_ESTIMATE', energyWhPerRequest: '3', hostingCountry: 'XZ', ...source } });
    await p.impactFigure.create({ data: { toolId: t4.id, method: 'LCA_THIRD_PARTY', gco2ePerRequest: '1.5', ...source } });
    const deploy = (organizationId: number, toolId: number, status: string, annualCost: string | null, isDemo: boolean, monthlyRequests: number | null, procurementRoute: string | null, abandonReason: string | null = null) =>
      ({ organizationId, toolId, status, annualCost, isDemo, monthlyRequests, procurementRoute, abandonReason }) as never;
    await p.deployment.createMany({
      data: [
        deploy(c1.id, t1.id, 'PRODUCTION', '1000.00', false, 100, 'DIRECT'),
        deploy(c2.id, t1.id, 'PILOT', '500.50', true, 50, 'UGAP'),
        deploy(c2.id, t2.id, 'PRODUCTION', '3000.00', false, 1000, 'TENDER'),
        deploy(e.id, t2.id, 'PRODUCTION', '6000.00', false, null, 'FRAMEWORK'),
        deploy(e.id, t3.id, 'ABANDONED', '2000.00', false, null, 'DIRECT', 'Trop cher'),
        deploy(c3.id, t3.id, 'PRODUCTION', '1500.00', true, 10, 'DIRECT'),
        deploy(c3.id, t4.id, 'EXPLORING', null, false, null, null),
        deploy(d1.id, t4.id, 'PRODUCTION', null, false, 200, null),
        deploy(c4.id, t1.id, 'ABANDONED', null, true, null, null, ' Trop cher '),
      ],
    });
    // public contracts (DECP): three confirmed AI contracts of the territory, one still to be checked
    const contract = async (n: number, buyerOrganizationId: number, amount: string, decision: string, extra: Record<string, unknown>, holder: Record<string, unknown>) => {
      const created = await p.publicContract.create({
        data: { buyerSiret: `9990000${n}000010`, buyerSiren: `9990000${n}0`, decpId: `STAT-${n}`, notificationDate: new Date('2026-03-01'), object: 'Assistant conversationnel', source: 'test', formatVersion: '2.0', contentHash: `h${n}`, raw: {}, relevanceScore: '10', evidence: {}, decision, buyerOrganizationId, amount, ...extra } as never,
      });
      await p.publicContractHolder.create({ data: { contractId: created.id, position: 0, identifierType: 'SIRET', ...holder } as never });
    };
    await contract(1, c1.id, '100000.00', 'CONFIRMED', { hasEnvironmentalConsideration: true, innovative: true, offersReceived: 3 }, { identifier: '00000000000001', providerId: pfr.id });
    await contract(2, e.id, '300000.00', 'CONFIRMED', { isFramework: true, amountIsMaximum: true, innovative: false, offersReceived: 1 }, { identifier: '00000000000002', providerId: pus.id });
    await contract(3, c3.id, '100000.00', 'CONFIRMED', { hasEnvironmentalConsideration: true }, { identifier: '12345678900011', siren: '123456789' });
    await contract(4, c2.id, '999.00', 'KEPT', {}, { identifier: '00000000000002', providerId: pus.id });
    auditor = await t.signIn('auditeur@mutualis.test');
    const res = await t.gql(STATS, { scope: REGION });
    expect(res.errors).toBeUndefined();
    stats = res.data!.adoptionStats.data;
  });
  afterAll(() => t?.close());

  it('counts organizations, declarations, adoption and charters with their demo parts and rates', () => {
    expect(stats.organizations).toBe(8);
    // declaring: C1 C2 E C3 D1 C4 — C4 declares demo data only
    expect(stats.declaring).toEqual({ count: 6, demo: 1, rate: 0.75, rateWithoutDemo: 0.625 });
    // in use: C1 C2 E C3 D1 — C3's only deployment in use is demo
    expect(stats.adopting).toEqual({ count: 5, demo: 1, rate: 0.625, rateWithoutDemo: 0.5 });
    expect(stats.chartersAdopted).toEqual({ count: 2, demo: 1, rate: 0.25 });
    expect(stats.chartersPlanned).toEqual({ count: 2, demo: 1, rate: 0.25 });
    expect(stats.deployments).toEqual({ count: 9, demo: 3 });
    expect(stats.inUse).toEqual({ count: 6, demo: 2, rate: 0.6667, demoShare: 0.3333 });
  });

  it('splits deployments by status, AI Act tier and hosting zone', () => {
    expect(sortBy(stats.byStatus)).toEqual([
      { key: 'ABANDONED', count: 2, demo: 1, rate: 0.2222 },
      { key: 'EXPLORING', count: 1, demo: 0, rate: 0.1111 },
      { key: 'PILOT', count: 1, demo: 1, rate: 0.1111 },
      { key: 'PRODUCTION', count: 5, demo: 1, rate: 0.5556 },
    ]);
    expect(sortBy(stats.aiActTiers)).toEqual([
      { key: 'HIGH', count: 2, demo: 0, rate: 0.3333 },
      { key: 'LIMITED', count: 2, demo: 1, rate: 0.3333 },
      { key: 'MINIMAL', count: 1, demo: 1, rate: 0.1667 },
      { key: null, count: 1, demo: 0, rate: 0.1667 },
    ]);
    // without demo: 4 deployments in use, FR 1, outside EU 2, EU 0, unknown 1
    expect(sortBy(stats.hosting)).toEqual([
      { key: 'EU', count: 1, demo: 1, rate: 0.1667, rateWithoutDemo: 0 },
      { key: 'FRANCE', count: 2, demo: 1, rate: 0.3333, rateWithoutDemo: 0.25 },
      { key: 'OUTSIDE_EU', count: 2, demo: 0, rate: 0.3333, rateWithoutDemo: 0.5 },
      { key: 'UNKNOWN', count: 1, demo: 0, rate: 0.1667, rateWithoutDemo: 0.25 },
    ]);
  });

  it('sums declared spend of the deployments in use, its non-EU share, and the vendor concentration', () => {
    // 1000 + 500.50 + 3000 + 6000 + 1500 (d5 is abandoned, d8 has no cost); four collectivités pay
    expect(stats.spend).toEqual({ amount: '12000.50', demo: '2000.50', contributors: 4, withheld: false });
    expect(stats.spendOutsideEu).toEqual({ amount: '9000.00', demo: '0.00' });
    expect(stats.spendOutsideEuShare).toBe(Math.round((9000 / 12000.5) * 10_000) / 10_000);
    const c = stats.concentration;
    expect(c.providers).toBe(3);
    // deployments in use: PUS 3, PFR 2, PDE 1 of 6 → 50² + 33.33…² + 16.66…²
    expect(c.hhiDeployments).toBe(Math.round((50 ** 2 + (200 / 6) ** 2 + (100 / 6) ** 2) * 100) / 100);
    expect(c.hhiDeployments).toBe(3888.89);
    // spend: PUS 9000, PFR 1500.50, PDE 1500 of 12000.50
    expect(c.hhiSpend).toBe(Math.round(((10_000 * (9000 ** 2 + 1500.5 ** 2 + 1500 ** 2)) / 12000.5 ** 2) * 100) / 100);
    // without demo: PUS 3 and PFR 1 of 4 deployments; PUS 9000 and PFR 1000 of 10000
    expect(c.hhiDeploymentsWithoutDemo).toBe(6250);
    expect(c.hhiSpendWithoutDemo).toBe(8200);
    expect(c.top.map((row: any) => [row.slug, row.count, row.demo, row.rate])).toEqual([
      ['stat-pus', 3, 0, 0.5],
      ['stat-pfr', 2, 1, 0.3333],
      ['stat-pde', 1, 1, 0.1667],
    ]);
    // each provider is paid by one or two collectivités (PUS: C2, E; PFR: C1, C2; PDE: C3): withheld from the public
    expect(c.top.map((row: any) => [row.spendShare, row.spend])).toEqual(Array(3).fill([null, { amount: null, withheld: true }]));
  });

  it('adds up the yearly footprint with its coverage and method mix', () => {
    // d1 1200 req/yr × T1: 4.8 kWh, 2.4 kg, 12 L · d2 600: 2.4 kWh, 1.2 kg, 6 L (demo)
    // d3 12000 × 3 Wh = 36 kWh → × 500 g/kWh = 18 kg, × 2 L/kWh = 72 L · d8 2400 × 1.5 g = 3.6 kg (no energy, no water)
    // not covered: d4 (no volume), d6 (no figure)
    expect(stats.footprint.covered).toEqual({ count: 4, demo: 1, rate: 0.6667, rateWithoutDemo: 0.75 });
    expect(stats.footprint.kwh).toBe('43.200');
    expect(stats.footprint.kgco2e).toBe('25.200');
    expect(stats.footprint.kgco2eDemo).toBe('1.200');
    expect(stats.footprint.waterL).toBe('90.000');
    expect(sortBy(stats.footprint.methods)).toEqual([
      { key: 'ECOLOGITS_ESTIMATE', count: 1, kgco2e: '18.000' },
      { key: 'LCA_THIRD_PARTY', count: 1, kgco2e: '3.600' },
      { key: 'PROVIDER_DECLARED', count: 2, kgco2e: '3.600' },
    ]);
  });

  it('gives the abandonment rate and reasons, routes, top tools and categories', () => {
    expect(stats.abandoned).toEqual({ count: 2, demo: 1, rate: 0.2222 });
    expect(stats.abandonReasons).toEqual([{ key: 'Trop cher', count: 2, demo: 1 }]);
    // spend by route: DIRECT d1 + d6 (two payers: withheld from the public), routes paid by one collectivité withheld
    expect(sortBy(stats.procurementRoutes.map((r: any) => ({ ...r, key: r.key ?? '-' })))).toEqual([
      { key: '-', count: 3, demo: 1, spend: { amount: '0.00', withheld: false, contributors: 0 } },
      { key: 'DIRECT', count: 3, demo: 1, spend: { amount: null, withheld: true, contributors: 2 } },
      { key: 'FRAMEWORK', count: 1, demo: 0, spend: { amount: null, withheld: true, contributors: 1 } },
      { key: 'TENDER', count: 1, demo: 0, spend: { amount: null, withheld: true, contributors: 1 } },
      { key: 'UGAP', count: 1, demo: 1, spend: { amount: null, withheld: true, contributors: 1 } },
    ]);
    expect(sortBy(stats.topTools, 'slug')).toEqual([
      { slug: 'stat-t1', count: 2, demo: 1, organizations: 3 },
      { slug: 'stat-t2', count: 2, demo: 0, organizations: 2 },
      { slug: 'stat-t3', count: 1, demo: 1, organizations: 2 },
      { slug: 'stat-t4', count: 1, demo: 0, organizations: 2 },
    ]);
    expect(sortBy(stats.categories, 'slug')).toEqual([
      { slug: 'stat-x', count: 3, spend: { amount: '3000.50', withheld: false } },
      { slug: 'stat-y', count: 3, spend: { amount: null, withheld: true } },
    ]);
  });

  it('sets the spend attested by confirmed public contracts (DECP) beside the declared spend', () => {
    // confirmed: 100 000 (C1, PFR, environmental, innovative, 3 offers), 300 000 (E, PUS, framework, not innovative,
    // 1 offer), 100 000 (C3, a holder outside the catalogue, environmental); C2's contract is not confirmed yet
    expect(stats.attested).toEqual({
      contracts: 3, amount: '500000.00', frameworks: 1, holders: 3,
      // shares 20 %, 60 %, 20 %
      hhi: 20 ** 2 + 60 ** 2 + 20 ** 2,
      environmentalShare: 0.6667, innovativeShare: 0.5, offersAverage: 2, offersKnown: 2,
    });
  });

  it('breaks the figures down by région, département, EPCI type and population band', () => {
    expect(stats.byRegion).toEqual([{ key: '99', label: 'Région fictive', organizations: 8 }]);
    expect(sortBy(stats.byDepartement)).toEqual([
      { key: '991', organizations: 4, declaring: { count: 4, demo: 0 }, adopting: { count: 4, demo: 0 }, chartersAdopted: { count: 1, demo: 0 }, chartersPlanned: { count: 2, demo: 1 }, deployments: { count: 6, demo: 1 }, spend: { amount: '10500.50', demo: '500.50', withheld: false } },
      { key: '992', organizations: 3, declaring: { count: 2, demo: 1 }, adopting: { count: 1, demo: 1 }, chartersAdopted: { count: 1, demo: 1 }, chartersPlanned: { count: 0, demo: 0 }, deployments: { count: 3, demo: 2 }, spend: { amount: null, demo: null, withheld: true } },
      { key: 'NONE', organizations: 1, declaring: { count: 0, demo: 0 }, adopting: { count: 0, demo: 0 }, chartersAdopted: { count: 0, demo: 0 }, chartersPlanned: { count: 0, demo: 0 }, deployments: { count: 0, demo: 0 }, spend: { amount: '0.00', demo: '0.00', withheld: false } },
    ]);
    expect(sortBy(stats.byEpciType)).toEqual([
      { key: 'CA', organizations: 3, declaring: { count: 3 } },
      { key: 'NONE', organizations: 5, declaring: { count: 3 } },
    ]);
    expect(sortBy(stats.byBand)).toEqual(sortBy([
      { key: 'FROM_10000_TO_49999', organizations: 2, declaring: { count: 1, demo: 0 }, adopting: { count: 1 } },
      { key: 'FROM_1000_TO_3499', organizations: 1, declaring: { count: 1, demo: 0 }, adopting: { count: 1 } },
      { key: 'FROM_200000', organizations: 1, declaring: { count: 1, demo: 0 }, adopting: { count: 1 } },
      { key: 'FROM_50000_TO_199999', organizations: 2, declaring: { count: 1, demo: 0 }, adopting: { count: 1 } },
      { key: 'UNDER_1000', organizations: 2, declaring: { count: 2, demo: 1 }, adopting: { count: 1 } },
    ]));
  });

  it('narrows to a département, an EPCI and its communes, an EPCI type, a kind and a population band', async () => {
    const count = async (scope: object) => {
      const res = await t.gql(`query($scope: StatsScopeInput) { adoptionStats(scope: $scope) { ... on QueryAdoptionStatsSuccess { data { organizations declaring { count } } } } }`, { scope });
      return res.data!.adoptionStats.data;
    };
    expect(await count({ departement: '992' })).toEqual({ organizations: 3, declaring: { count: 2 } });
    expect(await count({ epciSiren: EPCI_SIREN })).toEqual({ organizations: 3, declaring: { count: 3 } });
    expect(await count({ ...REGION, epciType: 'CA' })).toEqual({ organizations: 3, declaring: { count: 3 } });
    expect(await count({ ...REGION, organizationKind: 'COMMUNE' })).toEqual({ organizations: 4, declaring: { count: 4 } });
    expect(await count({ ...REGION, populationBand: 'UNDER_1000' })).toEqual({ organizations: 2, declaring: { count: 2 } });
    expect(await count({ ...REGION, departement: '991', epciType: 'CA' })).toEqual({ organizations: 3, declaring: { count: 3 } });
  });

  it('counts the 67 communes of Grand Besançon Métropole and the EPCI itself', async () => {
    const res = await t.gql(`{ adoptionStats(scope: { epciSiren: "242500361" }) { ... on QueryAdoptionStatsSuccess { data { organizations } } } }`);
    expect(res.data!.adoptionStats.data.organizations).toBe(68);
  });

  it('refuses a malformed code with a typed error and an unknown territory as not found', async () => {
    const ask = async (scope: object) => (await t.gql(STATS, { scope })).data!.adoptionStats;
    expect(await ask({ departement: 'Doubs' })).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(await ask({ region: '7' })).toMatchObject({ code: 'VALIDATION' });
    expect(await ask({ epciSiren: '24250036' })).toMatchObject({ code: 'VALIDATION' });
    expect(await ask({ epciSiren: '999999999' })).toMatchObject({ code: 'NOT_FOUND', message: 'Aucun EPCI de SIREN « 999999999 ».' });
    expect(await ask({ departement: '989' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows an auditor the spend that statistical confidentiality hides from the public, and the per-organization detail', async () => {
    const res = await auditor.gql(STATS, { scope: REGION });
    const routes = res.data!.adoptionStats.data.procurementRoutes;
    expect(routes.find((r: any) => r.key === 'DIRECT').spend).toEqual({ amount: '2500.00', withheld: false, contributors: 2 });
    expect(res.data!.adoptionStats.data.concentration.top.map((row: any) => [row.slug, row.spendShare, row.spend.amount])).toEqual([
      ['stat-pus', Math.round((9000 / 12000.5) * 10_000) / 10_000, '9000.00'],
      ['stat-pfr', Math.round((1500.5 / 12000.5) * 10_000) / 10_000, '1500.50'],
      ['stat-pde', Math.round((1500 / 12000.5) * 10_000) / 10_000, '1500.00'],
    ]);
    const DETAIL = `{ adoptionStats(scope: { departement: "992" }) { ... on QueryAdoptionStatsSuccess { data {
      organizationDetails(first: 10) { totalCount edges { node { name deployments inUse abandoned demo spend } } } } } } }`;
    const detail = await auditor.gql(DETAIL);
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.adoptionStats.data.organizationDetails).toEqual({
      totalCount: 2,
      edges: [
        { node: { name: 'Quatre', deployments: 1, inUse: 0, abandoned: 1, demo: 1, spend: null } },
        { node: { name: 'Trois', deployments: 2, inUse: 1, abandoned: 0, demo: 1, spend: '1500.00' } },
      ],
    });
    const anonymous = await t.gql(DETAIL);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.adoptionStats ?? null).toBeNull();
    const member = await (await t.signIn('agent@besancon.test')).gql(DETAIL);
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(member.data?.adoptionStats ?? null).toBeNull();
  });

  it('follows a change of the data at once, the cache notwithstanding', async () => {
    const spend = async () => (await t.gql(STATS, { scope: REGION })).data!.adoptionStats.data.spend.amount;
    expect(await spend()).toBe('12000.50');
    const d1 = await t.db.prisma.deployment.findFirstOrThrow({ where: { annualCost: '1000.00', organization: { code: '99101' } } });
    await t.db.prisma.deployment.update({ where: { id: d1.id }, data: { annualCost: '1100.00' } });
    expect(await spend()).toBe('12100.50');
    await t.db.prisma.deployment.update({ where: { id: d1.id }, data: { annualCost: '1000.00' } });
    expect(await spend()).toBe('12000.50');
    // curation confirms C2's contract: the attested spend follows too
    const attested = async () => (await t.gql(STATS, { scope: REGION })).data!.adoptionStats.data.attested;
    expect((await attested()).contracts).toBe(3);
    await t.db.prisma.publicContract.updateMany({ where: { decpId: 'STAT-4' }, data: { decision: 'CONFIRMED' } });
    expect(await attested()).toMatchObject({ contracts: 4, amount: '500999.00' });
    await t.db.prisma.publicContract.updateMany({ where: { decpId: 'STAT-4' }, data: { decision: 'KEPT' } });
    expect((await attested()).contracts).toBe(3);
  });
});

describe('statistics rules', () => {
  it('puts a population in its band, bounds included', () => {
    expect([null, 0, 999, 1000, 3499, 3500, 9999, 10_000, 49_999, 50_000, 199_999, 200_000, 2_100_000].map(populationBand)).toEqual([
      null, 'UNDER_1000', 'UNDER_1000', 'FROM_1000_TO_3499', 'FROM_1000_TO_3499', 'FROM_3500_TO_9999', 'FROM_3500_TO_9999',
      'FROM_10000_TO_49999', 'FROM_10000_TO_49999', 'FROM_50000_TO_199999', 'FROM_50000_TO_199999', 'FROM_200000', 'FROM_200000',
    ]);
  });

  it('computes a scope once for concurrent readers, again when the version moves, and forgets a failure', async () => {
    const cache = new StatsCache<number>();
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([cache.get('k', 'v1', compute), cache.get('k', 'v1', compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await cache.get('k', 'v2', compute)).toBe(2);
    await expect(cache.get('f', 'v1', () => Promise.reject(new Error('panne')))).rejects.toThrow('panne');
    expect(await cache.get('f', 'v1', compute)).toBe(3);
  });
});
