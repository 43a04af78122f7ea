import { createHash } from 'node:crypto';
import type http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../src/http.ts';
import { backends, createTestApp, DEMO_PASSWORD, type TestApp } from './helpers.ts';
import { CookieBrowser, startOidcProvider, type Agent, type LocalProvider } from './oidc-provider.ts';

// ProConnect sign-in end to end, through the real HTTP server and a real OpenID Connect provider (oidc-provider)
// configured like ProConnect: the browser is a cookie-keeping fetch that follows redirects by hand.

const BESANCON_SIREN = '212500565'; // Ville de Besançon (seed)
const BESANCON_SIRET = `${BESANCON_SIREN}00017`;

const agent = (sub: string, fields: Partial<Agent> = {}): Agent => ({
  sub,
  given_name: 'Camille',
  usual_name: 'Durand',
  email: `${sub}@besancon.fr`,
  uid: `uid-${sub}`,
  siret: BESANCON_SIRET,
  idp_id: 'fia1v2',
  organization_label: 'Commune de Besançon',
  belonging_population: 'agent',
  ...fields,
});

const VIEWER = `{ viewer { id name email roles membershipStatus membershipVerified organization { siren } } }`;
const SIGN_OUT = `mutation { signOut { __typename ... on MutationSignOutSuccess { data logoutUrl } } }`;

