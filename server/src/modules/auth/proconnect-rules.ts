import { z } from 'zod';

// Pure rules of the ProConnect sign-in: what the provider's claims must hold, the SIREN behind a SIRET, the name of a
// new account, where the browser may be sent back.

const text = (max: number) => z.string().trim().min(1).max(max);

/** The claims a sign-in relies on (ProConnect always provides them); anything else is ignored. */
const Claims = z.object({
  sub: text(255),
  email: z.string().trim().toLowerCase().max(200).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/),
  given_name: text(200),
  usual_name: text(200),
  siret: z.string().trim().regex(/^\d{14}$/),
  organization_label: z.string().trim().max(300).optional(),
});

export interface ProConnectClaims {
  sub: string;
  /** Normalized: trimmed, lower-case (the same rule as password accounts). */
  email: string;
  givenName: string;
  usualName: string;
  siret: string;
  organizationLabel: string | undefined;
}

/** The claims read, or null when one is missing or malformed (a SIRET must be 14 digits). */
export function readClaims(claims: Record<string, unknown>): ProConnectClaims | null {
  const parsed = Claims.safeParse(claims);
  if (!parsed.success) return null;
  const c = parsed.data;
  return { sub: c.sub, email: c.email, givenName: c.given_name, usualName: c.usual_name, siret: c.siret, organizationLabel: c.organization_label || undefined };
}

/** The SIREN of an establishment: the first 9 digits of its SIRET. */
export const sirenOfSiret = (siret: string) => siret.slice(0, 9);

/** The name of a new account: given name(s) then usual name, spaces collapsed, at most 120 characters. */
export function personName(givenName: string, usualName: string): string {
  return `${givenName} ${usualName}`.replace(/\s+/g, ' ').trim().slice(0, 120).trim();
}

/** A path of this site to send the browser back to (never another site: no `//host`, no `/\host`, no control character). */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 500 || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  return value;
}

/** The site's origin as the browser sees it: https in production (behind TLS), http otherwise. */
export const siteOrigin = (host: string, secure: boolean) => `${secure ? 'https' : 'http'}://${host}`;

/** The web page that explains a ProConnect identity this site cannot take, with its reason. */
export function refusalPath(reason: 'organisation-inconnue' | 'autre-organisation', claims: ProConnectClaims): string {
  const query = new URLSearchParams({ siret: claims.siret, ...(claims.organizationLabel ? { nom: claims.organizationLabel } : {}) });
  if (reason === 'autre-organisation') query.set('motif', 'autre-organisation');
  return `/connexion/proconnect/organisation-inconnue?${query.toString()}`;
}

/** Where every failed sign-in lands: the sign-in page, which explains it in French. */
export const FAILURE_PATH = '/connexion?erreur=proconnect';
