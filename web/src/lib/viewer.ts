import type { MembershipStatus, Role } from '../gql/graphql';

/** The parts of the signed-in person that decide what the interface offers (the API decides what it allows). */
export interface ViewerAccess {
  roles: readonly Role[];
  membershipStatus: MembershipStatus;
}

export const hasRole = (viewer: ViewerAccess | null | undefined, role: Role): boolean =>
  !!viewer && viewer.membershipStatus === 'APPROVED' && viewer.roles.includes(role);

/** Declares deployments and publishes reviews for their collectivité: approved MEMBER or ORG_ADMIN. */
export const canActForOrganization = (viewer: ViewerAccess | null | undefined): boolean =>
  hasRole(viewer, 'MEMBER') || hasRole(viewer, 'ORG_ADMIN');

export const canReadAudit = (viewer: ViewerAccess | null | undefined): boolean =>
  hasRole(viewer, 'AUDITOR') || hasRole(viewer, 'ADMIN');

/** Flags a review: any approved person except the read-only auditor. */
export const canFlagReview = (viewer: ViewerAccess | null | undefined): boolean =>
  !!viewer && viewer.membershipStatus === 'APPROVED' && viewer.roles.some((role) => role !== 'AUDITOR');

export const PENDING_MESSAGE = "Votre adhésion attend l'approbation d'un administrateur de votre organisation.";
export const REJECTED_MESSAGE =
  'Votre demande d’adhésion a été refusée par un administrateur de votre organisation : vous ne pouvez pas écrire en son nom.';

/** A path inside the app to come back to after signing in (never another site). */
export function safeReturnPath(value: string | null | undefined, fallback = '/mon-organisation'): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}
