import type { AllocationRule, GroupEligibility, GroupMembershipStatus, GroupStatus, VolumeUnit } from '../../gql/graphql';
import { compareDecimal, formatDecimal, formatEuros } from '../../lib/format';

// French labels of the purchasing-group enums (groupements de commandes). Records keyed by the
// generated enum types, so that a value added to the schema fails the typecheck here.

export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = {
  DRAFT: 'En préparation',
  OPEN: 'Ouvert',
  CLOSED: 'Clos',
  AWARDED: 'Attribué',
  CANCELLED: 'Annulé',
};

/** The lifecycle order, for the status filter. */
export const GROUP_STATUS_ORDER: readonly GroupStatus[] = ['DRAFT', 'OPEN', 'CLOSED', 'AWARDED', 'CANCELLED'];

export const MEMBERSHIP_STATUS_LABELS: Record<GroupMembershipStatus, string> = {
  INTERESTED: 'Intéressé',
  COMMITTED: 'Engagé',
  WITHDRAWN: 'Retiré',
};

export const ELIGIBILITY_LABELS: Record<GroupEligibility, string> = {
  ALL: 'Toutes les collectivités',
  EPCI_MEMBERS: 'Communes membres de l’EPCI coordonnateur',
  DEPARTEMENT: 'Collectivités du département du coordonnateur',
  REGION: 'Collectivités de la région du coordonnateur',
};

export const ALLOCATION_RULE_LABELS: Record<AllocationRule, string> = {
  BY_POPULATION: 'Au prorata de la population',
  BY_SEATS: 'Au prorata des sièges',
  BY_USAGE: 'Au prorata de l’usage (requêtes)',
  EQUAL: 'À parts égales',
};

interface UnitWords {
  singular: string;
  plural: string;
}

export const VOLUME_UNIT_WORDS: Record<VolumeUnit, UnitWords> = {
  SEATS: { singular: 'siège', plural: 'sièges' },
  REQUESTS: { singular: 'requête', plural: 'requêtes' },
  INHABITANTS: { singular: 'habitant', plural: 'habitants' },
};

/** "Sièges", "Requêtes", "Habitants" (the unit as a choice or a fact). */
export function unitName(unit: VolumeUnit): string {
  const { plural } = VOLUME_UNIT_WORDS[unit];
  return plural.charAt(0).toUpperCase() + plural.slice(1);
}

/** "118489" → "118 489 habitants"; below 2 the French singular ("1 siège", "0,5 siège"). */
export function formatVolume(value: string, unit: VolumeUnit): string {
  const words = VOLUME_UNIT_WORDS[unit];
  let plural = true;
  try {
    plural = compareDecimal(value, '2') >= 0;
  } catch {
    // A malformed value is shown as received.
  }
  return `${formatDecimal(value)} ${plural ? words.plural : words.singular}`;
}

/** "0.1" → "0,10 € HT par habitant et par an". */
export function formatUnitPrice(value: string, unit: VolumeUnit): string {
  return `${formatEuros(value)} HT par ${VOLUME_UNIT_WORDS[unit].singular} et par an`;
}

/** The legal basis of every group. */
export const LEGAL_BASIS = 'art. L2113-6 et L2113-7 du Code de la commande publique';
