// Economics and rules of purchasing groups (groupements de commandes, Code de la commande publique,
// art. L2113-6 and L2113-7). Pure functions: money is exact (Decimal), shares add up to the cent.
import { cents, D, dec, type Dec, type DecimalLike } from '../../shared/money.ts';
import { tierReached, type Tier } from '../../shared/tiers.ts';

export type GroupStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'AWARDED' | 'CANCELLED';
export type AllocationRule = 'BY_POPULATION' | 'BY_SEATS' | 'BY_USAGE' | 'EQUAL';
export type Eligibility = 'ALL' | 'EPCI_MEMBERS' | 'DEPARTEMENT' | 'REGION';
export type VolumeUnit = 'SEATS' | 'REQUESTS' | 'INHABITANTS';

export type { Tier } from '../../shared/tiers.ts';

/** Unit price (per unit and per year) for a volume: the highest tier reached (shared/tiers.ts), else the list price. */
export function priceFor(volume: DecimalLike, listUnitPrice: DecimalLike, tiers: readonly Tier[]) {
  const reached = tierReached(tiers, volume);
  const next = reached.next;
  return {
    tierIndex: reached.index,
    unitPrice: reached.unitPrice ?? dec(listUnitPrice),
    nextTier: next ? { minVolume: next.minVolume.toString(), unitPrice: next.unitPrice.toString(), missingVolume: next.minVolume.minus(dec(volume)).toString() } : null,
  };
}

/**
 * Splits a total (in euros) by weights with the largest-remainder method on cents: every share is rounded
 * down to the cent, then the remaining cents go to the largest remainders (ties: input order), so that the
 * shares add up exactly to the total. All-zero weights split equally.
 */
export function allocate(total: DecimalLike, weights: readonly DecimalLike[]): string[] {
  if (weights.length === 0) return [];
  const totalCents = dec(total).times(100).toDecimalPlaces(0, D.ROUND_HALF_UP);
  let w = weights.map((x) => D.max(dec(x), 0));
  if (w.every((x) => x.isZero())) w = w.map(() => dec(1));
  const sum = w.reduce((a, b) => a.plus(b), dec(0));
  const raw = w.map((x) => totalCents.times(x).div(sum));
  const floors = raw.map((x) => x.floor());
  let remaining = totalCents.minus(floors.reduce((a, b) => a.plus(b), dec(0))).toNumber();
  const order = raw.map((x, i) => ({ i, rem: x.minus(floors[i]!) })).sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  for (const { i } of order) {
    if (remaining <= 0) break;
    floors[i] = floors[i]!.plus(1);
    remaining -= 1;
  }
  return floors.map((c) => c.div(100).toFixed(2));
}

export interface MemberInput {
  organizationId: number;
  status: 'INTERESTED' | 'COMMITTED' | 'WITHDRAWN';
  estimatedVolume: DecimalLike | null;
  committedVolume: DecimalLike | null;
  population: number | null;
  /** What the member already pays a year for the tool (declared deployment), if known. */
  currentAnnualCost: DecimalLike | null;
  /** The EPCI the member (a commune) belongs to, if any: see `populationWeights`. */
  epciId?: number | null;
}

export interface MemberShare {
  organizationId: number;
  volume: string;
  weight: string;
  share: string;
  /** Buying its own volume alone at the list price and tiers. */
  aloneCost: string;
  savingsVsAlone: string;
  currentAnnualCost: string | null;
  savingsVsCurrent: string | null;
}

export interface GroupEconomics {
  /** Sum of committed volumes. */
  committedVolume: string;
  /** Committed volumes plus the estimates of interested members. */
  projectedVolume: string;
  /** The volume the price applies to: committed once anyone committed, projected before. */
  pooledVolume: string;
  basis: 'COMMITTED' | 'PROJECTED';
  tierIndex: number;
  unitPrice: string;
  /** The unit price at the projected volume: what every member would pay if all the interested ones committed. */
  projectedUnitPrice: string;
  total: string;
  nextTier: { minVolume: string; unitPrice: string; missingVolume: string } | null;
  shares: MemberShare[];
  totalSavingsVsAlone: string;
}

const volumeOf = (m: MemberInput): Dec =>
  dec((m.status === 'COMMITTED' ? m.committedVolume : m.estimatedVolume) ?? 0);

