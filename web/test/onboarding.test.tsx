import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DecideAdminRequestMutation, DecideMembershipMutation, MembershipQueueQuery } from '../src/screens/admin/MembershipQueuePage';
import { RequestOrganizationAdminMutation } from '../src/screens/myOrganization/AdminRequest';
import { MyOrganizationQuery } from '../src/screens/myOrganization/MyOrganizationPage';
import { CancelMembershipRequestMutation } from '../src/screens/myOrganization/PendingApplication';
import { PendingMembersQuery } from '../src/screens/myOrganization/PendingMembers';
import { DecideOrganizationMembershipMutation } from '../src/screens/myOrganization/useApproveMembership';
import { MarkNotificationsReadMutation, NotificationsQuery } from '../src/screens/notifications/NotificationsPage';
import { accountMenuMock, answer, CAN, failOnConsoleErrors, renderApp, viewerCan, viewerFixture, type Fixture, type ViewerFixture } from './helpers';

failOnConsoleErrors();

// Saône (Doubs) has no ORG_ADMIN on Mutualis: the platform team decides for it.
const SAONE = { id: 'Organization:212505325', siren: '212505325', name: 'Saône' };
const PLATFORM = { id: 'Organization:1', siren: '', name: 'Équipe Mutualis' };

type QueueItem = Fixture<typeof MembershipQueueQuery>['pendingMemberships']['edges'][number]['node'];

function queueItem(overrides: Partial<QueueItem> & Pick<QueueItem, 'person'>): QueueItem {
  return {
    __typename: 'PendingApplication',
    kind: 'MEMBERSHIP',
    since: '2025-03-12T09:30:00.000Z',
    emailDomain: 'mairie-saone.fr',
    domainHint: 'ORGANIZATION_NAME',
    domainMatchesOrganization: true,
    proconnectVerifiedAt: null,
    adminRequestReason: null,
    organization: { __typename: 'Organization', id: SAONE.id, name: SAONE.name, kind: 'COMMUNE', departementCode: '25', population: 3195 },
    ...overrides,
  };
}

const JEANNE = queueItem({ person: { __typename: 'User', id: 'User:31', name: 'Jeanne Martin', email: 'jeanne.martin@mairie-saone.fr' } });
const ZOE = queueItem({
  person: { __typename: 'User', id: 'User:32', name: 'Zoé Durand', email: 'zoe.durand@gmail.com' },
  emailDomain: 'gmail.com',
  domainHint: 'PERSONAL_MAILBOX',
  domainMatchesOrganization: false,
  since: '2025-03-14T10:00:00.000Z',
});
const PAUL = queueItem({
  kind: 'ORGANIZATION_ADMIN',
  person: { __typename: 'User', id: 'User:33', name: 'Paul Roche', email: 'paul.roche@interieur.gouv.fr' },
  emailDomain: 'interieur.gouv.fr',
  domainHint: 'PUBLIC_SECTOR',
  proconnectVerifiedAt: '2025-03-10T08:00:00.000Z',
  adminRequestReason: 'Secrétaire général de la mairie',
});

function queue(items: QueueItem[]): Fixture<typeof MembershipQueueQuery> {
  return {
    pendingMemberships: {
      __typename: 'PendingApplicationConnection',
      totalCount: items.length,
      edges: items.map((node) => ({ __typename: 'PendingApplicationConnectionEdge', node })),
    },
  };
}

const admin = viewerFixture({ name: 'Alice Admin', roles: ['ADMIN'], organization: PLATFORM, can: CAN.admin });

