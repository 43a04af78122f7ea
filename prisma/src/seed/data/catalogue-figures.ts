// Catalogue d'amorçage : offres tarifaires, chiffres d'impact, intensités carbone de l'électricité.

import { frenchNumber } from '../../decimal.ts';
import { RATE_NOTE, usdToEur, whFor400Tokens, tokenPlan, demoPlan, SRC } from './catalogue-helpers.ts';
import type { GridIntensitySeed, ImpactFigureSeed, PricingPlanSeed } from './types.ts';

export const pricingPlans: PricingPlanSeed[] = [
  // --- prix publiés ou rapportés
  {
    toolSlug: 'le-chat-pro',
    name: 'Le Chat Pro',
    pricingModel: 'PER_SEAT_MONTH',
    unitPrice: '14.99',
    setupFee: '0',
    tiers: [],
    source: 'PUBLISHED',
    sourceUrl: SRC.mistralLeChatPro,
    sourceDate: '2025-02-06',
    notes:
      "Prix publié : 14,99 € par utilisateur et par mois (février 2025). La source ne précise pas si la TVA " +
      'est incluse : à vérifier avant engagement.',
    isDemo: false,
  },
  {
    toolSlug: 'chatgpt-business',
    name: 'ChatGPT Business (ex-Team), facturation mensuelle',
    pricingModel: 'PER_SEAT_MONTH',
    unitPrice: usdToEur('30', 2),
    setupFee: '0',
    minimumQuantity: '2',
    tiers: [],
    source: 'PUBLISHED',
    sourceUrl: SRC.chatgptTeamBilling,
    sourceDate: '2024-01-10',
    notes:
      `Prix publié en dollars US (30 $ par utilisateur et par mois, minimum deux utilisateurs), ${RATE_NOTE}. ` +
      "L'offre Team a été renommée ChatGPT Business en août 2025.",
    isDemo: false,
  },
  {
    toolSlug: 'microsoft-365-copilot',
    name: 'Microsoft 365 Copilot (option, engagement annuel)',
    pricingModel: 'PER_SEAT_MONTH',
    unitPrice: usdToEur('30', 2),
    setupFee: '0',
    tiers: [],
    source: 'PUBLISHED',
    sourceUrl: SRC.copilotPricing,
    sourceDate: '2023-07-18',
    notes:
      `Prix publié en dollars US (30 $ par utilisateur et par mois, engagement annuel), ${RATE_NOTE}. ` +
      "S'ajoute à une licence Microsoft 365 éligible, non comprise.",
    isDemo: false,
  },
  tokenPlan('api-openai', 'GPT-4o', '2.50', '10', SRC.genaiPricesOpenai, '2025-06-30'),
  tokenPlan('api-openai', 'GPT-4o mini', '0.15', '0.60', SRC.genaiPricesOpenai, '2025-06-30'),
  tokenPlan('api-mistral', 'Mistral Large', '2', '6', SRC.genaiPricesMistral, '2025-07-01'),
  tokenPlan('api-mistral', 'Mistral Medium 3', '0.40', '2', SRC.genaiPricesMistral, '2025-07-01'),
  tokenPlan('api-mistral', 'Mistral Small 3.2', '0.10', '0.30', SRC.genaiPricesMistral, '2025-07-01'),
  tokenPlan(
    'api-gemini',
    'Gemini 2.5 Pro',
    '1.25',
    '10',
    SRC.genaiPricesGoogle,
    '2025-06-30',
    ' Tarif des requêtes de moins de 200 000 jetons.',
  ),
  tokenPlan('api-gemini', 'Gemini 2.5 Flash', '0.30', '2.50', SRC.genaiPricesGoogle, '2025-06-30'),
  {
    toolSlug: 'albert',
    name: 'Albert — accès gratuit pour les administrations',
    pricingModel: 'FREE',
    unitPrice: '0',
    setupFee: '0',
    tiers: [],
    source: 'REPORTED',
    sourceUrl: SRC.albertModeEmploi,
    sourceDate: '2024-05-28',
    notes:
      "Pas de tarif public : l'API est proposée gratuitement aux services publics, en priorité à ceux de l'État " +
      "(webinaire DINUM du 28 mai 2024) ; le code (licence MIT, etalab-ia/albert-api) est réutilisable par les " +
      "collectivités, qui supportent alors leurs propres coûts d'hébergement.",
    isDemo: false,
  },
  {
    toolSlug: 'yelda-callbot',
    name: 'Callbot de standard municipal (cas de Plaisir)',
    pricingModel: 'FLAT_YEAR',
    unitPrice: '10000',
    setupFee: '0',
    tiers: [],
    source: 'REPORTED',
    sourceUrl: SRC.yeldaTf1,
    sourceDate: '2024-03-01',
    notes:
      "Coût rapporté par le JT de TF1 (mars 2024) pour la ville de Plaisir : 10 000 € par an. Un reportage de " +
      "France 2 cite 100 € par mois : les deux sources divergent, le montant HT ou TTC n'est pas précisé.",
    isDemo: false,
  },
  {
    toolSlug: 'prioreno',
    name: 'Prioréno — service gratuit',
    pricingModel: 'FREE',
    unitPrice: '0',
    setupFee: '0',
    tiers: [],
    source: 'PUBLISHED',
    sourceUrl: SRC.priorenoFree,
    sourceDate: '2022-02-16',
    notes: 'Service mis gratuitement à la disposition des collectivités de métropole par la Banque des Territoires.',
    isDemo: false,
  },
  {
    toolSlug: 'advizeo',
    name: 'Licence de la plateforme, par bâtiment suivi',
    pricingModel: 'FLAT_YEAR',
    unitPrice: '570',
    setupFee: '5000',
    tiers: [],
    source: 'REPORTED',
    sourceUrl: SRC.advizeoPasDeCalais,
    sourceDate: '2022-04-01',
    notes:
      "Montants rapportés pour le département du Pas-de-Calais : licence de 570 € par an et par collège, plus " +
      "50 € pour l'intégration des factures ; installation du suivi de 5 000 à 6 000 € par collège (borne basse " +
      "retenue en frais de mise en service). Prix par bâtiment : à multiplier par le nombre de bâtiments suivis.",
    isDemo: false,
  },
  // --- tarifs illustratifs (démonstration), non sourcés
  demoPlan('leakmited', 'Campagne annuelle de ciblage des fuites', 'PER_INHABITANT_YEAR', '0.12', {
    setupFee: '3000',
    minimumAnnualAmount: '6000',
    tiers: [
      { minVolume: '50000', unitPrice: '0.09' },
      { minVolume: '200000', unitPrice: '0.06' },
    ],
  }),
  demoPlan('suez-aquadvanced', 'Supervision du réseau d’eau potable', 'PER_INHABITANT_YEAR', '0.25', {
    setupFee: '15000',
    minimumAnnualAmount: '12000',
    tiers: [
      { minVolume: '100000', unitPrice: '0.18' },
      { minVolume: '500000', unitPrice: '0.12' },
    ],
  }),
  demoPlan('kermap-nimbo', 'Suivi satellitaire du territoire', 'PER_INHABITANT_YEAR', '0.05', {
    minimumAnnualAmount: '2500',
    tiers: [
      { minVolume: '100000', unitPrice: '0.035' },
      { minVolume: '1000000', unitPrice: '0.02' },
    ],
  }),
  demoPlan('lixo', 'Équipement d’une benne de collecte', 'FLAT_YEAR', '9000', {
    setupFee: '2000',
    tiers: [
      { minVolume: '5', unitPrice: '8000' },
      { minVolume: '20', unitPrice: '6500' },
    ],
  }),
  demoPlan('vianova', 'Licence annuelle de la plateforme', 'FLAT_YEAR', '24000', {
    tiers: [
      { minVolume: '3', unitPrice: '20000' },
      { minVolume: '10', unitPrice: '15000' },
    ],
  }),
  demoPlan('opendatasoft', 'Portail open data', 'FLAT_YEAR', '12000', {
    setupFee: '3000',
    tiers: [
      { minVolume: '5', unitPrice: '9500' },
      { minVolume: '20', unitPrice: '7000' },
    ],
  }),
  demoPlan('silex-sourcing', 'Abonnement service achats', 'FLAT_YEAR', '6000'),
  demoPlan('captoo', 'Licence de transcription des séances', 'FLAT_YEAR', '4500', { setupFee: '1500' }),
  demoPlan('lighton-paradigm', 'Installation sur site', 'FLAT_YEAR', '30000', { setupFee: '10000' }),
  demoPlan('kawantech-kara', 'Capteurs et supervision, par quartier équipé', 'FLAT_YEAR', '3000'),
  demoPlan('noota', 'Licence par utilisateur', 'PER_SEAT_MONTH', '19'),
  demoPlan('deepl-pro', 'Licence par utilisateur', 'PER_SEAT_MONTH', '10'),
  demoPlan('systran-translate', 'Licence par utilisateur', 'PER_SEAT_MONTH', '12'),
  demoPlan('autodesk-forma', 'Licence par utilisateur', 'PER_SEAT_MONTH', '150'),
  demoPlan('mindee-doctr', 'Pages traitées par l’API', 'PER_1K_REQUESTS', '40', {
    tiers: [
      { minVolume: '100', unitPrice: '30' },
      { minVolume: '1000', unitPrice: '20' },
    ],
  }),
];

