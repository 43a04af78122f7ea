import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ComparePageQuery } from '../src/screens/compare/ComparePage';
import { cataloguePage, catalogueRequest, plan, toolEdge, type ToolEdge } from './catalogueFixtures';
import { answer, failOnConsoleErrors, normalizeSpaces, renderApp, type Fixture } from './helpers';

failOnConsoleErrors();

const ALBERT = toolEdge('1', 'Albert', {
  category: 'assistant-interne',
  ratings: { count: 12, average: '4.17', demoCount: 4 },
  adoption: { adopting: 10, demoCount: 10 },
});
const CHAT = toolEdge('2', 'Le Chat Pro', { hostingCountry: 'SE', ratings: { count: 3, average: '3.00', demoCount: 0 }, adoption: { adopting: 1, demoCount: 0 } });
const MISTRAL_TOKENS = plan('31', 'API à la consommation', 'PER_MILLION_TOKENS', '0.0042');
const MISTRAL_FLAT = plan('32', 'Forfait', 'FLAT_YEAR', '12000');
const MISTRAL = toolEdge('3', 'API Mistral', {
  hostingCountry: 'SE',
  plans: [MISTRAL_FLAT, MISTRAL_TOKENS],
  referenceCost: { perYear: '1008.33', plan: MISTRAL_TOKENS },
});
const GEMINI = toolEdge('4', 'API Gemini', { hostingCountry: 'US' });
const YELDA = toolEdge('5', 'Yelda', { hostingCountry: null });

const everything = {
  request: catalogueRequest(),
  result: {
    data: cataloguePage([ALBERT, CHAT, MISTRAL, GEMINI, YELDA], {
      categories: [
        ['chatbot-citoyen', 4],
        ['assistant-interne', 1],
      ],
      countries: [
        ['SE', 2],
        ['FR', 1],
        ['US', 1],
        ['UNKNOWN', 1],
      ],
      tiers: [['LIMITED', 5]],
    }),
  },
};

const titles = () =>
  within(screen.getByLabelText('Catalogue des outils'))
    .getAllByRole('article')
    .map((article) => within(article).getByRole('heading', { level: 2 }).textContent);

const location = () => decodeURIComponent(screen.getByTestId('location').textContent ?? '');

