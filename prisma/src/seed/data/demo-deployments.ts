// Déploiements de démonstration : profils des collectivités, usages et coûts (décimaux exacts).

import { cents as formatCents, D, dec, type Dec } from '../../decimal.ts';
import { METROPOLE_LIKE_POPULATION, COMMUNE_THRESHOLD, SERVICES, DEFAULT_SERVICES, ABANDON_REASONS, USER_CATEGORIES, REQUEST_CATEGORIES, isoDay, START_MIN, GENAI_START_MIN, START_MAX, LAST_DAY } from './demo-calibration.ts';
import { Random } from './demo-random.ts';
import type { DemoDeployment, DemoDeploymentStatus, DemoOrganizationInput, DemoProcurementRoute, DemoToolInput } from './types.ts';

/** Arrondi au centime le plus proche (moitié vers le haut). */
function toCent(euros: Dec): Dec {
  return euros.toDecimalPlaces(2);
}

/** Tronqué au millionième d'euro. */
function toMicro(euros: Dec): Dec {
  return euros.toDecimalPlaces(6, D.ROUND_DOWN);
}

/** Applique un pourcentage entier à un montant au centime (arrondi au centime). */
function percentOf(euros: Dec, percent: number): Dec {
  return toCent(euros.mul(percent).div(100));
}

/** Un prix décimal positif d'au plus six décimales (numeric(14, 6)), sinon null. */
function priceOf(value: string): Dec | null {
  return /^\d+(?:\.\d{1,6})?$/.test(value.trim()) ? dec(value.trim()) : null;
}

// ------------------------------------------------------------------ profils

export type Segment = 'REGION' | 'DEPARTEMENT' | 'EPCI_METROPOLE' | 'EPCI' | 'COMMUNE_OVER' | 'COMMUNE_UNDER';

export function segmentOf(org: DemoOrganizationInput): Segment {
  const population = org.population ?? 0;
  switch (org.kind) {
    case 'REGION':
      return 'REGION';
    case 'DEPARTEMENT':
      return 'DEPARTEMENT';
    case 'EPCI':
      return population > METROPOLE_LIKE_POPULATION ? 'EPCI_METROPOLE' : 'EPCI';
    case 'COMMUNE':
      return population >= COMMUNE_THRESHOLD ? 'COMMUNE_OVER' : 'COMMUNE_UNDER';
  }
}

const DEFAULT_POPULATION: Record<DemoOrganizationInput['kind'], number> = {
  COMMUNE: 1_500,
  EPCI: 40_000,
  DEPARTEMENT: 650_000,
  REGION: 3_500_000,
};

export function populationOf(org: DemoOrganizationInput): number {
  const population = org.population;
  return population !== null && population > 0 ? population : DEFAULT_POPULATION[org.kind];
}

/** Effectif approximatif d'agents selon le type de collectivité et sa population. */
function estimatedAgents(org: DemoOrganizationInput): number {
  const population = populationOf(org);
  const ratio = { COMMUNE: 40, EPCI: 150, DEPARTEMENT: 150, REGION: 700 }[org.kind];
  return Math.max(5, Math.round(population / ratio));
}

export function toolCountRange(segment: Segment): [number, number] {
  switch (segment) {
    case 'REGION':
    case 'EPCI_METROPOLE':
      return [2, 5];
    case 'DEPARTEMENT':
      return [1, 4];
    case 'EPCI':
      return [1, 3];
    case 'COMMUNE_OVER':
      return [1, 2];
    case 'COMMUNE_UNDER':
      return [1, 1];
  }
}

function isGenerativeCategory(categorySlug: string): boolean {
  return categorySlug === 'assistant-interne-rh' || categorySlug === 'chatbot-citoyen';
}

// ------------------------------------------------------------------ déploiements

interface CostContext {
  users: number | null;
  monthlyRequests: number | null;
}

/** Coût annuel de référence (au centime) selon la première offre payante choisie, avant remise. */
function listAnnualCost(
  rng: Random,
  org: DemoOrganizationInput,
  tool: DemoToolInput,
  usage: CostContext,
): Dec {
  // Population facturée plafonnée à 1,5 million (les paliers dégressifs ne sont pas transmis ici).
  const population = Math.min(1_500_000, Math.max(1_000, Math.round(populationOf(org))));
  const candidates = tool.plans
    .map((plan) => ({ plan, price: priceOf(plan.unitPrice) }))
    .filter((entry): entry is { plan: DemoToolInput['plans'][number]; price: Dec } => entry.price !== null);
  if (candidates.length === 0) {
    // Pas d'offre connue : montant plausible selon la taille de la collectivité.
    const base = { COMMUNE: 3_000, EPCI: 12_000, DEPARTEMENT: 35_000, REGION: 60_000 }[org.kind];
    return dec(rng.int(base / 2, base * 2));
  }
  const { plan, price } = rng.pick(candidates);
  const users = usage.users ?? Math.max(2, Math.round(estimatedAgents(org) * 0.05));
  const monthlyRequests = usage.monthlyRequests ?? Math.round(population / 20);
  let euros: Dec;
  switch (plan.pricingModel) {
    case 'FREE':
      euros = dec(0);
      break;
    case 'FLAT_YEAR':
      euros = price;
      break;
    case 'PER_SEAT_MONTH':
      euros = price.mul(users).mul(12);
      break;
    case 'PER_INHABITANT_YEAR':
      euros = price.mul(population);
      break;
    case 'PER_1K_REQUESTS':
      euros = toMicro(price.mul(monthlyRequests).mul(12).div(1_000));
      break;
    case 'PER_MILLION_TOKENS':
      // 1 400 jetons par requête (1 000 en entrée, 400 en sortie).
      euros = toMicro(price.mul(monthlyRequests).mul(12).mul(1_400).div(1_000_000));
      break;
    default:
      euros = dec(rng.int(2_000, 20_000));
  }
  return toCent(euros);
}

