import type { PrismaClient } from '@mutualis/db/client';
import { loadSessionUser, parseCookies, SESSION_COOKIE } from './modules/auth/session.ts';
import { groupVisibility, isVisible } from './shared/permissions.ts';

// The web app's client-side routes (web/src/App.tsx), known to the server so that an address that names no page, or
// an entity that does not exist, answers 404 rather than 200 (search engines, link checkers and monitoring read the
// status, not the « introuvable » the app then shows). server/test/web-delivery.test.ts checks that every `path="…"`
// of App.tsx is in this table, so that the two cannot drift apart.

/** Looks up the entity a route names: true when it exists and the visitor may see it. */
type Exists = (prisma: PrismaClient, params: Record<string, string>, cookie: string | undefined) => Promise<boolean>;

export interface WebRoute {
  /** As in App.tsx, without the leading slash: "catalogue/:slug". "" is the home page. */
  path: string;
  /** For a route naming an entity: a cheap lookup on a unique index. */
  exists?: Exists;
}

const toolExists: Exists = async (prisma, { slug }) =>
  (await prisma.tool.findFirst({ where: { slug: slug!, archivedAt: null }, select: { id: true } })) !== null;

const organizationExists: Exists = async (prisma, { siren }) =>
  /^\d{9}$/.test(siren!) && (await prisma.organization.findUnique({ where: { siren: siren! }, select: { id: true } })) !== null;

const documentExists: Exists = async (prisma, { slug }) =>
  (await prisma.document.findUnique({ where: { slug: slug! }, select: { id: true } })) !== null;

const INT4_MAX = 2_147_483_647;

/**
 * The id of a group address: the readable form "12-achat-groupe-chatbot" (the id first, the slug only for people),
 * a bare "12", or the API's global id (base64 of "PurchasingGroup:12") that older links carry.
 */
export function groupIdOf(segment: string): number | null {
  const readable = /^(\d{1,10})(?:-[^/]*)?$/.exec(segment);
  let id: number | null = readable ? Number(readable[1]) : null;
  if (id === null && /^[A-Za-z0-9+/]{4,200}={0,2}$/.test(segment)) {
    const text = Buffer.from(segment, 'base64').toString('utf8');
    const global = /^PurchasingGroup:(\d{1,10})$/.exec(text);
    if (global && Buffer.from(text, 'utf8').toString('base64') === segment) id = Number(global[1]);
  }
  return id !== null && id > 0 && id <= INT4_MAX ? id : null;
}

/** A group exists for the visitor when it is not a DRAFT, or when the signed-in visitor may see that DRAFT. */
const groupExists: Exists = async (prisma, { id }, cookie) => {
  const groupId = groupIdOf(id!);
  if (groupId === null) return false;
  const group = await prisma.purchasingGroup.findUnique({ where: { id: groupId }, select: { coordinatorId: true, status: true } });
  if (!group) return false;
  if (group.status !== 'DRAFT') return true;
  // the session is looked up only for a DRAFT, the one case where the answer depends on who asks
  const viewer = await loadSessionUser(prisma, parseCookies(cookie ?? null)[SESSION_COOKIE]);
  return isVisible(groupVisibility(viewer), group);
};

export const WEB_ROUTES: readonly WebRoute[] = [
  { path: '' },
  { path: 'catalogue' },
  { path: 'catalogue/:slug', exists: toolExists },
  { path: 'comparer' },
  { path: 'groupements' },
  { path: 'groupements/:id', exists: groupExists },
  { path: 'territoires' },
  { path: 'territoires/:siren', exists: organizationExists },
  { path: 'territoires/:siren/charte', exists: organizationExists },
  { path: 'statistiques' },
  { path: 'donnees' },
  { path: 'bibliotheque' },
  { path: 'bibliotheque/:slug', exists: documentExists },
  { path: 'formations' },
  { path: 'connexion' },
  { path: 'connexion/proconnect/organisation-inconnue' },
  { path: 'inscription' },
  { path: 'mot-de-passe' },
  { path: 'mon-organisation' },
  { path: 'mon-organisation/charte' },
  { path: 'notifications' },
  { path: 'mes-echanges' },
  { path: 'moderation' },
  { path: 'journal' },
  { path: 'administration/marches' },
  { path: 'administration/adhesions' },
];

/** The route an address matches (react-router's rules: one segment per parameter, a trailing slash ignored), or null. */
export function matchWebRoute(pathname: string): { route: WebRoute; params: Record<string, string> } | null {
  const trimmed = pathname.replace(/^\//, '').replace(/\/$/, '');
  const segments = trimmed === '' ? [] : trimmed.split('/');
  if (segments.includes('')) return null; // "//" inside an address
  for (const route of WEB_ROUTES) {
    const parts = route.path === '' ? [] : route.path.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, index) => {
      if (part.startsWith(':')) return (params[part.slice(1)] = segments[index]!) !== '';
      return part.toLowerCase() === segments[index]!.toLowerCase();
    });
    if (matches) return { route, params };
  }
  return null;
}

/**
 * The status of a web address: 200 for a page, 404 for an address that names no page or an entity that does not
 * exist (or that the visitor may not see). Without a database (some tests), entity routes are taken as found.
 */
export async function webStatus(pathname: string, prisma: PrismaClient | undefined, cookie: string | undefined): Promise<200 | 404> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 404;
  }
  const match = matchWebRoute(decoded);
  if (!match) return 404;
  if (!match.route.exists || !prisma) return 200;
  return (await match.route.exists(prisma, match.params, cookie)) ? 200 : 404;
}
