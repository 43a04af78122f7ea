import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OrganizationPageQuery } from '../src/screens/organization/OrganizationPage';
import { answer, failOnConsoleErrors, normalizeSpaces, renderApp, type Fixture } from './helpers';
import { contractConnection } from './contractFixtures';

failOnConsoleErrors();

type OrganizationFixture = NonNullable<Fixture<typeof OrganizationPageQuery>['organization']>;

const COMMUNES = ['Amagney', 'Audeux', 'Besançon'];

function member(name: string, index: number): OrganizationFixture['members']['edges'][number] {
  const siren = `2125000${String(index).padStart(2, '0')}`;
  return {
    __typename: 'OrganizationMembersConnectionEdge',
    cursor: `m-${index}`,
    node: { __typename: 'Organization', id: `Organization:${siren}`, siren, name, population: 700 + index },
  };
}

type DeploymentEdge = OrganizationFixture['deployments']['edges'][number];

function declared(
  index: number,
  tool: { slug: string; name: string; provider: string },
  row: Pick<DeploymentEdge['node'], 'status' | 'service' | 'startDate' | 'annualCost' | 'annualCostHidden' | 'isDemo'>,
): DeploymentEdge {
  return {
    __typename: 'OrganizationDeploymentsConnectionEdge',
    cursor: `d-${index}`,
    node: {
      __typename: 'Deployment',
      id: `Deployment:${index}`,
      tool: { __typename: 'Tool', id: `Tool:${tool.slug}`, slug: tool.slug, name: tool.name, provider: { __typename: 'Provider', id: `Provider:${tool.provider}`, name: tool.provider } },
      ...row,
    },
  };
}

function deployments(edges: DeploymentEdge[], totalCount: number, next: string | null): OrganizationFixture['deployments'] {
  return {
    __typename: 'OrganizationDeploymentsConnection',
    totalCount,
    pageInfo: { __typename: 'PageInfo', hasNextPage: next !== null, endCursor: next },
    edges,
  };
}

function grandBesancon(members: { names: string[]; offset: number; next: string | null }): OrganizationFixture {
  return {
    __typename: 'Organization',
    id: 'Organization:242500361',
    name: 'Grand Besançon Métropole',
    officialName: 'Grand Besançon Métropole',
    kind: 'EPCI',
    epciType: 'METRO',
    siren: '242500361',
    code: '242500361',
    population: 198387,
    populationTotale: 203457,
    departementCode: '25',
    regionCode: '27',
    source: '@etalab/decoupage-administratif 6.0.0',
    updatedAt: '2025-11-20T10:00:00.000Z',
    epci: null,
    charter: { __typename: 'Charter', status: 'ADOPTED', adoptedAt: '2024-06-27', url: null, isDemo: true },
    members: {
      __typename: 'OrganizationMembersConnection',
      totalCount: 67,
      pageInfo: { __typename: 'PageInfo', hasNextPage: members.next !== null, endCursor: members.next },
      edges: members.names.map((name, index) => member(name, members.offset + index)),
    },
    deployments: deployments([], 0, null),
    publicContracts: contractConnection('OrganizationPublicContractsConnection', []),
  };
}

const LE_CREUSOT = '217101534';

/** Le Creusot: three demo deployments on the first page, one of its own (cost not published) on the second. */
function leCreusot(page: DeploymentEdge[], next: string | null): OrganizationFixture {
  return {
    ...grandBesancon({ names: [], offset: 0, next: null }),
    id: `Organization:${LE_CREUSOT}`,
    name: 'Le Creusot',
    officialName: 'Le Creusot',
    kind: 'COMMUNE',
    epciType: null,
    siren: LE_CREUSOT,
    code: '71153',
    population: 20509,
    departementCode: '71',
    charter: { __typename: 'Charter', status: 'NONE', adoptedAt: null, url: null, isDemo: false },
    epci: { __typename: 'Organization', id: 'Organization:247100290', siren: '247100290', name: 'Communauté urbaine Le Creusot Montceau-les-Mines' },
    deployments: deployments(page, 4, next),
    publicContracts: contractConnection('OrganizationPublicContractsConnection', []),
  };
}

const CREUSOT_FIRST = [
  declared(1, { slug: 'albert', name: 'Albert', provider: 'DINUM' }, { status: 'PRODUCTION', service: 'Accueil', startDate: '2025-03-01', annualCost: '1234.50', annualCostHidden: false, isDemo: true }),
  declared(2, { slug: 'deepl-pro', name: 'DeepL Pro', provider: 'DeepL' }, { status: 'EXPLORING', service: null, startDate: null, annualCost: null, annualCostHidden: false, isDemo: true }),
  declared(3, { slug: 'le-chat-pro', name: 'Le Chat Pro', provider: 'Mistral AI' }, { status: 'PILOT', service: 'Communication', startDate: '2024-11-15', annualCost: '99.90', annualCostHidden: false, isDemo: true }),
];
const CREUSOT_SECOND = [
  declared(4, { slug: 'yelda', name: 'Yelda', provider: 'Yelda' }, { status: 'ABANDONED', service: 'État civil', startDate: '2023-01-10', annualCost: null, annualCostHidden: true, isDemo: false }),
];