describe('the platform team’s queue (/administration/adhesions)', () => {
  it('lists each person with the hints on their address and ProConnect, and the reason of a role request', async () => {
    renderApp('/administration/adhesions', [answer(MembershipQueueQuery, {}, queue([JEANNE, ZOE, PAUL]))], { viewer: admin });
    const jeanne = (await screen.findByRole('heading', { name: 'Jeanne Martin — Saône (25)' })).closest('li') as HTMLElement;
    expect(jeanne.textContent).toContain('Demande d’adhésion depuis le 12 mars 2025');
    expect(jeanne.textContent).toContain('mairie-saone.fr');
    expect(within(jeanne).getByText('le domaine contient le nom de la collectivité').className).toBe('badge');
    expect(jeanne.textContent).toContain('Non vérifiée par ProConnect');

    const zoe = screen.getByRole('heading', { name: 'Zoé Durand — Saône (25)' }).closest('li') as HTMLElement;
    expect(within(zoe).getByText('messagerie personnelle : aucun lien établi').className).toBe('badge badge--pending');

    const paul = screen.getByRole('heading', { name: 'Paul Roche — Saône (25)' }).closest('li') as HTMLElement;
    expect(paul.textContent).toContain('Demande le rôle d’administrateur depuis le 12 mars 2025');
    expect(paul.textContent).toContain('Appartenance vérifiée par ProConnect le 10 mars 2025');
    expect(paul.textContent).toContain('Motif de la demande : Secrétaire général de la mairie');
    expect(within(paul).getByRole('button', { name: 'Accorder le rôle' })).toBeTruthy();
  });

  it('approves with the typed reason, then shows the queue read again', async () => {
    const sent: unknown[] = [];
    renderApp(
      '/administration/adhesions',
      [
        answer(MembershipQueueQuery, {}, queue([JEANNE, ZOE])),
        answer(DecideMembershipMutation, (variables) => (sent.push(variables), true), {
          decideMembership: { __typename: 'MutationDecideMembershipSuccess', data: { __typename: 'User', id: 'User:31', membershipStatus: 'APPROVED' } },
        }),
        answer(MembershipQueueQuery, {}, queue([ZOE])),
      ],
      { viewer: admin },
    );
    const jeanne = (await screen.findByRole('heading', { name: 'Jeanne Martin — Saône (25)' })).closest('li') as HTMLElement;
    fireEvent.change(within(jeanne).getByLabelText(/^Motif/), { target: { value: ' Agente de la mairie, adresse vérifiée ' } });
    fireEvent.click(within(jeanne).getByRole('button', { name: 'Approuver' }));
    expect((await screen.findByRole('status')).textContent).toBe('L’adhésion de Jeanne Martin (Saône) est acceptée.');
    expect(sent).toEqual([{ userId: 'User:31', approve: true, reason: 'Agente de la mairie, adresse vérifiée' }]);
    expect(screen.queryByRole('heading', { name: 'Jeanne Martin — Saône (25)' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Zoé Durand — Saône (25)' })).toBeTruthy();
  });

  it('refuses only with a reason: without one the field says so and nothing is sent; with one, the reason travels', async () => {
    const sent: unknown[] = [];
    renderApp(
      '/administration/adhesions',
      [
        answer(MembershipQueueQuery, {}, queue([ZOE])),
        answer(DecideMembershipMutation, (variables) => (sent.push(variables), true), {
          decideMembership: { __typename: 'MutationDecideMembershipSuccess', data: { __typename: 'User', id: 'User:32', membershipStatus: 'REJECTED' } },
        }),
        answer(MembershipQueueQuery, {}, queue([])),
      ],
      { viewer: admin },
    );
    const zoe = (await screen.findByRole('heading', { name: 'Zoé Durand — Saône (25)' })).closest('li') as HTMLElement;
    fireEvent.click(within(zoe).getByRole('button', { name: 'Refuser' }));
    const reason = within(zoe).getByLabelText(/^Motif/);
    const error = await within(zoe).findByText('Indiquez le motif du refus (3 caractères au moins) : la personne le lira.');
    expect(error.className).toBe('field__error');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toBe(error.id);
    expect(sent).toEqual([]);

    fireEvent.change(reason, { target: { value: 'Aucun lien avec la mairie de Saône' } });
    fireEvent.click(within(zoe).getByRole('button', { name: 'Refuser' }));
    expect((await screen.findByRole('status')).textContent).toBe('L’adhésion de Zoé Durand (Saône) est refusée.');
    expect(sent).toEqual([{ userId: 'User:32', approve: false, reason: 'Aucun lien avec la mairie de Saône' }]);
    expect(await screen.findByText('Aucune adhésion en attente.')).toBeTruthy();
  });

  it('shows the API’s refusal of a reason next to the field', async () => {
    renderApp(
      '/administration/adhesions',
      [
        answer(MembershipQueueQuery, {}, queue([PAUL])),
        answer(DecideAdminRequestMutation, { userId: 'User:33', approve: false, reason: 'Non merci' }, {
          decideAdminRequest: {
            __typename: 'ValidationError',
            code: 'VALIDATION',
            message: 'Le formulaire contient une erreur.',
            fields: [{ __typename: 'FieldError', field: 'reason', message: 'Le motif doit faire 500 caractères au plus.' }],
          },
        }),
      ],
      { viewer: admin },
    );
    const paul = (await screen.findByRole('heading', { name: 'Paul Roche — Saône (25)' })).closest('li') as HTMLElement;
    fireEvent.change(within(paul).getByLabelText(/^Motif/), { target: { value: 'Non merci' } });
    fireEvent.click(within(paul).getByRole('button', { name: 'Refuser' }));
    expect((await within(paul).findByText('Le motif doit faire 500 caractères au plus.')).className).toBe('field__error');
  });
});

type NotificationNode = NonNullable<NonNullable<Fixture<typeof NotificationsQuery>['viewer']>['notifications']>['edges'][number]['node'];

function notification(id: number, title: string, createdAt: string, read: boolean): NotificationNode {
  return { __typename: 'Notification', id: `Notification:${id}`, kind: 'MEMBERSHIP_APPROVED', title, body: `${title}.`, link: '/mon-organisation', createdAt, read };
}

function notifications(viewer: ViewerFixture, items: NotificationNode[]): Fixture<typeof NotificationsQuery> {
  return {
    viewer: {
      __typename: 'User',
      id: viewer.id,
      unreadNotificationCount: items.filter((item) => !item.read).length,
      notifications: { __typename: 'UserNotificationsConnection', edges: items.map((node) => ({ __typename: 'UserNotificationsConnectionEdge', node })) },
    },
  };
}

describe('the notifications page', () => {
  const jeanne = viewerFixture({ name: 'Jeanne Martin', organization: SAONE });
  // The API's order: the most recent first, whether read or not.
  const items = [
    notification(3, 'Charte adoptée', '2025-03-15T10:00:00.000Z', true),
    notification(2, 'Adhésion approuvée : Saône', '2025-03-14T10:00:00.000Z', false),
    notification(1, 'Invitation à un groupement', '2025-03-13T10:00:00.000Z', false),
  ];

  it('shows the unread first, marked, then « Tout marquer comme lu » sends the mutation and the page reads again', async () => {
    const sent: unknown[] = [];
    renderApp(
      '/notifications',
      [
        answer(NotificationsQuery, {}, notifications(jeanne, items)),
        answer(MarkNotificationsReadMutation, (variables) => (sent.push(variables), true), {
          markNotificationsRead: { __typename: 'MutationMarkNotificationsReadSuccess', data: { __typename: 'User', id: jeanne.id, unreadNotificationCount: 0 } },
        }),
        answer(NotificationsQuery, {}, notifications(jeanne, items.map((item) => ({ ...item, read: true })))),
      ],
      { viewer: jeanne },
    );
    expect(await screen.findByText('2 notifications non lues.')).toBeTruthy();
    const titles = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent?.trim());
    expect(titles).toEqual(['non lue Adhésion approuvée : Saône', 'non lue Invitation à un groupement', 'Charte adoptée']);

    fireEvent.click(screen.getByRole('button', { name: 'Tout marquer comme lu' }));
    expect(await screen.findByText('Aucune notification non lue.')).toBeTruthy();
    expect(sent).toEqual([{ all: true }]);
    expect(screen.queryByText('non lue')).toBeNull();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent?.trim())).toEqual([
      'Charte adoptée',
      'Adhésion approuvée : Saône',
      'Invitation à un groupement',
    ]);
  });
});