export function pickStatus(rng: Random, first: boolean): DemoDeploymentStatus {
  if (first) return rng.weighted([['PRODUCTION', 60], ['PILOT', 40]] as const);
  return rng.weighted([['PRODUCTION', 35], ['PILOT', 30], ['EXPLORING', 20], ['ABANDONED', 15]] as const);
}

function pickRoute(rng: Random, annualCost: Dec): DemoProcurementRoute {
  if (annualCost.lt(40_000)) {
    return rng.weighted([['DIRECT', 65], ['UGAP', 20], ['FRAMEWORK', 10], ['PURCHASING_GROUP', 5]] as const);
  }
  return rng.weighted([['TENDER', 40], ['UGAP', 25], ['FRAMEWORK', 25], ['PURCHASING_GROUP', 10]] as const);
}

export function buildDeployment(
  rng: Random,
  org: DemoOrganizationInput,
  tool: DemoToolInput,
  status: DemoDeploymentStatus,
): DemoDeployment {
  const earliest = isGenerativeCategory(tool.categorySlug) ? GENAI_START_MIN : START_MIN;
  const start = rng.int(earliest, START_MAX);
  let endDate: string | null = null;
  if (status === 'ABANDONED') endDate = isoDay(Math.min(LAST_DAY, start + rng.int(90, 420)));

  const agents = estimatedAgents(org);
  let users: number | null = null;
  const billedBySeat = tool.plans.some((p) => p.pricingModel === 'PER_SEAT_MONTH');
  if (tool.categorySlug === 'assistant-interne-rh') {
    // Assistant généraliste : une part des agents (3 à 12 % en production, 1 à 4 % en pilote).
    const share = status === 'PRODUCTION' ? rng.int(3, 12) : rng.int(1, 4);
    users = Math.min(1_500, Math.max(2, Math.round((agents * share) / 100)));
  } else if (USER_CATEGORIES.has(tool.categorySlug) || billedBySeat) {
    // Outil métier : une petite équipe (2 à 60 agents).
    users = Math.min(60, Math.max(2, rng.int(2, 8) + Math.round((agents * rng.int(0, 2)) / 100)));
  }
  let monthlyRequests: number | null = null;
  const billedByRequest = tool.plans.some(
    (p) => p.pricingModel === 'PER_1K_REQUESTS' || p.pricingModel === 'PER_MILLION_TOKENS',
  );
  if (REQUEST_CATEGORIES.has(tool.categorySlug) || billedByRequest) {
    if (tool.categorySlug === 'chatbot-citoyen') {
      monthlyRequests = Math.max(200, Math.round((populationOf(org) * rng.int(2, 12)) / 100));
    } else {
      monthlyRequests = Math.max(100, (users ?? Math.max(2, Math.round(agents * 0.05))) * rng.int(40, 250));
    }
  }

  let annualCost: string | null = null;
  let procurementRoute: DemoProcurementRoute | null = null;
  if (status !== 'EXPLORING') {
    const list = listAnnualCost(rng, org, tool, { users, monthlyRequests });
    // Remise ou surcoût négocié de −15 % à +10 % ; un pilote coûte 20 à 40 % d'une année pleine.
    let cost = percentOf(list, 100 + rng.int(-15, 10));
    if (status === 'PILOT') cost = percentOf(cost, rng.int(20, 40));
    annualCost = formatCents(cost);
    procurementRoute = pickRoute(rng, cost);
  }

  const services = SERVICES[tool.categorySlug] ?? DEFAULT_SERVICES;
  return {
    organizationId: org.id,
    toolId: tool.id,
    status,
    service: rng.pick(services),
    startDate: isoDay(start),
    endDate,
    users,
    monthlyRequests,
    annualCost,
    procurementRoute,
    abandonReason: status === 'ABANDONED' ? rng.pick(ABANDON_REASONS) : null,
  };
}
