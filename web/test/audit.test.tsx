import { GraphQLError } from 'graphql';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrganizationBySirenQuery, OrganizationSearchQuery } from '../src/components/OrganizationSearch';
import { AuditCodesQuery, AuditLogQuery } from '../src/screens/audit/AuditLogPage';
import { AuditLogCsvQuery } from '../src/screens/audit/AuditExport';
import { localDay, readAuditParams, toAuditFilter } from '../src/screens/audit/auditFilters';
import { answer, failOnConsoleErrors, renderApp, type Fixture } from './helpers';

failOnConsoleErrors();

type AuditLogData = Fixture<typeof AuditLogQuery>;
type EventEdge = AuditLogData['auditEvents']['edges'][number];
type Node = EventEdge['node'];

function event(id: string, action: string, actionLabel: string, overrides: Partial<Node> = {}): EventEdge {
  return {
    __typename: 'QueryAuditEventsConnectionEdge',
    cursor: `e${id}`,
    node: {
      __typename: 'AuditEvent',
      id: `AuditEvent:${id}`,
      actor: { __typename: 'User', id: 'VXNlcjo1', name: 'Agent de Besançon' },
      organization: { __typename: 'Organization', id: 'Organization:212500565', name: 'Besançon', siren: '212500565' },
      action,
      actionLabel,
      entityType: 'Deployment',
      entityTypeLabel: 'Déploiement',
      entityId: '1193',
      entityLabel: 'Déploiement : Albert — Besançon',
      entityLink: { __typename: 'AuditEntityLink', kind: 'TOOL', key: 'albert' },
      changes: [],
      before: null,
      after: null,
      requestId: `req-${id}`,
      createdAt: '2025-11-26T03:18:45.350Z',
      ...overrides,
    },
  };
}

function page(edges: EventEdge[], totalCount = edges.length): AuditLogData {
  return {
    auditEvents: {
      __typename: 'QueryAuditEventsConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges,
    },
  };
}

const CODES = answer(AuditCodesQuery, {}, {
  auditActions: [
    { __typename: 'AuditCode', code: 'user.signIn', label: 'Connexion' },
    { __typename: 'AuditCode', code: 'deployment.declare', label: 'Déclaration d’un déploiement' },
    { __typename: 'AuditCode', code: 'deployment.update', label: 'Mise à jour d’un déploiement' },
  ],
  auditEntityTypes: [
    { __typename: 'AuditCode', code: 'Deployment', label: 'Déploiement' },
    { __typename: 'AuditCode', code: 'Tool', label: 'Outil' },
  ],
});

