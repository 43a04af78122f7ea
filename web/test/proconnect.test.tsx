import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SignInOptionsQuery } from '../src/screens/account/SignInPage';
import { leaveFor, SignOutMutation } from '../src/screens/account/useSignOut';
import { accountMenuMock, answer, failOnConsoleErrors, renderApp, viewerFixture } from './helpers';

failOnConsoleErrors();

const options = (proconnect: boolean) => ({
  ...answer(SignInOptionsQuery, {}, { authOptions: { __typename: 'AuthOptions', proconnect } }),
  maxUsageCount: Number.POSITIVE_INFINITY,
});

describe('ProConnect on the sign-in page', () => {
  it('offers the official « S’identifier avec ProConnect » button when configured, the password form still below', async () => {
    renderApp('/connexion?retour=%2Fcatalogue%3Fq%3Dchat', [options(true)]);
    const button = await screen.findByRole('link', { name: 'S’identifier avec ProConnect' });
    expect(button.getAttribute('href')).toBe('/auth/proconnect/connexion?retour=%2Fcatalogue%3Fq%3Dchat');
    const about = screen.getByRole('link', { name: 'Qu’est-ce que ProConnect ?' });
    expect(about.getAttribute('href')).toBe('https://www.proconnect.gouv.fr/');
    expect(about.getAttribute('target')).toBe('_blank');
    expect(about.getAttribute('rel')).toContain('noopener');
    expect(screen.getByLabelText('Mot de passe')).toBeTruthy();
  });

  it('lets the server choose the landing page when there is no `retour`, and never passes another site on', async () => {
    renderApp('/connexion', [options(true)]);
    expect((await screen.findByRole('link', { name: 'S’identifier avec ProConnect' })).getAttribute('href')).toBe('/auth/proconnect/connexion');
    cleanup();
    renderApp('/connexion?retour=%2F%2Fevil.example', [options(true)]);
    expect((await screen.findByRole('link', { name: 'S’identifier avec ProConnect' })).getAttribute('href')).toBe(
      '/auth/proconnect/connexion?retour=%2Fmon-organisation',
    );
  });

  it('shows no ProConnect button when it is not configured', async () => {
    renderApp('/connexion', [options(false)]);
    expect(await screen.findByLabelText('Mot de passe')).toBeTruthy();
    // the options answer has come (the form is there from the start): wait for the query to settle, then check
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('link', { name: 'S’identifier avec ProConnect' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Qu’est-ce que ProConnect ?' })).toBeNull();
  });

  it('explains a failed ProConnect sign-in in French (`?erreur=proconnect`)', async () => {
    renderApp('/connexion?erreur=proconnect', [options(true)]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^La connexion avec ProConnect n’a pas abouti .*Réessayez/);
  });
});

describe('The page of a ProConnect identity Mutualis cannot take', () => {
  it('explains an unknown organization, with its name and SIRET, and offers the password sign-up', async () => {
    renderApp('/connexion/proconnect/organisation-inconnue?siret=99999999900012&nom=Commune%20de%20Nullepart', []);
    const title = await screen.findByRole('heading', { level: 1 });
    expect(title.textContent).toBe('Votre organisation n’est pas sur Mutualis');
    const main = title.parentElement!;
    expect(main.textContent).toContain('Commune de Nullepart (SIRET 999 999 999 00012)');
    expect(main.textContent).toContain('aucune collectivité de ce SIREN (999 999 999) n’est inscrite sur Mutualis');
    expect(main.textContent).toContain('aucun compte n’a été créé');
    expect(within(main).getByRole('link', { name: 'créez un compte avec un mot de passe' }).getAttribute('href')).toBe('/inscription');
  });

  it('explains an account of another organization, which was not moved', async () => {
    renderApp('/connexion/proconnect/organisation-inconnue?siret=21250056500017&nom=Commune%20de%20Besan%C3%A7on&motif=autre-organisation', []);
    const title = await screen.findByRole('heading', { level: 1 });
    expect(title.textContent).toBe('Votre compte est rattaché à une autre organisation');
    const main = title.parentElement!;
    expect(main.textContent).toContain('agent de Commune de Besançon (SIRET 212 500 565 00017)');
    expect(main.textContent).toContain('rien n’a été modifié');
    expect(within(main).getByRole('link', { name: /connectez-vous avec votre adresse électronique/ }).getAttribute('href')).toBe('/connexion');
  });

  it('shows no malformed SIRET from the address', async () => {
    renderApp('/connexion/proconnect/organisation-inconnue?siret=%3Cscript%3E', []);
    const title = await screen.findByRole('heading', { level: 1 });
    expect(title.parentElement!.textContent).not.toContain('SIRET <');
  });
});

describe('Signing out of a ProConnect session', () => {
  const signOutAnswer = (logoutUrl: string | null) =>
    answer(SignOutMutation, {}, { signOut: { __typename: 'MutationSignOutSuccess', data: true, logoutUrl } });

  it('sends the browser to the ProConnect end-session page the API gives', async () => {
    const assign = vi.spyOn(leaveFor, 'assign').mockImplementation(() => undefined);
    const url = 'https://proconnect.example/api/v2/session/end?id_token_hint=abc&state=xyz&post_logout_redirect_uri=https%3A%2F%2Fmutualis.example%2F';
    renderApp('/aide', [signOutAnswer(url)], { viewer: viewerFixture() });
    fireEvent.click(await screen.findByRole('button', { name: 'Se déconnecter' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith(url));
    assign.mockRestore();
  });

  it('stays on the site after a password session (no end-session URL)', async () => {
    const assign = vi.spyOn(leaveFor, 'assign').mockImplementation(() => undefined);
    const viewer = viewerFixture();
    renderApp('/aide', [signOutAnswer(null)], { accountMenu: [{ ...accountMenuMock(viewer), maxUsageCount: 1 }, accountMenuMock(null)] });
    fireEvent.click(await screen.findByRole('button', { name: 'Se déconnecter' }));
    expect(await screen.findByRole('link', { name: 'Se connecter' })).toBeTruthy();
    expect(assign).not.toHaveBeenCalled();
    assign.mockRestore();
  });
});
