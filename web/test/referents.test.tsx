import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { createCache } from '../src/apollo/cache';
import {
  AnswerReferentContactMutation,
  BecomeReferentMutation,
  ContactReferentMutation,
  WithdrawReferentMutation,
} from '../src/screens/referents/referentMutations';
import { ReferentContactsPageQuery } from '../src/screens/referents/ReferentContactsPage';
import { ToolReferents, ToolReferentsQuery } from '../src/screens/tool/ToolReferents';
import { answer, failOnConsoleErrors, renderApp, viewerFixture, type Fixture } from './helpers';

failOnConsoleErrors();

type Tool = NonNullable<Fixture<typeof ToolReferentsQuery>['tool']>;
type Node = Tool['referents']['edges'][number]['node'];

function referent(id: string, name: string, organization: string, proximity: string | null, options: Partial<Node> = {}): Node {
  return {
    __typename: 'ToolReferent',
    id,
    name,
    helpWith: `Le déploiement, avec ${name}.`,
    deploymentStatus: 'PRODUCTION',
    viewerProximityLabel: proximity,
    viewerIsReferent: false,
    viewerCanContact: proximity !== null,
    isDemo: false,
    updatedAt: '2026-11-03T10:00:00.000Z',
    organization: { __typename: 'Organization', id: `Organization:${organization}`, name: organization, kind: 'COMMUNE', departementName: 'Doubs' },
    ...options,
  };
}

function toolAnswer(nodes: Node[], options: Partial<Pick<Tool, 'viewerCanBecomeReferent' | 'viewerReferent'>> = {}, signedIn = true): Fixture<typeof ToolReferentsQuery> {
  return {
    viewer: signedIn ? { __typename: 'User', id: 'User:7' } : null,
    tool: {
      __typename: 'Tool',
      id: 'Tool:albert',
      name: 'Albert',
      viewerCanBecomeReferent: options.viewerCanBecomeReferent ?? false,
      viewerReferent: options.viewerReferent ?? null,
      referents: {
        __typename: 'ToolReferentsConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((node, i) => ({ __typename: 'ToolReferentsConnectionEdge', cursor: String(i), node })),
      },
    },
  };
}

function renderReferents(mocks: readonly MockLink.MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks} cache={createCache()} mockLinkDefaultOptions={{ delay: 10 }}>
      <MemoryRouter initialEntries={['/catalogue/albert']}>
        <ToolReferents toolSlug="albert" />
      </MemoryRouter>
    </MockedProvider>,
  );
}

const VARIABLES = { toolSlug: 'albert' };
const BESANCON = referent('ToolReferent:1', 'Camille Martin', 'Besançon', 'même intercommunalité');
const DOLE = referent('ToolReferent:2', 'Alex Petit', 'Dole', 'même région', { deploymentStatus: 'PILOT', isDemo: true });

