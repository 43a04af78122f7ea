import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatsScopeInput } from '../src/gql/graphql';
import { EPCI_PAGE_SIZE } from '../src/screens/statistics/Drilldown';
import { DETAILS_PAGE_SIZE } from '../src/screens/statistics/OrganizationDetails';
import { DepartementEpcisQuery, EpciMembersQuery, OrganizationDetailsQuery, StatisticsViewerQuery } from '../src/screens/statistics/drilldownQueries';
import { StatisticsMapQuery, StatisticsQuery } from '../src/screens/statistics/queries';
import { PALETTE } from '../src/screens/statistics/mapScale';
import { answer, failOnConsoleErrors, normalizeSpaces, renderApp, viewerFixture, type Fixture } from './helpers';
import { trainingStatsFixture } from './trainingFixtures';

failOnConsoleErrors();

type StatsAnswer = Fixture<typeof StatisticsQuery>;
type StatsData = Extract<StatsAnswer['adoptionStats'], { __typename: 'QueryAdoptionStatsSuccess' }>['data'];
type MapData = Extract<Fixture<typeof StatisticsMapQuery>['adoptionStats'], { __typename: 'QueryAdoptionStatsSuccess' }>['data'];
type Row = MapData['departements'][number];

function count(value: number, demo: number, rate: number | null, rateWithoutDemo: number | null = rate === null ? null : 0): StatsData['declaring'] {
  return { __typename: 'StatCount', count: value, demo, demoShare: value > 0 ? demo / value : null, rate, rateWithoutDemo };
}

function amount(value: string | null, demo: string | null, contributors: number, withheld = false): StatsData['spend'] {
  return { __typename: 'StatAmount', amount: withheld ? null : value, demo: withheld ? null : demo, contributors, withheld };
}

function row(key: string, label: string, figures: { organizations: number; adopting: number; deployments: number; spend?: StatsData['spend'] }): Row {
  const rate = figures.adopting / figures.organizations;
  return {
    __typename: 'StatsBreakdown',
    key,
    label,
    organizations: figures.organizations,
    declaring: count(figures.adopting, figures.adopting, rate),
    adopting: count(figures.adopting, figures.adopting, rate),
    chartersAdopted: count(1, 1, 1 / figures.organizations),
    chartersPlanned: count(2, 2, 2 / figures.organizations),
    deployments: count(figures.deployments, figures.deployments, null),
    spend: figures.spend ?? amount('1000.00', '1000.00', 3),
  };
}

