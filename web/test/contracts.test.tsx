import { fireEvent, render, screen, within } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { createCache } from '../src/apollo/cache';
import { makeFragmentData } from '../src/gql';
import { ContractRow_contract } from '../src/screens/contracts/ContractTable';
import { ContractsSection } from '../src/screens/contracts/ContractsSection';
import { CurationQueueQuery, CurationToolsQuery, DecpImportsQuery } from '../src/screens/contracts/adminQueries';
import { ContractsAdminAccessQuery } from '../src/screens/contracts/ContractsAdminPage';
import { ConfirmContractMutation, DismissContractMutation } from '../src/screens/contracts/useContractMutations';
import { ALBERT, CHAT, COMPARISON, comparePageMock, comparisonMock, organizationMock, PROFILE, YELDA } from './compareFixtures';
import { contractConnection, frameworkContract, noPricesPaid, syndicateContract, type ContractFixture } from './contractFixtures';
import { answer, CAN, failOnConsoleErrors, normalizeSpaces, renderApp, viewerCan, viewerFixture, type Fixture } from './helpers';

failOnConsoleErrors();

/** The cells of the row whose header is `label`, as text. */
function rowCells(table: HTMLElement, label: string | RegExp): string[] {
  const header = within(table).getByRole('rowheader', { name: label });
  return within(header.closest('tr') as HTMLElement).getAllByRole('cell').map((cell) => normalizeSpaces(cell.textContent));
}