/**
 * The population weights of the participants. An EPCI's population includes its communes': when an EPCI (often the
 * coordinator) takes part beside some of its own member communes, it weighs the population of its other communes
 * only (its population less theirs, never below zero), so that no inhabitant is counted twice.
 */
export function populationWeights(participants: readonly MemberInput[]): Dec[] {
  return participants.map((m) => {
    const counted = participants
      .filter((other) => other.epciId != null && other.epciId === m.organizationId)
      .reduce((sum, other) => sum.plus(other.population ?? 0), dec(0));
    return D.max(dec(m.population ?? 0).minus(counted), 0);
  });
}

/**
 * Pooled volume → tier reached → unit price → total a year; each member's share by the allocation rule;
 * savings against buying alone at list price and against what members already pay. Withdrawn members count
 * for nothing. Before the first commitment, the projection uses the estimates of interested members.
 */
export function groupEconomics(input: {
  listUnitPrice: DecimalLike;
  tiers: readonly Tier[];
  allocationRule: AllocationRule;
  members: readonly MemberInput[];
}): GroupEconomics {
  const active = input.members.filter((m) => m.status !== 'WITHDRAWN');
  const committed = active.filter((m) => m.status === 'COMMITTED');
  const committedVolume = committed.reduce((sum, m) => sum.plus(volumeOf(m)), dec(0));
  const projectedVolume = active.reduce((sum, m) => sum.plus(volumeOf(m)), dec(0));
  const basis = committed.length > 0 ? 'COMMITTED' : 'PROJECTED';
  const participants = basis === 'COMMITTED' ? committed : active;
  const pooled = basis === 'COMMITTED' ? committedVolume : projectedVolume;
  const price = priceFor(pooled, input.listUnitPrice, input.tiers);
  const total = pooled.times(price.unitPrice);
  const populations = populationWeights(participants);
  const weights = participants.map((m, i) =>
    input.allocationRule === 'EQUAL' ? dec(1) : input.allocationRule === 'BY_POPULATION' ? populations[i]! : volumeOf(m),
  );
  const shareValues = allocate(total, weights);
  let savings = dec(0);
  const shares = participants.map((m, i) => {
    const volume = volumeOf(m);
    const alone = volume.times(priceFor(volume, input.listUnitPrice, input.tiers).unitPrice);
    const share = shareValues[i]!;
    savings = savings.plus(alone.minus(share));
    return {
      organizationId: m.organizationId,
      volume: volume.toString(),
      weight: weights[i]!.toString(),
      share,
      aloneCost: cents(alone),
      savingsVsAlone: cents(alone.minus(share)),
      currentAnnualCost: m.currentAnnualCost != null ? cents(dec(m.currentAnnualCost)) : null,
      savingsVsCurrent: m.currentAnnualCost != null ? cents(dec(m.currentAnnualCost).minus(share)) : null,
    };
  });
  return {
    committedVolume: committedVolume.toString(),
    projectedVolume: projectedVolume.toString(),
    pooledVolume: pooled.toString(),
    basis,
    tierIndex: price.tierIndex,
    unitPrice: price.unitPrice.toString(),
    projectedUnitPrice: priceFor(projectedVolume, input.listUnitPrice, input.tiers).unitPrice.toString(),
    total: cents(total),
    nextTier: price.nextTier,
    shares,
    totalSavingsVsAlone: cents(savings),
  };
}

export interface OrgGeo {
  id: number;
  kind: string;
  epciId: number | null;
  departementCode: string | null;
  regionCode: string | null;
}

/** Whether an organization may join a group of the given coordinator, or why not (French). */
export function eligibilityError(eligibility: Eligibility, coordinator: OrgGeo, candidate: OrgGeo): string | null {
  if (candidate.id === coordinator.id) return null;
  switch (eligibility) {
    case 'ALL':
      return null;
    case 'EPCI_MEMBERS':
      return candidate.epciId === coordinator.id ? null : 'Ce groupement est réservé aux communes membres de l’EPCI coordonnateur.';
    case 'DEPARTEMENT':
      return coordinator.departementCode && candidate.departementCode === coordinator.departementCode
        ? null
        : 'Ce groupement est réservé aux collectivités du département du coordonnateur.';
    case 'REGION':
      return coordinator.regionCode && candidate.regionCode === coordinator.regionCode
        ? null
        : 'Ce groupement est réservé aux collectivités de la région du coordonnateur.';
  }
}

