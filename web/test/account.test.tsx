import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SignInOptionsQuery } from '../src/screens/account/SignInPage';
import { SignInMutation } from '../src/screens/account/useSignIn';
import { accountMenuMock, answer, CAN, failOnConsoleErrors, renderApp, viewerFixture, type Fixture } from './helpers';

failOnConsoleErrors();

/** The sign-in page asks whether ProConnect is configured: not here (web/test/proconnect.test.tsx shows the button). */
const noProConnect = {
  ...answer(SignInOptionsQuery, {}, { authOptions: { __typename: 'AuthOptions', proconnect: false } }),
  maxUsageCount: Number.POSITIVE_INFINITY, // asked again when a sign-in resets the store
};

const header = () => screen.getByRole('banner');

/** The error tied to a control by aria-describedby (what a screen reader reads with the field). */
function describedErrors(control: HTMLElement): string[] {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.flatMap((id) => {
    const element = document.getElementById(id);
    return element?.classList.contains('field__error') ? [element.textContent ?? ''] : [];
  });
}

function signInMock(password: string, result: Fixture<typeof SignInMutation>['signIn']) {
  return answer(SignInMutation, { email: 'agent@besancon.test', password }, { signIn: result });
}

/** Fills the form once its page has loaded (each page is its own chunk). */
async function fillSignIn(password: string) {
  fireEvent.change(await screen.findByLabelText('Adresse électronique'), { target: { value: ' agent@besancon.test ' } });
  fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
}

// '/aide' is no page of the app: the not-found page sends no query of its own, so only the header's is mocked.
describe('Header account area', () => {
  it('offers « Se connecter » and « Créer un compte » when nobody is signed in', async () => {
    renderApp('/aide', []);
    const signIn = await within(header()).findByRole('link', { name: 'Se connecter' });
    // Back to the current page after signing in.
    expect(signIn.getAttribute('href')).toBe('/connexion?retour=%2Faide');
    expect(within(header()).getByRole('link', { name: 'Créer un compte' }).getAttribute('href')).toBe('/inscription');
    expect(within(header()).queryByRole('button', { name: 'Se déconnecter' })).toBeNull();
  });

  it('shows the person, their organization and the links their roles open', async () => {
    renderApp('/aide', [], { viewer: viewerFixture({ name: 'Camille Agent' }) });
    expect(await within(header()).findByText('Camille Agent')).toBeTruthy();
    expect(within(header()).getByText('Besançon')).toBeTruthy();
    expect(within(header()).getByRole('link', { name: 'Mon organisation' }).getAttribute('href')).toBe('/mon-organisation');
    expect(within(header()).getByRole('button', { name: 'Se déconnecter' })).toBeTruthy();
    expect(within(header()).queryByRole('link', { name: 'Se connecter' })).toBeNull();
    // A member neither moderates nor audits.
    expect(within(header()).queryByRole('link', { name: 'Modération' })).toBeNull();
    expect(within(header()).queryByRole('link', { name: "Journal d'audit" })).toBeNull();
  });

  it('opens « Modération » and « Journal d’audit » to a platform administrator', async () => {
    renderApp('/aide', [], {
      viewer: viewerFixture({
        name: 'Administratrice',
        roles: ['ADMIN'],
        organization: { id: 'Organization:1', siren: '130025265', name: 'Plateforme Mutualis' },
        can: CAN.admin,
      }),
    });
    expect((await within(header()).findByRole('link', { name: 'Modération' })).getAttribute('href')).toBe('/moderation');
    expect(within(header()).getByRole('link', { name: "Journal d'audit" }).getAttribute('href')).toBe('/journal');
    expect(within(header()).queryByRole('link', { name: 'Mon organisation' })).toBeNull();
  });
});

