import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeploymentFormQuery } from '../src/screens/myOrganization/DeploymentForm';
import { MyOrganizationQuery } from '../src/screens/myOrganization/MyOrganizationPage';
import { DeclareDeploymentMutation } from '../src/screens/myOrganization/useDeclareDeployment';
import type { DeclareDeploymentInput } from '../src/gql/graphql';
import { answer, CAN, failOnConsoleErrors, normalizeSpaces, renderApp, viewerCan, viewerFixture, type Fixture, type ViewerFixture } from './helpers';

failOnConsoleErrors();

const ORGANIZATION = { id: 'Organization:212500565', siren: '212500565', name: 'Besançon' };

function myOrganization(viewer: ViewerFixture): Fixture<typeof MyOrganizationQuery> {
  return {
    viewerCan: viewerCan(viewer, 'pending', 'rejected'),
    viewer: {
      __typename: viewer.__typename,
      id: viewer.id,
      name: viewer.name,
      roles: viewer.roles,
      pendingDecision: null,
      viewerCanRequestOrganizationAdmin: false,
      adminRequestStatus: null,
      adminDecisionReason: null,
      organization: {
        __typename: 'Organization',
        id: ORGANIZATION.id,
        siren: ORGANIZATION.siren,
        name: ORGANIZATION.name,
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

const TOOLS: Fixture<typeof DeploymentFormQuery> = {
  tools: {
    __typename: 'CatalogueConnection',
    edges: [
      { __typename: 'CatalogueConnectionEdge', node: { __typename: 'Tool', id: 'Tool:2', slug: 'albert', name: 'Albert' } },
      { __typename: 'CatalogueConnectionEdge', node: { __typename: 'Tool', id: 'Tool:9', slug: 'deepl-pro', name: 'DeepL Pro' } },
    ],
  },
};

/** The declared deployment, as the success member of declareDeployment carries it. */
function deployment(): Extract<Fixture<typeof DeclareDeploymentMutation>['declareDeployment'], { data: unknown }>['data'] {
  return {
    __typename: 'Deployment',
    id: 'Deployment:1193',
    organization: { __typename: 'Organization', id: ORGANIZATION.id },
    tool: { __typename: 'Tool', id: 'Tool:2', slug: 'albert', name: 'Albert' },
    status: 'PRODUCTION',
    service: 'Accueil',
    startDate: null,
    endDate: null,
    users: 25,
    monthlyRequests: null,
    annualCost: '1234.50',
    annualCostPublic: false,
    procurementRoute: 'UGAP',
    abandonReason: null,
    isDemo: false,
  };
}

/** Opens the declaration form and fills it as a person would, the amount typed with a comma. */
async function fillDeclaration(options: { publicCost?: boolean } = {}) {
  fireEvent.click(await screen.findByRole('button', { name: 'Déclarer un déploiement' }));
  const tool = (await screen.findByLabelText('Outil')) as HTMLSelectElement;
  // The options are the catalogue's tool names, in French alphabetical order.
  expect([...tool.options].map((option) => option.text)).toEqual(['Choisir un outil du catalogue', 'Albert', 'DeepL Pro']);
  fireEvent.change(tool, { target: { value: 'albert' } });
  fireEvent.change(screen.getByLabelText('Statut'), { target: { value: 'PRODUCTION' } });
  fireEvent.change(screen.getByLabelText('Service'), { target: { value: ' Accueil ' } });
  fireEvent.change(screen.getByLabelText('Utilisateurs'), { target: { value: '25' } });
  fireEvent.change(screen.getByLabelText('Coût annuel payé (€ HT)'), { target: { value: '1234,50' } });
  fireEvent.change(screen.getByLabelText("Voie d'achat"), { target: { value: 'UGAP' } });
  if (options.publicCost) fireEvent.click(screen.getByLabelText('Rendre ce coût public'));
  // « Raison de l'abandon » only appears for an abandoned deployment.
  expect(screen.queryByLabelText("Raison de l'abandon")).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
}

const EXPECTED_INPUT: DeclareDeploymentInput = {
  toolSlug: 'albert',
  status: 'PRODUCTION',
  service: 'Accueil',
  users: 25,
  annualCost: '1234.50',
  procurementRoute: 'UGAP',
};

describe('Mon organisation — declaring a deployment', () => {
  const viewer = viewerFixture();

  it('sends "1234,50" as the decimal "1234.50" and shows the API field error next to the cost field', async () => {
    const sent: unknown[] = [];
    renderApp(
      '/mon-organisation',
      [
        answer(MyOrganizationQuery, {}, myOrganization(viewer)),
        answer(DeploymentFormQuery, {}, TOOLS),
        answer(DeclareDeploymentMutation, (variables) => (sent.push(variables), true), {
          declareDeployment: {
            __typename: 'ValidationError',
            code: 'VALIDATION',
            message: 'Le coût annuel doit être un montant positif en euros, avec deux décimales au plus (ex. 1234.50).',
            fields: [
              {
                __typename: 'FieldError',
                field: 'annualCost',
                message: 'Le coût annuel doit être un montant positif en euros, avec deux décimales au plus (ex. 1234.50).',
              },
            ],
          },
        }),
      ],
      { viewer },
    );
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Mon organisation');
    expect(screen.getByText('Besançon', { selector: '.organization-name' })).toBeTruthy();
    await fillDeclaration();

    const cost = screen.getByLabelText('Coût annuel payé (€ HT)');
    const costField = cost.closest('.field') as HTMLElement;
    const error = await within(costField).findByText(/Le coût annuel doit être un montant positif/);
    expect(error.className).toBe('field__error');
    expect(cost.getAttribute('aria-invalid')).toBe('true');
    expect(cost.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(screen.getByRole('alert').textContent).toBe('Le formulaire contient une erreur : corrigez le champ signalé.');
    // What travelled: the comma became a point, empty fields were left out.
    expect(sent).toEqual([{ input: EXPECTED_INPUT }]);
    // The typed text stays as typed, for correction.
    expect((cost as HTMLInputElement).value).toBe('1234,50');
  });

  it('adds the saved deployment to the table, with its cost in euros HT', async () => {
    renderApp(
      '/mon-organisation',
      [
        answer(MyOrganizationQuery, {}, myOrganization(viewer)),
        answer(DeploymentFormQuery, {}, TOOLS),
        answer(
          DeclareDeploymentMutation,
          { input: EXPECTED_INPUT },
          { declareDeployment: { __typename: 'MutationDeclareDeploymentSuccess', data: deployment() } },
        ),
      ],
      { viewer },
    );
    expect(await screen.findByText("Aucun outil d'IA n'est encore déclaré pour votre collectivité.")).toBeTruthy();
    await fillDeclaration();

    expect((await screen.findByRole('status')).textContent).toBe('Albert est déclaré pour votre collectivité.');
    expect(screen.queryByLabelText('Outil')).toBeNull();
    const rows = screen.getByRole('table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    const row = rows[0] as HTMLElement;
    expect(within(row).getByRole('link', { name: 'Albert' }).getAttribute('href')).toBe('/catalogue/albert');
    expect(normalizeSpaces(row.textContent)).toContain('Production');
    expect(normalizeSpaces(within(row).getByText(/€ HT$/).textContent)).toBe('1 234,50 € HT');
    expect(within(row).getByText('UGAP (centrale d’achat public)')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Modifier' })).toBeTruthy();
    expect(within(row).getByText('non publié')).toBeTruthy();
    expect(screen.getByText('1 outil déclaré')).toBeTruthy();
  });

  it('sends annualCostPublic when « Rendre ce coût public » is ticked, and the table says the cost is public', async () => {
    const sent: unknown[] = [];
    renderApp(
      '/mon-organisation',
      [
        answer(MyOrganizationQuery, {}, myOrganization(viewer)),
        answer(DeploymentFormQuery, {}, TOOLS),
        answer(DeclareDeploymentMutation, (variables) => (sent.push(variables), true), {
          declareDeployment: { __typename: 'MutationDeclareDeploymentSuccess', data: { ...deployment(), annualCostPublic: true } },
        }),
      ],
      { viewer },
    );
    await screen.findByText("Aucun outil d'IA n'est encore déclaré pour votre collectivité.");
    await fillDeclaration({ publicCost: true });
    expect((await screen.findByRole('status')).textContent).toBe('Albert est déclaré pour votre collectivité.');
    expect(sent).toEqual([{ input: { ...EXPECTED_INPUT, annualCostPublic: true } }]);
    const row = screen.getByRole('table').querySelector('tbody tr') as HTMLElement;
    expect(within(row).getByText('public')).toBeTruthy();
  });

  it('refuses an amount it cannot read, next to the field, without calling the API', async () => {
    renderApp(
      '/mon-organisation',
      [
        answer(MyOrganizationQuery, {}, myOrganization(viewer)),
        answer(DeploymentFormQuery, {}, TOOLS),
      ],
      { viewer },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Déclarer un déploiement' }));
    fireEvent.change(await screen.findByLabelText('Outil'), { target: { value: 'albert' } });
    fireEvent.change(screen.getByLabelText('Statut'), { target: { value: 'ABANDONED' } });
    fireEvent.change(screen.getByLabelText('Coût annuel payé (€ HT)'), { target: { value: '12,34,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const costField = screen.getByLabelText('Coût annuel payé (€ HT)').closest('.field') as HTMLElement;
    expect(within(costField).getByText('Saisissez un montant en euros, par exemple 1234,50.')).toBeTruthy();
    const reasonField = screen.getByLabelText("Raison de l'abandon").closest('.field') as HTMLElement;
    expect(within(reasonField).getByText("Indiquez la raison de l'abandon.")).toBeTruthy();
  });

  it('tells a person whose membership is pending, instead of offering the forms', async () => {
    const pending = viewerFixture({ membershipStatus: 'PENDING', can: CAN.pending });
    renderApp('/mon-organisation', [answer(MyOrganizationQuery, {}, myOrganization(pending))], {
      viewer: pending,
    });
    expect(
      await screen.findByText("Votre adhésion attend l'approbation d'un administrateur de votre organisation."),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Déclarer un déploiement' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Enregistrer la charte' })).toBeNull();
  });
});
