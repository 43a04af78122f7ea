import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeclareTrainingMutation, TrainingDeclarationsQuery } from '../src/screens/training/DeclareTraining';
import { TrainingPageQuery } from '../src/screens/training/TrainingPage';
import { TrainingStatistics } from '../src/screens/training/TrainingStatistics';
import { answer, failOnConsoleErrors, normalizeSpaces, renderApp, viewerCan, viewerFixture, type Fixture } from './helpers';
import { trainingStatsFixture } from './trainingFixtures';

failOnConsoleErrors();

type Page = Fixture<typeof TrainingPageQuery>;
type Node = Page['trainings']['edges'][number]['node'];

const ALL = { filter: null, first: 20 };

function training(slug: string, title: string, facts: Partial<Node> = {}): Node {
  return {
    __typename: 'Training',
    id: `Training:${slug}`,
    title,
    provider: 'Association d’élus (démonstration)',
    description: `Description de ${title}.`,
    audiences: ['ELECTED_OFFICIALS'],
    format: 'IN_PERSON',
    durationHours: '7',
    cost: '350',
    costNote: null,
    isFree: false,
    language: 'fr',
    sourceUrl: `https://mutualis.example/demonstration/formations/${slug}`,
    sourceDate: '2026-12-07T00:00:00.000Z',
    isDemo: true,
    ...facts,
  };
}

const ELUS = training('demo-ia-enjeux-elus', '[Démonstration] L’IA dans la collectivité : enjeux et décisions pour les élus');
const FREE = training('demo-premiers-pas', '[Démonstration] Comprendre l’IA générative', {
  provider: 'Centre de formation territorial (démonstration)',
  audiences: ['AGENTS', 'DSI'],
  format: 'SELF_PACED',
  durationHours: '3.5',
  cost: null,
  isFree: true,
});
const QUOTE = training('demo-empreinte', '[Démonstration] Empreinte environnementale', { format: 'ONLINE', durationHours: null, cost: null, costNote: 'Sur devis (session intra)', language: 'en' });
const SOURCED = training('sourcee', 'Formation sourcée', { isDemo: false, provider: 'Organisme réel', sourceUrl: 'https://formation.test/ia', sourceDate: '2025-05-01T00:00:00.000Z' });

function page(nodes: Node[], viewer: ReturnType<typeof viewerFixture> | null = null): Page {
  return {
    viewerCan: viewerCan(viewer, 'actForOrganization'),
    trainings: {
      __typename: 'QueryTrainingsConnection',
      totalCount: nodes.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: nodes.map((node) => ({ __typename: 'QueryTrainingsConnectionEdge', node })),
    },
  };
}

const YEAR = new Date().getFullYear();
type Declarations = Fixture<typeof TrainingDeclarationsQuery>;
const declarations = (rows: { year: number; agentsTrained: number; electedTrained: number; isDemo?: boolean }[]): Declarations => ({
  viewer: {
    __typename: 'User',
    id: 'User:7',
    organization: {
      __typename: 'Organization',
      id: 'Organization:212500565',
      name: 'Besançon',
      trainingDeclarations: rows.map((row) => ({ __typename: 'TrainingDeclaration', isDemo: false, updatedAt: '2026-12-01T10:00:00.000Z', ...row })),
    },
  },
});

/** A table row's cells, each normalized, joined by « | ». */
const cells = (row: HTMLElement) => [...row.children].map((cell) => normalizeSpaces(cell.textContent)).join(' | ');
const cardOf = (title: string) => screen.getByRole('heading', { name: new RegExp(title.replace(/[[\]]/g, '\\$&')) }).closest('li')!;

