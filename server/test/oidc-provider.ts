import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

// A real OpenID Connect provider (oidc-provider, certified) configured like ProConnect, for the tests: discovery at
// `<issuer>/.well-known/openid-configuration` with an /api/v2 issuer, one client with a secret sent in the form,
// PKCE, RS256 id_token and signed userinfo (application/jwt), codes valid 30 s, the ProConnect claims, end-session.
// Its login page is a tiny HTML form (the agent's login, a « Se connecter » button) that a browser or the cookie
// client below fills; consent is implied, as on ProConnect.

/** An agent as ProConnect describes it (the claims it sends). */
export interface Agent {
  sub: string;
  given_name: string;
  usual_name: string;
  email: string;
  uid: string;
  siret: string;
  idp_id: string;
  organization_label: string;
  belonging_population?: string;
  organizational_unit?: string;
}

export interface LocalProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The agents who can sign in, by login (their `sub`). */
  agents: Map<string, Agent>;
  /** The three PROCONNECT_* variables pointing at this provider. */
  env: Record<'PROCONNECT_ISSUER' | 'PROCONNECT_CLIENT_ID' | 'PROCONNECT_CLIENT_SECRET', string>;
  close(): Promise<void>;
}

const MOUNT = '/api/v2';

/** ProConnect's scopes and the claims each gives; uid, idp_id and organization_label come with `openid`. */
const CLAIMS = {
  openid: ['sub', 'uid', 'idp_id', 'organization_label'],
  given_name: ['given_name'],
  usual_name: ['usual_name'],
  email: ['email'],
  siret: ['siret'],
  organizational_unit: ['organizational_unit'],
  belonging_population: ['belonging_population'],
};

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const loginPage = (uid: string, error?: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Fournisseur d’identité de test</title></head>
<body><main><h1>Fournisseur d’identité de test (ProConnect simulé)</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="${MOUNT}/interaction/${escape(uid)}">
<label for="login">Identifiant de l’agent</label> <input id="login" name="login" autocomplete="off">
<button type="submit">Se connecter</button>
</form></main></body></html>`;

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

/** Starts the provider on a free loopback port; `redirectUri` and `postLogoutRedirectUri` are the client's, exactly. */
export async function startOidcProvider(options: { redirectUri: string; postLogoutRedirectUri: string; agents?: Agent[] }): Promise<LocalProvider> {
  const agents = new Map((options.agents ?? []).map((agent) => [agent.sub, agent]));
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const issuer = `http://127.0.0.1:${port}${MOUNT}`;
  const clientId = 'mutualis-test';
  const clientSecret = 'secret-du-fournisseur-de-service-de-test-0123456789';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', alg: 'RS256', use: 'sig' }] as never },
    claims: CLAIMS,
    scopes: ['openid', ...Object.keys(CLAIMS).filter((scope) => scope !== 'openid')],
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      // the provider's own pages, without the default ones' web fonts (no network in the tests)
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => void (ctx.body = page('Se déconnecter de ProConnect ?', `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button>`)),
        postLogoutSuccessSource: (ctx) => void (ctx.body = page('Vous êtes déconnecté de ProConnect', '')),
      },
    },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: 30, AccessToken: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    cookies: { keys: ['cles-des-cookies-du-fournisseur-de-test'] },
    interactions: { url: (_ctx, interaction) => `${MOUNT}/interaction/${interaction.uid}` },
    // consent is implied, as on ProConnect: the grant is the scopes asked
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(String(ctx.oidc.params!.scope));
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, sub) {
      const agent = agents.get(sub);
      return agent ? { accountId: sub, claims: () => ({ ...agent }) } : undefined;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = req.url ?? '/';
    const interaction = /^\/api\/v2\/interaction\/([\w-]+)$/.exec(url);
    if (interaction) return void answerInteraction(provider, agents, interaction[1]!, req, res);
    if (!url.startsWith(MOUNT)) {
      res.writeHead(url === '/favicon.ico' ? 204 : 404).end(); // a browser asks for the icon of the login page
      return;
    }
    // mounted under /api/v2 as ProConnect is: the provider reads its mount path from originalUrl
    (req as http.IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(MOUNT.length) || '/';
    callback(req, res);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    agents,
    env: { PROCONNECT_ISSUER: issuer, PROCONNECT_CLIENT_ID: clientId, PROCONNECT_CLIENT_SECRET: clientSecret },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The login form (GET) and its submission (POST): a known agent's login signs in, anything else shows the form again. */
async function answerInteraction(provider: Provider, agents: Map<string, Agent>, uid: string, req: http.IncomingMessage, res: http.ServerResponse) {
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction inconnue');
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid));
      return;
    }
    const login = (await readForm(req)).get('login') ?? '';
    if (!agents.has(login)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid, 'Agent inconnu.'));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(`Interaction refusée : ${(error as Error).message}`);
  }
}

/** A minimal browser for the server tests: cookies kept per origin, redirects followed by hand (each hop recorded). */
export class CookieBrowser {
  private jars = new Map<string, Map<string, string>>();
  /** Every URL visited by the last `go`, in order. */
  hops: string[] = [];

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string) {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    jar.set(name, value);
    this.jars.set(origin, jar);
  }

  /** One request, cookies sent and stored, no redirect followed. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const { origin } = new URL(url);
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` (GET), until a page that is not a redirect or `stopAt` matches the next hop. */
  async go(url: string, stopAt?: (next: URL) => boolean, init: RequestInit = {}): Promise<{ url: URL; response: Response }> {
    this.hops = [];
    let current = new URL(url);
    let response = await this.request(current.toString(), init);
    this.hops.push(current.toString());
    for (let i = 0; i < 20 && response.status >= 300 && response.status < 400; i++) {
      const next = new URL(response.headers.get('location')!, current);
      await response.arrayBuffer();
      if (stopAt?.(next)) return { url: next, response };
      current = next;
      response = await this.request(current.toString());
      this.hops.push(current.toString());
    }
    return { url: current, response };
  }

  /** On the provider's login form: submits the agent's login, then follows redirects as `go` does. */
  async logIn(formUrl: URL, login: string, stopAt?: (next: URL) => boolean) {
    return this.go(formUrl.toString(), stopAt, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login }).toString(),
    });
  }
}