describe('Collectivité page', () => {
  it('shows an EPCI with its facts, its charter and « Communes membres (N) »', async () => {
    renderApp('/territoires/242500361', [
      answer(OrganizationPageQuery, { siren: '242500361' }, { organization: grandBesancon({ names: COMMUNES, offset: 0, next: 'm-2' }) }),
      answer(
        OrganizationPageQuery,
        { siren: '242500361', membersAfter: 'm-2' },
        { organization: grandBesancon({ names: ['Avanne-Aveney'], offset: 3, next: null }) },
      ),
    ]);

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Grand Besançon Métropole');
    expect(screen.getAllByText('Métropole').length).toBeGreaterThan(0);
    expect(screen.getByText('EPCI à fiscalité propre')).toBeTruthy();
    expect(normalizeSpaces(screen.getByText(/^198.387 habitants$/).textContent)).toBe('198 387 habitants');
    expect(screen.getByText(/Charte éthique de l'IA adoptée/).parentElement?.textContent).toContain('27 juin 2024');
    expect(screen.getByText('démonstration')).toBeTruthy();

    const members = screen.getByRole('region', { name: 'Communes membres' });
    expect(within(members).getByRole('heading', { level: 2 }).textContent).toBe('Communes membres (67)');
    const body = members.querySelector('tbody');
    expect(body?.querySelectorAll('tr')).toHaveLength(3);
    expect(within(members).getByRole('link', { name: 'Besançon' }).getAttribute('href')).toBe('/territoires/212500002');

    fireEvent.click(within(members).getByRole('button', { name: 'Afficher plus' }));
    await within(members).findByRole('link', { name: 'Avanne-Aveney' });
    expect(body?.querySelectorAll('tr')).toHaveLength(4);
    expect(within(members).getByRole('heading', { level: 2 }).textContent).toBe('Communes membres (67)');
  });

  it('links a commune to its EPCI and shows no member list', async () => {
    renderApp('/territoires/212500565', [
      answer(
        OrganizationPageQuery,
        { siren: '212500565' },
        {
          organization: {
            ...grandBesancon({ names: [], offset: 0, next: null }),
            id: 'Organization:212500565',
            name: 'Besançon',
            officialName: 'Besançon',
            kind: 'COMMUNE',
            epciType: null,
            siren: '212500565',
            code: '25056',
            population: 119198,
            charter: { __typename: 'Charter', status: 'NONE', adoptedAt: null, url: null, isDemo: false },
            epci: { __typename: 'Organization', id: 'Organization:242500361', siren: '242500361', name: 'Grand Besançon Métropole' },
            members: {
              __typename: 'OrganizationMembersConnection',
              totalCount: 0,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              edges: [],
            },
          },
        },
      ),
    ]);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Besançon');
    expect(screen.getByRole('link', { name: 'Grand Besançon Métropole' }).getAttribute('href')).toBe('/territoires/242500361');
    expect(screen.getByText("Aucune charte éthique de l'IA connue")).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Communes membres' })).toBeNull();
  });

  it('lists the tools a commune declared, with their status, the demo rows and « coût non publié »', async () => {
    renderApp(`/territoires/${LE_CREUSOT}`, [
      answer(OrganizationPageQuery, { siren: LE_CREUSOT }, { organization: leCreusot(CREUSOT_FIRST, 'd-3') }),
      answer(OrganizationPageQuery, { siren: LE_CREUSOT, deploymentsAfter: 'd-3' }, { organization: leCreusot(CREUSOT_SECOND, null) }),
    ]);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Le Creusot');
    const section = screen.getByRole('region', { name: 'Outils d’IA déclarés' });
    const table = within(section).getByRole('table', { name: 'Outils d’IA déclarés par Le Creusot, les plus récemment mis à jour d’abord' });
    expect(within(table).getAllByRole('columnheader').map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['Outil', 'col'], ['Fournisseur', 'col'], ['Statut', 'col'], ['Service', 'col'], ['Depuis', 'col'], ['Coût annuel (HT)', 'col'],
    ]);
    const rows = () => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => normalizeSpaces(cell.textContent)));
    expect(rows()).toEqual([
      ['Albert démonstration', 'DINUM', 'Production', 'Accueil', '1 mars 2025', '1 234,50 € HT'],
      ['DeepL Pro démonstration', 'DeepL', 'Exploration', '—', '—', '—'],
      ['Le Chat Pro démonstration', 'Mistral AI', 'Expérimentation', 'Communication', '15 novembre 2024', '99,90 € HT'],
    ]);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(3);
    expect(within(table).getByRole('link', { name: 'Albert' }).getAttribute('href')).toBe('/catalogue/albert');
    expect(within(section).getByText('4 outils déclarés')).toBeTruthy();
    expect(within(section).getByText('Les 3 outils affichés sont issus des données de démonstration.')).toBeTruthy();

    fireEvent.click(within(section).getByRole('button', { name: 'Afficher plus' }));
    await within(section).findByRole('link', { name: 'Yelda' });
    expect(rows()[3]).toEqual(['Yelda', 'Yelda', 'Abandonné', 'État civil', '10 janvier 2023', 'coût non publié']);
    expect(within(section).getByText('3 des 4 outils affichés sont issus des données de démonstration.')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Afficher plus' })).toBeNull();
  });

  it('says so when a collectivité declared no tool', async () => {
    renderApp('/territoires/242500361', [
      answer(OrganizationPageQuery, { siren: '242500361' }, { organization: grandBesancon({ names: COMMUNES, offset: 0, next: null }) }),
    ]);
    const section = await screen.findByRole('region', { name: 'Outils d’IA déclarés' });
    expect(within(section).getByText('Aucun outil d’IA n’est déclaré pour cette collectivité.')).toBeTruthy();
    expect(within(section).queryByRole('table')).toBeNull();
  });

  it('explains an unknown SIREN in French, with a way back', async () => {
    renderApp('/territoires/999999999', [
      answer(OrganizationPageQuery, { siren: '999999999' }, { organization: null }),
    ]);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Collectivité introuvable');
    expect(screen.getByText(/Aucune collectivité ne correspond au SIREN « 999999999 »/)).toBeTruthy();
    expect(screen.getByRole('link', { name: "Retour à l'annuaire des territoires" }).getAttribute('href')).toBe('/territoires');
  });
});
