import { isAdmin, type Actor, type Visibility } from '../../shared/permissions.ts';

// Referents of a tool: agents of a collectivité that deploys it, who say what they can help with and agree to be
// contacted through the platform. Pure rules: who may declare and contact, how near a referent is, the rate limit.

export const HELP_WITH = { min: 10, max: 500 } as const;
export const MESSAGE = { min: 10, max: 2000 } as const;
export const ANSWER = { min: 2, max: 2000 } as const;
export const REPORT_REASON = { min: 3, max: 500 } as const;

/** Messages a person may send to referents: 5 an hour, 20 a day (successful sends are counted). */
export const CONTACT_LIMITS = [
  { windowMs: 3600 * 1000, max: 5, label: 'par heure' },
  { windowMs: 24 * 3600 * 1000, max: 20, label: 'par jour' },
] as const;

const approved = (actor: Actor) => actor.membershipStatus === 'APPROVED';
const isPeer = (actor: Actor) => actor.roles.includes('MEMBER') || actor.roles.includes('ORG_ADMIN');

/** Declares themself referent (for a tool their organization deploys): an approved MEMBER or ORG_ADMIN. */
export const canBeReferent = (actor: Actor | null): actor is Actor => !!actor && approved(actor) && isPeer(actor);

/**
 * Writes to a referent: an approved agent of a collectivité (MEMBER or ORG_ADMIN). Referents agreed to help their
 * peers; a provider's prospecting or the read-only AUDITOR is not what they consented to.
 */
export const canContactReferents = (actor: Actor | null): actor is Actor => !!actor && approved(actor) && isPeer(actor);

type ReferentRow = { userId: number; withdrawnAt: Date | null; consentToContact: boolean };

/** A declaration is public while active and consenting; its author always sees it (to edit or withdraw it), ADMIN too. */
export function referentVisibility(actor: Actor | null): Visibility<ReferentRow> {
  if (isAdmin(actor)) return true;
  return [{ withdrawnAt: null, consentToContact: true }, ...(actor ? [{ userId: actor.id }] : [])];
}

/** A message is seen by its sender and by the referent it was sent to, nobody else (not even ADMIN, but reported). */
export function canSeeContact(actor: Actor | null, contact: { senderId: number | null; referentUserId: number }): boolean {
  return !!actor && (contact.senderId === actor.id || contact.referentUserId === actor.id);
}

/** The same rule as a Prisma `where` on ReferentContact (no viewer: no row). */
export const contactWhere = (actor: Actor | null) =>
  actor ? { OR: [{ senderId: actor.id }, { referent: { userId: actor.id } }] } : { id: -1 };

/**
 * The referent's address, to the sender, once the referent answered (never before: the message is relayed). The
 * referent sees their own.
 */
export function revealsReferentEmail(actor: Actor | null, contact: { senderId: number | null; referentUserId: number; status: string }): boolean {
  if (!actor) return false;
  if (contact.referentUserId === actor.id) return true;
  return contact.senderId === actor.id && contact.status === 'ANSWERED';
}

// ----------------------------------------------------------------------------- proximity

export type Proximity = 'SAME_EPCI' | 'SAME_DEPARTEMENT' | 'SAME_REGION' | 'ELSEWHERE';

export const PROXIMITY_LABELS: Record<Proximity, string> = {
  SAME_EPCI: 'même intercommunalité',
  SAME_DEPARTEMENT: 'même département',
  SAME_REGION: 'même région',
  ELSEWHERE: 'ailleurs',
};

export interface Place {
  id: number;
  kind: string;
  epciId: number | null;
  departementCode: string | null;
  regionCode: string | null;
}

/** The EPCI a place belongs to: itself for an EPCI, its EPCI for a commune. */
export const epciOf = (place: Place): number | null => (place.kind === 'EPCI' ? place.id : place.epciId);

/** Whether a place can be compared at all (the platform's own organization has no territory). */
export const hasTerritory = (place: Place): boolean => epciOf(place) !== null || place.departementCode !== null || place.regionCode !== null;

/** How near a referent's organization is to the viewer's: same EPCI, then département, then région, else elsewhere. */
export function proximity(viewer: Place, referent: Place): Proximity {
  const epci = epciOf(viewer);
  if (epci !== null && epciOf(referent) === epci) return 'SAME_EPCI';
  if (viewer.departementCode !== null && referent.departementCode === viewer.departementCode) return 'SAME_DEPARTEMENT';
  if (viewer.regionCode !== null && referent.regionCode === viewer.regionCode) return 'SAME_REGION';
  return 'ELSEWHERE';
}

// ----------------------------------------------------------------------------- rate limit

/**
 * The refusal of one more message, given when the sender's recent messages were sent (any order), or null. The wait
 * is until the oldest message of the full window leaves it.
 */
export function contactLimitRefusal(sentAt: readonly Date[], now: Date): { message: string; retryAfterSeconds: number } | null {
  for (const limit of CONTACT_LIMITS) {
    const inWindow = sentAt.map((d) => d.getTime()).filter((t) => t > now.getTime() - limit.windowMs).sort((a, b) => a - b);
    if (inWindow.length >= limit.max) {
      const freedAt = inWindow[inWindow.length - limit.max]! + limit.windowMs;
      const seconds = Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000));
      const wait = seconds >= 3600 ? `${Math.ceil(seconds / 3600)} h` : `${Math.max(1, Math.ceil(seconds / 60))} min`;
      return {
        message: `Vous avez envoyé ${limit.max} messages à des référents ${limit.label}, le maximum : réessayez dans ${wait}.`,
        retryAfterSeconds: seconds,
      };
    }
  }
  return null;
}
