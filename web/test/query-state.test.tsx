import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cataloguePage, catalogueRequest, plan, toolEdge } from './catalogueFixtures';
import { failOnConsoleErrors, normalizeSpaces, renderApp } from './helpers';

failOnConsoleErrors();

const catalogue = cataloguePage(
  [
    toolEdge('1', 'Albert', {
      category: 'assistant-interne',
      plans: [plan('p1', 'Équipe', 'PER_SEAT_MONTH', '14.99'), plan('p2', 'Entreprise', 'PER_SEAT_MONTH', '30.00')],
    }),
    toolEdge('2', 'Transcripteur', { category: 'transcription', isDemo: true }),
  ],
  { categories: [['assistant-interne', 1], ['transcription', 1]] },
);

describe('QueryState', () => {
  it('shows the error in French with « Réessayer », which refetches and renders the data', async () => {
    renderApp('/catalogue', [
      { request: catalogueRequest(), error: new Error('Failed to fetch') },
      { request: catalogueRequest(), result: { data: catalogue } },
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
});