/** Figures of a scope: all of them from the demo data set (as in the seeded database). */
function statsFixture(overrides: Partial<StatsData> = {}): StatsAnswer {
  const data: StatsData = {
    __typename: 'AdoptionStats',
    generatedAt: '2026-03-12T09:30:00.000Z',
    organizations: 36249,
    declaring: count(582, 582, 0.0161),
    adopting: count(580, 580, 0.016),
    chartersAdopted: count(139, 139, 0.0038),
    chartersPlanned: count(832, 832, 0.023),
    deployments: count(1142, 1142, null),
    inUse: count(953, 953, null),
    abandoned: count(78, 78, 0.0683),
    byStatus: [
      { __typename: 'DeploymentStatusFigure', key: 'PRODUCTION', count: 551, demo: 551, rate: 0.4825 },
      { __typename: 'DeploymentStatusFigure', key: 'EXPLORING', count: 111, demo: 111, rate: 0.0972 },
    ],
    hosting: [
      { __typename: 'HostingZoneCount', key: 'OUTSIDE_EU', count: 223, demo: 223, rate: 0.234, rateWithoutDemo: null },
      { __typename: 'HostingZoneCount', key: 'FRANCE', count: 126, demo: 100, rate: 0.1322, rateWithoutDemo: null },
    ],
    aiActTiers: [
      { __typename: 'AiActTierCount', key: 'HIGH', count: 54, demo: 54, rate: 0.0567 },
      { __typename: 'AiActTierCount', key: null, count: 10, demo: 0, rate: 0.0105 },
    ],
    attested: { __typename: 'AttestedSpend', contracts: 3, amount: '500000.00', frameworks: 1, hhi: 4400, holders: 3, environmentalShare: 0.6667, innovativeShare: 0.5, offersAverage: 2.5, offersKnown: 2 },
    spend: amount('7156336.36', '7156336.36', 582),
    spendOutsideEu: amount('3487839.42', '3487839.42', 300),
    spendOutsideEuShare: 0.4874,
    concentration: {
      __typename: 'VendorConcentration',
      hhiDeployments: 726.14,
      hhiDeploymentsWithoutDemo: null,
      hhiSpend: 2630.5,
      hhiSpendWithoutDemo: null,
      providers: 23,
      top: [
        { __typename: 'ProviderShare', slug: 'mistral-ai', name: 'Mistral AI', count: 136, demo: 136, demoShare: 1, rate: 0.1427, spendShare: 0.1123, spend: amount('803521.11', '803521.11', 70) },
        { __typename: 'ProviderShare', slug: 'openai', name: 'OpenAI', count: 113, demo: 113, demoShare: 1, rate: 0.1186, spendShare: null, spend: amount(null, null, 2, true) },
      ],
    },
    footprint: {
      __typename: 'StatsFootprint',
      covered: count(358, 358, 0.3757),
      kwh: '1404797.685',
      kgco2e: '525520.050',
      kgco2eDemo: '525520.050',
      waterL: '4507679.632',
      methods: [
        { __typename: 'FootprintMethodFigure', key: 'ECOLOGITS_ESTIMATE', count: 168, demo: 168, demoShare: 1, rate: 0.4693, kgco2e: '515956.625' },
        { __typename: 'FootprintMethodFigure', key: 'PROVIDER_DECLARED', count: 190, demo: 190, demoShare: 1, rate: 0.5307, kgco2e: '9563.425' },
      ],
    },
    abandonReasons: [{ __typename: 'AbandonReasonCount', key: 'Coût jugé trop élevé', count: 16, demo: 16, demoShare: 1, rate: 0.2051 }],
    procurementRoutes: [{ __typename: 'ProcurementRouteFigure', key: 'UGAP', count: 204, demo: 204, demoShare: 1, rate: 0.1786, spend: amount('2063855.41', '2063855.41', 90) }],
    topTools: [
      { __typename: 'ToolStatsFigure', slug: 'le-chat-pro', name: 'Le Chat Pro', providerName: 'Mistral AI', count: 79, demo: 79, demoShare: 1, rate: 0.0829, organizations: 79, spend: amount('798590.54', '798590.54', 79) },
    ],
    categories: [
      { __typename: 'CategoryStatsFigure', slug: 'assistant', name: 'Assistant interne', count: 300, demo: 300, demoShare: 1, rate: 0.31, organizations: 250, spend: amount('3800000.00', '3800000.00', 250) },
      { __typename: 'CategoryStatsFigure', slug: 'eclairage', name: 'Éclairage public intelligent', count: 2, demo: 2, demoShare: 1, rate: 0.002, organizations: 2, spend: amount(null, null, 2, true) },
    ],
    epciTypes: [row('METRO', 'Métropoles', { organizations: 1000, adopting: 40, deployments: 90 })],
    populationBands: [
      row('UNDER_1000', 'Moins de 1 000 habitants', { organizations: 25000, adopting: 10, deployments: 12 }),
      row('FROM_200000', '200 000 habitants et plus', { organizations: 50, adopting: 25, deployments: 70 }),
    ],
    training: trainingStatsFixture(),
    ...overrides,
  };
  return { adoptionStats: { __typename: 'QueryAdoptionStatsSuccess', data } };
}

const DEPARTEMENTS: Row[] = [
  row('25', 'Doubs', { organizations: 579, adopting: 6, deployments: 9 }),
  row('39', 'Jura', { organizations: 500, adopting: 1, deployments: 1 }),
  row('75', 'Paris', { organizations: 2, adopting: 1, deployments: 30 }),
  row('974', 'La Réunion', { organizations: 30, adopting: 6, deployments: 9 }),
  row('972', 'Martinique', { organizations: 38, adopting: 1, deployments: 3, spend: amount(null, null, 1, true) }),
];