describe('Catalogue: search, facets and order in the URL', () => {
  it('reads every criterion from a shared link and sends it as query variables', async () => {
    renderApp('/catalogue?q=chatbot&ue=1&categorie=chatbot-citoyen&pays=SE&risque=LIMITED&snc=1&libre=1&note=4&tri=PRICE', [
      {
        request: catalogueRequest({
          filter: {
            categories: ['chatbot-citoyen'],
            hostingCountries: ['SE'],
            euHostedOnly: true,
            aiActRiskTiers: ['LIMITED'],
            secNumCloud: true,
            openSource: true,
            minRating: 4,
          },
          search: 'chatbot',
          orderBy: { field: 'PRICE', direction: 'ASC' },
        }),
        result: {
          data: cataloguePage([MISTRAL, CHAT], {
            categories: [
              ['chatbot-citoyen', 2],
              ['assistant-interne', 1],
            ],
            countries: [['SE', 2]],
          }),
        },
      },
    ]);

    await screen.findByLabelText('Catalogue des outils');
    expect(titles()).toEqual(['API Mistral', 'Le Chat Pro']);
    expect(normalizeSpaces(screen.getByText(/outils pour/).textContent)).toBe('2 outils pour « chatbot »');
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Rechercher un outil' }).value).toBe('chatbot');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Hébergé dans l’UE uniquement' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Chatbot et voicebot citoyens (2)' }).checked).toBe(true);
    // The facet counts apply the other criteria: the other category stays offered, with its own count.
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Assistant interne (1)' }).checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Suède (2)' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Risque limité (obligations de transparence) (2)' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Qualifié SecNumCloud' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Logiciel libre' }).checked).toBe(true);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Note minimale' }).value).toBe('4');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Trier par' }).value).toBe('PRICE');
  });

  it('writes the search, the filters and the order to the URL, and queries the server with them', async () => {
    const chatbot = { search: 'chatbot' };
    renderApp('/catalogue', [
      everything,
      {
        request: catalogueRequest(chatbot),
        result: { data: cataloguePage([YELDA, GEMINI, MISTRAL, CHAT], { countries: [['SE', 2], ['US', 1], ['UNKNOWN', 1]] }) },
      },
      {
        request: catalogueRequest({ ...chatbot, filter: { euHostedOnly: true } }),
        result: { data: cataloguePage([MISTRAL, CHAT], { countries: [['SE', 2], ['US', 1], ['UNKNOWN', 1]] }) },
      },
      {
        request: catalogueRequest({ ...chatbot, filter: { euHostedOnly: true }, orderBy: { field: 'NAME', direction: 'ASC' } }),
        result: { data: cataloguePage([MISTRAL, CHAT]) },
      },
      {
        request: catalogueRequest({ ...chatbot, filter: { euHostedOnly: true, minRating: 3.5 }, orderBy: { field: 'NAME', direction: 'ASC' } }),
        result: { data: cataloguePage([CHAT]) },
      },
    ]);
    await screen.findByLabelText('Catalogue des outils');
    expect(titles()).toEqual(['Albert', 'Le Chat Pro', 'API Mistral', 'API Gemini', 'Yelda']);
    expect(screen.getByText('5 outils')).toBeTruthy();
    // A tool whose hosting country is not provided is counted, but the API cannot filter on it: no checkbox.
    expect(normalizeSpaces(screen.getByText(/^Pays non renseigné/).textContent)).toBe('Pays non renseigné : 1 outil');
    expect(screen.queryByRole('checkbox', { name: /UNKNOWN/ })).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher un outil' }), { target: { value: 'chatbot' } });
    await waitFor(() => expect(location()).toBe('/catalogue?q=chatbot'));
    await waitFor(() => expect(titles()).toEqual(['Yelda', 'API Gemini', 'API Mistral', 'Le Chat Pro']));
    // Without an order in the URL, the select shows the API's default when searching.
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Trier par' }).value).toBe('RELEVANCE');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Hébergé dans l’UE uniquement' }));
    expect(location()).toBe('/catalogue?q=chatbot&ue=1');
    await waitFor(() => expect(titles()).toEqual(['API Mistral', 'Le Chat Pro']));
    expect(normalizeSpaces(screen.getByText(/^Pays non renseigné/).textContent)).toBe(
      'Pays non renseigné : 1 outil, exclus par « UE uniquement »',
    );

    fireEvent.change(screen.getByRole('combobox', { name: 'Trier par' }), { target: { value: 'NAME' } });
    expect(location()).toBe('/catalogue?q=chatbot&ue=1&tri=NAME');
    await waitFor(() => expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Trier par' }).value).toBe('NAME'));

    fireEvent.change(screen.getByRole('combobox', { name: 'Note minimale' }), { target: { value: '3.5' } });
    expect(location()).toBe('/catalogue?q=chatbot&ue=1&tri=NAME&note=3.5');
    await waitFor(() => expect(titles()).toEqual(['Le Chat Pro']));
    expect(screen.getByText('1 outil pour « chatbot »')).toBeTruthy();
  });

  it('applies a search still being typed together with a filter ticked meanwhile', async () => {
    renderApp('/catalogue', [
      everything,
      {
        request: catalogueRequest({ search: 'chat', filter: { secNumCloud: true } }),
        result: { data: cataloguePage([], { categories: [], countries: [], tiers: [] }) },
      },
    ]);
    await screen.findByLabelText('Catalogue des outils');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher un outil' }), { target: { value: 'chat ' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Qualifié SecNumCloud' }));
    expect(location()).toBe('/catalogue?q=chat&snc=1');
    expect(await screen.findByText('Aucun outil ne correspond à ces critères : retirez un filtre ou modifiez la recherche.')).toBeTruthy();
    expect(screen.getByText('Aucun outil pour « chat »')).toBeTruthy();
  });

  it('loads the next page of the same search with « Afficher plus »', async () => {
    const filter = { categories: ['chatbot-citoyen'] };
    renderApp('/catalogue?categorie=chatbot-citoyen', [
      { request: catalogueRequest({ filter }), result: { data: cataloguePage([CHAT, MISTRAL], { totalCount: 3, next: 'T3' }) } },
      { request: catalogueRequest({ filter, after: 'T3' }), result: { data: cataloguePage([YELDA], { totalCount: 3 }) } },
    ]);
    await screen.findByLabelText('Catalogue des outils');
    expect(screen.getByText('3 outils')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher plus' }));
    await waitFor(() => expect(titles()).toEqual(['Le Chat Pro', 'API Mistral', 'Yelda']));
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).toBeNull();
  });
});

