import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HomeFiguresQuery, HomeGroupsQuery, HomeRecentQuery } from '../src/screens/home/HomePage';
import { answer, failOnConsoleErrors, normalizeSpaces, renderApp } from './helpers';

failOnConsoleErrors();

const count = (value: number, demo: number) => ({ __typename: 'StatCount' as const, count: value, demo });

const FIGURES = answer(HomeFiguresQuery, {}, {
  adoptionStats: {
    __typename: 'QueryAdoptionStatsSuccess',
    data: {
      __typename: 'AdoptionStats',
      generatedAt: '2026-12-07T10:00:00.000Z',
      organizations: 36250,
      declaring: count(412, 400),
      chartersAdopted: count(31, 31),
      deployments: count(1142, 1100),
    },
  },
});
const RECENT = answer(HomeRecentQuery, {}, {
  recentDeployments: [{
    __typename: 'Deployment', id: 'Deployment:1', status: 'PILOT', isDemo: true, createdAt: '2026-12-01T09:00:00.000Z',
    organization: { __typename: 'Organization', id: 'Organization:1', siren: '212505325', name: 'Saône', departementCode: '25' },
    tool: { __typename: 'Tool', id: 'Tool:1', slug: 'albert', name: 'Albert' },
  }],
});
const GROUPS = answer(HomeGroupsQuery, {}, {
  purchasingGroups: {
    __typename: 'QueryPurchasingGroupsConnection', totalCount: 1,
    edges: [{ __typename: 'QueryPurchasingGroupsConnectionEdge', node: {
      __typename: 'PurchasingGroup', id: 'PurchasingGroup:1', title: 'Assistant conversationnel du Doubs', isDemo: false,
      interestDeadline: '2027-01-31T00:00:00.000Z', coordinator: { __typename: 'Organization', id: 'Organization:2', name: 'Grand Besançon Métropole' },
    } }],
  },
});

describe('Home page', () => {
  it('says what Mutualis is, where each person starts, and the national figures with their demo share and source', async () => {
    renderApp('/', [FIGURES, RECENT, GROUPS]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mutualis' })).toBeTruthy();
    const entries = screen.getByRole('navigation', { name: 'Par où commencer' });
    expect(within(entries).getByRole('link', { name: 'Comparer des outils' }).getAttribute('href')).toBe('/comparer');
    expect(within(entries).getByRole('link', { name: 'Voir les groupements' }).getAttribute('href')).toBe('/groupements');
    expect(within(entries).getByRole('link', { name: 'Données ouvertes' }).getAttribute('href')).toBe('/donnees');
    expect(within(entries).getByRole('link', { name: 'Se connecter' }).getAttribute('href')).toBe('/connexion');

    const declaring = (await screen.findByText('collectivités déclarent un outil d’IA')).parentElement!;
    expect(normalizeSpaces(declaring.querySelector('dd')!.textContent)).toBe('412 (dont 400 issues des données de démonstration)');
    const charters = screen.getByText('chartes éthiques de l’IA adoptées').parentElement!;
    expect(normalizeSpaces(charters.querySelector('dd')!.textContent)).toBe('31 (100 % démonstration)');
    expect(normalizeSpaces(screen.getByText(/^Source :/).textContent)).toContain('sur 36 250 collectivités du référentiel officiel');

    const recent = await screen.findByRole('link', { name: 'Albert' });
    expect(normalizeSpaces(recent.closest('li')!.textContent)).toContain('démonstration');
    expect(await screen.findByRole('link', { name: 'Assistant conversationnel du Doubs' })).toBeTruthy();
  });

});
