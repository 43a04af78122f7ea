import { GraphQLError } from 'graphql';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AuditLogQuery } from '../src/screens/audit/AuditLogPage';
import { answer, failOnConsoleErrors, renderApp, type Fixture } from './helpers';

failOnConsoleErrors();

type AuditLogData = Fixture<typeof AuditLogQuery>;
type EventEdge = AuditLogData['auditEvents']['edges'][number];

function event(id: string, action: string, before: unknown, after: unknown): EventEdge {
  return {
    __typename: 'QueryAuditEventsConnectionEdge',
    cursor: `e${id}`,
    node: {
      __typename: 'AuditEvent',
      id: `AuditEvent:${id}`,
      actor: { __typename: 'User', id: 'User:5', name: 'Agent de Besançon' },
      organization: { __typename: 'Organization', id: 'Organization:212500565', name: 'Besançon', siren: '212500565' },
      action,
      entityType: 'Deployment',
      entityId: '1193',
      before,
      after,
      requestId: `req-${id}`,
      createdAt: '2025-11-26T03:18:45.350Z',
    },
  };
}

function page(edges: EventEdge[]): AuditLogData {
  return {
    auditEvents: {
      __typename: 'QueryAuditEventsConnection',
      totalCount: edges.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges,
    },
  };
}

describe("Journal d'audit", () => {
  it('explains in French that the log is reserved to auditors when the API answers FORBIDDEN', async () => {
    renderApp('/journal', [
      {
        request: { query: AuditLogQuery, variables: {} },
        result: {
          errors: [new GraphQLError('Vous n’avez pas les droits nécessaires pour cette action.', { extensions: { code: 'FORBIDDEN' } })],
          data: null,
        },
      },
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Le journal d'audit est réservé aux auditeurs et aux administrateurs de la plateforme.");
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('search')).toBeNull();
  });

  it('lists the events, opens the before/after snapshots, and keeps the filters in the URL', async () => {
    renderApp('/journal', [
      answer(AuditLogQuery, {}, page([event('1', 'deployment.update', { status: 'PILOT' }, { status: 'PRODUCTION' })])),
      answer(
        AuditLogQuery,
        { filter: { organizationSiren: '212500565', entityType: 'Deployment', action: 'deployment.declare' } },
        page([event('2', 'deployment.declare', null, { status: 'PRODUCTION', annualCost: '1234.50' })]),
      ),
    ]);
    const table = await screen.findByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Date', 'Acteur', 'Organisation', 'Action', 'Entité', 'Identifiant de requête', 'Avant / après']);
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toContain('deployment.update');
    expect(row.textContent).toContain('req-1');
    const details = row.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fireEvent.click(within(row).getByText('Avant / après'));
    expect(within(details).getByText(/"status": "PILOT"/)).toBeTruthy();
    expect(within(details).getByText(/"status": "PRODUCTION"/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText("SIREN de l'organisation"), { target: { value: '212 500 565' } });
    fireEvent.change(screen.getByLabelText("Type d'entité"), { target: { value: 'Deployment' } });
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'deployment.declare' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));

    expect(screen.getByTestId('location').textContent).toBe('/journal?siren=212500565&type=Deployment&action=deployment.declare');
    expect(await screen.findByText('deployment.declare')).toBeTruthy();
    expect(screen.getByText('1 événement')).toBeTruthy();
    // A creation has no state before it: only « après » is shown.
    expect(screen.getByText('Après (aucun état antérieur)')).toBeTruthy();
    expect((screen.getByLabelText("SIREN de l'organisation") as HTMLInputElement).value).toBe('212500565');
  });
});