describe('Catalogue: figures on the cards', () => {
  it('shows each card’s rating and adoption with the share that comes from demo data', async () => {
    renderApp('/catalogue', [everything]);
    const catalogue = await screen.findByLabelText('Catalogue des outils');
    const card = (name: string) => within(catalogue).getByRole('heading', { level: 2, name }).closest('article') as HTMLElement;
    const fact = (article: HTMLElement, term: string) => normalizeSpaces(within(article).getByText(term).nextElementSibling?.textContent);

    expect(fact(card('Albert'), 'Note')).toBe('4,2/5 · 12 avis dont 4 de démonstration');
    expect(fact(card('Albert'), 'Utilisé par')).toBe('10 collectivités, toutes de démonstration');
    // no demo row behind the figures: no demo mention
    expect(fact(card('Le Chat Pro'), 'Note')).toBe('3,0/5 · 3 avis');
    expect(fact(card('Le Chat Pro'), 'Utilisé par')).toBe('1 collectivité');
    expect(fact(card('Yelda'), 'Note')).toBe('Aucun avis');
    expect(fact(card('Yelda'), 'Utilisé par')).toBe('Aucune collectivité');
  });

  it('words a single demo row, and all-demo reviews', async () => {
    const ONE = toolEdge('9', 'Solo', { ratings: { count: 1, average: '5.00', demoCount: 1 }, adoption: { adopting: 3, demoCount: 1 } });
    const ALL = toolEdge('8', 'Tout démo', { ratings: { count: 4, average: '4.00', demoCount: 4 }, adoption: { adopting: 1, demoCount: 1 } });
    renderApp('/catalogue', [{ request: catalogueRequest(), result: { data: cataloguePage([ONE, ALL]) } }]);
    const catalogue = await screen.findByLabelText('Catalogue des outils');
    const card = (name: string) => within(catalogue).getByRole('heading', { level: 2, name }).closest('article') as HTMLElement;
    const fact = (article: HTMLElement, term: string) => normalizeSpaces(within(article).getByText(term).nextElementSibling?.textContent);
    expect(fact(card('Solo'), 'Note')).toBe('5,0/5 · 1 avis, de démonstration');
    expect(fact(card('Solo'), 'Utilisé par')).toBe('3 collectivités dont 1 de démonstration');
    expect(fact(card('Tout démo'), 'Note')).toBe('4,0/5 · 4 avis, tous de démonstration');
    expect(fact(card('Tout démo'), 'Utilisé par')).toBe('1 collectivité, de démonstration');
  });

  it('shows the yearly cost for the reference profile, the profile itself, prices with sensible precision and unknown hosting', async () => {
    renderApp('/catalogue', [everything]);
    const catalogue = await screen.findByLabelText('Catalogue des outils');
    const card = (name: string) => within(catalogue).getByRole('heading', { level: 2, name }).closest('article') as HTMLElement;
    expect(normalizeSpaces(screen.getByText(/vaut pour un profil de référence/).textContent)).toBe(
      'Le coût annuel estimé de chaque outil, celui du tri par prix, vaut pour un profil de référence : 50 000 habitants, ' +
        '50 agents utilisateurs, 20 000 requêtes par mois (1 000 jetons chacune), frais de mise en service répartis sur 3 ans ; ' +
        'l’offre la moins chère pour ce profil est retenue, paliers et minimums compris.',
    );
    const mistral = card('API Mistral');
    const reference = within(mistral).getByText(/^Coût annuel estimé pour le profil de référence/);
    // 1 008,33 € a year, to the euro; the exact figure and the plan in the title
    expect(normalizeSpaces(reference.textContent)).toBe('Coût annuel estimé pour le profil de référence : 1 008 € HT / an');
    expect(normalizeSpaces(reference.querySelector('strong')?.getAttribute('title'))).toBe(
      '1 008,33 € HT (valeur exacte) par an, offre « API à la consommation »',
    );
    // the entry price is the reference plan's (not the flat 12 000 €), to two significant digits, every digit in its title
    const price = within(mistral).getByText(/^à partir de/);
    expect(normalizeSpaces(price.textContent)).toBe('à partir de 0,0042 € HT / million de jetons');
    expect(normalizeSpaces(price.querySelector('[title]')?.getAttribute('title'))).toBe('0,0042 € HT (valeur exacte)');
    // no plan applies: said so, never blank
    expect(normalizeSpaces(within(card('Yelda')).getByText(/^Coût annuel estimé/).textContent)).toBe(
      'Coût annuel estimé pour le profil de référence : non calculable (aucune offre applicable)',
    );
    const hosting = (article: HTMLElement) => normalizeSpaces(within(article).getByText('Hébergement').nextElementSibling?.textContent);
    expect(hosting(card('Yelda'))).toBe('non renseigné');
    expect(hosting(card('API Gemini'))).toBe('États-Unis');
  });
});

