// Who may do what. Pure functions of the signed-in user: resolvers call them, the permission-matrix test
// exercises them through the API.

export type Role = 'MEMBER' | 'ORG_ADMIN' | 'AUDITOR' | 'PROVIDER' | 'ADMIN';

export interface Actor {
  id: number;
  organizationId: number;
  roles: readonly Role[];
  membershipStatus: 'PENDING' | 'APPROVED' | 'REJECTED';
  providerId: number | null;
}

const has = (actor: Actor, role: Role) => actor.roles.includes(role);
const approved = (actor: Actor) => actor.membershipStatus === 'APPROVED';

export const isAdmin = (actor: Actor | null): boolean => !!actor && approved(actor) && has(actor, 'ADMIN');

/** AUDITOR and ADMIN read across organizations (audit log, statistics). */
export const canReadAudit = (actor: Actor | null): boolean =>
  !!actor && approved(actor) && (has(actor, 'AUDITOR') || has(actor, 'ADMIN'));

/** Declares deployments and writes reviews in the name of an organization: its approved members. */
export const canActForOrganization = (actor: Actor | null, organizationId: number): boolean =>
  !!actor && approved(actor) && actor.organizationId === organizationId && (has(actor, 'MEMBER') || has(actor, 'ORG_ADMIN'));

/** Sets the ethics charter and manages members: the organization's ORG_ADMIN. */
export const canAdministerOrganization = (actor: Actor | null, organizationId: number): boolean =>
  !!actor && approved(actor) && actor.organizationId === organizationId && has(actor, 'ORG_ADMIN');

/** Approves a pending membership: ORG_ADMIN of that organization, or a platform ADMIN. */
export const canApproveMembership = (actor: Actor | null, organizationId: number): boolean =>
  canAdministerOrganization(actor, organizationId) || isAdmin(actor);

/** Flags a review for moderation: any approved user except the read-only AUDITOR. */
export const canFlagReview = (actor: Actor | null): boolean =>
  !!actor && approved(actor) && actor.roles.some((role) => role !== 'AUDITOR');

/** Votes a review helpful: peers from collectivités (MEMBER or ORG_ADMIN). */
export const canVoteReview = (actor: Actor | null): boolean =>
  !!actor && approved(actor) && (has(actor, 'MEMBER') || has(actor, 'ORG_ADMIN'));

/** Hides or restores a review, appoints roles: platform ADMIN only. */
export const canModerate = isAdmin;

/** Edits a tool, its plans and impact figures: platform ADMIN, or a PROVIDER user for its own provider's tools. */
export const canEditTool = (actor: Actor | null, tool: { providerId: number }): boolean =>
  isAdmin(actor) || (!!actor && approved(actor) && has(actor, 'PROVIDER') && actor.providerId === tool.providerId);

/** A provider user edits in its provider's name: what it writes is shown as "declared by the provider". */
export const editsAsProvider = (actor: Actor | null): boolean => !isAdmin(actor) && !!actor && has(actor, 'PROVIDER');
