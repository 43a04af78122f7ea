import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserJourney, hasChromium } from './browser.ts';
import { startOidcProvider, type LocalProvider } from './oidc-provider.ts';

// The ProConnect sign-in in real Chromium: the button on Mutualis, the login form of a real OpenID Connect provider
// started here (configured like ProConnect, test/oidc-provider.ts), and back on Mutualis as a verified member.

describe.skipIf(!hasChromium)('browser journey: an agent signs in with ProConnect (Chromium)', () => {
  const journey = browserJourney();
  let provider: LocalProvider;

  beforeAll(async () => {
    provider = await startOidcProvider({
      redirectUri: `${journey.site.url}/auth/proconnect/retour`,
      postLogoutRedirectUri: `${journey.site.url}/`,
      agents: [
        {
          sub: 'agent-chromium',
          given_name: 'Dominique',
          usual_name: 'Lefèvre',
          email: 'dominique.lefevre@besancon.fr',
          uid: 'uid-chromium',
          siret: '21250056500017', // an establishment of the Ville de Besançon (SIREN 212500565)
          idp_id: 'fia1v2',
          organization_label: 'Commune de Besançon',
          belonging_population: 'agent',
        },
      ],
    });
    Object.assign(process.env, provider.env);
  });
  afterAll(async () => {
    for (const key of Object.keys(provider?.env ?? {})) delete process.env[key];
    await provider?.close();
  });

  it('« S’identifier avec ProConnect » → the provider’s login → back signed in as a verified member, on the organization’s page', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    await page.goto(`${journey.site.url}/connexion`);
    await page.getByRole('link', { name: 'S’identifier avec ProConnect' }).click();

    await page.waitForURL((url) => url.origin === new URL(provider.issuer).origin);
    await page.getByLabel('Identifiant de l’agent').fill('agent-chromium');
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await page.waitForURL(`${journey.site.url}/mon-organisation`);
    await page.getByRole('heading', { level: 1, name: 'Mon organisation' }).waitFor();
    await page.getByRole('main').getByText('Besançon', { exact: true }).waitFor();
    await page.getByText('Connecté en tant que Dominique Lefèvre (Membre).').waitFor();
    await page.getByRole('banner').getByText('Dominique Lefèvre').waitFor();
    await page.screenshot({ path: '/tmp/proconnect.png', fullPage: false });

    const user = await journey.t.db.prisma.user.findUniqueOrThrow({
      where: { email: 'dominique.lefevre@besancon.fr' },
      include: { organization: true },
    });
    expect(user).toMatchObject({ proconnectSub: 'agent-chromium', membershipStatus: 'APPROVED', roles: ['MEMBER'] });
    expect(user.organization.siren).toBe('212500565');
    expect(user.membershipVerifiedAt).not.toBeNull();

    // signing out goes through the provider's end-session page (it asks to confirm the logout)
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.origin === new URL(provider.issuer).origin && url.pathname.includes('/session/end'));
    expect(await journey.t.db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    // back on the home page (ProConnect appends the state it was given)
    await page.waitForURL((url) => url.origin === journey.site.url && url.pathname === '/');
    await page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).waitFor();
  });
});