function renderSection(contracts: ContractFixture[]) {
  const connection = contractConnection('ToolPublicContractsConnection', contracts);
  const nodes = { ...connection, edges: connection.edges.map((edge) => ({ node: { id: edge.node.id, ...makeFragmentData(edge.node, ContractRow_contract) } })) };
  return render(
    <MockedProvider mocks={[]} cache={createCache()}>
      <MemoryRouter>
        <ContractsSection
          headingId="marches"
          heading="Marchés publics attribués"
          caption="Marchés publics attribués pour Albert"
          contracts={nodes}
          empty="Aucun marché."
          onLoadMore={() => Promise.resolve()}
        />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('ContractTable', () => {
  it('says « montant maximum » for a framework agreement, links the buyer and shows the DECP identifier and source', () => {
    renderSection([frameworkContract(), syndicateContract()]);
    const table = screen.getByRole('table', { name: 'Marchés publics attribués pour Albert' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Acheteur', 'Objet', 'Montant HT', 'Notification', 'Durée', 'Procédure', 'Offres reçues', 'Considérations environnementales', 'Innovant', 'Identifiant DECP et source',
    ]);
    expect(within(table).getByRole('link', { name: 'Besançon' }).getAttribute('href')).toBe('/territoires/212500565');
    const framework = rowCells(table, 'Besançon');
    expect(framework[1]).toBe('260 000,00 € HTmontant maximum (accord-cadre)');
    expect(framework.slice(2, 7)).toEqual(['12 mars 2024', '48 mois (4 ans)', 'Appel d’offres ouvert', '4', 'Clause environnementale']);
    expect(framework[7]).toBe('Oui');
    expect(framework[8]).toBe('2024AC017DECP · fichier decp-v2.json · publié le 20 mars 2024');
    expect(framework[0]).toContain('Titulaire : DINUM');

    // A buyer absent from the registry is kept with its SIRET; an amount that is not a maximum says nothing more.
    const syndicate = rowCells(table, /SIRET 25390077300016/);
    expect(syndicate[1]).toBe('96 000,00 € HT');
    expect(syndicate.slice(2, 8)).toEqual(['3 juin 2024', '7 mois', 'non renseignée', 'non renseigné', 'Aucune', 'non renseigné']);
    // Published at an address: the source is a link, with the notification date when no publication date is known.
    const source = within(table).getByRole('link', { name: 'Source : marché 24-EAU-09' });
    expect(source.getAttribute('href')).toBe('https://www.data.gouv.fr/fr/datasets/r/decp-2024.json');
    expect(syndicate[8]).toBe('24-EAU-09DECP · Source : marché 24-EAU-09 · 3 juin 2024');
    expect(screen.getByText('2 marchés confirmés')).toBeTruthy();
  });

  it('says so when no contract is attached', () => {
    renderSection([]);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Aucun marché.')).toBeTruthy();
  });
});

describe('Comparison: « Prix payés par d’autres collectivités »', () => {
  it('gives the median and range per inhabitant with the number of contracts, or « aucun marché public rattaché »', async () => {
    const paid = { ...noPricesPaid(), contractCount: 3, withPopulationCount: 2, medianPerInhabitant: '0.85', minPerInhabitant: '0.40', maxPerInhabitant: '1.30', totalAmount: '412000' };
    const compareTools = {
      __typename: 'QueryCompareToolsSuccess' as const,
      data: {
        ...COMPARISON,
        tools: [
          { ...CHAT, pricesPaid: paid, providerPricesPaid: paid },
          ALBERT,
          { ...YELDA, providerPricesPaid: { ...noPricesPaid(), contractCount: 1, withPopulationCount: 1, medianPerInhabitant: '0.00', minPerInhabitant: '0.00', maxPerInhabitant: '0.00' } },
        ],
      },
    };
    renderApp('/comparer?outils=le-chat-pro,albert,yelda&siren=242500361&sieges=50&requetes=20000&annees=3', [
      comparePageMock(),
      organizationMock(),
      comparisonMock(['le-chat-pro', 'albert', 'yelda'], PROFILE, compareTools),
    ]);
    const table = await screen.findByRole('table', { name: 'Comparaison des outils' });
    expect(rowCells(table, 'Prix payés par d’autres collectivités')).toEqual([
      'Médiane : 0,85 € HT par habitantde 0,40 € HT à 1,30 € HT par habitant · 3 marchés publics · dont 1 sans population connue de l’acheteurSource : DECP, marchés confirmés',
      'inconnu — aucun marché public rattaché',
      'inconnu — aucun marché public rattachéAutres outils de Yelda : Médiane : moins de 0,01 € HT par habitant (1 marché public)Source : DECP, marchés confirmés',
    ]);
  });
});

// ----------------------------------------------------------------------------- curation

type QueueNode = Fixture<typeof CurationQueueQuery>['contractCurationQueue']['edges'][number]['node'];

function kept(id: number, decpId: string, object: string, overrides: Partial<QueueNode> = {}): QueueNode {
  return {
    __typename: 'PublicContract',
    id,
    decpId,
    object,
    cpvCode: '72200000-7',
    buyerSiret: '21250056500016',
    buyer: { __typename: 'Organization', id: 'Organization:212500565', siren: '212500565', name: 'Besançon' },
    amount: '240000.5',
    amountIsMaximum: true,
    notificationDate: '2024-05-02',
    publicationDate: '2024-05-28',
    source: '/srv/decp/decp-v2.json',
    relevanceScore: '6',
    evidence: {
      rulesVersion: 1,
      terms: [{ term: 'intelligences artificielles génératives', strength: 'strong', weight: 3 }],
      cpv: { code: '72200000-7', division: '72', weight: 1 },
      providers: [{ providerId: 3, siren: '952418325', weight: 2 }],
      textScore: 3,
      score: 6,
      thresholds: { keep: 3, minText: 2, store: 1 },
    },
    decision: 'KEPT',
    decisionReason: null,
    tool: null,
    holders: [
      { __typename: 'PublicContractHolder', identifier: '95241832500017', identifierType: 'SIRET', name: null, siren: '952418325', provider: { __typename: 'Provider', id: 'Provider:3', name: 'Mistral AI' } },
      { __typename: 'PublicContractHolder', identifier: '81234567600025', identifierType: 'SIRET', name: null, siren: '812345676', provider: null },
    ],
    ...overrides,
  };
}

const FRAMEWORK = kept(2, '2024AC017', 'Accord-cadre de services d’intelligence artificielle générative');
const TRANSLATION = kept(5, '2024TRAD2', 'Prestations de traduction automatique', {
  buyer: null,
  buyerSiret: '25390077300016',
  amount: '45000',
  amountIsMaximum: false,
  relevanceScore: '3',
  cpvCode: '79530000-8',
  evidence: { terms: [{ term: 'traduction automatique', strength: 'strong', weight: 3 }], cpv: null, providers: [], textScore: 3, score: 3, thresholds: { keep: 3, minText: 2, store: 1 } },
  holders: [{ __typename: 'PublicContractHolder', identifier: '81234567600025', identifierType: 'SIRET', name: 'Traductions du Doubs', siren: '812345676', provider: null }],
});

function queue(nodes: QueueNode[]) {
  return answer(CurationQueueQuery, { decision: 'KEPT' }, {
    contractCurationQueue: {
      __typename: 'QueryContractCurationQueueConnection',
      totalCount: nodes.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: nodes.map((node) => ({ __typename: 'QueryContractCurationQueueConnectionEdge' as const, cursor: String(node.id), node })),
    },
  });
}

const admin = viewerFixture({ name: 'Admin Mutualis', roles: ['ADMIN'], can: CAN.admin });

function adminMocks() {
  return [
    answer(ContractsAdminAccessQuery, {}, { viewer: { __typename: 'User', id: admin.id }, viewerCan: viewerCan(admin, 'moderate') }),
    answer(DecpImportsQuery, {}, {
      decpImports: { __typename: 'QueryDecpImportsConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] },
    }),
    answer(CurationToolsQuery, {}, {
      tools: {
        __typename: 'CatalogueConnection',
        edges: [
          { __typename: 'CatalogueConnectionEdge', node: { __typename: 'Tool', id: 'Tool:2', slug: 'albert', name: 'Albert', provider: { __typename: 'Provider', id: 'Provider:1', name: 'DINUM' } } },
          { __typename: 'CatalogueConnectionEdge', node: { __typename: 'Tool', id: 'Tool:5', slug: 'le-chat-pro', name: 'Le Chat Pro', provider: { __typename: 'Provider', id: 'Provider:3', name: 'Mistral AI' } } },
        ],
      },
    }),
  ];
}

describe('Curation queue (/administration/marches)', () => {
  it('shows why a contract was kept, confirms it with the suggested tool, and shows the API’s refusal of a dismissal in French', async () => {
    const confirmed = { ...FRAMEWORK, decision: 'CONFIRMED' as const, tool: { __typename: 'Tool' as const, id: 'Tool:5', slug: 'le-chat-pro', name: 'Le Chat Pro', provider: { __typename: 'Provider' as const, id: 'Provider:3' } } };
    renderApp('/administration/marches', [
      ...adminMocks(),
      queue([FRAMEWORK, TRANSLATION]),
      answer(ConfirmContractMutation, { id: 2, toolSlug: 'le-chat-pro' }, { confirmContract: { __typename: 'MutationConfirmContractSuccess', data: confirmed } }),
      queue([TRANSLATION]),
      answer(DismissContractMutation, { id: 5, reason: 'Traduction humaine' }, {
        dismissContract: { __typename: 'ValidationError', code: 'VALIDATION', message: 'Le motif est refusé.', fields: [{ __typename: 'FieldError', field: 'reason', message: 'Le motif doit dire pourquoi ce n’est pas un achat d’IA.' }] },
      }),
    ], { viewer: admin });

    const item = await screen.findByRole('article', { name: FRAMEWORK.object });
    const text = normalizeSpaces(item.textContent);
    expect(text).toContain('Acheteur : Besançon · 240 000,50 € HT, montant maximum (accord-cadre)');
    expect(text).toContain('Score de pertinence IA6 (retenu à partir de 3, dont 2 au moins venant de l’objet : ici 3)');
    expect(text).toContain('« intelligences artificielles génératives » (indice fort, +3 points)');
    expect(text).toContain('72200000-7 (division 72, +1 point)');
    expect(text).toContain('Mistral AI (+2 points)');
    expect(text).toContain('SIRET 95241832500017 — fournisseur du catalogue : Mistral AI');
    expect(text).toContain('SIRET 81234567600025 — non relié au catalogue (SIREN 812345676)');
    expect(screen.getByText('2 marchés')).toBeTruthy();

    // « Confirmer »: the tool of the recognised holder is proposed.
    fireEvent.click(within(item).getByRole('button', { name: 'Confirmer' }));
    const picker = within(item).getByLabelText<HTMLSelectElement>('Outil du catalogue acheté');
    expect(picker.value).toBe('le-chat-pro');
    fireEvent.click(within(item).getByRole('button', { name: 'Confirmer et publier' }));
    expect((await screen.findByRole('status')).textContent).toBe('Marché 2024AC017 confirmé et rattaché à Le Chat Pro : il est publié.');
    await screen.findByText('1 marché');
    expect(screen.queryByRole('article', { name: FRAMEWORK.object })).toBeNull();

    // « Écarter »: a reason is asked for, checked here, then by the API, whose refusal is shown next to the field.
    const other = screen.getByRole('article', { name: TRANSLATION.object });
    expect(normalizeSpaces(other.textContent)).toContain('Acheteur : SIRET 25390077300016 (absent du référentiel) · 45 000,00 € HT ·');
    expect(normalizeSpaces(other.textContent)).toContain('79530000-8 (hors des divisions d’IA, aucun point)');
    fireEvent.click(within(other).getByRole('button', { name: 'Écarter' }));
    fireEvent.click(within(other).getByRole('button', { name: 'Écarter le marché' }));
    expect(within(other).getByText('Indiquez le motif (3 caractères au moins).')).toBeTruthy();
    fireEvent.change(within(other).getByLabelText('Motif'), { target: { value: 'Traduction humaine' } });
    fireEvent.click(within(other).getByRole('button', { name: 'Écarter le marché' }));
    expect(await within(other).findByText('Le motif doit dire pourquoi ce n’est pas un achat d’IA.')).toBeTruthy();
    expect(within(other).getByRole('alert').textContent).toContain('Le formulaire contient une erreur');
  });

  it('is refused to a member, without asking for the queue', async () => {
    const member = viewerFixture();
    renderApp('/administration/marches', [
      answer(ContractsAdminAccessQuery, {}, { viewer: { __typename: 'User', id: member.id }, viewerCan: viewerCan(member, 'moderate') }),
    ], { viewer: member });
    expect((await screen.findByRole('alert')).textContent).toContain('réservées aux administrateurs de la plateforme');
    expect(screen.queryByRole('link', { name: 'Marchés publics' })).toBeNull();
  });
});
