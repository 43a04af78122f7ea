// Données d'adoption de démonstration : déploiements, avis et chartes éthiques, générés de façon
// déterministe (générateur pseudo-aléatoire mulberry32 à graine constante) et calibrés sur les faits
// d'adoption de /shared/reference/FACTS.md (baromètre Data Publica 2024) :
// - environ un tiers des EPCI ont au moins un déploiement ; les régions (~75 %) et les EPCI de plus de
//   250 000 habitants (assimilés aux métropoles, ~62 %) beaucoup plus souvent ; les départements ~40 % ;
//   les communes rarement (~3 % au-dessus de 3 500 habitants, presque jamais en dessous) ;
// - chartes éthiques : ~3 % adoptées et ~18 % en projet parmi les EPCI, départements, régions et
//   communes de plus de 3 500 habitants, surtout dans les régions et les grands EPCI.
// Module pur : mêmes entrées (quel que soit leur ordre) → sortie identique. Les montants sont calculés en
// entiers (millionièmes puis centimes), jamais en flottants.

import { toMicros } from './decimal.ts';
import type {
  DemoCharter,
  DemoDeployment,
  DemoDeploymentStatus,
  DemoInput,
  DemoOrganizationInput,
  DemoOutput,
  DemoProcurementRoute,
  DemoReview,
  DemoToolInput,
} from './types.ts';

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

// ------------------------------------------------------------------ calibration

/** Seuil de population au-delà duquel un EPCI est traité comme une métropole. */
const METROPOLE_LIKE_POPULATION = 250_000;
/** Seuil de population des communes concernées par les statistiques du baromètre. */
const COMMUNE_THRESHOLD = 3_500;

const ADOPTION_RATE = {
  REGION: 0.75,
  DEPARTEMENT: 0.4,
  /** Part des EPCI (tous confondus) ayant au moins un déploiement. */
  EPCI: 0.33,
  /** Part des EPCI de plus de 250 000 habitants ayant au moins un déploiement. */
  EPCI_METROPOLE: 0.62,
  COMMUNE_OVER_THRESHOLD: 0.03,
  COMMUNE_UNDER_THRESHOLD: 0.0005,
} as const;

const CHARTER_RATE = { ADOPTED: 0.03, PLANNED: 0.18 } as const;

const CATEGORY_WEIGHTS: Record<string, Record<DemoOrganizationInput['kind'], number>> = {
  'chatbot-citoyen': { COMMUNE: 5, EPCI: 3, DEPARTEMENT: 3, REGION: 2 },
  'traitement-documents-courrier': { COMMUNE: 2, EPCI: 2, DEPARTEMENT: 3, REGION: 3 },
  'transcription-reunions': { COMMUNE: 2, EPCI: 2, DEPARTEMENT: 3, REGION: 3 },
  traduction: { COMMUNE: 0.5, EPCI: 0.5, DEPARTEMENT: 1, REGION: 2 },
  'analyse-marches-publics': { COMMUNE: 0.5, EPCI: 1, DEPARTEMENT: 1.5, REGION: 1.5 },
  'assistant-interne-rh': { COMMUNE: 4, EPCI: 4, DEPARTEMENT: 4, REGION: 4 },
  'energie-batiments': { COMMUNE: 1.5, EPCI: 1.5, DEPARTEMENT: 2, REGION: 1.5 },
  'eclairage-public': { COMMUNE: 2, EPCI: 1, DEPARTEMENT: 0.2, REGION: 0 },
  'reseaux-eau': { COMMUNE: 0.5, EPCI: 3, DEPARTEMENT: 0.2, REGION: 0 },
  'mobilite-trafic': { COMMUNE: 0.5, EPCI: 2, DEPARTEMENT: 1, REGION: 2 },
  dechets: { COMMUNE: 0.3, EPCI: 3, DEPARTEMENT: 0, REGION: 0.2 },
  urbanisme: { COMMUNE: 1, EPCI: 2, DEPARTEMENT: 0.5, REGION: 1 },
  'plateforme-donnees': { COMMUNE: 0.5, EPCI: 1.5, DEPARTEMENT: 2, REGION: 3 },
};