describe('the referents of a tool', () => {
  it('lists the referents as the API orders them, with proximity, deployment and help, and relays a message', async () => {
    const message = 'Bonjour, comment avez-vous formé vos agents ?';
    renderReferents([
      answer(ToolReferentsQuery, VARIABLES, toolAnswer([BESANCON, DOLE])),
      answer(ContactReferentMutation, { referentId: 'ToolReferent:1', message }, {
        contactReferent: { __typename: 'MutationContactReferentSuccess', data: { __typename: 'ReferentContact', id: 'ReferentContact:9', status: 'SENT' } },
      }),
    ]);
    const section = await screen.findByRole('region', { name: 'Référents : des agents qui peuvent vous aider' });
    const items = await within(section).findAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual(['Camille Martin ', 'Alex Petit démonstration']);
    expect(items[0]!.textContent).toContain('Besançon (commune, Doubs)');
    expect(items[0]!.textContent).toContain('même intercommunalité');
    expect(items[0]!.textContent).toContain('déploiement : production');
    expect(items[1]!.textContent).toContain('déploiement : expérimentation');
    expect(items[0]!.textContent).toContain('Peut aider sur : Le déploiement, avec Camille Martin.');
    expect(items[0]!.textContent).toMatch(/Déclaré sur Mutualis le 03\/11\/2026|3 novembre 2026/);

    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Contacter Camille Martin' }));
    const form = within(items[0]!).getByRole('form', { name: 'Écrire à Camille Martin' });
    // the relay is explained next to the field
    expect(within(form).getByLabelText('Votre message à Camille Martin').getAttribute('aria-describedby')).toBeTruthy();
    expect(form.textContent).toContain('Votre message est relayé par la plateforme ; son adresse ne vous est communiquée que s’il vous répond.');
    // too short: refused in the browser, nothing sent
    fireEvent.change(within(form).getByLabelText('Votre message à Camille Martin'), { target: { value: 'Salut' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Envoyer le message' }));
    expect(await within(form).findByText('Le message doit compter au moins 10 caractères.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Votre message à Camille Martin'), { target: { value: message } });
    fireEvent.click(within(form).getByRole('button', { name: 'Envoyer le message' }));
    const status = await within(items[0]!).findByRole('status');
    expect(status.textContent).toContain('Message envoyé à Camille Martin');
    expect(within(status).getByRole('link', { name: 'Mes échanges' }).getAttribute('href')).toBe('/mes-echanges');
  });

  it('asks a visitor to sign in before writing, and shows no proximity', async () => {
    renderReferents([answer(ToolReferentsQuery, VARIABLES, toolAnswer([referent('ToolReferent:1', 'Camille Martin', 'Besançon', null)], {}, false))]);
    const item = (await screen.findByText('Camille Martin')).closest('li')!;
    expect(within(item).queryByRole('button')).toBeNull();
    expect(within(item).getByRole('link', { name: 'Connectez-vous' }).getAttribute('href')).toBe('/connexion?retour=%2Fcatalogue%2Falbert');
    expect(item.textContent).not.toContain('même');
  });

  it('lets a member whose collectivité deploys the tool become referent, then stop', async () => {
    const help = 'Le marché public et la formation des agents.';
    const mine = { __typename: 'ToolReferent' as const, id: 'ToolReferent:5', helpWith: help, consentToContact: true, withdrawnAt: null };
    const me = referent('ToolReferent:5', 'Camille Agent', 'Besançon', 'même intercommunalité', { viewerIsReferent: true, viewerCanContact: false, helpWith: help });
    renderReferents([
      answer(ToolReferentsQuery, VARIABLES, toolAnswer([], { viewerCanBecomeReferent: true })),
      answer(BecomeReferentMutation, { toolId: 'Tool:albert', helpWith: help, consentToContact: true }, {
        becomeReferent: { __typename: 'MutationBecomeReferentSuccess', data: mine },
      }),
      answer(ToolReferentsQuery, VARIABLES, toolAnswer([me], { viewerCanBecomeReferent: true, viewerReferent: mine })),
      answer(WithdrawReferentMutation, { id: 'ToolReferent:5' }, {
        withdrawReferent: { __typename: 'MutationWithdrawReferentSuccess', data: { __typename: 'ToolReferent', id: 'ToolReferent:5', withdrawnAt: '2026-12-07T10:00:00.000Z' } },
      }),
      answer(ToolReferentsQuery, VARIABLES, toolAnswer([], { viewerCanBecomeReferent: true, viewerReferent: { ...mine, withdrawnAt: '2026-12-07T10:00:00.000Z' } })),
    ]);
    expect(await screen.findByText('Aucun référent ne s’est encore déclaré pour cet outil.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Devenir référent pour cet outil' });
    const consent = within(form).getByLabelText('J’accepte d’être contacté par la plateforme (retirable à tout moment)') as HTMLInputElement;
    expect(consent.checked).toBe(true);
    fireEvent.change(within(form).getByLabelText('Ce sur quoi je peux aider'), { target: { value: help } });
    fireEvent.click(within(form).getByRole('button', { name: 'Devenir référent pour cet outil' }));
    expect(await screen.findByText('Vous êtes référent pour cet outil.')).toBeTruthy();
    expect(screen.getByText('C’est vous.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ne plus être référent' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Ne plus être référent' })).toBeNull());
    expect(screen.getByRole('form', { name: 'Devenir référent pour cet outil' })).toBeTruthy();
  });
});

type Page = NonNullable<Fixture<typeof ReferentContactsPageQuery>['viewer']>;
type Received = NonNullable<Page['referentContactsReceived']>['edges'][number]['node'];
type Sent = NonNullable<Page['referentContactsSent']>['edges'][number]['node'];

const TOOL = { __typename: 'Tool' as const, id: 'Tool:albert', slug: 'albert', name: 'Albert' };
const received = (status: Received['status'], extra: Partial<Received> = {}): Received => ({
  __typename: 'ReferentContact',
  id: 'ReferentContact:1',
  message: 'Comment avez-vous formé vos agents ?',
  status,
  answer: null,
  answeredAt: null,
  reportReason: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  senderName: 'Dominique Thise',
  senderOrganization: { __typename: 'Organization', id: 'Organization:2', name: 'Thise' },
  tool: TOOL,
  ...extra,
});
const sent = (status: Sent['status'], extra: Partial<Sent> = {}): Sent => ({
  __typename: 'ReferentContact',
  id: 'ReferentContact:2',
  message: 'Quel marché avez-vous passé ?',
  status,
  answer: null,
  answeredAt: null,
  createdAt: '2026-12-02T09:00:00.000Z',
  referentName: 'Alex Petit',
  referentEmail: null,
  referentOrganization: { __typename: 'Organization', id: 'Organization:3', name: 'Dole' },
  tool: TOOL,
  ...extra,
});
const pageOf = (r: Received[], s: Sent[]): Fixture<typeof ReferentContactsPageQuery> => ({
  viewer: {
    __typename: 'User',
    id: 'User:7',
    referentContactsReceived: { __typename: 'UserReferentContactsReceivedConnection', edges: r.map((node) => ({ __typename: 'UserReferentContactsReceivedConnectionEdge', node })) },
    referentContactsSent: { __typename: 'UserReferentContactsSentConnection', edges: s.map((node) => ({ __typename: 'UserReferentContactsSentConnectionEdge', node })) },
  },
});

describe('« Mes échanges »', () => {
  it('answers a message received, and shows a referent’s address only once they answered', async () => {
    const reply = 'Deux demi-journées de formation.';
    renderApp(
      '/mes-echanges',
      [
        answer(ReferentContactsPageQuery, {}, pageOf([received('SENT')], [sent('SENT'), sent('ANSWERED', { id: 'ReferentContact:3', answer: 'Un accord-cadre UGAP.', answeredAt: '2026-12-03T09:00:00.000Z', referentEmail: 'alex.petit@dole.test' })])),
        answer(AnswerReferentContactMutation, { contactId: 'ReferentContact:1', answer: reply }, {
          answerReferentContact: {
            __typename: 'MutationAnswerReferentContactSuccess',
            data: { __typename: 'ReferentContact', id: 'ReferentContact:1', status: 'ANSWERED', answer: reply, answeredAt: '2026-12-07T09:00:00.000Z' },
          },
        }),
        answer(ReferentContactsPageQuery, {}, pageOf([received('ANSWERED', { answer: reply, answeredAt: '2026-12-07T09:00:00.000Z' })], [sent('SENT')])),
      ],
      { viewer: viewerFixture() },
    );
    const inbox = await screen.findByRole('region', { name: 'Messages reçus en tant que référent' });
    const outbox = screen.getByRole('region', { name: 'Messages envoyés à des référents' });
    const [waiting, answered] = within(outbox).getAllByRole('listitem');
    expect(waiting!.textContent).toContain('en attente de réponse');
    expect(waiting!.textContent).toContain('Son adresse ne vous est communiquée que s’il vous répond.');
    expect(waiting!.textContent).not.toContain('@');
    expect(within(answered!).getByRole('link', { name: 'alex.petit@dole.test' }).getAttribute('href')).toBe('mailto:alex.petit@dole.test');
    expect(answered!.textContent).toContain('Un accord-cadre UGAP.');

    const item = within(inbox).getByRole('listitem');
    expect(item.textContent).toContain('Dominique Thise (Thise)');
    expect(within(item).getByRole('button', { name: 'Ne pas donner suite' })).toBeTruthy();
    expect(within(item).getByRole('button', { name: 'Signaler un abus' })).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: 'Répondre' }));
    const form = within(item).getByRole('form', { name: 'Répondre au message' });
    expect(form.textContent).toContain('votre adresse électronique est communiquée');
    fireEvent.change(within(form).getByLabelText('Votre réponse'), { target: { value: reply } });
    fireEvent.click(within(form).getByRole('button', { name: 'Envoyer la réponse' }));
    await waitFor(() => expect(within(inbox).getByRole('listitem').textContent).toContain(`Votre réponse : ${reply}`));
    expect(within(inbox).queryByRole('button', { name: 'Répondre' })).toBeNull();
  });
});