const TRANSITIONS: Record<GroupStatus, GroupStatus[]> = {
  DRAFT: ['OPEN', 'CANCELLED'],
  OPEN: ['CLOSED', 'CANCELLED'],
  CLOSED: ['AWARDED', 'CANCELLED'],
  AWARDED: [],
  CANCELLED: [],
};

const STATUS_LABELS: Record<GroupStatus, string> = {
  DRAFT: 'en préparation',
  OPEN: 'ouvert',
  CLOSED: 'clos',
  AWARDED: 'attribué',
  CANCELLED: 'annulé',
};

/** The statuses a group may move to from `from` (the coordinator's next actions). */
export const nextStatuses = (from: GroupStatus): readonly GroupStatus[] => TRANSITIONS[from];

export function transitionError(from: GroupStatus, to: GroupStatus): string | null {
  return TRANSITIONS[from].includes(to) ? null : `Le groupement est ${STATUS_LABELS[from]} : il ne peut pas passer à l’état ${STATUS_LABELS[to]}.`;
}

/** Joining, committing and withdrawing happen only while the group is open and before the deadline. */
export function membershipChangeError(status: GroupStatus, deadline: Date, now: Date): string | null {
  if (status === 'DRAFT') return 'Le groupement n’est pas encore ouvert aux adhésions.';
  if (status !== 'OPEN') return `Le groupement est ${STATUS_LABELS[status]} : les adhésions et engagements sont figés.`;
  if (now.getTime() > deadline.getTime()) {
    return `La date limite de manifestation d’intérêt (${deadline.toISOString().slice(0, 10)}) est passée.`;
  }
  return null;
}

/**
 * Whether the coordinator may invite organizations now: while the group is open and before its deadline, as for
 * joining (a draft is seen by nobody outside the coordinator, and a closed group takes no one in).
 */
export function invitationError(status: GroupStatus, deadline: Date, now: Date): string | null {
  if (status === 'DRAFT') return 'Ouvrez le groupement aux adhésions avant d’inviter des collectivités.';
  return membershipChangeError(status, deadline, now);
}

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED';

/** Why an invitation may not be answered: it was answered already (French), or null. */
export function answerError(status: InvitationStatus): string | null {
  if (status === 'ACCEPTED') return 'Cette invitation a déjà été acceptée.';
  if (status === 'DECLINED') return 'Cette invitation a déjà été déclinée.';
  return null;
}

/**
 * A group's readable address, `/groupements/12-ia-generative-pour-les-communes-du-doubs`: its number, then its title
 * in lower case without accents (the web builds the same path: web/src/screens/groups/groupPath.ts).
 */
export function groupPath(id: number, title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const short = slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, '') : slug;
  return `/groupements/${id}${short ? `-${short}` : ''}`;
}

/** The allocation rule must measure something the group collects. */
export function allocationRuleError(rule: AllocationRule, unit: VolumeUnit): string | null {
  if (rule === 'BY_SEATS' && unit !== 'SEATS') return 'La répartition par sièges demande un volume exprimé en sièges.';
  if (rule === 'BY_USAGE' && unit !== 'REQUESTS') return 'La répartition à l’usage demande un volume exprimé en requêtes.';
  return null;
}

export interface CataloguePlan {
  pricingModel: string;
  unitPrice: DecimalLike;
  tiers: readonly Tier[];
}

const PLAN_CONVERSIONS: Record<string, { unit: VolumeUnit; price: (p: string) => string; volume: (v: string) => string } | undefined> = {
  PER_SEAT_MONTH: { unit: 'SEATS', price: (p) => dec(p).times(12).toString(), volume: (v) => v },
  PER_INHABITANT_YEAR: { unit: 'INHABITANTS', price: (p) => p, volume: (v) => v },
  PER_1K_REQUESTS: { unit: 'REQUESTS', price: (p) => dec(p).div(1000).toString(), volume: (v) => dec(v).times(1000).toString() },
};

/** A catalogue plan as a yearly price per group unit, when their units agree (null otherwise). */
export function planPrice(plan: CataloguePlan, unit: VolumeUnit) {
  const conversion = PLAN_CONVERSIONS[plan.pricingModel];
  if (!conversion || conversion.unit !== unit) return null;
  return {
    listUnitPrice: conversion.price(plan.unitPrice.toString()),
    tiers: plan.tiers.map((tier) => ({ minVolume: conversion.volume(tier.minVolume.toString()), unitPrice: conversion.price(tier.unitPrice.toString()) })),
  };
}