/** « Mon organisation » as the API answers it for `viewer`, with the onboarding fields given. */
function myOrganization(
  viewer: ViewerFixture,
  onboarding: Pick<NonNullable<Fixture<typeof MyOrganizationQuery>['viewer']>, 'pendingDecision' | 'viewerCanRequestOrganizationAdmin' | 'adminRequestStatus' | 'adminDecisionReason'>,
): Fixture<typeof MyOrganizationQuery> {
  return {
    viewerCan: viewerCan(viewer, 'pending', 'rejected'),
    viewer: {
      __typename: 'User',
      id: viewer.id,
      name: viewer.name,
      roles: viewer.roles,
      ...onboarding,
      organization: {
        __typename: 'Organization',
        id: SAONE.id,
        siren: SAONE.siren,
        name: SAONE.name,
        kind: 'COMMUNE',
        epciType: null,
        viewerCanActFor: viewer.can.actForOrganization,
        viewerCanAdminister: viewer.can.administerOrganization,
        charter: { __typename: 'Charter', status: 'NONE', adoptedAt: null, url: null, isDemo: false },
        deployments: {
          __typename: 'OrganizationDeploymentsConnection',
          totalCount: 0,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: [],
        },
      },
    },
  };
}

const NO_ADMIN_REQUEST = { viewerCanRequestOrganizationAdmin: false, adminRequestStatus: null, adminDecisionReason: null };

