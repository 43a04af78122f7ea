// Rules of adoption declarations.

export const DEPLOYMENT_STATUSES = ['EXPLORING', 'PILOT', 'PRODUCTION', 'ABANDONED'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/**
 * Statuses that prove real use: a review from such an organization is "verified". The ToolStats triggers of migration
 * 20261207000000_national_scale count with the same lists (this one, and ADOPTING_STATUSES below) in SQL; the
 * catalogue tests walk a deployment through every status to keep the two equal.
 */
export const VERIFYING_STATUSES: readonly DeploymentStatus[] = ['PILOT', 'PRODUCTION', 'ABANDONED'];

/** Statuses of an organization that uses the tool now (pilot or production): an adopter. */
export const ADOPTING_STATUSES: readonly DeploymentStatus[] = VERIFYING_STATUSES.filter((status) => status !== 'ABANDONED');

/**
 * A deployment moves forward (EXPLORING → PILOT → PRODUCTION) and may be abandoned at any stage; it never
 * moves back, and an abandoned deployment stays abandoned (declare a new status by updating the reason).
 */
export function statusChangeError(from: DeploymentStatus, to: DeploymentStatus): string | null {
  if (from === to) return null;
  if (from === 'ABANDONED') return 'Un déploiement abandonné ne peut plus changer de statut.';
  if (to === 'ABANDONED') return null;
  return DEPLOYMENT_STATUSES.indexOf(to) > DEPLOYMENT_STATUSES.indexOf(from)
    ? null
    : `Un déploiement ne revient pas de ${LABELS[from]} à ${LABELS[to]}.`;
}

const LABELS: Record<DeploymentStatus, string> = {
  EXPLORING: 'l’exploration',
  PILOT: 'l’expérimentation',
  PRODUCTION: 'la production',
  ABANDONED: 'l’abandon',
};

// ----------------------------------------------------------------------------- nearby adopters

export type Proximity = 'EPCI' | 'DEPARTEMENT' | 'REGION';

interface Place {
  id: number;
  kind: string;
  epciId: number | null;
  departementCode: string | null;
  population: number | null;
}

const RANK: Record<Proximity, number> = { EPCI: 0, DEPARTEMENT: 1, REGION: 2 };

/** How close an adopter of the same region is to the target: same EPCI (or the EPCI itself), same département, region. */
export function proximityOf(target: Place, adopter: Place): Proximity {
  // the EPCI of a commune, or the EPCI itself
  const epciId = target.kind === 'EPCI' ? target.id : target.epciId;
  if (epciId != null && (adopter.epciId === epciId || adopter.id === epciId)) return 'EPCI';
  if (target.departementCode && adopter.departementCode === target.departementCode) return 'DEPARTEMENT';
  return 'REGION';
}

/** The `first` adopters closest to the target (1 to 100), the most populated first at the same distance. */
export function nearestAdopters<A extends { organization: Place }>(target: Place, adopters: A[], first: number) {
  return adopters
    .map((adopter) => ({ ...adopter, proximity: proximityOf(target, adopter.organization) }))
    .sort((a, b) => RANK[a.proximity] - RANK[b.proximity] || (b.organization.population ?? 0) - (a.organization.population ?? 0))
    .slice(0, Math.min(Math.max(first, 1), 100));
}
