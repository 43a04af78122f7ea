// Rules of adoption declarations.

export const DEPLOYMENT_STATUSES = ['EXPLORING', 'PILOT', 'PRODUCTION', 'ABANDONED'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** Statuses that prove real use: a review from such an organization is "verified". */
export const VERIFYING_STATUSES: readonly DeploymentStatus[] = ['PILOT', 'PRODUCTION', 'ABANDONED'];

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

/** Euros with at most two decimals, non-negative, below a hundred billion. */
export function isValidAmount(text: string): boolean {
  return /^\d{1,11}(\.\d{1,2})?$/.test(text);
}
