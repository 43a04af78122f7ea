// Données d'adoption de démonstration : déploiements, avis et chartes éthiques, générés de façon
// déterministe (générateur pseudo-aléatoire mulberry32 à graine constante) et calibrés sur les faits
// d'adoption de /shared/reference/FACTS.md (baromètre Data Publica 2024) :
// - environ un tiers des EPCI ont au moins un déploiement ; les régions (~75 %) et les EPCI de plus de
//   250 000 habitants (assimilés aux métropoles, ~62 %) beaucoup plus souvent ; les départements ~40 % ;
//   les communes rarement (~3 % au-dessus de 3 500 habitants, presque jamais en dessous) ;
// - chartes éthiques : ~3 % adoptées et ~18 % en projet parmi les EPCI, départements, régions et
//   communes de plus de 3 500 habitants, surtout dans les régions et les grands EPCI.
// Module pur : mêmes entrées (quel que soit leur ordre) → sortie identique. Les montants sont calculés en
// décimaux exacts (../../decimal.ts), tronqués au millionième puis arrondis au centime, jamais en flottants.

import { COMMUNE_THRESHOLD, ADOPTION_RATE, CHARTER_RATE, CATEGORY_WEIGHTS, day, isoDay } from './demo-calibration.ts';
import { Random } from './demo-random.ts';
import { type Segment, segmentOf, populationOf, toolCountRange, pickStatus, buildDeployment } from './demo-deployments.ts';
import { buildReview } from './demo-reviews.ts';
import type { DemoCharter, DemoDeployment, DemoInput, DemoOrganizationInput, DemoOutput, DemoReview } from './types.ts';

export type {
  DemoCharter,
  DemoDeployment,
  DemoInput,
  DemoOutput,
  DemoReview,
} from './types.ts';

/** Graine du générateur pseudo-aléatoire (date du rapport du Sénat n° 447, 13 mars 2025). */
export const DEMO_SEED = 20250313;

export const DEMO_LABEL =
  'Données de démonstration générées (non réelles), calibrées sur le baromètre Data Publica 2024';


// ------------------------------------------------------------------ chartes

function charterWeight(org: DemoOrganizationInput, adopter: boolean, status: 'ADOPTED' | 'PLANNED'): number {
  const population = populationOf(org);
  let weight: number;
  switch (segmentOf(org)) {
    case 'REGION':
      weight = status === 'PLANNED' ? 10 : 5;
      break;
    case 'EPCI_METROPOLE':
      weight = status === 'PLANNED' ? 8 : 5;
      break;
    case 'DEPARTEMENT':
      weight = status === 'PLANNED' ? 3 : 2;
      break;
    case 'EPCI':
      weight = 1 + Math.log10(Math.max(population, 1_000) / 1_000);
      break;
    case 'COMMUNE_OVER':
      weight = 0.4 + 0.6 * Math.log10(Math.max(population, COMMUNE_THRESHOLD) / COMMUNE_THRESHOLD);
      break;
    case 'COMMUNE_UNDER':
      weight = 0;
      break;
  }
  return adopter ? weight * 3 : weight;
}

function isCharterEligible(org: DemoOrganizationInput): boolean {
  return segmentOf(org) !== 'COMMUNE_UNDER';
}

// ------------------------------------------------------------------ génération

