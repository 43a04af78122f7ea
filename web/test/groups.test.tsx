import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreateGroupFormQuery, endOfDay } from '../src/screens/groups/CreateGroupForm';
import { membersCsvFile } from '../src/screens/groups/groupExports';
import { GroupMembersCsvQuery } from '../src/screens/groups/GroupExports';
import { GroupPageQuery } from '../src/screens/groups/groupPageQuery';
import { ReceivedInvitationsQuery } from '../src/screens/groups/ReceivedInvitations';
import { GROUPS_PAGE_SIZE, GroupsPageQuery } from '../src/screens/groups/GroupsPage';
import { CancelPurchasingGroupMutation } from '../src/screens/groups/useCancelPurchasingGroup';
import { ClosePurchasingGroupMutation } from '../src/screens/groups/useClosePurchasingGroup';
import { CommitToPurchasingGroupMutation } from '../src/screens/groups/useCommitToPurchasingGroup';
import { CreatePurchasingGroupMutation } from '../src/screens/groups/useCreatePurchasingGroup';
import { JoinPurchasingGroupMutation } from '../src/screens/groups/useJoinPurchasingGroup';
import { AnswerGroupInvitationMutation } from '../src/screens/groups/useAnswerGroupInvitation';
import { InviteToPurchasingGroupMutation } from '../src/screens/groups/useInviteToPurchasingGroup';
import { OrganizationBySirenQuery, OrganizationSearchQuery } from '../src/components/OrganizationSearch';
import type { CreatePurchasingGroupInput, GroupMembershipStatus, GroupStatus, PurchasingGroupFilter, VolumeUnit } from '../src/gql/graphql';
import { answer, CAN, failOnConsoleErrors, normalizeSpaces, renderApp, viewerCan, viewerFixture, type Fixture, type ViewerFixture } from './helpers';

failOnConsoleErrors();

const GROUP_ID = 'UHVyY2hhc2luZ0dyb3VwOjE=';
const WATER = 'Détection des fuites sur les réseaux d’eau — communes du Grand Besançon';
const BESANCON = { id: 'Organization:212500565', siren: '212500565', name: 'Besançon' };

// ——— The list ———

type GroupsPageData = Fixture<typeof GroupsPageQuery>;
type ListedGroup = GroupsPageData['purchasingGroups']['edges'][number]['node'];

function listedGroup(
  id: string,
  title: string,
  extra: Partial<{ status: GroupStatus; pooledVolume: string; volumeUnit: VolumeUnit; memberships: GroupMembershipStatus[] }> = {},
): ListedGroup {
  return {
    __typename: 'PurchasingGroup',
    id,
    title,
    status: extra.status ?? 'OPEN',
    interestDeadline: '2027-01-25T03:30:13.436Z',
    volumeUnit: extra.volumeUnit ?? 'INHABITANTS',
    isDemo: true,
    tool: { __typename: 'Tool', id: 'Tool:15', slug: 'leakmited', name: 'Leakmited' },
    category: null,
    coordinator: { __typename: 'Organization', id: 'Organization:242500361', siren: '242500361', name: 'Grand Besançon Métropole' },
    memberships: (extra.memberships ?? ['COMMITTED', 'INTERESTED', 'WITHDRAWN']).map((status, index) => ({
      __typename: 'GroupMembership',
      id: `${id}-m${index}`,
      status,
    })),
    economics: { __typename: 'GroupEconomics', pooledVolume: extra.pooledVolume ?? '10645', basis: 'COMMITTED' },
  };
}

const CATEGORIES: GroupsPageData['categories'] = [
  { __typename: 'Category', id: 'Category:9', slug: 'reseaux-eau', name: "Gestion des réseaux d'eau" },
  { __typename: 'Category', id: 'Category:6', slug: 'assistant-interne-rh', name: 'Assistant interne et ressources humaines' },
];

function groupsPage(nodes: ListedGroup[], viewer: ViewerFixture | null): { data: GroupsPageData } {
  return {
    data: {
      viewer: viewer ? { __typename: 'User', id: viewer.id } : null,
      viewerCan: viewerCan(viewer, 'administerOrganization'),
      categories: CATEGORIES,
      purchasingGroups: {
        __typename: 'QueryPurchasingGroupsConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((node) => ({ __typename: 'QueryPurchasingGroupsConnectionEdge', cursor: `c-${node.id}`, node })),
      },
    },
  };
}

const listRequest = (filter: PurchasingGroupFilter) => ({ query: GroupsPageQuery, variables: { filter, first: GROUPS_PAGE_SIZE } });
/** A signed-in viewer's list asks for the invitations its collectivité received: none here. */
const NO_INVITATIONS = {
  request: { query: ReceivedInvitationsQuery, variables: {} },
  result: { data: { receivedGroupInvitations: { __typename: 'QueryReceivedGroupInvitationsConnection' as const, edges: [] } } },
  maxUsageCount: 10,
};