const UPDATE = event('1', 'deployment.update', 'Mise à jour d’un déploiement', {
  changes: [
    { __typename: 'AuditChange', field: 'status', label: 'Statut', before: 'PILOT', after: 'PRODUCTION' },
    { __typename: 'AuditChange', field: 'toolId', label: 'Outil', before: null, after: 'Albert' },
  ],
  before: { status: 'PILOT' },
  after: { status: 'PRODUCTION', toolId: 23 },
});

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** The filter the page sends for a URL query string. */
const filterOf = (search: string) => toAuditFilter(readAuditParams(new URLSearchParams(search)));

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
    expect(screen.queryByRole('button', { name: 'Exporter en CSV' })).toBeNull();
  });

  it('shows the actions, entities and changed fields in French, the entity linked to its page', async () => {
    renderApp('/journal', [answer(AuditLogQuery, {}, page([UPDATE, event('2', 'user.signIn', 'Connexion', {
      entityType: 'User', entityTypeLabel: 'Personne', entityId: '5', entityLabel: null, entityLink: null,
    })])), CODES]);
    const table = await screen.findByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Date', 'Auteur', 'Organisation', 'Action', 'Entité', 'Identifiant de requête', 'Champs modifiés']);
    const [, update, signIn] = within(table).getAllByRole('row') as HTMLElement[];
    expect(within(update!).getByText('Mise à jour d’un déploiement')).toBeTruthy();
    expect(within(update!).getByRole('link', { name: 'Déploiement : Albert — Besançon' }).getAttribute('href')).toBe('/catalogue/albert');
    expect(update!.querySelector('.audit-changes')!.textContent).toBe('Statut : PILOT → PRODUCTION' + 'Outil : — → Albert');
    // the raw snapshots stay one click away
    fireEvent.click(within(update!).getByText('Avant / après'));
    expect(within(update!).getByText(/"toolId": 23/)).toBeTruthy();
    // an entity the API could not name: its type in French and its number
    expect(within(signIn!).getByText('Connexion')).toBeTruthy();
    expect(within(signIn!).getByText('Personne n° 5')).toBeTruthy();
    // the action filter offers the labelled actions
    await waitFor(() => expect(within(screen.getByLabelText('Action')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Toutes', 'Connexion', 'Déclaration d’un déploiement', 'Mise à jour d’un déploiement',
    ]));
  });

  it('keeps the organization (found by name), action and period in the URL, and filters by the actor of a row', async () => {
    const search = 'siren=212500565&action=deployment.declare&du=2025-11-01&au=2025-11-30';
    renderApp('/journal', [
      answer(AuditLogQuery, {}, page([UPDATE])),
      CODES,
      answer(OrganizationSearchQuery, { search: 'Besan' }, {
        organizations: { __typename: 'QueryOrganizationsConnection', edges: [{ __typename: 'QueryOrganizationsConnectionEdge', node: {
          __typename: 'Organization', id: 'Organization:212500565', siren: '212500565', name: 'Besançon', kind: 'COMMUNE', epciType: null, departementCode: '25',
          departementName: 'Doubs', population: 120000, populationTotale: null,
        } }] },
      }),
      { ...answer(OrganizationBySirenQuery, { siren: '212500565' }, { organization: {
        __typename: 'Organization', id: 'Organization:212500565', siren: '212500565', name: 'Besançon', kind: 'COMMUNE', epciType: null, departementCode: '25', population: 120000,
      } }), maxUsageCount: 5 },
      answer(AuditLogQuery, { filter: filterOf(search) }, page([event('3', 'deployment.declare', 'Déclaration d’un déploiement')])),
      answer(AuditLogQuery, { filter: filterOf(`${search}&auteur=VXNlcjo1`) }, page([event('4', 'deployment.declare', 'Déclaration d’un déploiement')])),
    ]);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Organisation (nom)'), { target: { value: 'Besan' } });
    // the search waits for the typing to pause: a slower machine takes longer than the default second
    fireEvent.click(await screen.findByRole('option', { name: /^Besançon — commune, Doubs \(25\), 120\s000 hab\.$/ }, { timeout: 3000 }));
    expect((screen.getByLabelText("SIREN de l'organisation") as HTMLInputElement).value).toBe('212500565');
    expect(await screen.findByText('Organisation : Besançon', {}, { timeout: 3000 })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'Déclaration d’un déploiement' }).length).toBe(1));
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'deployment.declare' } });
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2025-11-01' } });
    fireEvent.change(screen.getByLabelText('Au'), { target: { value: '2025-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    expect(screen.getByTestId('location').textContent).toBe(`/journal?${search}`);
    expect(await screen.findByText('req-3')).toBeTruthy();
    expect((screen.getByLabelText('Action') as HTMLSelectElement).value).toBe('deployment.declare');

    fireEvent.click(screen.getByRole('button', { name: 'Agent de Besançon' }));
    expect(screen.getByTestId('location').textContent).toBe(`/journal?siren=212500565&auteur=VXNlcjo1&action=deployment.declare&du=2025-11-01&au=2025-11-30`);
    expect(await screen.findByText('req-4')).toBeTruthy();
    expect(screen.getByText('Agent de Besançon', { selector: 'strong' })).toBeTruthy();
  });

  it('refuses a period that ends before it starts, in French, without asking the API', async () => {
    renderApp('/journal', [answer(AuditLogQuery, {}, page([UPDATE])), CODES]);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2025-12-01' } });
    fireEvent.change(screen.getByLabelText('Au'), { target: { value: '2025-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    expect(await screen.findAllByText('La date de fin doit suivre la date de début.')).not.toHaveLength(0);
    expect(screen.getByTestId('location').textContent).toBe('/journal');
  });

  describe('export', () => {
    const createObjectURL = URL.createObjectURL;
    const revokeObjectURL = URL.revokeObjectURL;
    afterEach(() => {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    });

    it('« Exporter en CSV » downloads the filtered log as journal-audit_<filtres>_<date>.csv and says when it was truncated', async () => {
      const blobs: Blob[] = [];
      URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:mutualis/journal'));
      URL.revokeObjectURL = vi.fn();
      const clicked: string[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this.download);
      });
      const csv = '\uFEFFDate;Code de l’action\r\n2025-11-26T03:18:45.350Z;deployment.update\r\nExport limité\r\n';
      const filter = filterOf('action=deployment.update&du=2025-11-01');
      renderApp('/journal?action=deployment.update&du=2025-11-01', [
        answer(AuditLogQuery, { filter }, page([UPDATE], 12_345)),
        CODES,
        answer(AuditLogCsvQuery, { filter }, { auditEventsCsv: { __typename: 'AuditLogExport', csv, exportedCount: 10_000, totalCount: 12_345, truncated: true } }),
      ]);
      await screen.findByRole('table');
      expect(screen.getByText(/L’export contiendra les 10\s000 événements les plus récents sur 12\s345/)).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Exporter en CSV' }));
      await waitFor(() => expect(clicked).toEqual([`journal-audit_action-deployment.update_du-2025-11-01_${localDay(new Date())}.csv`]));
      expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
      // the API's text as is, byte order mark included
      const bytes = await bytesOf(blobs[0]!);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(csv);
      expect((await screen.findByRole('status')).textContent).toMatch(/^Export limité aux 10\s000 événements les plus récents sur 12\s345/);
    });
  });
});