const SERVICES: Record<string, readonly string[]> = {
  'chatbot-citoyen': ['Accueil et relation usagers', 'Standard téléphonique', 'Communication'],
  'traitement-documents-courrier': ['Service courrier', 'Affaires générales', 'Finances'],
  'transcription-reunions': ['Secrétariat des assemblées', 'Direction générale des services'],
  traduction: ['Relations internationales', 'Communication', 'Tourisme'],
  'analyse-marches-publics': ['Commande publique', 'Achats'],
  'assistant-interne-rh': [
    'Ressources humaines',
    "Direction des systèmes d'information",
    'Direction générale des services',
  ],
  'energie-batiments': ['Patrimoine bâti', 'Énergie et fluides', 'Services techniques'],
  'eclairage-public': ['Éclairage public', 'Voirie'],
  'reseaux-eau': ['Eau potable', "Cycle de l'eau", 'Régie des eaux'],
  'mobilite-trafic': ['Mobilités', 'Voirie et déplacements'],
  dechets: ['Collecte et valorisation des déchets', 'Prévention des déchets'],
  urbanisme: ['Urbanisme et aménagement', 'Planification (PLUi)', 'Foncier'],
  'plateforme-donnees': ['Données et open data', "Système d'information géographique"],
};
const DEFAULT_SERVICES = ['Direction générale des services', "Direction des systèmes d'information"] as const;

const ABANDON_REASONS = [
  'Coût jugé trop élevé au regard des usages constatés',
  'Qualité des réponses insuffisante sur les questions locales',
  "Doutes sur l'hébergement des données et la conformité au RGPD",
  'Faible adoption par les agents après la phase pilote',
  "Intégration difficile avec le système d'information existant",
  "Fin de l'expérimentation sans budget pour la généralisation",
  'Outil remplacé après une nouvelle mise en concurrence',
] as const;

/** Catégories dont l'usage se compte en utilisateurs (agents). */
const USER_CATEGORIES = new Set([
  'assistant-interne-rh',
  'traitement-documents-courrier',
  'transcription-reunions',
  'traduction',
  'analyse-marches-publics',
  'urbanisme',
  'plateforme-donnees',
]);
/** Catégories dont l'usage se compte en requêtes. */
const REQUEST_CATEGORIES = new Set([
  'chatbot-citoyen',
  'assistant-interne-rh',
  'traitement-documents-courrier',
  'traduction',
]);

// Dates (jours depuis l'époque Unix, UTC).
const DAY_MS = 86_400_000;
const day = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (days: number): string => new Date(days * DAY_MS).toISOString().slice(0, 10);
const START_MIN = day('2021-09-01');
const GENAI_START_MIN = day('2023-03-01');
const START_MAX = day('2025-09-30');
const LAST_DAY = day('2025-11-30');

// ------------------------------------------------------------------ générateur pseudo-aléatoire

/** mulberry32 : générateur 32 bits rapide et reproductible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Flottant dans [0, 1[. */
  float(): number {
    return this.next();
  }
  /** Entier dans [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick() sur une liste vide');
    return item;
  }
  /** Choix pondéré d'une valeur parmi [valeur, poids]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let target = this.next() * total;
    for (const [value, weight] of entries) {
      target -= weight;
      if (target < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error('weighted() sur une liste vide');
    return last[0];
  }
  /**
   * Tirage pondéré sans remise de `count` éléments (Efraimidis–Spirakis) : chaque élément reçoit la clé
   * −ln(u) / poids et les plus petites clés sont retenues. Ordre stable (départage par position).
   */
  sample<T>(items: readonly T[], weightOf: (item: T) => number, count: number): T[] {
    const keyed: { item: T; key: number; index: number }[] = [];
    items.forEach((item, index) => {
      const u = 1 - this.next(); // ]0, 1]
      const weight = weightOf(item);
      keyed.push({ item, index, key: weight > 0 ? -Math.log(u) / weight : Number.POSITIVE_INFINITY });
    });
    keyed.sort((a, b) => a.key - b.key || a.index - b.index);
    return keyed
      .slice(0, Math.max(0, Math.min(count, items.length)))
      .filter((entry) => Number.isFinite(entry.key))
      .map((entry) => entry.item);
  }
}

// ------------------------------------------------------------------ montants (entiers)