const mapFixture: Fixture<typeof StatisticsMapQuery> = {
  adoptionStats: {
    __typename: 'QueryAdoptionStatsSuccess',
    data: {
      __typename: 'AdoptionStats',
      regions: [row('27', 'Bourgogne-Franche-Comté', { organizations: 3807, adopting: 37, deployments: 60 }), row('11', 'Île-de-France', { organizations: 1327, adopting: 43, deployments: 80 })],
      departements: DEPARTEMENTS,
    },
  },
};

const anonymousViewer = { ...answer(StatisticsViewerQuery, {}, { viewer: null }), maxUsageCount: Number.POSITIVE_INFINITY };

function statsMock(scope: StatsScopeInput, data: StatsAnswer = statsFixture()) {
  return answer(StatisticsQuery, { scope }, data);
}

function mapMock(scope: StatsScopeInput = {}) {
  return { ...answer(StatisticsMapQuery, { scope }, mapFixture), maxUsageCount: Number.POSITIVE_INFINITY };
}

function epcisMock(departement: string) {
  return answer(
    DepartementEpcisQuery,
    { filter: { kind: 'EPCI', departement }, first: EPCI_PAGE_SIZE },
    {
      organizations: {
        __typename: 'QueryOrganizationsConnection',
        totalCount: 1,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'e1' },
        edges: [
          {
            __typename: 'QueryOrganizationsConnectionEdge',
            cursor: 'e1',
            node: { __typename: 'Organization', id: 'Organization:242500361', siren: '242500361', name: 'Grand Besançon Métropole', epciType: 'METRO', population: 198387 },
          },
        ],
      },
    },
  );
}

const membersMock = {
  ...answer(
    EpciMembersQuery,
    { siren: '242500361' },
    {
      organization: {
        __typename: 'Organization',
        id: 'Organization:242500361',
        siren: '242500361',
        name: 'Grand Besançon Métropole',
        kind: 'EPCI',
        epciType: 'METRO',
        population: 198387,
        departementCode: '25',
        members: {
          __typename: 'OrganizationMembersConnection',
          totalCount: 2,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'm2' },
          edges: [
            { __typename: 'OrganizationMembersConnectionEdge', cursor: 'm1', node: { __typename: 'Organization', id: 'Organization:212500565', siren: '212500565', name: 'Besançon', population: 119198 } },
            { __typename: 'OrganizationMembersConnectionEdge', cursor: 'm2', node: { __typename: 'Organization', id: 'Organization:212500573', siren: '212500573', name: 'Amagney', population: 800 } },
          ],
        },
      },
    },
  ),
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function mapLink(name: RegExp) {
  return within(screen.getByRole('group', { name: /Carte de France des départements/ })).getByRole('link', { name });
}

