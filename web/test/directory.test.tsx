import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DIRECTORY_PAGE_SIZE, DirectoryQuery } from '../src/screens/directory/DirectoryPage';
import type { EpciType, OrganizationKind } from '../src/gql/graphql';
import { failOnConsoleErrors, normalizeSpaces, renderApp, type Fixture } from './helpers';

failOnConsoleErrors();

type DirectoryData = Fixture<typeof DirectoryQuery>;
type Listed = DirectoryData['organizations']['edges'][number]['node'];

function organization(siren: string, name: string, extra: { kind?: OrganizationKind; epciType?: EpciType | null; population?: number } = {}): Listed {
  return {
    __typename: 'Organization',
    id: `Organization:${siren}`,
    siren,
    name,
    kind: extra.kind ?? 'COMMUNE',
    epciType: extra.epciType ?? null,
    departementCode: '25',
    population: extra.population ?? 1000,
  };
}

function page(nodes: Listed[], totalCount: number, next: string | null): { data: DirectoryData } {
  return {
    data: {
      organizations: {
        __typename: 'QueryOrganizationsConnection',
        totalCount,
        pageInfo: { __typename: 'PageInfo', hasNextPage: next !== null, endCursor: next },
        edges: nodes.map((node) => ({ __typename: 'QueryOrganizationsConnectionEdge', cursor: `c-${node.siren}`, node })),
      },
    },
  };
}

const firstPage = {
  request: { query: DirectoryQuery, variables: { filter: {}, first: DIRECTORY_PAGE_SIZE } },
  result: page(
    [organization('212500565', 'Abbans-Dessous', { population: 220 }), organization('212500573', 'Abbans-Dessus')],
    34955,
    'c-212500573',
  ),
};

describe('Territoires: the directory of collectivités', () => {
  it('renders the results and their count, then loads the next page with its cursor', async () => {
    const secondPage = {
      request: { query: DirectoryQuery, variables: { filter: {}, first: DIRECTORY_PAGE_SIZE, after: 'c-212500573' } },
      result: page([organization('212500581', 'Abbenans')], 34955, null),
    };
    renderApp('/territoires', [firstPage, secondPage]);

    expect(screen.getByRole('status').textContent).toBe('Chargement…');
    const table = await screen.findByRole('table');
    expect(normalizeSpaces(screen.getByText(/collectivités$/).textContent)).toBe('34 955 collectivités');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => normalizeSpaces(row.textContent))).toEqual([
      'Abbans-DessousCommune25220212500565',
      'Abbans-DessusCommune251 000212500573',
    ]);
    expect(within(table).getByRole('link', { name: 'Abbans-Dessous' }).getAttribute('href')).toBe('/territoires/212500565');

    fireEvent.click(screen.getByRole('button', { name: 'Afficher plus' }));
    await within(table).findByRole('link', { name: 'Abbenans' });
    // The field policy appended the page instead of replacing the first one.
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 3);
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).toBeNull();
  });

  it('puts the debounced search in the URL and queries the server with it', async () => {
    const searchResult = {
      request: { query: DirectoryQuery, variables: { filter: { search: 'Besançon' }, first: DIRECTORY_PAGE_SIZE } },
      result: page(
        [
          organization('212500565', 'Besançon', { population: 119198 }),
          organization('242500361', 'Grand Besançon Métropole', { kind: 'EPCI', epciType: 'METRO', population: 198387 }),
        ],
        2,
        null,
      ),
    };
    renderApp('/territoires', [firstPage, searchResult]);
    await screen.findByRole('link', { name: 'Abbans-Dessous' });

    const search = screen.getByRole('searchbox', { name: 'Rechercher une collectivité' });
    fireEvent.change(search, { target: { value: 'Besançon' } });
    // Not written on every keystroke: the URL waits for the pause.
    expect(screen.getByTestId('location').textContent).toBe('/territoires');

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/territoires?q=Besan%C3%A7on'));
    const epci = await screen.findByRole('link', { name: 'Grand Besançon Métropole' });
    expect(epci.closest('tr')?.textContent).toContain('EPCI · Métropole');
    expect(normalizeSpaces(epci.closest('tr')?.textContent)).toContain('198 387');
    expect(screen.getByText('2 collectivités')).toBeTruthy();
    expect((search as HTMLInputElement).value).toBe('Besançon');
  });

  it('reads the search and the filters from the URL on arrival', async () => {
    const filtered = {
      request: {
        query: DirectoryQuery,
        variables: { filter: { search: 'besancon', kind: 'EPCI' }, first: DIRECTORY_PAGE_SIZE },
      },
      result: page([organization('242500361', 'Grand Besançon Métropole', { kind: 'EPCI', epciType: 'METRO' })], 1, null),
    };
    renderApp('/territoires?q=besancon&type=EPCI', [filtered]);
    await screen.findByRole('link', { name: 'Grand Besançon Métropole' });
    expect(screen.getByText('1 collectivité')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Rechercher une collectivité' }).value).toBe('besancon');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Nature' }).value).toBe('EPCI');
  });
});