describe('Groupements — the list', () => {
  const admin = viewerFixture({ roles: ['MEMBER', 'ORG_ADMIN'], can: CAN.orgAdmin });

  it('renders each group with its title as a link, its status in French, its pooled volume and its members', async () => {
    renderApp('/groupements', [
      {
        request: listRequest({}),
        result: groupsPage(
          [
            listedGroup(GROUP_ID, WATER),
            listedGroup('UHVyY2hhc2luZ0dyb3VwOjI=', 'Assistant conversationnel souverain', {
              status: 'CLOSED',
              pooledVolume: '102',
              volumeUnit: 'SEATS',
              memberships: ['COMMITTED'],
            }),
          ],
          null,
        ),
      },
    ]);
    expect((await screen.findByText('2 groupements')).className).toBe('results__count');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => normalizeSpaces(row.textContent))).toEqual([
      `${WATER}démonstrationLeakmitedGrand Besançon MétropoleOuvert25 janvier 202710 645 habitantsengagé2`,
      'Assistant conversationnel souveraindémonstrationLeakmitedGrand Besançon MétropoleClos25 janvier 2027102 siègesengagé1',
    ]);
    const link = screen.getByRole('link', { name: WATER });
    expect(link.textContent).toBe(WATER);
    // the readable address: the group's number and its title without accents
    expect(link.getAttribute('href')).toBe('/groupements/1-detection-des-fuites-sur-les-reseaux-d-eau-communes-du');
    // Anonymous: no creation, no « Mes groupements », an invitation to sign in.
    expect(screen.queryByRole('button', { name: 'Créer un groupement' })).toBeNull();
    expect(screen.queryByLabelText('Mes groupements')).toBeNull();
    expect(screen.getByRole('link', { name: 'Connectez-vous' }).getAttribute('href')).toBe('/connexion?retour=%2Fgroupements');
  });

  it('puts the status, the category and « Mes groupements » in the URL and asks the server with them', async () => {
    const water = listedGroup(GROUP_ID, WATER);
    renderApp(
      '/groupements',
      [
        NO_INVITATIONS,
        { request: listRequest({}), result: groupsPage([water, listedGroup('UHVyY2hhc2luZ0dyb3VwOjI=', 'Autre groupement')], admin) },
        { request: listRequest({ status: ['OPEN'] }), result: groupsPage([water], admin) },
        { request: listRequest({ status: ['OPEN'], categorySlug: 'reseaux-eau' }), result: groupsPage([water], admin) },
        { request: listRequest({ status: ['OPEN'], categorySlug: 'reseaux-eau', mine: true }), result: groupsPage([], admin) },
      ],
      { viewer: admin },
    );
    expect(await screen.findByText('2 groupements')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Créer un groupement' })).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Statut' }), { target: { value: 'OPEN' } });
    expect(screen.getByTestId('location').textContent).toBe('/groupements?statut=OPEN');
    expect(await screen.findByText('1 groupement')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Catégorie' }), { target: { value: 'reseaux-eau' } });
    expect(screen.getByTestId('location').textContent).toBe('/groupements?statut=OPEN&categorie=reseaux-eau');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Mes groupements' }));
    expect(screen.getByTestId('location').textContent).toBe('/groupements?statut=OPEN&categorie=reseaux-eau&mes=1');
    expect(await screen.findByText('Aucun groupement ne correspond à ces critères.')).toBeTruthy();
    expect(screen.getByText('Aucun groupement').className).toBe('results__count');
  });

  it('reads the filters from the URL on arrival', async () => {
    renderApp('/groupements?statut=CLOSED&categorie=reseaux-eau&mes=1', [
      NO_INVITATIONS,
      { request: listRequest({ status: ['CLOSED'], categorySlug: 'reseaux-eau', mine: true }), result: groupsPage([], admin) },
    ], { viewer: admin });
    expect(await screen.findByText('Aucun groupement')).toBeTruthy();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Statut' }).value).toBe('CLOSED');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Catégorie' }).value).toBe('reseaux-eau');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Mes groupements' }).checked).toBe(true);
  });

  it('creates a group: field errors from the API next to their fields, then the new group’s page', async () => {
    const sent: unknown[] = [];
    const createForm: { data: Fixture<typeof CreateGroupFormQuery> } = {
      data: {
        categories: CATEGORIES,
        tools: {
          __typename: 'CatalogueConnection',
          totalCount: 2,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: [
            {
              __typename: 'CatalogueConnectionEdge',
              cursor: 'c-15',
              node: { __typename: 'Tool', id: 'Tool:15', slug: 'leakmited', name: 'Leakmited', categoryDetails: { __typename: 'Category', id: 'Category:9', slug: 'reseaux-eau' } },
            },
            {
              __typename: 'CatalogueConnectionEdge',
              cursor: 'c-2',
              node: { __typename: 'Tool', id: 'Tool:2', slug: 'albert', name: 'Albert', categoryDetails: { __typename: 'Category', id: 'Category:6', slug: 'assistant-interne-rh' } },
            },
          ],
        },
      },
    };
    const input: CreatePurchasingGroupInput = {
      title: 'Fuites 2027',
      interestDeadline: endOfDay('2027-06-30')!,
      eligibility: 'EPCI_MEMBERS',
      allocationRule: 'BY_POPULATION',
      volumeUnit: 'INHABITANTS',
      toolSlug: 'leakmited',
      listUnitPrice: '0.12',
      tiers: [{ minVolume: '50000', unitPrice: '0.10' }],
    };
    renderApp(
      '/groupements',
      [
        NO_INVITATIONS,
        { request: listRequest({}), result: groupsPage([], admin) },
        { request: { query: CreateGroupFormQuery, variables: {} }, result: createForm },
        answer(CreatePurchasingGroupMutation, (variables) => (sent.push(variables), true), {
          createPurchasingGroup: {
            __typename: 'ValidationError',
            code: 'VALIDATION',
            message: 'Certains champs sont invalides : corrigez-les puis réessayez.',
            fields: [{ __typename: 'FieldError', field: 'title', message: 'Le titre doit compter au moins 5 caractères.' }],
          },
        }),
        answer(
          CreatePurchasingGroupMutation,
          { input: { ...input, title: 'Fuites 2027 — Grand Besançon' } },
          {
            createPurchasingGroup: {
              __typename: 'MutationCreatePurchasingGroupSuccess',
              data: { __typename: 'PurchasingGroup', id: 'UHVyY2hhc2luZ0dyb3VwOjM=', title: 'Fuites 2027 — Grand Besançon', status: 'DRAFT' },
            },
          },
        ),
        answer(
          GroupPageQuery,
          { id: 'UHVyY2hhc2luZ0dyb3VwOjM=' },
          groupPage(admin, {
            id: 'UHVyY2hhc2luZ0dyb3VwOjM=',
            title: 'Fuites 2027 — Grand Besançon',
            status: 'DRAFT',
            isDemo: false,
            viewerCanCoordinate: true,
            viewerNextStatuses: ['OPEN', 'CANCELLED'],
            viewerCanJoin: { __typename: 'Permission', allowed: false, reason: 'Le groupement est en préparation : les adhésions et engagements sont figés.' },
          }),
        ),
      ],
      { viewer: admin },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Créer un groupement' }));
    const tool = (await screen.findByRole('combobox', { name: 'Outil' })) as HTMLSelectElement;
    expect([...tool.options].map((option) => option.text)).toEqual(['Choisir un outil du catalogue', 'Albert', 'Leakmited']);
    fireEvent.change(screen.getByLabelText('Titre'), { target: { value: ' Fuites 2027 ' } });
    fireEvent.change(tool, { target: { value: 'leakmited' } });
    fireEvent.change(screen.getByLabelText('Date limite de manifestation d’intérêt'), { target: { value: '2027-06-30' } });
    fireEvent.change(screen.getByLabelText('Éligibilité'), { target: { value: 'EPCI_MEMBERS' } });
    fireEvent.change(screen.getByLabelText('Unité de volume'), { target: { value: 'INHABITANTS' } });
    fireEvent.change(screen.getByLabelText('Règle de répartition'), { target: { value: 'BY_POPULATION' } });
    fireEvent.change(screen.getByLabelText('Prix catalogue (€ HT par habitant et par an, facultatif)'), { target: { value: '0,12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un palier' }));
    fireEvent.change(screen.getByLabelText('Palier 1 : à partir de (habitants)'), { target: { value: '50 000' } });
    fireEvent.change(screen.getByLabelText('Palier 1 : prix (€ HT par habitant et par an)'), { target: { value: '0,10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer le groupement' }));

    const title = screen.getByLabelText('Titre');
    const error = await within(title.closest('.field') as HTMLElement).findByText('Le titre doit compter au moins 5 caractères.');
    expect(error.className).toBe('field__error');
    expect(title.getAttribute('aria-describedby')).toBe(error.id);
    // French amounts and volumes travelled as decimals with a point; the date as the end of that day.
    expect(sent).toEqual([{ input }]);

    fireEvent.change(title, { target: { value: 'Fuites 2027 — Grand Besançon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer le groupement' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Fuites 2027 — Grand Besançon' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/groupements/3-fuites-2027-grand-besancon');
    expect(screen.getByText('En préparation').className).toContain('group-status');
    expect(screen.getByRole('button', { name: 'Ouvrir aux adhésions' })).toBeTruthy();
  });
});

// ——— The group page ———

type GroupPageData = Fixture<typeof GroupPageQuery>;
type Group = NonNullable<GroupPageData['purchasingGroup']>;
type Economics = Group['economics'];

interface Member {
  organization: { id: string; siren: string; name: string };
  status: GroupMembershipStatus;
  estimatedVolume: string;
  committedVolume: string | null;
}

const SAINT_VIT = { id: 'Organization:212505275', siren: '212505275', name: 'Saint-Vit' };
const SAONE = { id: 'Organization:212505325', siren: '212505325', name: 'Saône' };
const MISEREY = { id: 'Organization:212503817', siren: '212503817', name: 'Miserey-Salines' };

const MEMBERS: Member[] = [
  { organization: SAINT_VIT, status: 'INTERESTED', estimatedVolume: '5133', committedVolume: null },
  { organization: SAONE, status: 'COMMITTED', estimatedVolume: '3195', committedVolume: '3195' },
  { organization: MISEREY, status: 'COMMITTED', estimatedVolume: '2661', committedVolume: '2661' },
];

function share(organizationId: string, values: [string, string, string, string | null, string | null]): Economics['shares'][number] {
  const [amount, aloneCost, savingsVsAlone, currentAnnualCost, savingsVsCurrent] = values;
  return {
    __typename: 'MemberShare',
    organization: { __typename: 'Organization', id: organizationId },
    share: amount,
    aloneCost,
    savingsVsAlone,
    currentAnnualCost,
    savingsVsCurrent,
  };
}

/** Before Besançon: 5 856 habitants committed, below the first tier (list price 0,12 €). */
const ECONOMICS_BEFORE: Economics = {
  __typename: 'GroupEconomics',
  committedVolume: '5856',
  projectedVolume: '10989',
  pooledVolume: '5856',
  basis: 'COMMITTED',
  tierIndex: -1,
  unitPrice: '0.12',
  // 10 989 projected inhabitants stay below the first tier (50 000): the list price
  projectedUnitPrice: '0.12',
  total: '702.72',
  totalSavingsVsAlone: '0.00',
  nextTier: { __typename: 'NextTier', minVolume: '50000', unitPrice: '0.1', missingVolume: '44144' },
  shares: [share(SAONE.id, ['383.40', '383.40', '0.00', '450.00', '66.60']), share(MISEREY.id, ['319.32', '319.32', '0.00', null, null])],
};

/** Besançon committed 118 489 habitants: the first tier (0,10 €) is reached, shares by population. */
const ECONOMICS_COMMITTED: Economics = {
  ...ECONOMICS_BEFORE,
  committedVolume: '124345',
  projectedVolume: '129478',
  pooledVolume: '124345',
  tierIndex: 0,
  unitPrice: '0.1',
  // 129 478 projected inhabitants reach the first tier (50 000) but not the second (150 000)
  projectedUnitPrice: '0.1',
  total: '12434.50',
  totalSavingsVsAlone: '117.12',
  nextTier: { __typename: 'NextTier', minVolume: '150000', unitPrice: '0.08', missingVolume: '25655' },
  shares: [
    share(SAONE.id, ['319.50', '383.40', '63.90', '450.00', '130.50']),
    share(MISEREY.id, ['266.10', '319.32', '53.22', null, null]),
    share(BESANCON.id, ['11848.90', '11848.90', '0.00', null, null]),
  ],
};

function groupPage(
  viewer: ViewerFixture | null,
  overrides: Partial<Group> = {},
  members: Member[] = MEMBERS,
  economics: Economics = ECONOMICS_BEFORE,
): GroupPageData {
  return {
    viewer: viewer
      ? {
          __typename: 'User',
          id: viewer.id,
          organization: { __typename: 'Organization', id: viewer.organization.id, name: viewer.organization.name, population: 118489 },
        }
      : null,
    viewerCan: viewerCan(viewer, 'pending'),
    purchasingGroup: {
      __typename: 'PurchasingGroup',
      id: GROUP_ID,
      title: WATER,
      description: 'Mutualiser l’abonnement à un service d’analyse des données de sectorisation.',
      status: 'OPEN',
      isDemo: true,
      interestDeadline: '2027-01-25T03:30:13.436Z',
      eligibility: 'EPCI_MEMBERS',
      allocationRule: 'BY_POPULATION',
      volumeUnit: 'INHABITANTS',
      listUnitPrice: '0.12',
      tool: {
        __typename: 'Tool',
        id: 'Tool:15',
        slug: 'leakmited',
        name: 'Leakmited',
        provider: { __typename: 'Provider', id: 'Provider:15', name: 'Leakmited SAS' },
        categoryDetails: { __typename: 'Category', id: 'Category:9', slug: 'reseaux-eau', name: "Gestion des réseaux d'eau" },
      },
      category: null,
      candidateTools: [],
      coordinator: { __typename: 'Organization', id: 'Organization:242500361', siren: '242500361', name: 'Grand Besançon Métropole' },
      awardedProvider: null,
      awardedUnitPrice: null,
      awardedAt: null,
      cancelReason: null,
      tiers: [
        { __typename: 'GroupPriceTier', minVolume: '50000', unitPrice: '0.1' },
        { __typename: 'GroupPriceTier', minVolume: '150000', unitPrice: '0.08' },
      ],
      economics,
      memberships: members.map((member, index) => ({
        __typename: 'GroupMembership',
        id: `GroupMembership:${index + 1}`,
        status: member.status,
        estimatedVolume: member.estimatedVolume,
        committedVolume: member.committedVolume,
        organization: { __typename: 'Organization', ...member.organization },
      })),
      viewerMembership: null,
      viewerCanJoin: { __typename: 'Permission', allowed: true, reason: null },
      viewerCanCoordinate: false,
      viewerNextStatuses: [],
      invitations: { __typename: 'PurchasingGroupInvitationsConnection', edges: [] },
      viewerInvitation: null,
      ...overrides,
    },
  };
}

const pageRequest = { query: GroupPageQuery, variables: { id: GROUP_ID } };
const PAGE_PATH = '/groupements/1-detection-des-fuites-sur-les-reseaux-d-eau-communes-du';
const besanconAdmin = viewerFixture({ name: 'DSI de la Ville de Besançon', roles: ['MEMBER', 'ORG_ADMIN'], organization: BESANCON, can: CAN.orgAdmin });

/** The cells of a row of the members table, spaces normalized. */
function cells(row: HTMLElement) {
  return [...row.querySelectorAll('th, td')].map((cell) => normalizeSpaces(cell.textContent));
}

function membersTable() {
  return screen.getByRole('table', { name: 'Membres et parts' });
}

function rowOf(name: string) {
  return within(membersTable()).getByRole('link', { name }).closest('tr') as HTMLElement;
}

describe('Groupements — a group', () => {
  it('shows the facts, the demand chart against the tiers, and the members with their shares and totals', async () => {
    renderApp(PAGE_PATH, [{ request: pageRequest, result: { data: groupPage(null) } }]);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(`${WATER}démonstration`);
    expect(screen.getByText('Ouvert').className).toBe('group-status group-status--open');
    const facts = normalizeSpaces(screen.getByText('Éligibilité').closest('dl')?.textContent);
    expect(facts).toContain('ÉligibilitéCommunes membres de l’EPCI coordonnateur');
    expect(facts).toContain('Règle de répartitionAu prorata de la population');
    expect(facts).toContain('Unité de volumeHabitants');
    expect(facts).toContain('Prix catalogue0,12 € HT par habitant et par an');
    expect(facts).toContain('Date limite de manifestation d’intérêt25 janvier 2027');
    expect(facts).toContain('art. L2113-6 et L2113-7 du Code de la commande publique');

    const figure = screen.getByRole('figure', { name: 'Demande mutualisée et paliers de prix' });
    const svg = figure.querySelector('svg') as SVGSVGElement;
    // Two bars (committed, projected), one marker line per tier, labelled with its unit price and threshold.
    expect(svg.querySelectorAll('rect')).toHaveLength(2);
    const tiers = [...svg.querySelectorAll('.demand-chart__tier')];
    expect(tiers.map((tier) => normalizeSpaces(tier.textContent))).toEqual(['0,10 €50 000', '0,08 €150 000']);
    expect(tiers.every((tier) => tier.querySelector('line'))).toBe(true);
    // Neither tier is reached by 5 856 habitants: both are drawn as targets.
    expect(tiers.map((tier) => tier.getAttribute('class'))).toEqual(['demand-chart__tier', 'demand-chart__tier']);
    const caption = normalizeSpaces(figure.querySelector('figcaption')?.textContent);
    expect(caption).toContain('Volume engagé : 5 856 habitants ; volume projeté (engagés et intéressés) : 10 989 habitants.');
    expect(normalizeSpaces(within(figure).getByText(/^Volume manquant/).textContent)).toBe(
      'Volume manquant pour le palier suivant : 44 144 habitants',
    );
    const price = normalizeSpaces(screen.getByText('Total annuel du groupement').closest('dl')?.textContent);
    expect(price).toContain('Prix unitaire (volume engagé)0,12 € HT par habitant et par an');
    expect(price).toContain('Total annuel du groupement702,72 € HT');
    expect(price).toContain('Prix si tous les intéressés s’engagent (10 989 habitants)0,12 € HT par habitant et par an');

    expect(cells(rowOf('Saint-Vit'))).toEqual(['Saint-Vit', 'Intéressé', '5 133', '—', '—', '—', '—', '—', '—']);
    expect(cells(rowOf('Saône'))).toEqual(['Saône', 'Engagé', '3 195', '3 195', '383,40 €', '383,40 €', '0,00 €', '450,00 €', '66,60 €']);
    expect(cells(rowOf('Miserey-Salines'))).toEqual(['Miserey-Salines', 'Engagé', '2 661', '2 661', '319,32 €', '319,32 €', '0,00 €', '—', '—']);
    const totals = membersTable().querySelector('tfoot tr') as HTMLElement;
    expect(cells(totals)).toEqual(['Total', '3 membres', '10 989', '5 856', '702,72 €', '702,72 €', '0,00 €', '450,00 €', '66,60 €']);

    // Anonymous: an invitation to sign in instead of the buttons.
    expect(screen.queryByRole('button', { name: 'Adhérer' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Connectez-vous' }).getAttribute('href')).toBe(
      `/connexion?retour=${encodeURIComponent(PAGE_PATH)}`,
    );
  });

  it('« Adhérer » sends the volume typed in French and shows the refusal of the server next to the form', async () => {
    const sent: unknown[] = [];
    renderApp(
      PAGE_PATH,
      [
        { request: pageRequest, result: { data: groupPage(besanconAdmin) } },
        answer(JoinPurchasingGroupMutation, (variables) => (sent.push(variables), true), {
          joinPurchasingGroup: {
            __typename: 'ForbiddenError',
            code: 'FORBIDDEN',
            message: 'Ce groupement est réservé aux communes membres de l’EPCI coordonnateur.',
            fields: [],
          },
        }),
      ],
      { viewer: besanconAdmin },
    );
    expect(await screen.findByText('Besançon n’adhère pas à ce groupement.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Adhérer' }));
    const volume = screen.getByLabelText('Volume estimé (habitants)');
    expect(normalizeSpaces(screen.getByText(/^Population municipale de Besançon/).textContent)).toBe(
      'Population municipale de Besançon : 118 489 habitants.',
    );
    expect(screen.getByText(/^Population municipale de Besançon/).id).toBe(volume.getAttribute('aria-describedby'));
    fireEvent.change(volume, { target: { value: '118 489' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Ce groupement est réservé aux communes membres de l’EPCI coordonnateur.');
    // Next to the form that was refused, which stays open with the volume typed.
    expect(alert.closest('form')).toBe(volume.closest('form'));
    expect((volume as HTMLInputElement).value).toBe('118 489');
    expect(sent).toEqual([{ id: GROUP_ID, estimatedVolume: '118489' }]);
  });

  it('« Adhérer » then « M’engager »: each posts its mutation and the shares and the chart follow', async () => {
    const joined: Member = { organization: BESANCON, status: 'INTERESTED', estimatedVolume: '118489', committedVolume: null };
    const committed: Member = { ...joined, status: 'COMMITTED', committedVolume: '118489' };
    const membership = (member: Member): NonNullable<Group['viewerMembership']> => ({
      __typename: 'GroupMembership',
      id: 'GroupMembership:9',
      status: member.status,
      estimatedVolume: member.estimatedVolume,
      committedVolume: member.committedVolume,
    });
    const commitSent: unknown[] = [];
    renderApp(
      PAGE_PATH,
      [
        { request: pageRequest, result: { data: groupPage(besanconAdmin) } },
        answer(
          JoinPurchasingGroupMutation,
          { id: GROUP_ID, estimatedVolume: '118489' },
          { joinPurchasingGroup: { __typename: 'MutationJoinPurchasingGroupSuccess', data: membership(joined) } },
        ),
        // The membership comes back alone: the page is fetched again for the economics.
        {
          request: pageRequest,
          result: {
            data: groupPage(besanconAdmin, { viewerMembership: membership(joined) }, [...MEMBERS, joined], {
              ...ECONOMICS_BEFORE,
              projectedVolume: '129478',
              projectedUnitPrice: '0.1',
            }),
          },
        },
        answer(CommitToPurchasingGroupMutation, (variables) => (commitSent.push(variables), true), {
          commitToPurchasingGroup: { __typename: 'MutationCommitToPurchasingGroupSuccess', data: membership(committed) },
        }),
        {
          request: pageRequest,
          result: { data: groupPage(besanconAdmin, { viewerMembership: membership(committed) }, [...MEMBERS, committed], ECONOMICS_COMMITTED) },
        },
      ],
      { viewer: besanconAdmin },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Adhérer' }));
    fireEvent.change(screen.getByLabelText('Volume estimé (habitants)'), { target: { value: '118489' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer' }));

    expect(normalizeSpaces((await screen.findByRole('status')).textContent)).toBe(
      'Votre collectivité a adhéré au groupement, avec un volume estimé de 118 489 habitants.',
    );
    expect(normalizeSpaces(screen.getByText(/^Besançon est intéressée/).textContent)).toBe(
      'Besançon est intéressée, avec un volume estimé de 118 489 habitants.',
    );
    expect(cells(rowOf('Besançon'))).toEqual(['Besançonvotre collectivité', 'Intéressé', '118 489', '—', '—', '—', '—', '—', '—']);
    expect(screen.queryByRole('button', { name: 'Adhérer' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Me retirer' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'M’engager' }));
    const firm = screen.getByLabelText('Volume ferme (habitants)') as HTMLInputElement;
    // Offered with the estimate, to confirm or correct.
    expect(firm.value).toBe('118489');
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer' }));

    expect(normalizeSpaces((await screen.findByText(/^Votre collectivité s’est engagée/)).textContent)).toBe(
      'Votre collectivité s’est engagée sur un volume ferme de 118 489 habitants.',
    );
    expect(commitSent).toEqual([{ id: GROUP_ID, volume: '118489' }]);
    expect(cells(rowOf('Besançon'))).toEqual([
      'Besançonvotre collectivité',
      'Engagé',
      '118 489',
      '118 489',
      '11 848,90 €',
      '11 848,90 €',
      '0,00 €',
      '—',
      '—',
    ]);
    expect(cells(rowOf('Saône'))).toEqual(['Saône', 'Engagé', '3 195', '3 195', '319,50 €', '383,40 €', '63,90 €', '450,00 €', '130,50 €']);
    expect(cells(membersTable().querySelector('tfoot tr') as HTMLElement)).toEqual([
      'Total',
      '4 membres',
      '129 478',
      '124 345',
      '12 434,50 €',
      '12 551,62 €',
      '117,12 €',
      '450,00 €',
      '130,50 €',
    ]);
    const figure = screen.getByRole('figure', { name: 'Demande mutualisée et paliers de prix' });
    expect(normalizeSpaces(within(figure).getByText(/^Volume manquant/).textContent)).toBe(
      'Volume manquant pour le palier suivant : 25 655 habitants',
    );
    // The first tier is now reached.
    expect([...figure.querySelectorAll('.demand-chart__tier')].map((tier) => tier.getAttribute('class'))).toEqual([
      'demand-chart__tier demand-chart__tier--reached',
      'demand-chart__tier',
    ]);
    expect(screen.getByRole('button', { name: 'Modifier mon engagement' })).toBeTruthy();
  });

  it('lets the coordinator close the group after confirming, and asks a reason before cancelling', async () => {
    const coordinator = viewerFixture({
      name: 'DSI de Grand Besançon Métropole',
      roles: ['MEMBER', 'ORG_ADMIN'],
      organization: { id: 'Organization:242500361', siren: '242500361', name: 'Grand Besançon Métropole' },
      can: CAN.orgAdmin,
    });
    const frozen = 'Le groupement est clos : les adhésions et engagements sont figés.';
    const closed = groupPage(coordinator, {
      status: 'CLOSED',
      viewerCanCoordinate: true,
      viewerNextStatuses: ['AWARDED', 'CANCELLED'],
      viewerCanJoin: { __typename: 'Permission', allowed: false, reason: frozen },
    }).purchasingGroup!;
    renderApp(
      PAGE_PATH,
      [
        { request: pageRequest, result: { data: groupPage(coordinator, { viewerCanCoordinate: true, viewerNextStatuses: ['CLOSED', 'CANCELLED'] }) } },
        answer(ClosePurchasingGroupMutation, { id: GROUP_ID }, { closePurchasingGroup: { __typename: 'MutationClosePurchasingGroupSuccess', data: closed } }),
        answer(
          CancelPurchasingGroupMutation,
          { id: GROUP_ID, reason: 'Offre retirée par l’éditeur.' },
          {
            cancelPurchasingGroup: {
              __typename: 'ConflictError',
              code: 'CONFLICT',
              message: 'Le groupement est attribué : il ne peut pas passer à l’état annulé.',
              fields: [],
            },
          },
        ),
        // After a conflict the page is fetched again: the group may have changed meanwhile.
        { request: pageRequest, result: { data: { ...groupPage(coordinator), purchasingGroup: closed } } },
      ],
      { viewer: coordinator },
    );
    expect((await screen.findByText('Ouvert')).className).toContain('group-status');
    // Open: « Clore » and « Annuler », not « Ouvrir aux adhésions » nor « Attribuer ».
    expect(screen.queryByRole('button', { name: 'Ouvrir aux adhésions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Attribuer' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clore' }));
    expect(screen.getByText('Clore le groupement ? Les engagements seront figés : plus aucune adhésion, aucun retrait.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer la clôture' }));

    expect((await screen.findByRole('status')).textContent).toBe('Le groupement est clos : les engagements sont figés.');
    expect(screen.getByText('Clos').className).toBe('group-status group-status--closed');
    expect(screen.getByText(frozen)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Adhérer' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer l’annulation' }));
    const reason = screen.getByLabelText('Motif de l’annulation');
    expect(within(reason.closest('.field') as HTMLElement).getByText('Indiquez le motif de l’annulation (3 caractères au moins).')).toBeTruthy();
    fireEvent.change(reason, { target: { value: 'Offre retirée par l’éditeur.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer l’annulation' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Le groupement est attribué : il ne peut pas passer à l’état annulé.');
  });

  it('tells why the collectivité cannot join instead of offering the button', async () => {
    const agent = viewerFixture({ name: 'Agent de Besançon', roles: ['MEMBER'], organization: BESANCON });
    const reason = 'Seuls les administrateurs d’une collectivité peuvent l’engager dans un groupement.';
    renderApp(
      PAGE_PATH,
      [{ request: pageRequest, result: { data: groupPage(agent, { viewerCanJoin: { __typename: 'Permission', allowed: false, reason } }) } }],
      { viewer: agent },
    );
    expect((await screen.findByText(reason)).className).toContain('notice');
    expect(screen.queryByRole('button', { name: 'Adhérer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'M’engager' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Me retirer' })).toBeNull();
  });
});

// ——— Exports ———

/** The bytes of a Blob (jsdom's Blob has no arrayBuffer()). */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const CSV =
  '\uFEFFSIREN;Collectivité;Statut;Volume estimé;Volume engagé;Part annuelle (€ HT);Coût seul (€ HT);Économie (€ HT)\r\n' +
  '212505325;Saône;COMMITTED;3195;3195;383.40;383.40;0.00\r\n';

describe('Groupements — exports', () => {
  const createObjectURL = URL.createObjectURL;
  const revokeObjectURL = URL.revokeObjectURL;
  afterEach(() => {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
  });

  it('builds the member list as a UTF-8 CSV Blob, byte order mark kept, named after the group', async () => {
    const { blob, filename } = membersCsvFile(GROUP_ID, CSV);
    expect(filename).toBe('groupement-UHVyY2hhc2luZ0dyb3VwOjE-membres.csv');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = await bytesOf(blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(CSV);
  });

  it('« Télécharger les membres (CSV) » fetches the CSV and saves it as a file', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:mutualis/1'));
    URL.revokeObjectURL = vi.fn();
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    renderApp(PAGE_PATH, [
      { request: pageRequest, result: { data: groupPage(null) } },
      answer(GroupMembersCsvQuery, { id: GROUP_ID }, { purchasingGroup: { __typename: 'PurchasingGroup', id: GROUP_ID, membersCsv: CSV } }),
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Télécharger les membres (CSV)' }));
    await waitFor(() => expect(clicked).toEqual([{ href: 'blob:mutualis/1', download: 'groupement-UHVyY2hhc2luZ0dyb3VwOjE-membres.csv' }]));
    expect(blobs).toHaveLength(1);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(blobs[0] as Blob))).toBe(CSV);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

// ——— Readable addresses and invitations ———

const SAINT_VIT_SUMMARY = {
  __typename: 'Organization' as const,
  id: SAINT_VIT.id,
  siren: SAINT_VIT.siren,
  name: SAINT_VIT.name,
  kind: 'COMMUNE' as const,
  epciType: null,
  departementCode: '25',
  departementName: 'Doubs',
  population: 5133,
  populationTotale: 5280,
};

describe('Groupements — addresses and invitations', () => {
  const coordinatorAdmin = viewerFixture({
    name: 'DSI de Grand Besançon Métropole',
    roles: ['MEMBER', 'ORG_ADMIN'],
    organization: { id: 'Organization:242500361', siren: '242500361', name: 'Grand Besançon Métropole' },
    can: CAN.orgAdmin,
  });

  it.each([['/groupements/1'], [`/groupements/${encodeURIComponent(GROUP_ID)}`]])('%s leads to the readable address', async (path) => {
    renderApp(path, [{ request: pageRequest, result: { data: groupPage(null) } }]);
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(PAGE_PATH));
  });

  it('lets the coordinator invite a collectivité found by name, then lists the invitation', async () => {
    const sent: unknown[] = [];
    const invited = {
      __typename: 'PurchasingGroupInvitationsConnection' as const,
      edges: [
        {
          __typename: 'PurchasingGroupInvitationsConnectionEdge' as const,
          node: {
            __typename: 'GroupInvitation' as const,
            id: 'R3JvdXBJbnZpdGF0aW9uOjE=',
            status: 'PENDING' as const,
            createdAt: '2026-12-10T09:00:00.000Z',
            answeredAt: null,
            organization: { __typename: 'Organization' as const, id: SAINT_VIT.id, siren: SAINT_VIT.siren, name: SAINT_VIT.name },
          },
        },
      ],
    };
    renderApp(
      PAGE_PATH,
      [
        { request: pageRequest, result: { data: groupPage(coordinatorAdmin, { viewerCanCoordinate: true, viewerNextStatuses: ['CLOSED', 'CANCELLED'] }) } },
        {
          request: { query: OrganizationSearchQuery, variables: { search: 'Saint' } },
          result: { data: { organizations: { __typename: 'QueryOrganizationsConnection', edges: [{ __typename: 'QueryOrganizationsConnectionEdge', node: SAINT_VIT_SUMMARY }] } } },
        },
        { request: { query: OrganizationBySirenQuery, variables: { siren: SAINT_VIT.siren } }, result: { data: { organization: SAINT_VIT_SUMMARY } } },
        answer(InviteToPurchasingGroupMutation, (variables) => (sent.push(variables), true), {
          inviteToPurchasingGroup: {
            __typename: 'MutationInviteToPurchasingGroupSuccess',
            data: { __typename: 'GroupInvitation', id: 'R3JvdXBJbnZpdGF0aW9uOjE=', status: 'PENDING', organization: { __typename: 'Organization', id: SAINT_VIT.id, name: SAINT_VIT.name } },
          },
        }),
        { request: pageRequest, result: { data: groupPage(coordinatorAdmin, { viewerCanCoordinate: true, viewerNextStatuses: ['CLOSED', 'CANCELLED'], invitations: invited }) } },
      ],
      { viewer: coordinatorAdmin },
    );
    const section = (await screen.findByRole('heading', { name: 'Invitations' })).closest('section') as HTMLElement;
    expect(within(section).getByText('Aucune collectivité n’a encore été invitée.')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Envoyer l’invitation' }));
    expect(await within(section).findAllByText('Choisissez d’abord la collectivité à inviter.')).not.toHaveLength(0);
    fireEvent.change(within(section).getByLabelText('Collectivité à inviter'), { target: { value: 'Saint' } });
    // the ranked search's result (whatever element carries it: the innermost one that names the collectivité)
    fireEvent.click((await within(section).findAllByText(/^Saint-Vit/)).at(-1)!);
    expect(normalizeSpaces((await within(section).findByText(/Collectivité choisie/)).textContent)).toBe('Collectivité choisie : Saint-Vit (SIREN 212505275)');
    fireEvent.change(within(section).getByLabelText('Message (facultatif)'), { target: { value: ' Bienvenue ! ' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Envoyer l’invitation' }));
    expect(await within(section).findByText('Saint-Vit est invitée : ses administrateurs sont prévenus.')).toBeTruthy();
    expect(sent).toEqual([{ groupId: GROUP_ID, organizationSiren: '212505275', message: 'Bienvenue !' }]);
    const list = await within(section).findByRole('list', { name: 'Collectivités invitées' });
    expect(normalizeSpaces(list.textContent)).toBe('Saint-Vit — En attente de réponse · invitée le 10 décembre 2026');
  });

  it('lets the invited collectivité’s ORG_ADMIN accept, with its estimated volume; it then shows as interested', async () => {
    const sent: unknown[] = [];
    const invitation = {
      __typename: 'GroupInvitation' as const,
      id: 'R3JvdXBJbnZpdGF0aW9uOjE=',
      status: 'PENDING' as const,
      message: 'Rejoignez-nous avant l’été.',
      createdAt: '2026-12-10T09:00:00.000Z',
      viewerCanAnswer: true,
    };
    const joined = groupPage(besanconAdmin, {
      viewerInvitation: { ...invitation, status: 'ACCEPTED', viewerCanAnswer: false },
      viewerMembership: { __typename: 'GroupMembership', id: 'GroupMembership:9', status: 'INTERESTED', estimatedVolume: '118489', committedVolume: null },
    });
    renderApp(
      PAGE_PATH,
      [
        { request: pageRequest, result: { data: groupPage(besanconAdmin, { viewerInvitation: invitation }) } },
        answer(AnswerGroupInvitationMutation, (variables) => (sent.push(variables), true), {
          answerGroupInvitation: {
            __typename: 'MutationAnswerGroupInvitationSuccess',
            data: { __typename: 'GroupInvitation', id: invitation.id, status: 'ACCEPTED', answeredAt: '2026-12-11T09:00:00.000Z', viewerCanAnswer: false },
          },
        }),
        { request: pageRequest, result: { data: joined } },
      ],
      { viewer: besanconAdmin },
    );
    const section = (await screen.findByRole('heading', { name: 'Invitation' })).closest('section') as HTMLElement;
    expect(normalizeSpaces(section.textContent)).toContain('Grand Besançon Métropole invite votre collectivité à rejoindre ce groupement (invitation du 10 décembre 2026).');
    expect(within(section).getByText('Rejoignez-nous avant l’été.')).toBeTruthy();
    fireEvent.change(within(section).getByLabelText('Volume estimé (habitants, facultatif)'), { target: { value: '118 489' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Accepter l’invitation' }));
    expect(await screen.findByText('Invitation acceptée : votre collectivité adhère au groupement, intéressée.')).toBeTruthy();
    expect(sent).toEqual([{ invitationId: invitation.id, accept: true, estimatedVolume: '118489' }]);
    expect(await screen.findByText('Besançon est intéressée, avec un volume estimé de 118 489 habitants.')).toBeTruthy();
  });
});
