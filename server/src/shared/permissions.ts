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

/**
 * A deployment's yearly cost: everyone when its collectivité made it public, otherwise its approved members and the
 * AUDITOR and ADMIN (who read across organizations).
 */
export const canReadDeploymentCost = (actor: Actor | null, deployment: { organizationId: number; annualCostPublic: boolean }): boolean =>
  deployment.annualCostPublic || canActForOrganization(actor, deployment.organizationId) || canReadAudit(actor);

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

/** Edits some part of the catalogue: platform ADMIN, or an approved PROVIDER user (its own provider's tools). */
export const canEditCatalogue = (actor: Actor | null): boolean =>
  isAdmin(actor) || (!!actor && approved(actor) && has(actor, 'PROVIDER'));

/** A provider user edits in its provider's name: what it writes is shown as "declared by the provider". */
export const editsAsProvider = (actor: Actor | null): boolean => !isAdmin(actor) && !!actor && has(actor, 'PROVIDER');

// ----------------------------------------------------------------------------- visibility
// Who sees which rows. Each rule is written once, as a small row filter that Prisma reads as a `where` (the lists and
// node(id:) loads) and that `isVisible` evaluates in memory on a row already loaded (the types' authScopes, whatever
// the path that reached the row). A filter is `true` (every row) or a list of conditions, any of which suffices.

type Condition<Row> = { [K in keyof Row]?: Row[K] | { not: Row[K] } };
export type Visibility<Row> = true | Condition<Row>[];

/** The rule as a Prisma `where`; no condition matches no row (Prisma reads an empty OR as false). */
export const visibleWhere = <Row>(visibility: Visibility<Row>): { OR?: Condition<Row>[] } =>
  visibility === true ? {} : { OR: visibility };

/** The same rule evaluated on a loaded row. */
export function isVisible<Row>(visibility: Visibility<Row>, row: Row): boolean {
  if (visibility === true) return true;
  return visibility.some((condition) =>
    Object.entries(condition).every(([key, expected]) => {
      const value = (row as Record<string, unknown>)[key];
      return expected !== null && typeof expected === 'object' && 'not' in expected ? value !== expected.not : value === expected;
    }),
  );
}

/** An approved user, whatever its role, sees what its own organization has not published (a pending sign-up does not). */
const ownOrganization = <Row>(actor: Actor | null, condition: (organizationId: number) => Condition<Row>): Condition<Row>[] =>
  actor && approved(actor) ? [condition(actor.organizationId)] : [];

/** The audit log: AUDITOR and ADMIN. */
export const auditEventVisibility = (actor: Actor | null): Visibility<{ id: number }> => (canReadAudit(actor) ? true : []);

/**
 * People: no public list shows them. Each sees itself; AUDITOR and ADMIN see every actor of the audit log; the
 * ORG_ADMIN sees the people of its organization (it approves them: pendingUsers).
 */
export function userVisibility(actor: Actor | null): Visibility<{ id: number; organizationId: number }> {
  if (!actor) return [];
  if (canReadAudit(actor)) return true;
  if (canAdministerOrganization(actor, actor.organizationId)) return [{ id: actor.id }, { organizationId: actor.organizationId }];
  return [{ id: actor.id }];
}

/** E-mail addresses: the person, the ORG_ADMIN of its organization, the platform ADMIN (not the AUDITOR). */
export function emailVisibility(actor: Actor | null): Visibility<{ id: number; organizationId: number }> {
  if (!actor) return [];
  if (isAdmin(actor)) return true;
  if (canAdministerOrganization(actor, actor.organizationId)) return [{ id: actor.id }, { organizationId: actor.organizationId }];
  return [{ id: actor.id }];
}

type ReviewRow = { organizationId: number; moderationStatus: 'VISIBLE' | 'HIDDEN' };

/** Reviews: the visible ones for everyone; a hidden one for ADMIN and the author organization (viewerReview). */
export function reviewVisibility(actor: Actor | null): Visibility<ReviewRow> {
  if (isAdmin(actor)) return true;
  return [{ moderationStatus: 'VISIBLE' }, ...ownOrganization<ReviewRow>(actor, (organizationId) => ({ organizationId }))];
}

/** Moderation details (reason, flags): ADMIN (moderationQueue), and the author organization, told why it was hidden. */
export function moderationVisibility(actor: Actor | null): Visibility<ReviewRow> {
  if (isAdmin(actor)) return true;
  return ownOrganization<ReviewRow>(actor, (organizationId) => ({ organizationId }));
}

type GroupRow = { coordinatorId: number; status: 'DRAFT' | 'OPEN' | 'CLOSED' | 'AWARDED' | 'CANCELLED' };

/** Purchasing groups: a DRAFT for the approved members of its coordinator organization and ADMIN, the others for all. */
export function groupVisibility(actor: Actor | null): Visibility<GroupRow> {
  if (isAdmin(actor)) return true;
  return [{ status: { not: 'DRAFT' } }, ...ownOrganization<GroupRow>(actor, (coordinatorId) => ({ coordinatorId }))];
}
