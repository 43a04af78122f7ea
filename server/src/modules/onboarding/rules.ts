// Pure rules of onboarding: what the platform team is shown about an applicant, and who may ask to administer an
// organization. No database, no GraphQL (server/test/domain-onboarding.test.ts).

/** What an applicant's e-mail domain suggests about their link with the organization. */
export type DomainHint = 'ORGANIZATION_NAME' | 'PUBLIC_SECTOR' | 'PERSONAL_MAILBOX' | 'UNRELATED';

/** Domains of the State and of shared public services: an agent of a collectivité may well write from one. */
const PUBLIC_SECTOR_SUFFIXES = ['gouv.fr', 'education.fr', 'cnfpt.fr'];
/** Mailboxes anyone can open: they prove nothing. */
const PERSONAL_MAILBOXES = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.fr', 'yahoo.com', 'hotmail.fr', 'hotmail.com', 'outlook.fr', 'outlook.com', 'live.fr',
  'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'neuf.fr', 'bbox.fr', 'icloud.com', 'proton.me', 'protonmail.com',
]);
/** Words of organization names too common to identify one. */
const COMMON_WORDS = new Set([
  'les', 'des', 'sur', 'sous', 'aux', 'lez', 'saint', 'sainte', 'ville', 'commune', 'communaute', 'agglomeration',
  'metropole', 'urbaine', 'communes', 'pays', 'grand', 'departement', 'region', 'conseil', 'plateforme', 'mutualis',
]);

/** The part after the last @, lower case (empty when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
}

/** Lower case, without accents, apostrophes or punctuation: "Saône-et-Loire" → "saone et loire". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a name that may identify it in a domain: three letters or more, common words left out. */
export function distinctiveWords(name: string): string[] {
  return normalizeName(name)
    .split(' ')
    .filter((word) => word.length >= 3 && !COMMON_WORDS.has(word));
}

/**
 * The hint on a domain: it contains a distinctive word of the organization's name (hyphens and dots ignored:
 * "ville-besancon.fr" and "villedebesancon.fr" both name Besançon), or the whole name run together ("saintetienne");
 * else it is a public-sector domain, a personal mailbox, or unrelated. A hint for the person who decides, not a proof.
 */
export function domainHint(domain: string, organizationName: string): DomainHint {
  const host = domain.toLowerCase();
  const letters = host.replace(/[^a-z0-9]/g, '');
  const whole = normalizeName(organizationName).replace(/ /g, '');
  if (host && (distinctiveWords(organizationName).some((word) => letters.includes(word)) || (whole.length >= 3 && letters.includes(whole)))) {
    return 'ORGANIZATION_NAME';
  }
  if (PUBLIC_SECTOR_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return 'PUBLIC_SECTOR';
  if (PERSONAL_MAILBOXES.has(host)) return 'PERSONAL_MAILBOX';
  return 'UNRELATED';
}

/** Whether the hint speaks for the applicant. */
export const domainLooksLikeOrganization = (hint: DomainHint): boolean => hint === 'ORGANIZATION_NAME' || hint === 'PUBLIC_SECTOR';

/** What decides whether a person may ask for the ORG_ADMIN role. */
export interface AdminRequestState {
  /** A collectivité of the registry (it has a SIREN), not the platform's own organization. */
  collectivite: boolean;
  membershipStatus: 'PENDING' | 'APPROVED' | 'REJECTED';
  /** ProConnect attested the membership. */
  verified: boolean;
  isOrgAdmin: boolean;
  ownRequest: 'PENDING' | 'APPROVED' | 'REFUSED' | null;
  /** The organization has an approved ORG_ADMIN. */
  organizationHasAdmin: boolean;
  /** Another person of the organization already asked and waits. */
  otherPendingRequest: boolean;
}

/**
 * Why the person may not ask for the ORG_ADMIN role, or null when they may: the first verified member (ProConnect
 * attested, or approved) of an organization without administrator, when nobody else has asked already.
 */
export function adminRequestRefusal(state: AdminRequestState): string | null {
  if (!state.collectivite) return 'Seules les collectivités ont un administrateur d’organisation.';
  if (state.isOrgAdmin) return 'Vous êtes déjà administrateur de votre organisation.';
  if (state.organizationHasAdmin) return 'Votre organisation a déjà un administrateur : adressez-vous à lui.';
  if (state.membershipStatus === 'REJECTED') return 'Votre adhésion a été refusée : vous ne pouvez pas demander ce rôle.';
  if (state.membershipStatus !== 'APPROVED' && !state.verified) {
    return 'Seul un membre approuvé, ou dont ProConnect a vérifié l’appartenance, peut demander ce rôle.';
  }
  if (state.ownRequest === 'PENDING') return 'Votre demande est déjà en cours d’examen par l’équipe Mutualis.';
  if (state.otherPendingRequest) return 'Une autre personne de votre organisation a déjà demandé ce rôle : sa demande est en cours d’examen.';
  return null;
}

/** Who decides on a pending application, as the applicant is told (never the deciders' addresses). */
export function decidersLabel(organizationName: string, organizationAdmins: number): string {
  if (organizationAdmins === 0) return 'l’équipe Mutualis';
  return organizationAdmins === 1 ? `l’administrateur de ${organizationName}` : `les ${organizationAdmins} administrateurs de ${organizationName}`;
}

/** The reason given with a decision: required to refuse, 3 to 500 characters when given. */
export const REASON_MAX = 500;
