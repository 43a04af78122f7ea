// Notices shown on several screens, from what the API says of the signed-in person (Query.viewerCan).

/** Shown while `viewerCan.pending`: the person signed up and waits for an administrator of their organization. */
export const PENDING_MESSAGE = "Votre adhésion attend l'approbation d'un administrateur de votre organisation.";

/** Shown when `viewerCan.rejected`: an administrator refused the membership. */
export const REJECTED_MESSAGE =
  'Votre demande d’adhésion a été refusée par un administrateur de votre organisation : vous ne pouvez pas écrire en son nom.';
