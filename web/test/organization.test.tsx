import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OrganizationPageQuery } from '../src/screens/organization/OrganizationPage';
import { answer, failOnConsoleErrors, normalizeSpaces, renderApp, type Fixture } from './helpers';

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
  };
}

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

  it('explains an unknown SIREN in French, with a way back', async () => {
    renderApp('/territoires/999999999', [
      answer(OrganizationPageQuery, { siren: '999999999' }, { organization: null }),
    ]);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Collectivité introuvable');
    expect(screen.getByText(/Aucune collectivité ne correspond au SIREN « 999999999 »/)).toBeTruthy();
    expect(screen.getByRole('link', { name: "Retour à l'annuaire des territoires" }).getAttribute('href')).toBe('/territoires');
  });
});