describe('« Mon organisation » while the membership waits', () => {
  const pending = viewerFixture({ name: 'Jeanne Martin', membershipStatus: 'PENDING', organization: SAONE, can: CAN.pending });
  const waiting = myOrganization(pending, {
    ...NO_ADMIN_REQUEST,
    pendingDecision: { __typename: 'PendingDecision', kind: 'MEMBERSHIP', deciders: 'l’équipe Mutualis', byPlatformTeam: true, since: '2025-03-12T09:30:00.000Z' },
  });

  it('says who decides and since when, instead of the organization’s administrators', async () => {
    renderApp('/mon-organisation', [answer(MyOrganizationQuery, {}, waiting)], { viewer: pending });
    const section = (await screen.findByRole('heading', { name: 'Votre demande d’adhésion est en attente' })).closest('section') as HTMLElement;
    expect(section.textContent).toContain('Demande envoyée le 12 mars 2025 pour rejoindre Saône. Qui décide : l’équipe Mutualis.');
    expect(section.textContent).toContain('Saône n’a pas encore d’administrateur sur Mutualis');
    expect(screen.queryByText("Votre adhésion attend l'approbation d'un administrateur de votre organisation.")).toBeNull();
    expect(screen.queryByRole('button', { name: 'Déclarer un déploiement' })).toBeNull();
  });

  it('withdraws the application only after a confirmation, then tells the person they are signed out', async () => {
    let cancelled = 0;
    renderApp(
      '/mon-organisation',
      [
        answer(MyOrganizationQuery, {}, waiting),
        answer(CancelMembershipRequestMutation, () => (cancelled++, true), {
          cancelMembershipRequest: { __typename: 'MutationCancelMembershipRequestSuccess', data: true },
        }),
        // after the store reset, the API knows nobody
        answer(MyOrganizationQuery, {}, { viewer: null, viewerCan: viewerCan(null, 'pending', 'rejected') }),
      ],
      { accountMenu: [{ ...accountMenuMock(pending), maxUsageCount: 1 }, accountMenuMock(null)] },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Retirer ma demande' }));
    expect(screen.getByText(/Retirer votre demande \?/).closest('p')?.textContent).toBe(
      'Retirer votre demande ? Votre compte ne sera plus rattaché à Saône et vous serez déconnecté.',
    );
    // changing one's mind sends nothing
    fireEvent.click(screen.getByRole('button', { name: 'Garder ma demande' }));
    expect(cancelled).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Retirer ma demande' }));
    fireEvent.click(screen.getByRole('button', { name: 'Oui, retirer ma demande' }));

    expect((await screen.findByText(/^Votre demande d’adhésion est retirée/)).textContent).toBe(
      'Votre demande d’adhésion est retirée et vous êtes déconnecté. Ce compte ne donne plus accès à la collectivité ; pour la rejoindre plus tard, écrivez à l’équipe Mutualis.',
    );
    expect(cancelled).toBe(1);
    expect(await screen.findByRole('link', { name: 'Connectez-vous' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Votre demande d’adhésion est en attente' })).toBeNull();
    expect(screen.getByTestId('location').textContent).toBe('/mon-organisation');
  });
});

describe('« Demander le rôle d’administrateur »', () => {
  const first = viewerFixture({ name: 'Paul Roche', organization: SAONE });

  it('is offered to the first verified member: a reason is required, then the request’s state replaces the form', async () => {
    const sent: unknown[] = [];
    renderApp(
      '/mon-organisation',
      [
        answer(MyOrganizationQuery, {}, myOrganization(first, { ...NO_ADMIN_REQUEST, viewerCanRequestOrganizationAdmin: true, pendingDecision: null })),
        answer(RequestOrganizationAdminMutation, (variables) => (sent.push(variables), true), {
          requestOrganizationAdmin: {
            __typename: 'MutationRequestOrganizationAdminSuccess',
            data: {
              __typename: 'User',
              id: first.id,
              viewerCanRequestOrganizationAdmin: false,
              adminRequestStatus: 'PENDING',
              adminDecisionReason: null,
              pendingDecision: {
                __typename: 'PendingDecision',
                kind: 'ORGANIZATION_ADMIN',
                deciders: 'l’équipe Mutualis',
                byPlatformTeam: true,
                since: '2025-03-16T11:00:00.000Z',
              },
            },
          },
        }),
      ],
      { viewer: first },
    );
    const submit = await screen.findByRole('button', { name: 'Demander le rôle d’administrateur' });
    fireEvent.click(submit);
    const reason = screen.getByLabelText('Motif de la demande');
    expect((await screen.findByText('Expliquez votre demande (3 caractères au moins) : votre fonction, votre service.')).className).toBe('field__error');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);

    fireEvent.change(reason, { target: { value: '  Secrétaire générale de la mairie  ' } });
    fireEvent.click(submit);
    expect((await screen.findByRole('status')).textContent).toBe('Votre demande est envoyée à l’équipe Mutualis.');
    expect(sent).toEqual([{ reason: 'Secrétaire générale de la mairie' }]);
    const section = screen.getByRole('heading', { name: 'Administrateur de l’organisation' }).closest('section') as HTMLElement;
    expect(section.textContent).toContain('en cours d’examen par l’équipe Mutualis depuis le 16 mars 2025');
    expect(within(section).queryByRole('button', { name: 'Demander le rôle d’administrateur' })).toBeNull();
    expect(within(section).getByRole('button', { name: 'Retirer ma demande du rôle' })).toBeTruthy();
  });

  it('is not offered when the API says no, and a refused request shows its reason', async () => {
    renderApp(
      '/mon-organisation',
      [answer(MyOrganizationQuery, {}, myOrganization(first, { ...NO_ADMIN_REQUEST, adminRequestStatus: 'REFUSED', adminDecisionReason: 'Un agent du secrétariat a déjà demandé', pendingDecision: null }))],
      { viewer: first },
    );
    const section = (await screen.findByRole('heading', { name: 'Administrateur de l’organisation' })).closest('section') as HTMLElement;
    expect(section.textContent).toBe(
      'Administrateur de l’organisationVotre demande du rôle d’administrateur a été refusée par l’équipe Mutualis : Un agent du secrétariat a déjà demandé',
    );
    expect(screen.queryByRole('button', { name: 'Demander le rôle d’administrateur' })).toBeNull();
  });
});

describe('an ORG_ADMIN refusing an applicant on « Mon organisation »', () => {
  const orgAdmin = viewerFixture({ name: 'Claire Maire', roles: ['MEMBER', 'ORG_ADMIN'], organization: SAONE, can: CAN.orgAdmin });

  it('asks for the reason, refuses without calling the API when it is missing, then sends it', async () => {
    const sent: unknown[] = [];
    renderApp(
      '/mon-organisation',
      [
        answer(MyOrganizationQuery, {}, myOrganization(orgAdmin, { ...NO_ADMIN_REQUEST, pendingDecision: null })),
        answer(PendingMembersQuery, { siren: SAONE.siren }, {
          organization: {
            __typename: 'Organization',
            id: SAONE.id,
            pendingUsers: [{ __typename: 'User', id: 'User:32', name: 'Zoé Durand', email: 'zoe.durand@gmail.com', createdAt: '2025-03-14T10:00:00.000Z' }],
          },
        }),
        answer(DecideOrganizationMembershipMutation, (variables) => (sent.push(variables), true), {
          decideMembership: {
            __typename: 'MutationDecideMembershipSuccess',
            data: { __typename: 'User', id: 'User:32', name: 'Zoé Durand', membershipStatus: 'REJECTED', organization: { __typename: 'Organization', id: SAONE.id } },
          },
        }),
      ],
      { viewer: orgAdmin },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Refuser' }));
    const form = screen.getByRole('form', { name: "Refuser l'adhésion de Zoé Durand" });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirmer le refus' }));
    expect((await within(form).findByText('Indiquez le motif du refus (3 caractères au moins) : la personne le lira.')).className).toBe('field__error');
    expect(sent).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Motif du refus (transmis à la personne)'), { target: { value: 'Inconnue du service' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirmer le refus' }));
    expect((await screen.findByRole('status')).textContent).toBe("L'adhésion de Zoé Durand est refusée : le motif lui est transmis.");
    expect(sent).toEqual([{ userId: 'User:32', approve: false, reason: 'Inconnue du service' }]);
    expect(await screen.findByText("Aucune demande d'adhésion en attente.")).toBeTruthy();
  });
});