// ------------------------------------------------------------------ impact environnemental

const COMPARIA_DATE = '2025-11-12';
const COMPARIA_VERSION = '0.8.2';

/** Écriture française d'un entier avec espaces de milliers (indépendante de la locale du système). */
function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function ecologitsFigure(
  toolSlug: string,
  model: string,
  whPerMillionTokens: number,
  hostingCountry: string,
): ImpactFigureSeed {
  const wh = whFor400Tokens(whPerMillionTokens);
  return {
    toolSlug,
    energyWhPerRequest: wh,
    hostingCountry,
    method: 'ECOLOGITS_ESTIMATE',
    methodVersion: COMPARIA_VERSION,
    scope:
      `Estimation EcoLogits affichée par compar:IA pour ${model} : ` +
      `${thousands(whPerMillionTokens)} Wh par million de jetons. ` +
      `Hypothèse : requête de 400 jetons en sortie, soit ${whPerMillionTokens} × 400 / 1 000 000 = ` +
      `${frenchNumber(wh)} Wh. Énergie seule : carbone et eau se déduisent du mix électrique du pays ` +
      `d'hébergement.`,
    sourceUrl: SRC.compariaModels,
    sourceDate: COMPARIA_DATE,
    declaredByProvider: false,
    isDemo: false,
  };
}