describe.each(backends)('ProConnect sign-in (%s)', (backend) => {
  let t: TestApp;
  let server: http.Server;
  let site: string;
  let provider: LocalProvider;

  beforeAll(async () => {
    t = await createTestApp(backend);
    server = createHttpServer(t.app, { db: t.db });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    provider = await startOidcProvider({ redirectUri: `${site}/auth/proconnect/retour`, postLogoutRedirectUri: `${site}/` });
    Object.assign(process.env, provider.env);
  });
  afterEach(() => Object.assign(process.env, provider.env));
  afterAll(async () => {
    for (const key of Object.keys(provider?.env ?? {})) delete process.env[key];
    await provider?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await t?.close();
  });

  const gql = async (browser: CookieBrowser, query: string) => {
    const response = await browser.request(`${site}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mutualis-csrf': '1' },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data: Record<string, any>; errors?: unknown[] };
  };
  const isCallback = (next: URL) => next.pathname === '/auth/proconnect/retour';
  const count = async (sql: string) => Number((await t.db.sql.query<{ n: number }>(sql))[0]!.n);
  const userByEmail = (email: string) => t.db.prisma.user.findUnique({ where: { email } });

  /** Clicks the button, signs in at the provider as `login`, and follows everything back to Mutualis. */
  async function signInWith(login: string, retour?: string, browser = new CookieBrowser()) {
    const start = `${site}/auth/proconnect/connexion${retour ? `?retour=${encodeURIComponent(retour)}` : ''}`;
    const atProvider = await browser.go(start);
    expect(atProvider.url.origin).toBe(new URL(provider.issuer).origin);
    expect(await atProvider.response.text()).toContain('Se connecter');
    const back = await browser.logIn(atProvider.url, login);
    return { browser, landed: back.url, hops: browser.hops };
  }

  it('sends the browser to the provider with ProConnect’s parameters and keeps the secrets server-side', async () => {
    const browser = new CookieBrowser();
    const response = await browser.request(`${site}/auth/proconnect/connexion?retour=/catalogue`);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${provider.issuer}/auth`);
    const params = Object.fromEntries(location.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: provider.clientId,
      redirect_uri: `${site}/auth/proconnect/retour`,
      scope: 'openid given_name usual_name email siret organizational_unit belonging_population',
      code_challenge_method: 'S256',
    });
    expect(params.state!.length).toBeGreaterThanOrEqual(32);
    expect(params.nonce!.length).toBeGreaterThanOrEqual(32);
    // the state cookie: HttpOnly, SameSite=Lax, short, only for the callback
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('mutualis_proconnect='))!;
    expect(cookie).toContain(`mutualis_proconnect=${params.state}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=600/);
    const rows = await t.db.prisma.oidcLogin.findMany({ where: { nonce: params.nonce } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.stateHash).not.toBe(params.state); // only the state's hash is kept
    expect(rows[0]!.returnTo).toBe('/catalogue');
    const minutes = (rows[0]!.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
  });

  it('gives a new agent of a known SIRET an APPROVED, verified MEMBER account of that organization, signed in', async () => {
    provider.agents.set('agent-nouveau', agent('agent-nouveau', { given_name: 'Camille Marie', usual_name: 'Durand' }));
    const users = await count(`SELECT count(*)::int AS n FROM "User"`);
    const { browser, landed } = await signInWith('agent-nouveau');
    expect(`${landed.pathname}${landed.search}`).toBe('/mon-organisation');
    expect(await count(`SELECT count(*)::int AS n FROM "User"`)).toBe(users + 1);
    const { data } = await gql(browser, VIEWER);
    expect(data.viewer).toMatchObject({
      name: 'Camille Marie Durand',
      email: 'agent-nouveau@besancon.fr',
      roles: ['MEMBER'],
      membershipStatus: 'APPROVED',
      membershipVerified: true,
      organization: { siren: BESANCON_SIREN },
    });
    const row = (await userByEmail('agent-nouveau@besancon.fr'))!;
    expect(row).toMatchObject({ proconnectSub: 'agent-nouveau', proconnectSiret: BESANCON_SIRET, passwordHash: null });
    const session = await t.db.prisma.session.findFirstOrThrow({ where: { userId: row.id } });
    expect(session.idToken?.split('.')).toHaveLength(3); // the id_token, kept for the logout
    const events = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'User', entityId: String(row.id) }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['user.signUp', 'user.signIn']);
    expect(events[1]!.after).toMatchObject({ method: 'proconnect' });
    // the state was used once: its row is gone, its cookie cleared
    expect(browser.cookie(site, 'mutualis_proconnect')).toBeUndefined();
  });

  it('finds the same account by `sub` at the next sign-in, even when the e-mail changed, and honours `retour`', async () => {
    provider.agents.set('agent-fidele', agent('agent-fidele'));
    await signInWith('agent-fidele');
    const first = (await userByEmail('agent-fidele@besancon.fr'))!;
    provider.agents.set('agent-fidele', agent('agent-fidele', { email: 'nouvelle.adresse@besancon.fr' }));
    const users = await count(`SELECT count(*)::int AS n FROM "User"`);
    const { browser, landed } = await signInWith('agent-fidele', '/catalogue?q=chat');
    expect(`${landed.pathname}${landed.search}`).toBe('/catalogue?q=chat');
    expect(await count(`SELECT count(*)::int AS n FROM "User"`)).toBe(users);
    const again = (await userByEmail(first.email))!;
    expect(again.id).toBe(first.id);
    expect(await userByEmail('nouvelle.adresse@besancon.fr')).toBeNull();
    const { data } = await gql(browser, `{ viewer { email } }`);
    expect(data.viewer.email).toBe(first.email);
  });

  it('never sends the browser to another site through `retour`', async () => {
    provider.agents.set('agent-prudent', agent('agent-prudent'));
    const { landed } = await signInWith('agent-prudent', '//evil.example/phishing');
    expect(landed.origin).toBe(site);
    expect(landed.pathname).toBe('/mon-organisation');
  });

  it('reconciles an existing password account with the same e-mail in the same organization', async () => {
    const existing = (await userByEmail('agent@besancon.test'))!;
    expect(existing.proconnectSub).toBeNull();
    provider.agents.set('sub-agent-besancon', agent('sub-agent-besancon', { email: 'Agent@Besancon.TEST' }));
    const users = await count(`SELECT count(*)::int AS n FROM "User"`);
    const { browser } = await signInWith('sub-agent-besancon');
    expect(await count(`SELECT count(*)::int AS n FROM "User"`)).toBe(users);
    const { data } = await gql(browser, VIEWER);
    expect(data.viewer).toMatchObject({ email: 'agent@besancon.test', membershipVerified: true, membershipStatus: 'APPROVED' });
    const after = (await userByEmail('agent@besancon.test'))!;
    expect(after).toMatchObject({ id: existing.id, proconnectSub: 'sub-agent-besancon', proconnectSiret: BESANCON_SIRET });
    expect(after.membershipVerifiedAt).not.toBeNull();
    // the password still signs in too
    expect((await t.signIn('agent@besancon.test', DEMO_PASSWORD)).cookie).toBeTruthy();
  });

  it('approves a PENDING applicant of the same organization: ProConnect proved the membership', async () => {
    const org = await t.db.prisma.organization.findUniqueOrThrow({ where: { siren: BESANCON_SIREN } });
    await t.db.prisma.user.create({ data: { email: 'candidate@besancon.fr', name: 'Candidate', organizationId: org.id, membershipStatus: 'PENDING' } });
    provider.agents.set('candidate', agent('candidate', { email: 'candidate@besancon.fr' }));
    await signInWith('candidate');
    expect(await userByEmail('candidate@besancon.fr')).toMatchObject({ membershipStatus: 'APPROVED', proconnectSub: 'candidate' });
  });

  it('does not move an account of another organization: a French page explains it, nothing changes', async () => {
    const dijon = (await userByEmail('dsi@dijon.test'))!;
    provider.agents.set('dsi-dijon', agent('dsi-dijon', { email: 'dsi@dijon.test' }));
    const { browser, landed } = await signInWith('dsi-dijon');
    expect(landed.pathname).toBe('/connexion/proconnect/organisation-inconnue');
    expect(landed.searchParams.get('motif')).toBe('autre-organisation');
    expect(landed.searchParams.get('siret')).toBe(BESANCON_SIRET);
    expect(await userByEmail('dsi@dijon.test')).toEqual(dijon);
    expect((await gql(browser, VIEWER)).data.viewer).toBeNull();
  });

  it('sends an agent of an unknown SIREN to the French page and creates nothing', async () => {
    provider.agents.set('inconnu', agent('inconnu', { siret: '99999999900012', organization_label: 'Commune de Nullepart' }));
    const before = await count(`SELECT (SELECT count(*) FROM "User") + (SELECT count(*) FROM "Session") AS n`);
    const { browser, landed } = await signInWith('inconnu');
    expect(landed.pathname).toBe('/connexion/proconnect/organisation-inconnue');
    expect(Object.fromEntries(landed.searchParams)).toEqual({ siret: '99999999900012', nom: 'Commune de Nullepart' });
    expect(await count(`SELECT (SELECT count(*) FROM "User") + (SELECT count(*) FROM "Session") AS n`)).toBe(before);
    expect((await gql(browser, VIEWER)).data.viewer).toBeNull();
  });

  it('refuses a forged state, a callback without its cookie and a replayed callback', async () => {
    provider.agents.set('rejoue', agent('rejoue'));
    const browser = new CookieBrowser();
    const atProvider = await browser.go(`${site}/auth/proconnect/connexion`);
    const callback = await browser.logIn(atProvider.url, 'rejoue', isCallback);
    expect(callback.url.searchParams.get('code')).toBeTruthy();
    const state = callback.url.searchParams.get('state')!;
    const users = await count(`SELECT count(*)::int AS n FROM "User"`);
    const refused = async (target: string, who: CookieBrowser) => {
      const response = await who.request(target);
      expect(response.status).toBe(303);
      return response.headers.get('location');
    };
    // a forged state with a matching cookie (the attacker sets both): no such login in the table
    const forger = new CookieBrowser();
    forger.setCookie(site, 'mutualis_proconnect', 'x'.repeat(43));
    expect(await refused(`${site}/auth/proconnect/retour?code=abc&state=${'x'.repeat(43)}`, forger)).toBe('/connexion?erreur=proconnect');
    // the real callback in another browser (no cookie: a stolen link): refused
    const other = new CookieBrowser();
    expect(await refused(callback.url.toString(), other)).toBe('/connexion?erreur=proconnect');
    expect(await count(`SELECT count(*)::int AS n FROM "User"`)).toBe(users);
    expect(await userByEmail('rejoue@besancon.fr')).toBeNull();
    // the browser that started it signs in; the same callback again, even with the state's cookie, is refused
    expect(await refused(callback.url.toString(), browser)).toBe('/mon-organisation');
    const account = (await userByEmail('rejoue@besancon.fr'))!;
    const sessions = await t.db.prisma.session.count({ where: { userId: account.id } });
    for (const replayer of [browser, other]) {
      replayer.setCookie(site, 'mutualis_proconnect', state);
      expect(await refused(callback.url.toString(), replayer)).toBe('/connexion?erreur=proconnect');
    }
    expect(await t.db.prisma.session.count({ where: { userId: account.id } })).toBe(sessions);
    expect(await count(`SELECT count(*)::int AS n FROM "User"`)).toBe(users + 1);
  });

  it('refuses an id_token whose nonce is not the one of the login', async () => {
    provider.agents.set('mauvais-nonce', agent('mauvais-nonce'));
    const browser = new CookieBrowser();
    const atProvider = await browser.go(`${site}/auth/proconnect/connexion`);
    const nonce = new URL(browser.hops[1]!).searchParams.get('nonce')!;
    // the provider signs the nonce it was sent; the login now expects another one
    await t.db.prisma.oidcLogin.updateMany({ where: { nonce }, data: { nonce: 'n'.repeat(43) } });
    const back = await browser.logIn(atProvider.url, 'mauvais-nonce');
    expect(`${back.url.pathname}${back.url.search}`).toBe('/connexion?erreur=proconnect');
    expect(await userByEmail('mauvais-nonce@besancon.fr')).toBeNull();
  });

  it('refuses a callback carrying error= (the agent cancelled at the provider)', async () => {
    const browser = new CookieBrowser();
    await browser.go(`${site}/auth/proconnect/connexion`);
    const state = browser.cookie(site, 'mutualis_proconnect')!;
    const back = await browser.go(`${site}/auth/proconnect/retour?error=access_denied&state=${state}`);
    expect(`${back.url.pathname}${back.url.search}`).toBe('/connexion?erreur=proconnect');
    // the login was spent by the refusal (stored as the state's SHA-256)
    const stateHash = createHash('sha256').update(state).digest('hex');
    expect(await t.db.prisma.oidcLogin.count({ where: { stateHash } })).toBe(0);
  });

  it('signs out through the provider’s end-session endpoint with id_token_hint, state and the site’s home', async () => {
    provider.agents.set('partant', agent('partant'));
    const { browser } = await signInWith('partant');
    const user = (await userByEmail('partant@besancon.fr'))!;
    const { idToken } = await t.db.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    const { data } = await gql(browser, SIGN_OUT);
    expect(data.signOut.__typename).toBe('MutationSignOutSuccess');
    const logout = new URL(data.signOut.logoutUrl);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(logout.searchParams.get('id_token_hint')).toBe(idToken);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${site}/`);
    expect(logout.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32);
    expect(await t.db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await gql(browser, VIEWER)).data.viewer).toBeNull();
    // the provider accepts the hint (it asks to confirm the logout rather than refusing the request)
    const page = await browser.go(logout.toString());
    expect(page.response.status).toBe(200);
    expect(await page.response.text()).toContain('Se déconnecter de ProConnect ?');
  });

  it('gives no logout URL to a password session', async () => {
    const client = await t.signIn('dsi@besancon.test');
    const { data } = await client.gql(SIGN_OUT);
    expect(data!.signOut).toEqual({ __typename: 'MutationSignOutSuccess', data: true, logoutUrl: null });
  });

  it('clears the ProConnect identity when a person is erased', async () => {
    provider.agents.set('efface', agent('efface'));
    await signInWith('efface');
    const user = (await userByEmail('efface@besancon.fr'))!;
    const admin = await t.signIn('admin@mutualis.test');
    const id = Buffer.from(`User:${user.id}`).toString('base64');
    const erased = await admin.gql(`mutation($id: ID!) { eraseUser(userId: $id) { __typename } }`, { id });
    expect(erased.data!.eraseUser.__typename).toBe('MutationEraseUserSuccess');
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ proconnectSub: null, proconnectSiret: null });
  });

  it('tells the web whether ProConnect is configured, and refuses its routes when it is not', async () => {
    expect((await t.gql(`{ authOptions { proconnect } }`)).data).toEqual({ authOptions: { proconnect: true } });
    delete process.env.PROCONNECT_CLIENT_SECRET;
    expect((await t.gql(`{ authOptions { proconnect } }`)).data).toEqual({ authOptions: { proconnect: false } });
    const response = await new CookieBrowser().request(`${site}/auth/proconnect/connexion`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/connexion?erreur=proconnect');
  });
});