/** Centimes → « 1234.50 ». */
function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const absolute = negative ? -cents : cents;
  const units = absolute / 100n;
  const rest = (absolute % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${units}.${rest}`;
}

/** Millionièmes d'euro → centimes, arrondi au centime le plus proche. */
function microsToCents(micros: bigint): bigint {
  return (micros + 5_000n) / 10_000n;
}

/** Applique un pourcentage entier à des centimes (arrondi au centime). */
function percentOf(cents: bigint, percent: number): bigint {
  return (cents * BigInt(percent) + 50n) / 100n;
}

function safeMicros(value: string): bigint | null {
  try {
    return toMicros(value);
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ profils

type Segment = 'REGION' | 'DEPARTEMENT' | 'EPCI_METROPOLE' | 'EPCI' | 'COMMUNE_OVER' | 'COMMUNE_UNDER';

function segmentOf(org: DemoOrganizationInput): Segment {
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

function populationOf(org: DemoOrganizationInput): number {
  const population = org.population;
  return population !== null && population > 0 ? population : DEFAULT_POPULATION[org.kind];
}

/** Effectif approximatif d'agents selon le type de collectivité et sa population. */
function estimatedAgents(org: DemoOrganizationInput): number {
  const population = populationOf(org);
  const ratio = { COMMUNE: 40, EPCI: 150, DEPARTEMENT: 150, REGION: 700 }[org.kind];
  return Math.max(5, Math.round(population / ratio));
}

function toolCountRange(segment: Segment): [number, number] {
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

/** Coût annuel de référence (centimes) selon la première offre payante choisie, avant remise. */
function listAnnualCostCents(
  rng: Random,
  org: DemoOrganizationInput,
  tool: DemoToolInput,
  usage: CostContext,
): bigint {
  // Population facturée plafonnée à 1,5 million (les paliers dégressifs ne sont pas transmis ici).
  const population = BigInt(Math.min(1_500_000, Math.max(1_000, Math.round(populationOf(org)))));
  const candidates = tool.plans
    .map((plan) => ({ plan, price: safeMicros(plan.unitPrice) }))
    .filter((entry): entry is { plan: DemoToolInput['plans'][number]; price: bigint } => entry.price !== null);
  if (candidates.length === 0) {
    // Pas d'offre connue : montant plausible selon la taille de la collectivité.
    const base = { COMMUNE: 3_000, EPCI: 12_000, DEPARTEMENT: 35_000, REGION: 60_000 }[org.kind];
    return BigInt(rng.int(base / 2, base * 2)) * 100n;
  }
  const { plan, price } = rng.pick(candidates);
  const users = BigInt(usage.users ?? Math.max(2, Math.round(estimatedAgents(org) * 0.05)));
  const monthlyRequests = BigInt(usage.monthlyRequests ?? Math.round(Number(population) / 20));
  let micros: bigint;
  switch (plan.pricingModel) {
    case 'FREE':
      micros = 0n;
      break;
    case 'FLAT_YEAR':
      micros = price;
      break;
    case 'PER_SEAT_MONTH':
      micros = price * users * 12n;
      break;
    case 'PER_INHABITANT_YEAR':
      micros = price * population;
      break;
    case 'PER_1K_REQUESTS':
      micros = (price * monthlyRequests * 12n) / 1_000n;
      break;
    case 'PER_MILLION_TOKENS':
      // 1 400 jetons par requête (1 000 en entrée, 400 en sortie).
      micros = (price * monthlyRequests * 12n * 1_400n) / 1_000_000n;
      break;
    default:
      micros = BigInt(rng.int(2_000, 20_000)) * 1_000_000n;
  }
  return microsToCents(micros);
}

function pickStatus(rng: Random, first: boolean): DemoDeploymentStatus {
  if (first) return rng.weighted([['PRODUCTION', 60], ['PILOT', 40]] as const);
  return rng.weighted([['PRODUCTION', 35], ['PILOT', 30], ['EXPLORING', 20], ['ABANDONED', 15]] as const);
}

function pickRoute(rng: Random, annualCents: bigint): DemoProcurementRoute {
  if (annualCents < 4_000_000n) {
    return rng.weighted([['DIRECT', 65], ['UGAP', 20], ['FRAMEWORK', 10], ['PURCHASING_GROUP', 5]] as const);
  }
  return rng.weighted([['TENDER', 40], ['UGAP', 25], ['FRAMEWORK', 25], ['PURCHASING_GROUP', 10]] as const);
}

function buildDeployment(
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
    const list = listAnnualCostCents(rng, org, tool, { users, monthlyRequests });
    // Remise ou surcoût négocié de −15 % à +10 % ; un pilote coûte 20 à 40 % d'une année pleine.
    let cents = percentOf(list, 100 + rng.int(-15, 10));
    if (status === 'PILOT') cents = percentOf(cents, rng.int(20, 40));
    annualCost = formatCents(cents);
    procurementRoute = pickRoute(rng, cents);
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

// ------------------------------------------------------------------ avis

type Tone = 'positive' | 'mixed' | 'negative';

const REVIEW_TITLES: Record<Tone, readonly string[]> = {
  positive: [
    'Un vrai gain de temps pour les équipes',
    'Adopté rapidement par les agents',
    'Résultats concrets dès les premiers mois',
    'Outil fiable, bon accompagnement',
    'Nous recommandons à nos voisins',
  ],
  mixed: [
    'Utile, mais demande un vrai accompagnement',
    'Prometteur, encore perfectible',
    'Bon outil, coût à surveiller',
    'Des résultats inégaux selon les services',
  ],
  negative: [
    'Déçus par rapport aux promesses',
    'Trop coûteux pour notre usage',
    'Expérimentation non concluante',
    'Difficile à intégrer à notre SI',
  ],
};

const REVIEW_OPENINGS: Record<Tone, readonly string[]> = {
  positive: [
    'Après plusieurs mois d’utilisation, le bilan est clairement positif.',
    'Le déploiement s’est fait sans difficulté majeure.',
    'Les agents se sont approprié l’outil plus vite que prévu.',
  ],
  mixed: [
    'Le bilan est contrasté après la phase de test.',
    'L’outil rend service, mais pas sur tous les cas d’usage prévus.',
    'Les premiers résultats sont encourageants sans être décisifs.',
  ],
  negative: [
    'Nous avons arrêté après quelques mois.',
    'Les résultats n’ont pas été à la hauteur de nos attentes.',
    'L’expérimentation n’a pas convaincu les services.',
  ],
};

const REVIEW_DETAILS: readonly string[] = [
  'La formation des agents a été déterminante.',
  'Nous avons associé le délégué à la protection des données dès le départ.',
  'Le support répond dans des délais raisonnables.',
  'La question de l’hébergement des données a été posée en comité de pilotage.',
  'Nous suivons des indicateurs d’usage chaque trimestre.',
  'Un groupement de commandes avec les communes voisines est à l’étude.',
  'La documentation en français reste incomplète.',
  'Le paramétrage initial a demandé plus de temps que prévu.',
];

const REVIEW_PROS: Record<Tone, readonly string[]> = {
  positive: [
    'Prise en main rapide ; gain de temps mesurable',
    'Qualité des résultats ; bon support',
    'Interface claire ; déploiement progressif possible',
    'Réponses rapides aux usagers ; disponibilité 24 h sur 24',
  ],
  mixed: [
    'Bonne qualité sur les cas simples',
    'Interface claire',
    'Éditeur à l’écoute des retours',
  ],
  negative: ['Quelques cas d’usage intéressants', 'Démarche de test sans engagement long'],
};

const REVIEW_CONS: Record<Tone, readonly string[]> = {
  positive: [
    'Coût de licence à anticiper dans le budget',
    'Paramétrage initial un peu long',
    'Peu d’informations sur l’impact environnemental',
  ],
  mixed: [
    'Résultats inégaux sur les sujets locaux',
    'Coût élevé pour une petite collectivité',
    'Hébergement des données hors de France',
    'Accessibilité (RGAA) non documentée',
  ],
  negative: [
    'Coût disproportionné au regard des usages',
    'Qualité insuffisante sans relecture systématique',
    'Intégration au SI difficile',
    'Support peu réactif',
  ],
};

function clampRating(value: number): number {
  return Math.min(5, Math.max(1, value));
}

function buildReview(rng: Random, deployment: DemoDeployment): DemoReview {
  let rating: number;
  if (deployment.status === 'ABANDONED') rating = rng.weighted([[1, 30], [2, 45], [3, 25]] as const);
  else if (deployment.status === 'PILOT') rating = rng.weighted([[2, 10], [3, 35], [4, 40], [5, 15]] as const);
  else rating = rng.weighted([[2, 5], [3, 20], [4, 45], [5, 30]] as const);
  const tone: Tone = rating >= 4 ? 'positive' : rating === 3 ? 'mixed' : 'negative';
  const criterion = (): number | null => (rng.chance(0.1) ? null : clampRating(rating + rng.int(-1, 1)));

  const start = day(deployment.startDate);
  const end = deployment.endDate === null ? LAST_DAY : day(deployment.endDate);
  const created = Math.min(LAST_DAY, Math.max(start + 20, Math.min(end, start + rng.int(30, 300))));
  const seconds = rng.int(8 * 3600, 18 * 3600);

  const ratingEaseOfUse = criterion();
  const ratingOutputQuality = criterion();
  const ratingSupport = criterion();
  const ratingDataProtection = criterion();
  const ratingValueForMoney = criterion();
  const ratingAccessibility = rng.chance(0.35) ? null : clampRating(rating + rng.int(-1, 1));
  const first = rng.pick(REVIEW_DETAILS);
  let second = rng.pick(REVIEW_DETAILS);
  if (second === first) second = REVIEW_DETAILS[(REVIEW_DETAILS.indexOf(first) + 1) % REVIEW_DETAILS.length] ?? first;

  return {
    organizationId: deployment.organizationId,
    toolId: deployment.toolId,
    rating,
    ratingEaseOfUse,
    ratingOutputQuality,
    ratingSupport,
    ratingDataProtection,
    ratingValueForMoney,
    ratingAccessibility,
    title: rng.pick(REVIEW_TITLES[tone]),
    body: `${rng.pick(REVIEW_OPENINGS[tone])} ${first} ${second} Service concerné : ${deployment.service.toLowerCase()}.`,
    pros: rng.pick(REVIEW_PROS[tone]),
    cons: rng.pick(REVIEW_CONS[tone]),
    createdAt: new Date(created * DAY_MS + seconds * 1000).toISOString(),
  };
}

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