export const impactFigures: ImpactFigureSeed[] = [
  {
    toolSlug: 'le-chat-pro',
    gco2ePerRequest: '1.14',
    waterMlPerRequest: '45',
    method: 'LCA_THIRD_PARTY',
    methodVersion: 'ACV Carbone 4 et ADEME, 2025 (méthode AFNOR « IA frugale », GHG Protocol, ISO 14040/44)',
    scope:
      "Impact marginal d'une réponse de 400 jetons de Le Chat (Mistral Large 2), fabrication du matériel " +
      "incluse ; énergie par requête non publiée. Étude revue par Resilio et Hubblo.",
    sourceUrl: SRC.mistralLca,
    sourceDate: '2025-07-22',
    declaredByProvider: true,
    isDemo: false,
  },
  ecologitsFigure('le-chat-pro', 'Mistral Large 2', 19907, 'SE'),
  ecologitsFigure('api-mistral', 'Mistral Large 2', 19907, 'SE'),
  ecologitsFigure('api-mistral', 'Mistral Small 3', 6013, 'SE'),
  {
    toolSlug: 'gemini-google-workspace',
    energyWhPerRequest: '0.24',
    gco2ePerRequest: '0.03',
    waterMlPerRequest: '0.26',
    method: 'PROVIDER_DECLARED',
    methodVersion: 'Google, « approche complète », mesure de mai 2025',
    scope:
      "Requête texte médiane de l'application Gemini (mai 2025) : accélérateurs, processeurs hôtes, capacité " +
      "inactive et surcoût du centre de données (PUE) ; émissions en méthode « market-based » ; eau consommée " +
      "sur site. Hors entraînement, réseau et terminaux.",
    sourceUrl: SRC.geminiPaper,
    sourceDate: '2025-08-21',
    declaredByProvider: true,
    isDemo: false,
  },
  {
    toolSlug: 'chatgpt-business',
    energyWhPerRequest: '0.34',
    waterMlPerRequest: '0.32',
    method: 'PROVIDER_DECLARED',
    scope:
      "Requête « moyenne » de ChatGPT selon le PDG d'OpenAI (0,34 Wh et 0,000085 gallon d'eau, soit ≈ 0,32 mL), " +
      "sans méthode publiée ; aucune valeur carbone déclarée.",
    sourceUrl: SRC.chatgptEnergy,
    sourceDate: '2025-06-10',
    declaredByProvider: true,
    isDemo: false,
  },
  ecologitsFigure('chatgpt-business', 'GPT-5', 47510, 'US'),
  ecologitsFigure('api-openai', 'GPT-4o', 87485, 'US'),
  ecologitsFigure('api-openai', 'GPT-4o mini', 5171, 'US'),
  ecologitsFigure('albert', 'Llama 3.1 8B', 3768, 'FR'),
];

