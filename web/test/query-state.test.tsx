import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CatalogueQuery } from '../src/screens/catalogue/CataloguePage';
import { failOnConsoleErrors, normalizeSpaces, renderApp } from './helpers';

failOnConsoleErrors();

const catalogue = {
  categories: [
    { __typename: 'Category', id: 'Category:1', slug: 'assistants', name: 'Assistants conversationnels', toolCount: 1 },
    { __typename: 'Category', id: 'Category:2', slug: 'transcription', name: 'Transcription', toolCount: 1 },
  ],
  tools: {
    __typename: 'QueryToolsConnection',
    totalCount: 2,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'T2' },
    edges: [
      tool('1', 'Albert', 'assistants', 'Assistants conversationnels', [
        plan('p1', 'Équipe', 'PER_SEAT_MONTH', '14.99'),
        plan('p2', 'Entreprise', 'PER_SEAT_MONTH', '30.00'),
      ]),
      tool('2', 'Transcripteur', 'transcription', 'Transcription', []),
    ],
  },
};

function plan(id: string, name: string, pricingModel: string, unitPrice: string) {
  return {
    __typename: 'PricingPlan',
    id: `PricingPlan:${id}`,
    name,
    pricingModel,
    unitPrice,
    source: 'PUBLISHED',
    sourceUrl: 'https://example.org/tarifs',
    sourceDate: '2025-03-12',
    isDemo: false,
  };
}

function tool(id: string, name: string, slug: string, categoryName: string, plans: ReturnType<typeof plan>[]) {
  return {
    __typename: 'QueryToolsConnectionEdge',
    cursor: `T${id}`,
    node: {
      __typename: 'Tool',
      id: `Tool:${id}`,
      slug: name.toLowerCase(),
      name,
      description: `Description de ${name}.`,
      provider: { __typename: 'Provider', id: `Provider:${id}`, name: 'DINUM', country: 'FR' },
      category: { __typename: 'Category', id: `Category:${id}`, slug, name: categoryName },
      deploymentMode: 'SAAS',
      hostingCountry: 'FR',
      aiActRiskTier: 'LIMITED',
      declaredByProvider: false,
      sourceUrl: 'https://example.org/fiche',
      sourceDate: '2025-03-01',
      isDemo: id === '2',
      plans,
    },
  };
}

describe('QueryState', () => {
  it('shows the error in French with « Réessayer », which refetches and renders the data', async () => {
    renderApp('/catalogue', [
      { request: { query: CatalogueQuery, variables: {} }, error: new Error('Failed to fetch') },
      { request: { query: CatalogueQuery, variables: {} }, result: { data: catalogue } },
    ]);

    expect(screen.getByRole('status').textContent).toBe('Chargement…');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Impossible de charger les données.');
    expect(alert.textContent).toContain('Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.');
    expect(screen.queryByLabelText('Catalogue des outils')).toBeNull();

    fireEvent.click(within(alert).getByRole('button', { name: 'Réessayer' }));

    const list = await screen.findByLabelText('Catalogue des outils');
    expect(screen.queryByRole('alert')).toBeNull();
    const articles = within(list).getAllByRole('article');
    expect(articles.map((article) => within(article).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Albert',
      'Transcripteur',
    ]);
    // Each tool name leads to its page.
    expect(within(articles[0] as HTMLElement).getByRole('link', { name: 'Albert' }).getAttribute('href')).toBe('/catalogue/albert');
    // The cheapest plan, formatted from the exact decimal string.
    expect(normalizeSpaces(articles[0]?.textContent)).toContain('à partir de 14,99 € HT / utilisateur / mois');
    expect(normalizeSpaces(articles[0]?.textContent)).toContain('Risque limité');
    expect(within(articles[0] as HTMLElement).getAllByRole('link', { name: /^Source/ })).toHaveLength(2);
    expect(articles[1]?.textContent).toContain('Aucun tarif renseigné');
    expect(within(articles[1] as HTMLElement).getByText('démonstration')).toBeTruthy();
  });

  it('filters the catalogue by category on the client', async () => {
    renderApp('/catalogue', [{ request: { query: CatalogueQuery, variables: {} }, result: { data: catalogue } }]);
    const list = await screen.findByLabelText('Catalogue des outils');
    fireEvent.click(screen.getByRole('button', { name: 'Transcription (1)' }));
    expect(within(list).getAllByRole('article').map((a) => within(a).getByRole('heading').textContent)).toEqual([
      'Transcripteur',
    ]);
    expect(screen.getByTestId('location').textContent).toBe('/catalogue?categorie=transcription');
    expect(screen.getByRole('button', { name: 'Transcription (1)' }).getAttribute('aria-pressed')).toBe('true');
  });
});