// The page draws a map of 101 départements, five charts and their tables: slower to render in jsdom than most pages.
describe('Statistiques: the adoption statistics', { timeout: 30_000 }, () => {
  // the page is loaded lazily by the app (React.lazy): its module is loaded once here, not within a test's wait
  beforeAll(() => import('../src/screens/statistics/StatisticsPage'));
  it('renders the key figures of France, each with its demo share, and the demo banner', async () => {
    renderApp('/statistiques', [statsMock({}), mapMock(), anonymousViewer]);
    await screen.findByRole('heading', { level: 1, name: 'Statistiques d’adoption de l’IA : France' });
    const figures = await screen.findByRole('region', { name: 'Chiffres clés' });
    const figure = (term: string) => normalizeSpaces(within(figures).getByText(term).closest('.stat-figure')?.textContent);

    expect(figure('Collectivités du périmètre')).toBe('Collectivités du périmètre36 249');
    expect(figure('Collectivités déclarantes')).toBe(
      'Collectivités déclarantes1,6 %582 collectivités déclarent au moins un outil (100 % démonstration) ; sans les données de démonstration : 0 %',
    );
    expect(figure('Chartes éthiques de l’IA adoptées')).toContain('139 chartes adoptées, 832 en projet (2,3 %)');
    expect(figure('Déploiements déclarés')).toBe('Déploiements déclarés1 142dont 953 en usage (expérimentation ou production) (100 % démonstration)');
    expect(figure('Dépense annuelle déclarée')).toBe(
      'Dépense annuelle déclarée7 156 336,36 € HT582 collectivités déclarent un coût (dont 100 % de données de démonstration)',
    );
    expect(figure('Part de la dépense hors UE')).toContain('48,7 %');
    expect(figure('Dépense attestée par les marchés publics')).toBe(
      'Dépense attestée par les marchés publics500 000,00 € HT3 marchés confirmés (DECP), dont 1 accord(s)-cadre(s) comptés à leur maximum ; ' +
        'concentration des titulaires 4 400 (très concentré) ; considérations environnementales : 66,7 % ; marchés innovants : 50 % ; ' +
        'offres reçues en moyenne : 2,5données publiques (DECP) : aucune donnée de démonstration',
    );
    expect(figure('Concentration des fournisseurs (déploiements)')).toContain('726 (peu concentré)');
    expect(figure('Concentration des fournisseurs (dépense)')).toContain('2 631 (très concentré)');
    expect(figure('Empreinte annuelle estimée')).toBe(
      'Empreinte annuelle estimée525 520 kg CO2e1 404 798 kWh, 4 507 680 litres d’eau ; couverture : 37,6 % des déploiements en usage (358 sur 953) (dont 100 % de données de démonstration)',
    );
    expect(figure('Taux d’abandon')).toContain('6,8 %');
    // Every figure but the count of collectivités says its demo share.
    const demoLess = within(figures)
      .getAllByRole('term')
      .map((term) => term.closest('.stat-figure'))
      .filter((element) => !/démonstration/.test(element?.textContent ?? ''))
      .map((element) => element?.querySelector('dt')?.textContent);
    expect(demoLess).toEqual(['Collectivités du périmètre']);

    expect(normalizeSpaces(screen.getByRole('note', { name: 'Données de démonstration' }).textContent)).toContain('100 % des déploiements');
    const routes = screen.getByRole('table', { name: 'Déploiements par voie d’achat et dépense annuelle déclarée' });
    expect(normalizeSpaces(within(routes).getAllByRole('row')[1]?.textContent)).toBe('UGAP (centrale d’achat public)204 (100 % démonstration)17,9 %2 063 855,41 € HT (dont 100 % de données de démonstration)');

    const hosting = screen.getByRole('table', { name: 'Déploiements en usage par lieu d’hébergement de l’outil' });
    // France first, then outside the EU (the order of the zones, not of the API)
    expect(within(hosting).getAllByRole('row').slice(1).map((r) => normalizeSpaces(r.textContent))).toEqual([
      'France126 (dont 100 issus des données de démonstration)13,2 %',
      'Hors de l’UE223 (100 % démonstration)23,4 %',
    ]);
    const tiers = screen.getByRole('table', { name: 'Déploiements en usage par niveau de risque de l’outil (règlement européen sur l’IA)' });
    expect(within(tiers).getAllByRole('row').slice(1).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Haut risque', 'Non évalué']);
    const stages = screen.getByRole('table', { name: 'Déploiements déclarés par étape' });
    expect(within(stages).getAllByRole('row').slice(1).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Exploration', 'Production']);
  });

  it('says « secret statistique » when the spend is withheld', async () => {
    const withheld = statsFixture({ spend: amount(null, null, 2, true), spendOutsideEu: amount(null, null, 1, true), spendOutsideEuShare: null });
    renderApp('/statistiques', [statsMock({}, withheld), mapMock(), anonymousViewer]);
    const figures = await screen.findByRole('region', { name: 'Chiffres clés' });
    const spend = within(figures).getByText('Dépense annuelle déclarée').closest('.stat-figure');
    expect(normalizeSpaces(spend?.textContent)).toBe(
      'Dépense annuelle déclaréeSecret statistique : moins de 3 collectivités déclarent un coût, le montant n’est pas publié.',
    );
    expect(normalizeSpaces(within(figures).getByText('Part de la dépense hors UE').closest('.stat-figure')?.textContent)).toBe('Part de la dépense hors UEsecret statistique');
    expect(normalizeSpaces(within(figures).getByText('Concentration des fournisseurs (dépense)').closest('.stat-figure')?.textContent)).toContain('secret statistique');
  });

  it('colours and names each département on the map, DROM included, with its legend and data table', async () => {
    renderApp('/statistiques', [statsMock({}), mapMock(), anonymousViewer]);
    const doubs = await waitFor(() => mapLink(/^Doubs/));
    expect(normalizeSpaces(doubs.getAttribute('aria-label'))).toBe('Doubs : 1 % d’adoption');
    expect(doubs.getAttribute('href')).toBe('/statistiques?region=27&departement=25');
    // Five classes by quantiles: Jura (0,2 %) in the lightest, Paris (50 %) in the darkest, La Réunion (20 %) just below;
    // a département without figures is grey.
    const fill = (link: HTMLElement) => link.querySelector('[data-code]')?.getAttribute('fill');
    expect(fill(mapLink(/^Jura/))).toBe(PALETTE[0]);
    expect(fill(mapLink(/^Doubs/))).toBe(PALETTE[1]);
    expect(fill(mapLink(/^Paris/))).toBe(PALETTE[4]);
    expect(fill(mapLink(/^La Réunion/))).toBe(PALETTE[3]);
    expect(normalizeSpaces(mapLink(/^La Réunion/).getAttribute('aria-label'))).toBe('La Réunion : 20 % d’adoption');
    expect(fill(mapLink(/^Ain/))).toBe('#f0f0f0');
    expect(normalizeSpaces(mapLink(/^Ain/).getAttribute('aria-label'))).toBe('Ain : aucune donnée');
    // The five DROM are drawn, named and labelled.
    for (const name of ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']) expect(mapLink(new RegExp(`^${name} :`))).toBeTruthy();
    expect(normalizeSpaces(mapLink(/^La Réunion/).textContent)).toMatch(/^La Réunion 20 %/);

    const legend = screen.getByText('Légende').parentElement!;
    expect(within(legend).getAllByRole('listitem').map((item) => normalizeSpaces(item.textContent))).toEqual([
      'moins de 1 %',
      'de 1 % à moins de 2,6 %',
      'de 2,6 % à moins de 20 %',
      'de 20 % à moins de 50 %',
      '50 % et plus',
      'aucune donnée',
    ]);

    const table = screen.getByRole('table', { name: 'Chiffres par département' });
    const doubsRow = within(table).getByRole('link', { name: 'Doubs (25)' }).closest('tr');
    expect(normalizeSpaces(doubsRow?.textContent)).toBe('Doubs (25)5791 %1 %0,2 %91 000,00 € HT100 %');
    expect(screen.getByText('Voir les données de la carte').tagName).toBe('SUMMARY');
  });

  it('switches the map to the spend, where a withheld département says so', async () => {
    renderApp('/statistiques?indicateur=spend', [statsMock({}), mapMock(), anonymousViewer]);
    const martinique = await waitFor(() => mapLink(/^Martinique/));
    expect(normalizeSpaces(martinique.getAttribute('aria-label'))).toBe('Martinique : secret statistique (dépense non publiée)');
    expect(martinique.querySelector('[data-code]')?.getAttribute('fill')).toBe('url(#statistiques-secret)');
    expect(normalizeSpaces(mapLink(/^Doubs/).getAttribute('aria-label'))).toBe('Doubs : 1 000 € HT de dépense déclarée');
    expect(screen.getByText('secret statistique', { selector: 'li' })).toBeTruthy();
  });

  it('puts the département clicked on the map in the URL, then lists its EPCIs', async () => {
    renderApp('/statistiques', [statsMock({}), mapMock(), anonymousViewer, statsMock({ region: '27', departement: '25' }), epcisMock('25')]);
    fireEvent.click(await waitFor(() => mapLink(/^Doubs/)));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/statistiques?region=27&departement=25'));
    await screen.findByRole('heading', { level: 1, name: 'Statistiques d’adoption de l’IA : Doubs' });
    const breadcrumb = screen.getByRole('navigation', { name: 'Fil d’Ariane' });
    expect(within(breadcrumb).getByRole('link', { name: 'France' }).getAttribute('href')).toBe('/statistiques');
    expect(within(breadcrumb).getByRole('link', { name: 'Bourgogne-Franche-Comté' }).getAttribute('href')).toBe('/statistiques?region=27');
    expect(within(breadcrumb).getByText('Doubs').getAttribute('aria-current')).toBe('page');
    const epcis = await screen.findByRole('table', { name: 'Intercommunalités du département' });
    expect(within(epcis).getByRole('link', { name: 'Grand Besançon Métropole' }).getAttribute('href')).toBe('/statistiques?region=27&departement=25&epci=242500361');
    // The map keeps all of France, the Doubs marked as the current département.
    expect(mapLink(/^Doubs/).getAttribute('class')).toContain('map-departement--selected');
    expect(mapLink(/^Jura/).getAttribute('class')).toContain('map-departement--region');
  });

  it('shows an EPCI: its figures, its member communes linking to their pages, the breadcrumb and the scoped exports', async () => {
    const scope = { region: '27', departement: '25', epciSiren: '242500361' };
    renderApp('/statistiques?region=27&departement=25&epci=242500361', [statsMock(scope, statsFixture({ organizations: 68 })), mapMock(), anonymousViewer, membersMock]);
    await screen.findByRole('heading', { level: 1, name: 'Statistiques d’adoption de l’IA : Grand Besançon Métropole' });
    const figures = screen.getByRole('region', { name: 'Chiffres clés' });
    expect(normalizeSpaces(within(figures).getByText('Collectivités du périmètre').closest('.stat-figure')?.textContent)).toBe('Collectivités du périmètre68');
    await screen.findByRole('heading', { name: 'Communes membres de Grand Besançon Métropole (2)' });
    const members = screen.getByRole('table', { name: /Communes membres de Grand Besançon Métropole/ });
    expect(within(members).getByRole('link', { name: 'Besançon' }).getAttribute('href')).toBe('/territoires/212500565');
    const breadcrumb = screen.getByRole('navigation', { name: 'Fil d’Ariane' });
    expect(within(breadcrumb).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['France', 'Bourgogne-Franche-Comté', 'Doubs', 'Grand Besançon Métropole']);
    expect(within(breadcrumb).getByRole('link', { name: 'Doubs' }).getAttribute('href')).toBe('/statistiques?region=27&departement=25');

    const exports = screen.getByRole('region', { name: 'Télécharger les données' });
    const href = (name: string) => within(exports).getByRole('link', { name }).getAttribute('href');
    expect(href('CSV (tableur français) : Déploiements déclarés')).toBe('/donnees/deploiements.csv?region=27&departement=25&epciSiren=242500361');
    expect(href('CSV standard (virgules, point décimal) : Chartes éthiques de l’IA')).toBe('/donnees/chartes.csv?region=27&departement=25&epciSiren=242500361&format=standard');
    expect(href('JSON : Statistiques par territoire')).toBe('/donnees/statistiques.json?region=27&departement=25&epciSiren=242500361');
    expect(within(exports).getByRole('link', { name: 'dictionnaire des données' }).getAttribute('href')).toBe('/donnees');
  });

  it('sends the filters to the API and keeps them in the URL', async () => {
    const filters = { epciType: 'CA', populationBand: 'UNDER_1000' } as const;
    renderApp('/statistiques?epciType=CA', [statsMock({ epciType: 'CA' }), mapMock({ epciType: 'CA' }), anonymousViewer, statsMock(filters), mapMock(filters)]);
    await screen.findByRole('region', { name: 'Chiffres clés' });
    fireEvent.change(screen.getByLabelText('Tranche de population'), { target: { value: 'UNDER_1000' } });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/statistiques?epciType=CA&populationBand=UNDER_1000'));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Télécharger les données' })).getByRole('link', { name: 'JSON : Déploiements déclarés' }).getAttribute('href')).toBe(
      '/donnees/deploiements.json?epciType=CA&populationBand=UNDER_1000',
    ));
  });

  it('gives every chart its data table', async () => {
    renderApp('/statistiques', [statsMock({}), mapMock(), anonymousViewer]);
    await screen.findByRole('region', { name: 'Graphiques' });
    const table = (name: string) => screen.getByRole('table', { name });
    expect(normalizeSpaces(within(table('Parts des premiers fournisseurs')).getAllByRole('row')[2]?.textContent)).toBe('OpenAI113 (100 % démonstration)11,9 %secret statistiquesecret statistique');
    expect(normalizeSpaces(within(table('Chartes par type d’EPCI')).getAllByRole('row')[1]?.textContent)).toBe('Métropoles1 0001 (0,1 %) (100 % démonstration)2 (0,2 %) (100 % démonstration)');
    expect(normalizeSpaces(within(table('Dépense annuelle déclarée par catégorie')).getAllByRole('row')[2]?.textContent)).toBe('Éclairage public intelligent2secret statistique');
    expect(normalizeSpaces(within(table('Empreinte par méthode')).getAllByRole('row').at(-1)?.textContent)).toBe('Empreinte inconnue595—');
    // Population bands from the smallest up.
    expect(within(table('Adoption par tranche de population')).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Moins de 1 000 habitants', '200 000 habitants et plus']);
    // Each chart is an image named by its summary, drawn by recharts.
    const chart = screen.getByRole('img', { name: /^Concentration des fournisseurs/ });
    expect(normalizeSpaces(chart.getAttribute('aria-label'))).toContain('OpenAI : 11,9 % des déploiements, dépense non publiée');
    expect(chart.querySelector('svg.recharts-surface')).not.toBeNull();
    expect(chart.querySelectorAll('.recharts-bar-rectangle').length).toBeGreaterThan(0);
  });

  it('shows the per-collectivité detail to an auditor only, page by page', async () => {
    const auditor = viewerFixture({ roles: ['AUDITOR'] });
    const viewerMock = { ...answer(StatisticsViewerQuery, {}, { viewer: { __typename: 'User', id: auditor.id, roles: ['AUDITOR'] } }), maxUsageCount: Number.POSITIVE_INFINITY };
    const page = (names: string[], next: string | null): Fixture<typeof OrganizationDetailsQuery> => ({
      adoptionStats: {
        __typename: 'QueryAdoptionStatsSuccess',
        data: {
          __typename: 'AdoptionStats',
          organizationDetails: {
            __typename: 'AdoptionStatsOrganizationDetailsConnection',
            totalCount: 3,
            pageInfo: { __typename: 'PageInfo', hasNextPage: next !== null, endCursor: next },
            edges: names.map((name, index) => ({
              __typename: 'AdoptionStatsOrganizationDetailsConnectionEdge',
              cursor: `${name}-${index}`,
              node: { __typename: 'OrganizationStatsDetail', siren: `2000000${index}${name.length}`, name, kind: 'COMMUNE', departementCode: '25', population: 1000, deployments: 2, inUse: 1, abandoned: 1, demo: 2, spend: '1200.00' },
            })),
          },
        },
      },
    });
    renderApp(
      '/statistiques',
      [
        statsMock({}),
        mapMock(),
        viewerMock,
        answer(OrganizationDetailsQuery, { scope: {}, first: DETAILS_PAGE_SIZE }, page(['Amagney', 'Audeux'], 'c2')),
        answer(OrganizationDetailsQuery, { scope: {}, first: DETAILS_PAGE_SIZE, after: 'c2' }, page(['Besançon'], null)),
      ],
      { viewer: auditor },
    );
    const section = await screen.findByRole('region', { name: 'Détail par collectivité (auditeurs)' });
    await within(section).findByRole('link', { name: 'Amagney' });
    expect(normalizeSpaces(within(section).getByRole('link', { name: 'Amagney' }).closest('tr')?.textContent)).toBe('AmagneyCommune251 0002 (100 % démonstration)111 200,00 € HT');
    fireEvent.click(within(section).getByRole('button', { name: 'Charger plus' }));
    await within(section).findByRole('link', { name: 'Besançon' });
    expect(within(section).getAllByRole('link').map((link) => link.textContent)).toEqual(['Amagney', 'Audeux', 'Besançon']);
    expect(within(section).queryByRole('button', { name: 'Charger plus' })).toBeNull();
  });

  it('does not ask an anonymous visitor for the per-collectivité detail', async () => {
    renderApp('/statistiques', [statsMock({}), mapMock(), anonymousViewer]);
    await screen.findByRole('region', { name: 'Graphiques' });
    expect(screen.queryByRole('region', { name: 'Détail par collectivité (auditeurs)' })).toBeNull();
  });
});