// ------------------------------------------------------------------ intensité carbone de l'électricité

const OWID_CARBON_INTENSITY = 'https://ourworldindata.org/grapher/carbon-intensity-electricity';
const GRID_SOURCE_DATE = '2025-06-30';

export const gridIntensities: GridIntensitySeed[] = [
  {
    zone: 'FR',
    gco2ePerKwh: '56',
    year: 2023,
    basis: 'Ember, analyse du cycle de vie',
    sourceUrl: OWID_CARBON_INTENSITY,
    sourceDate: GRID_SOURCE_DATE,
  },
  {
    zone: 'FR',
    gco2ePerKwh: '44.18',
    waterLPerKwh: '3.67',
    basis: 'EcoLogits 0.9.1, mix électrique',
    sourceUrl: SRC.ecologitsMixes,
    sourceDate: GRID_SOURCE_DATE,
  },
  {
    zone: 'SE',
    gco2ePerKwh: '40.7',
    year: 2023,
    basis: 'Ember, analyse du cycle de vie',
    sourceUrl: 'https://www.statista.com/statistics/943137/',
    sourceDate: GRID_SOURCE_DATE,
  },
  {
    zone: 'IE',
    gco2ePerKwh: '291',
    year: 2023,
    basis: 'Ember, analyse du cycle de vie',
    sourceUrl: OWID_CARBON_INTENSITY,
    sourceDate: GRID_SOURCE_DATE,
  },
  {
    zone: 'US',
    gco2ePerKwh: '383.55',
    waterLPerKwh: '3.13',
    basis: 'EcoLogits 0.9.1, mix électrique',
    sourceUrl: SRC.ecologitsMixes,
    sourceDate: GRID_SOURCE_DATE,
  },
  {
    zone: 'EU',
    gco2ePerKwh: '281',
    year: 2018,
    basis: 'Agence européenne pour l’environnement (EEA), UE à 27',
    sourceUrl: 'https://www.eea.europa.eu/en/analysis/indicators/greenhouse-gas-emission-intensity-of-1',
    sourceDate: GRID_SOURCE_DATE,
  },
  {
    zone: 'WORLD',
    gco2ePerKwh: '481',
    year: 2023,
    basis: 'Ember, analyse du cycle de vie',
    sourceUrl: OWID_CARBON_INTENSITY,
    sourceDate: GRID_SOURCE_DATE,
  },
];
