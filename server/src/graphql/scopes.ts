import { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import type { SessionUser } from '../modules/auth/session.ts';
import {
  canActForOrganization,
  canAdministerOrganization,
  canApproveMembership,
  canEditTool,
  canFlagReview,
  canReadAudit,
  canVoteReview,
  groupVisibility,
  isAdmin,
  visibleWhere,
} from '../shared/permissions.ts';
import type { Context } from './context.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from './errors.ts';

/**
 * The permission rules of modules/auth/rules.ts as Pothos scopes. A field asks for them (`authScopes`), Pothos checks
 * them before the resolver runs; parameterised scopes take the organization, provider or group concerned.
 */
export interface AuthScopes {
  loggedIn: boolean;
  admin: boolean;
  auditor: boolean;
  /** Declares and reviews for that organization: its approved MEMBER or ORG_ADMIN. */
  actsFor: number;
  /** Manages that organization (charter, members): its approved ORG_ADMIN. */
  administers: number;
  /** Approves a pending member of that organization: its ORG_ADMIN, or a platform ADMIN. */
  approves: number;
  /** Edits the tools of that provider: the provider's own PROVIDER users, or a platform ADMIN. */
  editsTool: number;
  /** Runs that purchasing group: the ORG_ADMIN of its coordinator organization (a group it may not see is NOT_FOUND). */
  coordinates: number;
  flagsReviews: boolean;
  votesReviews: boolean;
}

/** Every scope but the anonymous-friendly ones implies a signed-in viewer. */
type SignedIn = Context & { viewer: SessionUser };
export type AuthContexts = Record<keyof AuthScopes, SignedIn>;

/** The groups coordinated by the viewer's organization, once per request (the scope cache keeps each answer). */
async function coordinates(ctx: Context, groupId: number): Promise<boolean> {
  const group = await ctx.prisma.purchasingGroup.findUnique({
    where: { id: groupId, ...visibleWhere(groupVisibility(ctx.viewer)) },
    select: { coordinatorId: true },
  });
  // a draft the viewer may not see is as unknown as a missing group (no "exists but refused" answer)
  if (!group) throw new NotFoundError('Groupement introuvable.');
  return canAdministerOrganization(ctx.viewer, group.coordinatorId);
}

export function authScopes(ctx: Context) {
  const viewer = ctx.viewer;
  return {
    loggedIn: !!viewer,
    admin: isAdmin(viewer),
    auditor: canReadAudit(viewer),
    actsFor: (organizationId: number) => canActForOrganization(viewer, organizationId),
    administers: (organizationId: number) => canAdministerOrganization(viewer, organizationId),
    approves: (organizationId: number) => canApproveMembership(viewer, organizationId),
    editsTool: (providerId: number) => canEditTool(viewer, { providerId }),
    coordinates: (groupId: number) => coordinates(ctx, groupId),
    flagsReviews: canFlagReview(viewer),
    votesReviews: canVoteReview(viewer),
  };
}

/** Why a scope refused, in French, for the person who was refused. */
const REFUSALS: Record<keyof AuthScopes, string> = {
  loggedIn: 'Connectez-vous pour effectuer cette action.',
  admin: 'Réservé aux administrateurs de la plateforme.',
  auditor: 'Réservé aux auditeurs et aux administrateurs de la plateforme.',
  actsFor: 'Seuls les membres approuvés de cette organisation peuvent agir en son nom.',
  administers: 'Seuls les administrateurs de cette organisation peuvent faire cela.',
  approves: 'Seuls les administrateurs de cette organisation, ou de la plateforme, peuvent approuver une adhésion.',
  editsTool: 'Seuls le fournisseur de cet outil et les administrateurs de la plateforme peuvent le modifier.',
  coordinates: 'Seuls les administrateurs de la collectivité coordonnatrice peuvent faire cela.',
  flagsReviews: 'Les auditeurs consultent les avis sans pouvoir les signaler.',
  votesReviews: 'Seuls les membres des collectivités peuvent juger un avis utile.',
};

const PENDING = 'Votre adhésion attend l’approbation d’un administrateur de votre organisation.';

function firstScope(failure: AuthFailure): keyof AuthScopes | undefined {
  if (failure.kind === AuthScopeFailureType.AuthScope) return failure.scope as keyof AuthScopes;
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const child of failure.failures) {
      const scope = firstScope(child);
      if (scope) return scope;
    }
  }
  return undefined;
}

/** UNAUTHENTICATED for an anonymous visitor, FORBIDDEN with the refused rule's reason for anyone else. */
export function unauthorizedError(ctx: Context, failure: AuthFailure): Error {
  if (!ctx.viewer) return new UnauthenticatedError();
  if (ctx.viewer.membershipStatus === 'PENDING') return new ForbiddenError(PENDING);
  const scope = firstScope(failure);
  return new ForbiddenError(scope ? REFUSALS[scope] : undefined);
}