describe('the training page', () => {
  it('shows each entry’s provider, public in French, format, duration, cost, language, source and date, and the demo badge', async () => {
    renderApp('/formations', [answer(TrainingPageQuery, ALL, page([SOURCED, ELUS, FREE, QUOTE]))]);
    await screen.findByText('4 formations, les entrées sourcées d’abord');
    const elus = cardOf('L’IA dans la collectivité');
    expect(within(elus).getByText('démonstration')).toBeTruthy();
    expect(within(elus).getByText('Association d’élus (démonstration)')).toBeTruthy();
    const facts = (card: HTMLElement) => Object.fromEntries(within(card).getAllByRole('term').map((dt) => [dt.textContent, normalizeSpaces(dt.nextElementSibling?.textContent)]));
    expect(facts(elus)).toEqual({ Public: 'Élus', Format: 'En présentiel', Durée: '7 h', Coût: '350,00 € HT par personne', Langue: 'français' });
    expect(facts(cardOf('Comprendre l’IA générative'))).toMatchObject({ Public: 'Agents, DSI et équipes numériques', Format: 'En autonomie (e-learning)', Durée: '3,5 h', Coût: 'gratuit' });
    expect(facts(cardOf('Empreinte environnementale'))).toMatchObject({ Durée: 'durée non communiquée', Coût: 'Sur devis (session intra)', Langue: 'anglais' });
    const sourced = cardOf('Formation sourcée');
    expect(within(sourced).queryByText('démonstration')).toBeNull();
    expect(normalizeSpaces(within(sourced).getByText(/^Source :/).textContent)).toBe('Source : https://formation.test/ia, consultée le 1 mai 2025');
    expect(within(sourced).getByRole('link', { name: 'https://formation.test/ia' }).getAttribute('href')).toBe('https://formation.test/ia');
    expect(screen.getByRole('note').textContent).toContain('sont fictives');
    // a visitor is not asked to declare
    expect(screen.queryByRole('form', { name: 'Déclarer les personnes formées' })).toBeNull();
  });

  it('filters by public and format, in the URL', async () => {
    renderApp('/formations', [
      answer(TrainingPageQuery, ALL, page([ELUS, FREE])),
      answer(TrainingPageQuery, { filter: { audience: 'ELECTED_OFFICIALS' }, first: 20 }, page([ELUS])),
      answer(TrainingPageQuery, { filter: { audience: 'ELECTED_OFFICIALS', format: 'ONLINE' }, first: 20 }, page([])),
    ]);
    await screen.findByText('2 formations, les entrées sourcées d’abord');
    fireEvent.change(screen.getByLabelText('Public'), { target: { value: 'ELECTED_OFFICIALS' } });
    await screen.findByText('1 formation, les entrées sourcées d’abord');
    expect(screen.getByTestId('location').textContent).toBe('/formations?public=ELECTED_OFFICIALS');
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'ONLINE' } });
    await screen.findByText('Aucune formation, les entrées sourcées d’abord');
    expect(screen.getByTestId('location').textContent).toBe('/formations?public=ELECTED_OFFICIALS&format=ONLINE');
  });

  it('searches the catalogue by words, kept in the URL (the API looks them up in title, provider and description)', async () => {
    renderApp('/formations', [
      answer(TrainingPageQuery, ALL, page([ELUS, FREE])),
      answer(TrainingPageQuery, { filter: { search: 'générative' }, first: 20 }, page([FREE])),
    ]);
    await screen.findByText('2 formations, les entrées sourcées d’abord');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher une formation' }), { target: { value: 'générative' } });
    await screen.findByText('1 formation, les entrées sourcées d’abord');
    expect(screen.getByRole('heading', { name: /Comprendre l’IA générative/ })).toBeTruthy();
    expect(decodeURIComponent(screen.getByTestId('location').textContent!)).toBe('/formations?q=générative');
  });

  it('lets a member declare the people trained, shows the API’s field error, then the declarations read again', async () => {
    const viewer = viewerFixture();
    renderApp(
      '/formations',
      [
        answer(TrainingPageQuery, ALL, page([ELUS], viewer)),
        answer(TrainingDeclarationsQuery, {}, declarations([{ year: 2024, agentsTrained: 40, electedTrained: 5, isDemo: true }])),
        answer(DeclareTrainingMutation, { year: YEAR, agentsTrained: 500000, electedTrained: 3 }, {
          declareTraining: {
            __typename: 'ValidationError',
            code: 'VALIDATION',
            message: 'Le nombre d’agents formés (500 000) dépasse la population de la collectivité (119 000 habitants) : vérifiez le chiffre.',
            fields: [{ __typename: 'FieldError', field: 'agentsTrained', message: 'Le nombre d’agents formés (500 000) dépasse la population de la collectivité (119 000 habitants) : vérifiez le chiffre.' }],
          },
        }),
        answer(DeclareTrainingMutation, { year: 2025, agentsTrained: 1200, electedTrained: 3 }, {
          declareTraining: { __typename: 'MutationDeclareTrainingSuccess', data: { __typename: 'TrainingDeclaration', year: 2025, agentsTrained: 1200, electedTrained: 3 } },
        }),
        answer(TrainingDeclarationsQuery, {}, declarations([{ year: 2025, agentsTrained: 1200, electedTrained: 3 }, { year: 2024, agentsTrained: 40, electedTrained: 5, isDemo: true }])),
      ],
      { viewer },
    );
    const form = await screen.findByRole('form', { name: 'Déclarer les personnes formées' });
    const table = await screen.findByRole('table', { name: 'Déclarations de Besançon' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('démonstration');

    // nothing typed: the browser says so without sending
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la déclaration' }));
    expect(await within(form).findByText('Saisissez un nombre entier, 0 si aucun agent n’a été formé.')).toBeTruthy();
    expect(within(form).getByText('Saisissez un nombre entier, 0 si aucun élu n’a été formé.')).toBeTruthy();

    expect((within(form).getByLabelText('Année') as HTMLSelectElement).value).toBe(String(YEAR));
    fireEvent.change(within(form).getByLabelText(/Agents formés/), { target: { value: '500 000' } });
    fireEvent.change(within(form).getByLabelText(/Élus formés/), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la déclaration' }));
    const error = await within(form).findByText(/dépasse la population de la collectivité/);
    expect(within(form).getByLabelText(/Agents formés/).getAttribute('aria-describedby')).toContain(error.id);

    fireEvent.change(within(form).getByLabelText('Année'), { target: { value: '2025' } });
    fireEvent.change(within(form).getByLabelText(/Agents formés/), { target: { value: '1 200' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer la déclaration' }));
    expect(normalizeSpaces((await screen.findByText(/Déclaration enregistrée/)).textContent)).toBe(
      'Déclaration enregistrée pour 2025 : 1 200 agents formés et 3 élus formés.',
    );
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Déclarations de Besançon' })).getAllByRole('row')).toHaveLength(3));
    const [, first] = within(screen.getByRole('table', { name: 'Déclarations de Besançon' })).getAllByRole('row');
    expect(cells(first!)).toBe('2025 | 1 200 | 3 | 1 décembre 2026');
  });
});

describe('the training figures of the statistics page', () => {
  it('show the collectivités that declared, agents and élus trained with their demo part, per year and by région', () => {
    render(
      <MockedProvider mocks={[]}>
        <TrainingStatistics stats={{ ' $fragmentName': 'TrainingStatistics_statsFragment', training: trainingStatsFixture() } as never} level="france" />
      </MockedProvider>,
    );
    const section = screen.getByRole('region', { name: 'Formation des agents et des élus' });
    expect(normalizeSpaces(within(section).getByText(/chacune compte une fois/).textContent)).toBe(
      'Déclarations des collectivités : chacune compte une fois, avec sa dernière année déclarée (de 2024 à 2025).',
    );
    const figure = (term: string) => normalizeSpaces(within(section).getAllByRole('term').find((dt) => dt.textContent === term)?.nextElementSibling?.textContent);
    expect(figure('Collectivités qui déclarent des formations')).toBe('5 (dont 4 issues des données de démonstration) sur 36 249 (0 %)');
    expect(figure('Agents formés')).toBe('680 (dont 570 issus des données de démonstration)');
    expect(figure('Élus formés')).toBe('87 (dont 75 issus des données de démonstration)');
    const years = within(section).getByRole('table', { name: 'Formations déclarées par année' });
    expect(within(years).getAllByRole('row').map(cells)).toEqual([
      'Année | Collectivités | Agents formés | Élus formés',
      '2024 | 2 (100 % démonstration) | 210 (100 % démonstration) | 27 (100 % démonstration)',
      '2025 | 4 (dont 3 issues des données de démonstration) | 590 (dont 480 issus des données de démonstration) | 75 (dont 63 issus des données de démonstration)',
    ]);
    // the régions that declared only
    const regions = within(section).getByRole('table', { name: 'Formations déclarées par région' });
    expect(within(regions).getAllByRole('row').map(cells)).toEqual([
      'Région | Collectivités | Agents formés | Élus formés',
      'Bourgogne-Franche-Comté | 1 | 110 | 12',
      'Pays de la Loire | 1 (100 % démonstration) | 240 (100 % démonstration) | 30 (100 % démonstration)',
    ]);
  });
});
