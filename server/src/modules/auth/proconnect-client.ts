import * as oidc from 'openid-client';
import type { ProConnectConfig } from '../../config.ts';

// The OpenID Connect side of ProConnect, through openid-client (never a hand-written protocol): discovery, the
// authorization request, the code exchange with id_token and signed userinfo verification, the end-session URL.

/** The scopes asked of ProConnect (`openid` is mandatory; `uid`, `idp_id` and `organization_label` come without asking). */
export const PROCONNECT_SCOPES = 'openid given_name usual_name email siret organizational_unit belonging_population';

/** The registered signature of ProConnect's userinfo answers: a JWT, never plain JSON. */
const USERINFO_ALG = 'RS256';

const configurations = new Map<string, Promise<oidc.Configuration>>();

/** http:// only for a provider on this machine (the tests' local provider); ProConnect itself is https only. */
const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * The discovered provider, cached per configuration (its JWKS is cached inside); a failed discovery is forgotten so
 * that the next sign-in tries again.
 */
export function providerConfiguration(settings: ProConnectConfig): Promise<oidc.Configuration> {
  const key = JSON.stringify(settings);
  let configuration = configurations.get(key);
  if (!configuration) {
    const issuer = new URL(settings.issuer);
    const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
    configuration = oidc.discovery(
      issuer,
      settings.clientId,
      { client_secret: settings.clientSecret, userinfo_signed_response_alg: USERINFO_ALG },
      oidc.ClientSecretPost(settings.clientSecret),
      // signatures of the id_token and of the userinfo JWT are verified against the provider's keys
      { execute: insecure ? [oidc.enableNonRepudiationChecks, oidc.allowInsecureRequests] : [oidc.enableNonRepudiationChecks], timeout: 10 },
    );
    configuration.catch(() => configurations.delete(key));
    configurations.set(key, configuration);
  }
  return configuration;
}

/** What a sign-in keeps server-side between the redirection and the callback. */
export interface LoginSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** New random secrets: 43 characters each (32 bytes, base64url), above ProConnect's 32. */
export const newLoginSecrets = (): LoginSecrets => ({
  state: oidc.randomState(),
  nonce: oidc.randomNonce(),
  codeVerifier: oidc.randomPKCECodeVerifier(),
});

/** The authorization request: only the parameters ProConnect accepts (it rejects any other). */
export async function authorizationUrl(configuration: oidc.Configuration, redirectUri: string, secrets: LoginSecrets): Promise<URL> {
  return oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: PROCONNECT_SCOPES,
    state: secrets.state,
    nonce: secrets.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
    code_challenge_method: 'S256',
  });
}

/** The claims a sign-in reads, once both the id_token and the userinfo JWT are verified. */
export interface ProConnectIdentity {
  idToken: string;
  claims: Record<string, unknown>;
}

/**
 * Exchanges the code of `callbackUrl` (the redirect URI with the provider's query): state, PKCE and nonce checked, the
 * id_token's signature verified, then the userinfo JWT fetched and verified (its `sub` must be the id_token's).
 */
export async function exchangeCode(configuration: oidc.Configuration, callbackUrl: URL, secrets: LoginSecrets): Promise<ProConnectIdentity> {
  const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
    expectedState: secrets.state,
    expectedNonce: secrets.nonce,
    pkceCodeVerifier: secrets.codeVerifier,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) throw new Error('ProConnect : réponse sans id_token.');
  const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
  return { idToken: tokens.id_token, claims: { ...userinfo, sub: idClaims.sub } };
}

/** The provider's end-session URL for an id_token: the browser goes there, then comes back to `postLogoutRedirectUri`. */
export function endSessionUrl(configuration: oidc.Configuration, idToken: string, postLogoutRedirectUri: string): string {
  return oidc
    .buildEndSessionUrl(configuration, { id_token_hint: idToken, state: oidc.randomState(), post_logout_redirect_uri: postLogoutRedirectUri })
    .toString();
}