/** Comparaison par points de code, indépendante de la locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Génère les déploiements, avis et chartes de démonstration (pur et déterministe). */
export function generateDemoAdoption(input: DemoInput): DemoOutput {
  const rng = new Random(DEMO_SEED);
  const organizations = [...input.organizations].sort((a, b) => a.id - b.id);
  const tools = [...input.tools]
    .map((tool) => ({
      ...tool,
      plans: [...tool.plans].sort(
        (a, b) => compareStrings(a.pricingModel, b.pricingModel) || compareStrings(a.unitPrice, b.unitPrice),
      ),
    }))
    .sort((a, b) => a.id - b.id);

  // 1. Collectivités ayant au moins un déploiement : tirages à effectif fixé par segment.
  const bySegment = new Map<Segment, DemoOrganizationInput[]>();
  for (const org of organizations) {
    const segment = segmentOf(org);
    const list = bySegment.get(segment) ?? [];
    list.push(org);
    bySegment.set(segment, list);
  }
  const segmentList = (segment: Segment): DemoOrganizationInput[] => bySegment.get(segment) ?? [];
  const sqrtPopulation = (org: DemoOrganizationInput): number => Math.sqrt(populationOf(org));

  const epciTotal = segmentList('EPCI').length + segmentList('EPCI_METROPOLE').length;
  const metropoleCount = Math.round(segmentList('EPCI_METROPOLE').length * ADOPTION_RATE.EPCI_METROPOLE);
  const otherEpciCount = Math.max(0, Math.round(epciTotal * ADOPTION_RATE.EPCI) - metropoleCount);

  const adopters: DemoOrganizationInput[] = [
    ...rng.sample(segmentList('REGION'), sqrtPopulation, Math.round(segmentList('REGION').length * ADOPTION_RATE.REGION)),
    ...rng.sample(
      segmentList('DEPARTEMENT'),
      sqrtPopulation,
      Math.round(segmentList('DEPARTEMENT').length * ADOPTION_RATE.DEPARTEMENT),
    ),
    ...rng.sample(segmentList('EPCI_METROPOLE'), sqrtPopulation, metropoleCount),
    ...rng.sample(segmentList('EPCI'), sqrtPopulation, otherEpciCount),
    ...rng.sample(
      segmentList('COMMUNE_OVER'),
      (org) => Math.pow(populationOf(org), 0.7),
      Math.round(segmentList('COMMUNE_OVER').length * ADOPTION_RATE.COMMUNE_OVER_THRESHOLD),
    ),
    ...rng.sample(
      segmentList('COMMUNE_UNDER'),
      sqrtPopulation,
      Math.round(segmentList('COMMUNE_UNDER').length * ADOPTION_RATE.COMMUNE_UNDER_THRESHOLD),
    ),
  ].sort((a, b) => a.id - b.id);

  // 2. Déploiements : 1 à 5 outils par collectivité, pondérés par catégorie et type de collectivité.
  const deployments: DemoDeployment[] = [];
  if (tools.length > 0) {
    for (const org of adopters) {
      const [min, max] = toolCountRange(segmentOf(org));
      const count = rng.int(min, max);
      const chosen = rng.sample(tools, (tool) => CATEGORY_WEIGHTS[tool.categorySlug]?.[org.kind] ?? 1, count);
      chosen.sort((a, b) => a.id - b.id);
      chosen.forEach((tool, index) => {
        deployments.push(buildDeployment(rng, org, tool, pickStatus(rng, index === 0)));
      });
    }
  }

  // 3. Avis : environ 40 % des déploiements effectifs (pilote, production ou abandon).
  const reviews: DemoReview[] = [];
  for (const deployment of deployments) {
    if (deployment.status === 'EXPLORING') continue;
    if (rng.chance(0.4)) reviews.push(buildReview(rng, deployment));
  }

  // 4. Chartes éthiques : effectifs fixés sur la population éligible, tirages pondérés.
  const adopterIds = new Set(adopters.map((org) => org.id));
  const eligible = organizations.filter(isCharterEligible);
  const adoptedCount = Math.round(eligible.length * CHARTER_RATE.ADOPTED);
  const plannedCount = Math.round(eligible.length * CHARTER_RATE.PLANNED);
  const adopted = rng.sample(eligible, (org) => charterWeight(org, adopterIds.has(org.id), 'ADOPTED'), adoptedCount);
  const adoptedIds = new Set(adopted.map((org) => org.id));
  const remaining = eligible.filter((org) => !adoptedIds.has(org.id));
  const planned = rng.sample(remaining, (org) => charterWeight(org, adopterIds.has(org.id), 'PLANNED'), plannedCount);

  const charters: DemoCharter[] = [
    ...adopted.map(
      (org): DemoCharter => ({
        organizationId: org.id,
        status: 'ADOPTED',
        adoptedAt: isoDay(rng.int(day('2023-06-01'), day('2025-10-31'))),
        url: null,
      }),
    ),
    ...planned.map((org): DemoCharter => ({ organizationId: org.id, status: 'PLANNED', adoptedAt: null, url: null })),
  ].sort((a, b) => a.organizationId - b.organizationId);

  deployments.sort((a, b) => a.organizationId - b.organizationId || a.toolId - b.toolId);
  reviews.sort((a, b) => a.organizationId - b.organizationId || a.toolId - b.toolId);
  return { deployments, reviews, charters };
}