describe('Catalogue: EU hosting with or without unknown hosting', () => {
  it('offers, under « UE uniquement », to include the tools whose hosting is not provided, in the URL and the query', async () => {
    renderApp('/catalogue?ue=1', [
      {
        request: catalogueRequest({ filter: { euHostedOnly: true } }),
        result: { data: cataloguePage([MISTRAL, CHAT], { countries: [['SE', 2], ['UNKNOWN', 1]] }) },
      },
      {
        request: catalogueRequest({ filter: { euHostedOnly: true, includeUnknownHosting: true } }),
        result: { data: cataloguePage([MISTRAL, CHAT, YELDA], { countries: [['SE', 2], ['UNKNOWN', 1]] }) },
      },
      { request: catalogueRequest(), result: { data: cataloguePage([ALBERT]) } },
    ]);
    await screen.findByLabelText('Catalogue des outils');
    expect(titles()).toEqual(['API Mistral', 'Le Chat Pro']);
    const include = () => screen.queryByRole<HTMLInputElement>('checkbox', { name: 'Inclure les outils dont l’hébergement n’est pas renseigné' });
    expect(include()!.checked).toBe(false);
    expect(normalizeSpaces(screen.getByText(/^Pays non renseigné/).textContent)).toBe('Pays non renseigné : 1 outil, exclus par « UE uniquement »');

    fireEvent.click(include()!);
    expect(location()).toBe('/catalogue?ue=1&hebergement-inconnu=1');
    await waitFor(() => expect(titles()).toEqual(['API Mistral', 'Le Chat Pro', 'Yelda']));
    expect(normalizeSpaces(screen.getByText(/^Pays non renseigné/).textContent)).toBe('Pays non renseigné : 1 outil, inclus à votre demande');

    // without « UE uniquement », the option is neither shown nor sent
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hébergé dans l’UE uniquement' }));
    await waitFor(() => expect(titles()).toEqual(['Albert']));
    expect(location()).toBe('/catalogue');
    expect(include()).toBeNull();
  });
});

