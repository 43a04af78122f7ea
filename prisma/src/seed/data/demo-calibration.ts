// Calibration des données d'adoption de démonstration (voir demo-adoption.ts).

import type { DemoOrganizationInput } from './types.ts';

/** Seuil de population au-delà duquel un EPCI est traité comme une métropole. */
export const METROPOLE_LIKE_POPULATION = 250_000;
/** Seuil de population des communes concernées par les statistiques du baromètre. */
export const COMMUNE_THRESHOLD = 3_500;

export const ADOPTION_RATE = {
  REGION: 0.75,
  DEPARTEMENT: 0.4,
  /** Part des EPCI (tous confondus) ayant au moins un déploiement. */
  EPCI: 0.33,
  /** Part des EPCI de plus de 250 000 habitants ayant au moins un déploiement. */
  EPCI_METROPOLE: 0.62,
  COMMUNE_OVER_THRESHOLD: 0.03,
  COMMUNE_UNDER_THRESHOLD: 0.0005,
} as const;

export const CHARTER_RATE = { ADOPTED: 0.03, PLANNED: 0.18 } as const;

export const CATEGORY_WEIGHTS: Record<string, Record<DemoOrganizationInput['kind'], number>> = {
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

export const SERVICES: Record<string, readonly string[]> = {
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
export const DEFAULT_SERVICES = ['Direction générale des services', "Direction des systèmes d'information"] as const;

export const ABANDON_REASONS = [
  'Coût jugé trop élevé au regard des usages constatés',
  'Qualité des réponses insuffisante sur les questions locales',
  "Doutes sur l'hébergement des données et la conformité au RGPD",
  'Faible adoption par les agents après la phase pilote',
  "Intégration difficile avec le système d'information existant",
  "Fin de l'expérimentation sans budget pour la généralisation",
  'Outil remplacé après une nouvelle mise en concurrence',
] as const;

/** Catégories dont l'usage se compte en utilisateurs (agents). */
export const USER_CATEGORIES = new Set([
  'assistant-interne-rh',
  'traitement-documents-courrier',
  'transcription-reunions',
  'traduction',
  'analyse-marches-publics',
  'urbanisme',
  'plateforme-donnees',
]);
/** Catégories dont l'usage se compte en requêtes. */
export const REQUEST_CATEGORIES = new Set([
  'chatbot-citoyen',
  'assistant-interne-rh',
  'traitement-documents-courrier',
  'traduction',
]);

// Dates (jours depuis l'époque Unix, UTC).
export const DAY_MS = 86_400_000;
export const day = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoDay = (days: number): string => new Date(days * DAY_MS).toISOString().slice(0, 10);
export const START_MIN = day('2021-09-01');
export const GENAI_START_MIN = day('2023-03-01');
export const START_MAX = day('2025-09-30');
export const LAST_DAY = day('2025-11-30');