describe('Sign-in form', () => {
  it('shows the API field error next to the password field, and a summary in an alert', async () => {
    renderApp('/connexion', [
      noProConnect,
      signInMock('mauvais', {
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message: 'Adresse électronique ou mot de passe incorrect.',
        fields: [{ __typename: 'FieldError', field: 'password', message: 'Adresse électronique ou mot de passe incorrect.' }],
      }),
    ]);
    await within(header()).findByRole('link', { name: 'Se connecter' });
    await fillSignIn('mauvais');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Le formulaire contient une erreur : corrigez le champ signalé.');
    const password = screen.getByLabelText('Mot de passe');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(password)).toEqual(['Adresse électronique ou mot de passe incorrect.']);
    // Rendered inside the password field's own block, not elsewhere on the page.
    const passwordField = password.closest('.field') as HTMLElement;
    expect(within(passwordField).getByText('Adresse électronique ou mot de passe incorrect.').className).toBe('field__error');
    const email = screen.getByLabelText('Adresse électronique');
    expect(email.getAttribute('aria-invalid')).toBeNull();
    expect(describedErrors(email)).toEqual([]);
    expect(screen.getByTestId('location').textContent).toBe('/connexion');
  });

  it('shows the message of a RateLimitedError in the alert', async () => {
    const message = 'Trop de tentatives de connexion : réessayez dans 15 minutes.';
    renderApp('/connexion', [
      noProConnect,
      signInMock('encore-faux', { __typename: 'RateLimitedError', code: 'RATE_LIMITED', message, fields: [] }),
    ]);
    await within(header()).findByRole('link', { name: 'Se connecter' });
    await fillSignIn('encore-faux');

    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(describedErrors(screen.getByLabelText('Mot de passe'))).toEqual([]);
  });

  it('checks empty fields in the browser without calling the API', async () => {
    renderApp('/connexion', [noProConnect]);
    await within(header()).findByRole('link', { name: 'Se connecter' });
    fireEvent.click(await screen.findByRole('button', { name: 'Se connecter' }));
    expect(describedErrors(screen.getByLabelText('Adresse électronique'))).toEqual(['Saisissez votre adresse électronique.']);
    expect(describedErrors(screen.getByLabelText('Mot de passe'))).toEqual(['Saisissez votre mot de passe.']);
  });

  it('signs in, refetches who is signed in, and goes back to the `retour` page', async () => {
    const viewer = viewerFixture({ name: 'Camille Agent' });
    renderApp(
      '/connexion?retour=%2Faide',
      [
        noProConnect,
        signInMock('mutualis-demo', {
          __typename: 'MutationSignInSuccess',
          data: { __typename: 'User', id: viewer.id, name: viewer.name, landingPath: '/mon-organisation' },
        }),
      ],
      { accountMenu: [{ ...accountMenuMock(null), maxUsageCount: 1 }, accountMenuMock(viewer)] },
    );
    await within(header()).findByRole('link', { name: 'Se connecter' });
    await fillSignIn('mutualis-demo');

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/aide'));
    expect(await within(header()).findByText('Camille Agent')).toBeTruthy();
    expect(within(header()).queryByRole('link', { name: 'Se connecter' })).toBeNull();
  });

  // What the server's User.landingPath says for each role (server/test/landing.test.ts checks the server's side).
  it.each([
    ['a platform administrator', '/administration/adhesions'],
    ['an auditor', '/statistiques'],
    ['a provider', '/catalogue?fournisseur=mistral-ai'],
    ['a member of a collectivité', '/mon-organisation'],
  ])('without `retour`, leads %s to the page of their role (%s)', async (_who, landingPath) => {
    renderApp('/connexion', [
      noProConnect,
      signInMock('mutualis-demo', { __typename: 'MutationSignInSuccess', data: { __typename: 'User', id: 'User:1', name: 'Camille', landingPath } }),
    ]);
    await fillSignIn('mutualis-demo');
    // the page of the role then sends its own queries, which this test does not mock: what matters is where it leads
    for (const method of ['error', 'warn'] as const) vi.spyOn(console, method).mockImplementation(() => undefined);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(landingPath));
  });

  it('never follows a landing path out of the app', async () => {
    renderApp('/connexion', [
      noProConnect,
      signInMock('mutualis-demo', { __typename: 'MutationSignInSuccess', data: { __typename: 'User', id: 'User:1', name: 'Camille', landingPath: '//ailleurs.example' } }),
    ]);
    await fillSignIn('mutualis-demo');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/mon-organisation'));
  });
});