describe('Catalogue: choosing tools to compare', () => {
  it('keeps the ticked tools in the URL and links to the comparison only for 2 to 4 tools', async () => {
    renderApp('/catalogue', [everything]);
    await screen.findByLabelText('Catalogue des outils');
    expect(screen.queryByRole('region', { name: 'Outils à comparer' })).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Comparer Albert' }));
    const bar = screen.getByRole('region', { name: 'Outils à comparer' });
    expect(location()).toBe('/catalogue?comparer=albert');
    const one = within(bar).getByRole('button', { name: 'Comparer (1)' });
    expect(one.hasAttribute('disabled')).toBe(true);
    expect(document.getElementById(one.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Cochez au moins 2 outils pour les comparer.',
    );

    fireEvent.click(screen.getByRole('checkbox', { name: 'Comparer Le Chat Pro' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Comparer API Mistral' }));
    expect(location()).toBe('/catalogue?comparer=albert,le-chat-pro,api-mistral');
    expect(within(bar).getByRole('link', { name: 'Comparer (3)' }).getAttribute('href')).toBe('/comparer?outils=albert,le-chat-pro,api-mistral');
    expect(within(bar).getAllByRole('listitem').map((item) => normalizeSpaces(item.textContent))).toEqual([
      'Albert Retirer Albert de la sélection',
      'Le Chat Pro Retirer Le Chat Pro de la sélection',
      'API Mistral Retirer API Mistral de la sélection',
    ]);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Comparer API Gemini' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Comparer Yelda' }));
    const five = within(bar).getByRole('button', { name: 'Comparer (5)' });
    expect(five.hasAttribute('disabled')).toBe(true);
    expect(document.getElementById(five.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'On compare 4 outils au plus : décochez-en 1.',
    );

    fireEvent.click(within(bar).getByRole('button', { name: 'Retirer Albert de la sélection' }));
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Comparer Albert' }).checked).toBe(false);
    expect(within(bar).getByRole('link', { name: 'Comparer (4)' }).getAttribute('href')).toBe(
      '/comparer?outils=le-chat-pro,api-mistral,api-gemini,yelda',
    );

    fireEvent.click(within(bar).getByRole('button', { name: 'Vider la sélection' }));
    expect(location()).toBe('/catalogue');
    expect(screen.queryByRole('region', { name: 'Outils à comparer' })).toBeNull();
  });

  it('follows the link to the comparison page, which starts from the selection', async () => {
    type PickableTool = Fixture<typeof ComparePageQuery>['tools']['edges'][number]['node'];
    const node = (edge: ToolEdge): PickableTool => ({
      __typename: 'Tool',
      id: edge.node.id,
      slug: edge.node.slug,
      name: edge.node.name,
      provider: { __typename: 'Provider', id: edge.node.provider.id, name: edge.node.provider.name },
      categoryDetails: edge.node.categoryDetails,
    });
    const comparePage = answer(
      ComparePageQuery,
      {},
      {
        viewer: null,
        tools: {
          __typename: 'CatalogueConnection',
          totalCount: 2,
          edges: [ALBERT, CHAT].map((edge) => ({ __typename: 'CatalogueConnectionEdge' as const, node: node(edge) })),
        },
      },
    );
    renderApp('/catalogue?comparer=albert,le-chat-pro', [everything, comparePage]);
    await screen.findByLabelText('Catalogue des outils');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Comparer Albert' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Comparer Le Chat Pro' }).checked).toBe(true);
    fireEvent.click(screen.getByRole('link', { name: 'Comparer (2)' }));
    // the comparison is its own chunk: the navigation ends once it has loaded
    await waitFor(() => expect(location()).toBe('/comparer?outils=albert,le-chat-pro'));
    const picker = await screen.findByRole('group', { name: 'Outils à comparer (2 à 4)' });
    expect(within(picker).getAllByRole('listitem').map((item) => normalizeSpaces(item.textContent))).toEqual([
      'Albert — DINUM Retirer Albert',
      'Le Chat Pro — DINUM Retirer Le Chat Pro',
    ]);
    // Nothing is compared before the profile is given.
    expect(screen.getByText('Complétez le profil de votre collectivité, puis cliquez sur « Comparer ».')).toBeTruthy();
  });
});
