import type { MembershipStatus, Role } from '@mutualis/db/enums';

/** What the landing page of a signed-in person depends on. */
export interface LandingPerson {
  roles: readonly Role[];
  membershipStatus: MembershipStatus;
  provider?: { slug: string } | null;
}

/**
 * Where a person lands after signing in: where their work is. The platform administrator on the queue of pending
 * memberships, an auditor on the statistics, a provider on its tools in the catalogue, everyone else (members,
 * administrators of an organization, applicants waiting for a decision) on their organization's page.
 */
export function landingPath(person: LandingPerson): string {
  const approved = person.membershipStatus === 'APPROVED';
  if (approved && person.roles.includes('ADMIN')) return '/administration/adhesions';
  if (approved && person.roles.includes('AUDITOR')) return '/statistiques';
  if (approved && person.roles.includes('PROVIDER') && person.provider) return `/catalogue?fournisseur=${encodeURIComponent(person.provider.slug)}`;
  return '/mon-organisation';
}
