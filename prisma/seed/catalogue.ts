// Catalogue d'amorçage sourcé de Mutualis : catégories, fournisseurs, outils, offres tarifaires,
// chiffres d'impact et intensités carbone de l'électricité.
//
// Règles suivies :
// - chaque fait porte une source publique (URL) et une date ; les chiffres viennent de
//   /shared/reference/FACTS.md ou des pages officielles des fournisseurs et de la presse citée ;
// - quand un fait est inconnu, le champ est omis (jamais de zéro par défaut) ;
// - les tarifs non publiés sont des tarifs illustratifs marqués isDemo = true ;
// - les prix publiés en dollars sont convertis au taux indiqué dans `notes` ;
// - quand seul le mois d'une source est connu, sa date est fixée au premier jour du mois.
// Module pur : aucune dépendance hors de prisma/seed/, aucun accès à la base.

import { formatMicros, formatMicrosTrimmed, frenchNumber, mulMicros, toMicros } from './decimal.ts';
import type {
  CategorySeed,
  GridIntensitySeed,
  ImpactFigureSeed,
  PricingPlanSeed,
  ProviderSeed,
  ToolSeed,
} from './types.ts';

// ------------------------------------------------------------------ conversions

/** Euros pour un dollar US : inverse du taux de référence BCE du 30 juin 2025 (1 € = 1,1720 $). */
export const USD_TO_EUR_RATE = '0.8532';
/** Date du taux de change utilisé pour convertir les prix publiés en dollars. */
export const USD_TO_EUR_RATE_DATE = '2025-06-30';

const RATE_NOTE =
  `converti à ${frenchNumber(USD_TO_EUR_RATE)} € pour 1 $ (taux de référence BCE du ` +
  `${USD_TO_EUR_RATE_DATE} : 1 € = 1,1720 $)`;

/** Convertit un prix en dollars en euros (chaîne), arrondi à `decimals` décimales. */
function usdToEur(usd: string, decimals: number): string {
  return formatMicros(mulMicros(toMicros(usd), toMicros(USD_TO_EUR_RATE)), decimals);
}

/** Prix mixte par million de jetons : 3 jetons en entrée pour 1 en sortie (convention « blended 3:1 »). */
function blendedUsd(inputUsd: string, outputUsd: string): string {
  const total = 3n * toMicros(inputUsd) + toMicros(outputUsd);
  if (total % 4n !== 0n) throw new Error('Prix mixte non exact au millionième');
  return formatMicrosTrimmed(total / 4n);
}

/** Énergie d'une requête de 400 jetons en sortie à partir d'un nombre de Wh par million de jetons. */
function whFor400Tokens(whPerMillionTokens: number): string {
  // Wh = valeur × 400 / 1 000 000 ; en millionièmes de Wh, c'est exactement valeur × 400.
  return formatMicrosTrimmed(BigInt(whPerMillionTokens) * 400n);
}

function tokenPlan(
  toolSlug: string,
  model: string,
  inputUsd: string,
  outputUsd: string,
  sourceUrl: string,
  sourceDate: string,
  extraNote = '',
): PricingPlanSeed {
  const blended = blendedUsd(inputUsd, outputUsd);
  return {
    toolSlug,
    name: `${model} — prix mixte par million de jetons`,
    pricingModel: 'PER_MILLION_TOKENS',
    unitPrice: usdToEur(blended, 6),
    setupFee: '0',
    tiers: [],
    source: 'PUBLISHED',
    sourceUrl,
    sourceDate,
    notes:
      `Prix publié en dollars US : ${frenchNumber(inputUsd)} $ par million de jetons en entrée et ` +
      `${frenchNumber(outputUsd)} $ en sortie. Prix unitaire retenu : moyenne pondérée 3 jetons d'entrée ` +
      `pour 1 de sortie, soit ${frenchNumber(blended)} $, ${RATE_NOTE}.${extraNote}`,
    isDemo: false,
  };
}

const DEMO_PRICE_NOTE = 'Tarif illustratif (démonstration), non sourcé';
const DEMO_PRICE_DATE = '2025-06-30';

function demoPlan(
  toolSlug: string,
  name: string,
  pricingModel: PricingPlanSeed['pricingModel'],
  unitPrice: string,
  options: Partial<Pick<PricingPlanSeed, 'setupFee' | 'minimumQuantity' | 'minimumAnnualAmount' | 'tiers'>> = {},
): PricingPlanSeed {
  const plan: PricingPlanSeed = {
    toolSlug,
    name,
    pricingModel,
    unitPrice,
    setupFee: options.setupFee ?? '0',
    tiers: options.tiers ?? [],
    source: 'REPORTED',
    sourceDate: DEMO_PRICE_DATE,
    notes: DEMO_PRICE_NOTE,
    isDemo: true,
  };
  if (options.minimumQuantity !== undefined) plan.minimumQuantity = options.minimumQuantity;
  if (options.minimumAnnualAmount !== undefined) plan.minimumAnnualAmount = options.minimumAnnualAmount;
  return plan;
}

// ------------------------------------------------------------------ sources récurrentes

const SRC = {
  mistralLca: 'https://mistral.ai/news/our-contribution-to-a-global-environmental-standard-for-ai',
  mistralLeChatPro: 'https://help.mistral.ai/en/articles/455205',
  geminiPaper: 'https://arxiv.org/abs/2508.15734',
  chatgptEnergy: 'https://blog.samaltman.com/the-gentle-singularity',
  compariaModels: 'https://github.com/betagouv/ComparIA/blob/main/utils/models/generated-models.json',
  ecologitsMixes: 'https://github.com/genai-impact/ecologits/blob/main/ecologits/data/electricity_mixes.csv',
  genaiPricesOpenai: 'https://github.com/pydantic/genai-prices/blob/main/prices/providers/openai.yml',
  genaiPricesMistral: 'https://github.com/pydantic/genai-prices/blob/main/prices/providers/mistral.yml',
  genaiPricesGoogle: 'https://github.com/pydantic/genai-prices/blob/main/prices/providers/google.yml',
  chatgptTeamBilling:
    'https://help.openai.com/en/articles/8792536-manage-billing-on-the-chatgpt-team-subscription-plan',
  copilotPricing:
    'https://blogs.microsoft.com/blog/2023/07/18/furthering-our-ai-ambitions-announcing-bing-chat-enterprise-and-microsoft-365-copilot-pricing/',
  albertModeEmploi:
    'https://banquedesterritoires.fr/albert-mode-demploi-lacces-des-collectivites-lia-de-letat-precise',
  albertInfoGouv: 'https://www.info.gouv.fr/actualite/ia-connaissez-vous-albert',
  albertJdn: 'https://www.journaldunet.com/intelligence-artificielle/1538445-albert-l-ia-generative-de-l-etat-passe-a-l-echelle/',
  albertRepo: 'https://github.com/etalab-ia/albert-api',
  yeldaPlaisir:
    'https://www.smartcitymag.fr/article/1227/la-ville-de-plaisir-met-de-l-ia-dans-son-accueil-telephonique',
  yeldaBfm:
    'https://www.bfmtv.com/tech/intelligence-artificielle/yvelines-la-mairie-de-plaisir-confie-son-standard-telephonique-a-une-intelligence-artificielle_AV-202302280277.html',
  yeldaTf1:
    'https://www.tf1info.fr/high-tech/video-reportage-dans-cette-mairie-des-yvelines-plaisir-c-est-une-intelligence-artificielle-optimus-qui-vous-repond-2289294.html',
  leakmitedCapi:
    'https://l.francebleu.fr/infos/environnement/en-nord-isere-une-intelligence-artificielle-traque-les-fuites-sur-le-reseau-d-eau-potable-3806477',
  leakmitedUsineDigitale:
    'https://www.usine-digitale.fr/article/leakmited-s-appuie-sur-l-ia-pour-proteger-les-ressources-en-eau.N2071891',
  suezAquadvanced:
    'https://www.usinenouvelle.com/article/les-reseaux-d-eau-potable-deviennent-intelligents.N795710',
  prioreno:
    'https://www.batiweb.com/actualites/collectivites-territoriales/prioreno-quand-l-ia-sert-la-renovation-des-batiments-publics-39443',
  priorenoFree: 'https://infodiag.fr/lintelligence-artificielle-pour-guider-les-collectivites-dans-la-renovation',
  advizeoPasDeCalais:
    'https://www.lagazettedescommunes.com/801101/la-consommation-energetique-des-colleges-suivie-en-continu/',
  kawantechToulouse:
    'https://www.20minutes.fr/planete/2152875-20171017-video-toulouse-lampadaires-intelligents-eclairent-quand-necessaire',
  lixoMel:
    'https://20minutes.fr/societe/4087079-20240419-intelligence-artificielle-poubelles-sous-haute-surveillance-ameliorer-tri-dechets',
  kermapNimbo: 'https://www.svp.com/actualite/kermap-limagerie-satellitaire-pour-des-villes-plus-vertes-20210222',
  vianovaInterview:
    'https://www.hubinstitute.com/articles/mobilites-faut-il-obliger-les-plateformes-a-partager-leurs-donnees-avec-les-villes',
  silexMoniteur:
    'https://www.lemoniteur.fr/article/commande-publique-l-intelligence-artificielle-une-revolution-a-venir-dans-les-achats.2325113',
  captooCd63: 'https://archimag.com/vie-numerique/2019/02/06/cd63-adopte-transcription-multivocale-pour-elus',
  deeplTerms: 'https://www.deepl.com/fr/pro-license-enterprise',
  deeplAdminCh: 'https://www.admin.ch/gov/fr/accueil/documentation/communiques.msg-id-77610.html',
} as const;

// ------------------------------------------------------------------ catégories

export const categories: CategorySeed[] = [
  {
    slug: 'chatbot-citoyen',
    name: 'Chatbot et voicebot citoyens',
    description:
      "Agents conversationnels qui répondent aux usagers sur le site web ou au téléphone (chatbot, voicebot, " +
      "callbot) : accueil, standard téléphonique, questions fréquentes, démarches, état civil, prise de " +
      "rendez-vous ; et API de modèles de langage pour construire un assistant citoyen.",
    position: 1,
  },
  {
    slug: 'traitement-documents-courrier',
    name: 'Traitement des documents et du courrier',
    description:
      "Lecture automatique (OCR), classement et extraction de données des documents, factures et courriers " +
      "entrants ; recherche et synthèse documentaire ; tri du courrier et des e-mails vers le bon service.",
    position: 2,
  },
  {
    slug: 'transcription-reunions',
    name: 'Transcription et comptes rendus de réunions',
    description:
      "Transcription automatique de la parole (conseil municipal, conseil communautaire, assemblées, réunions " +
      "internes) et rédaction assistée des comptes rendus et procès-verbaux.",
    position: 3,
  },
  {
    slug: 'traduction',
    name: 'Traduction automatique',
    description:
      "Traduction de documents, de pages web et de messages pour l'accueil des publics non francophones, " +
      "les relations internationales, le tourisme et les langues régionales.",
    position: 4,
  },
  {
    slug: 'analyse-marches-publics',
    name: 'Achats et analyse des marchés publics',
    description:
      "Commande publique assistée : sourcing des fournisseurs, analyse des DCE et des offres, veille des appels " +
      "d'offres, suivi de l'exécution des marchés publics et des achats.",
    position: 5,
  },
  {
    slug: 'assistant-interne-rh',
    name: 'Assistant interne et ressources humaines',
    description:
      "Assistants d'IA générative pour les agents (rédaction, synthèse, recherche, bureautique) et assistants " +
      "ressources humaines (RH) : questions des agents sur la carrière, les congés, la paie, la formation.",
    position: 6,
  },
  {
    slug: 'energie-batiments',
    name: 'Gestion énergétique des bâtiments publics',
    description:
      "Suivi des consommations d'énergie et de fluides des bâtiments publics (écoles, collèges, gymnases, " +
      "mairies), détection d'anomalies, décret tertiaire, priorisation de la rénovation énergétique.",
    position: 7,
  },
  {
    slug: 'eclairage-public',
    name: 'Éclairage public intelligent',
    description:
      "Pilotage de l'éclairage public et des lampadaires : détection de présence, gradation de l'intensité, " +
      "maintenance des points lumineux, économies d'énergie et réduction de la pollution lumineuse.",
    position: 8,
  },
  {
    slug: 'reseaux-eau',
    name: "Gestion des réseaux d'eau",
    description:
      "Gestion du réseau d'eau potable et d'assainissement : détection et localisation des " +
      "fuites, amélioration du rendement du réseau, supervision des canalisations, compteurs et qualité de l'eau. " +
      'Mots-clés : réseau eau, eau potable, fuites, rendement du réseau.',
    position: 9,
  },
  {
    slug: 'mobilite-trafic',
    name: 'Mobilité et trafic',
    description:
      "Données de mobilité et de circulation routière : comptage du trafic, micromobilité (vélos, trottinettes), " +
      "transports publics, stationnement, sécurité routière et planification des déplacements.",
    position: 10,
  },
  {
    slug: 'dechets',
    name: 'Collecte et tri des déchets',
    description:
      "Collecte des déchets et qualité du tri : reconnaissance des erreurs de tri dans les bacs et les bennes, " +
      "optimisation des tournées, remplissage des conteneurs, sensibilisation au recyclage.",
    position: 11,
  },
  {
    slug: 'urbanisme',
    name: 'Urbanisme et aménagement',
    description:
      "Urbanisme et aménagement du territoire : imagerie satellite et aérienne, artificialisation des sols (ZAN), " +
      "végétation urbaine et îlots de chaleur, PLU et PLUi, études de faisabilité de projets.",
    position: 12,
  },
  {
    slug: 'plateforme-donnees',
    name: 'Plateformes de données et analytique',
    description:
      "Plateformes de données territoriales : portail open data, entrepôt et catalogue de données, tableaux de " +
      "bord, visualisation et analytique pour piloter les politiques publiques.",
    position: 13,
  },
];

// ------------------------------------------------------------------ fournisseurs

export const providers: ProviderSeed[] = [
  {
    slug: 'mistral-ai',
    name: 'Mistral AI',
    kind: 'COMPANY',
    siren: '952418325',
    country: 'FR',
    certifications: [],
    verified: true,
    website: 'https://mistral.ai',
    description:
      "Éditeur français de grands modèles de langage (Mistral Large, Mistral Medium, Mistral Small) et de " +
      "l'assistant Le Chat.",
    sourceUrl: 'https://mistral.ai',
    sourceDate: '2025-07-22',
    isDemo: false,
  },
  {
    slug: 'openai',
    name: 'OpenAI',
    kind: 'COMPANY',
    country: 'US',
    certifications: [],
    verified: true,
    website: 'https://openai.com',
    description: 'Éditeur américain des modèles GPT, de ChatGPT et de son offre pour les équipes (ChatGPT Business).',
    sourceUrl: 'https://openai.com',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'microsoft',
    name: 'Microsoft',
    kind: 'COMPANY',
    country: 'US',
    certifications: ['ISO_27001', 'HDS'],
    verified: true,
    website: 'https://www.microsoft.com/fr-fr',
    description:
      "Éditeur américain de la suite Microsoft 365 et de son assistant Copilot ; services en nuage certifiés " +
      "ISO 27001 et hébergeur de données de santé (HDS) en France.",
    sourceUrl: 'https://learn.microsoft.com/fr-fr/compliance/regulatory/offering-home',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'google',
    name: 'Google',
    kind: 'COMPANY',
    country: 'US',
    certifications: ['ISO_27001', 'HDS'],
    verified: true,
    website: 'https://workspace.google.com',
    description:
      "Éditeur américain des modèles Gemini, de Google Workspace et de Google Cloud ; services en nuage " +
      "certifiés ISO 27001 et HDS.",
    sourceUrl: 'https://cloud.google.com/security/compliance',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'dinum',
    name: 'DINUM (Direction interministérielle du numérique)',
    kind: 'PUBLIC_OPERATOR',
    country: 'FR',
    certifications: [],
    verified: true,
    website: 'https://www.numerique.gouv.fr',
    description:
      "Direction interministérielle chargée de la transformation numérique de l'État ; son DataLab développe " +
      "Albert, l'IA générative souveraine et libre de l'administration.",
    sourceUrl: SRC.albertInfoGouv,
    sourceDate: '2024-05-22',
    isDemo: false,
  },
  {
    slug: 'yelda',
    name: 'Yelda',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.yelda.fr',
    description:
      "Start-up française d'agents conversationnels (chatbots, callbots, voicebots) spécialisée dans les " +
      "collectivités, éditrice du standard vocal « Optimus » de la ville de Plaisir.",
    sourceUrl: SRC.yeldaBfm,
    sourceDate: '2023-02-28',
    isDemo: false,
  },
  {
    slug: 'mindee',
    name: 'Mindee',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.mindee.com',
    description:
      "Éditeur français d'API d'extraction de données de documents (OCR) et de la bibliothèque libre docTR.",
    sourceUrl: 'https://github.com/mindee/doctr',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'lighton',
    name: 'LightOn',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.lighton.ai',
    description:
      "Éditeur français d'IA générative pour les organisations (plateforme Paradigm), déployable sur " +
      "l'infrastructure du client.",
    sourceUrl: 'https://www.lighton.ai',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'specinov',
    name: 'Spécinov',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    description:
      "Éditeur français de Captoo, solution de transcription multivocale utilisée pour les comptes rendus de " +
      "séances publiques.",
    sourceUrl: SRC.captooCd63,
    sourceDate: '2019-02-06',
    isDemo: false,
  },
  {
    slug: 'noota',
    name: 'Noota',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.noota.io',
    description: "Start-up française de prise de notes et de comptes rendus de réunions par l'IA.",
    sourceUrl: 'https://www.noota.io',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'deepl',
    name: 'DeepL SE',
    kind: 'COMPANY',
    country: 'DE',
    certifications: [],
    verified: true,
    website: 'https://www.deepl.com',
    description:
      "Société allemande (Cologne) de traduction automatique neuronale, éditrice de DeepL Traducteur et de " +
      "l'offre professionnelle DeepL Pro.",
    sourceUrl: SRC.deeplTerms,
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'systran',
    name: 'SYSTRAN',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.systran.net',
    description: 'Éditeur français historique de traduction automatique, en ligne ou installée sur site.',
    sourceUrl: 'https://www.systran.net/fr/',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'silex',
    name: 'Silex',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.silex-france.com',
    description:
      "Start-up française (créée en 2014) de sourcing fournisseurs par l'IA, dont plus de la moitié du chiffre " +
      "d'affaires est réalisée auprès d'acheteurs publics.",
    sourceUrl: SRC.silexMoniteur,
    sourceDate: '2024-03-01',
    isDemo: false,
  },
  {
    slug: 'banque-des-territoires',
    name: 'Banque des Territoires (Caisse des Dépôts)',
    kind: 'PUBLIC_OPERATOR',
    siren: '180020026',
    country: 'FR',
    certifications: [],
    verified: true,
    website: 'https://www.banquedesterritoires.fr',
    description:
      "Direction de la Caisse des Dépôts au service des collectivités ; elle opère le service Prioréno de " +
      "priorisation de la rénovation énergétique des bâtiments publics.",
    sourceUrl: SRC.prioreno,
    sourceDate: '2022-02-16',
    isDemo: false,
  },
  {
    slug: 'advizeo',
    name: 'Advizeo',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.advizeo.io',
    description:
      "Éditeur français d'une plateforme de management de l'énergie des bâtiments (suivi des consommations, " +
      "décret tertiaire).",
    sourceUrl: SRC.advizeoPasDeCalais,
    sourceDate: '2022-04-01',
    isDemo: false,
  },
  {
    slug: 'kawantech',
    name: 'Kawantech',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    description:
      "Entreprise toulousaine d'éclairage public intelligent, conceptrice du capteur Kara de détection de formes " +
      "pour lampadaires à LED (prix EDF Pulse 2016).",
    sourceUrl: SRC.kawantechToulouse,
    sourceDate: '2017-10-17',
    isDemo: false,
  },
  {
    slug: 'leakmited',
    name: 'Leakmited',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.leakmited.com',
    description:
      "Start-up française (créée en 2019) qui localise par l'IA les zones les plus fuyardes des réseaux d'eau " +
      "potable.",
    sourceUrl: SRC.leakmitedUsineDigitale,
    sourceDate: '2022-11-01',
    isDemo: false,
  },
  {
    slug: 'suez',
    name: 'SUEZ',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.suez.com',
    description:
      "Groupe français de services de l'eau et des déchets, éditeur de la suite logicielle Aquadvanced de " +
      "pilotage des réseaux d'eau.",
    sourceUrl: SRC.suezAquadvanced,
    sourceDate: '2019-12-05',
    isDemo: false,
  },
  {
    slug: 'vianova',
    name: 'Vianova',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.vianova.io',
    description:
      "Start-up française qui fournit aux villes une plateforme d'analyse des données de mobilité partagée " +
      "(vélos, trottinettes, véhicules connectés).",
    sourceUrl: SRC.vianovaInterview,
    sourceDate: '2020-01-01',
    isDemo: false,
  },
  {
    slug: 'lixo',
    name: 'Lixo',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.lixo.tech',
    description:
      "Start-up française qui analyse par vision artificielle le contenu des bennes de collecte pour mesurer la " +
      "qualité du tri.",
    sourceUrl: SRC.lixoMel,
    sourceDate: '2024-04-19',
    isDemo: false,
  },
  {
    slug: 'kermap',
    name: 'Kermap',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.kermap.com',
    description:
      "Société rennaise d'imagerie satellitaire et d'IA pour le suivi des territoires (plateforme Nimbo, " +
      "végétation urbaine).",
    sourceUrl: SRC.kermapNimbo,
    sourceDate: '2021-02-22',
    isDemo: false,
  },
  {
    slug: 'autodesk',
    name: 'Autodesk',
    kind: 'COMPANY',
    country: 'US',
    certifications: [],
    verified: false,
    website: 'https://www.autodesk.com',
    description:
      "Éditeur américain de logiciels de conception, dont Forma (ex-Spacemaker) pour les études urbaines " +
      "préliminaires.",
    sourceUrl: 'https://www.autodesk.com/products/forma/overview',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'opendatasoft',
    name: 'Opendatasoft',
    kind: 'COMPANY',
    country: 'FR',
    certifications: [],
    verified: false,
    website: 'https://www.opendatasoft.com',
    description:
      "Éditeur français de plateformes de partage de données et de portails open data, utilisées par de " +
      "nombreuses collectivités.",
    sourceUrl: 'https://www.opendatasoft.com',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
];

// ------------------------------------------------------------------ outils

const GENERAL_ASSISTANT_AI_ACT =
  "Système d'IA générative qui dialogue avec les agents : obligations de transparence de l'article 50 " +
  "(information des personnes, marquage des contenus générés). Un usage pour recruter, évaluer ou gérer " +
  "des agents relèverait du haut risque (annexe III, point 4).";

const LLM_API_AI_ACT =
  "Modèle d'IA à usage général (chapitre V du règlement) : la collectivité qui en tire un chatbot doit " +
  "informer les usagers qu'ils échangent avec une IA (article 50, paragraphe 1).";

export const tools: ToolSeed[] = [
  // --- assistants généralistes et API de modèles de langage
  {
    slug: 'le-chat-pro',
    name: 'Le Chat Pro',
    providerSlug: 'mistral-ai',
    categorySlug: 'assistant-interne-rh',
    description:
      "Assistant conversationnel (chatbot) de Mistral AI pour rédiger, résumer, traduire et chercher dans des documents. " +
      "L'offre Pro est facturée par utilisateur et par mois.",
    models: ['Mistral Large 2', 'Mistral Medium 3'],
    deploymentMode: 'SAAS',
    hostingCountry: 'SE',
    hostingRegion: 'Union européenne',
    dataResidency:
      "Données hébergées dans l'Union européenne selon l'éditeur ; la Suède est le pays retenu par EcoLogits " +
      "pour les centres de données de Mistral AI (hypothèse de calcul).",
    trainingOptOut: true,
    aiActRiskTier: 'LIMITED',
    aiActRationale: GENERAL_ASSISTANT_AI_ACT,
    gdprDpaAvailable: true,
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en', 'de', 'es', 'it'],
    website: 'https://mistral.ai',
    sourceUrl: SRC.mistralLeChatPro,
    sourceDate: '2025-02-06',
    isDemo: false,
  },
  {
    slug: 'api-mistral',
    name: 'API Mistral AI (La Plateforme)',
    providerSlug: 'mistral-ai',
    categorySlug: 'chatbot-citoyen',
    description:
      "Accès par API aux modèles de Mistral AI (Large, Medium, Small), facturé au million de jetons, pour " +
      "construire un chatbot citoyen ou un assistant métier.",
    models: ['Mistral Large 2', 'Mistral Medium 3', 'Mistral Small 3.2'],
    deploymentMode: 'API',
    hostingCountry: 'SE',
    hostingRegion: 'Union européenne',
    dataResidency:
      "Traitement dans l'Union européenne selon l'éditeur ; Suède retenue par EcoLogits (hypothèse de calcul).",
    aiActRiskTier: 'LIMITED',
    aiActRationale: LLM_API_AI_ACT,
    gdprDpaAvailable: true,
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en', 'de', 'es', 'it'],
    website: 'https://mistral.ai',
    sourceUrl: SRC.genaiPricesMistral,
    sourceDate: '2025-07-01',
    isDemo: false,
  },
  {
    slug: 'chatgpt-business',
    name: 'ChatGPT Business (ex-Team)',
    providerSlug: 'openai',
    categorySlug: 'assistant-interne-rh',
    description:
      "Espace de travail ChatGPT pour les équipes, avec administration centralisée ; minimum de deux " +
      "utilisateurs, facturation mensuelle ou annuelle par siège.",
    models: ['GPT-5', 'GPT-4o'],
    deploymentMode: 'SAAS',
    hostingCountry: 'US',
    dataResidency:
      "Hébergement aux États-Unis ; les données des espaces de travail professionnels ne servent pas à " +
      "l'entraînement par défaut selon OpenAI.",
    trainingOptOut: true,
    aiActRiskTier: 'LIMITED',
    aiActRationale: GENERAL_ASSISTANT_AI_ACT,
    gdprDpaAvailable: true,
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en', 'de', 'es', 'it', 'pt'],
    website: 'https://openai.com',
    sourceUrl: SRC.chatgptTeamBilling,
    sourceDate: '2024-01-10',
    isDemo: false,
  },
  {
    slug: 'api-openai',
    name: 'API OpenAI (GPT-4o)',
    providerSlug: 'openai',
    categorySlug: 'chatbot-citoyen',
    description:
      "Accès par API aux modèles GPT-4o et GPT-4o mini d'OpenAI, facturé au million de jetons, pour intégrer " +
      "un agent conversationnel au site de la collectivité.",
    models: ['GPT-4o', 'GPT-4o mini'],
    deploymentMode: 'API',
    hostingCountry: 'US',
    dataResidency:
      "Traitement aux États-Unis ; les données envoyées à l'API ne servent pas à l'entraînement par défaut " +
      "selon OpenAI.",
    trainingOptOut: true,
    aiActRiskTier: 'LIMITED',
    aiActRationale: LLM_API_AI_ACT,
    gdprDpaAvailable: true,
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en', 'de', 'es', 'it', 'pt'],
    website: 'https://openai.com',
    sourceUrl: SRC.genaiPricesOpenai,
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'microsoft-365-copilot',
    name: 'Microsoft 365 Copilot',
    providerSlug: 'microsoft',
    categorySlug: 'assistant-interne-rh',
    description:
      "Assistant d'IA intégré à Word, Excel, PowerPoint, Outlook et Teams, vendu en option d'une licence " +
      "Microsoft 365 avec engagement annuel.",
    models: ['GPT-4o'],
    deploymentMode: 'SAAS',
    hostingRegion: 'Union européenne (EU Data Boundary)',
    dataResidency:
      "Pour les clients européens, traitement dans la frontière de données de l'Union européenne (EU Data " +
      "Boundary) ; données du client non utilisées pour entraîner les modèles selon Microsoft.",
    trainingOptOut: true,
    aiActRiskTier: 'LIMITED',
    aiActRationale: GENERAL_ASSISTANT_AI_ACT,
    gdprDpaAvailable: true,
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en', 'de', 'es', 'it', 'pt', 'nl'],
    website: 'https://www.microsoft.com/fr-fr/microsoft-365/copilot',
    sourceUrl: SRC.copilotPricing,
    sourceDate: '2023-07-18',
    isDemo: false,
  },
  {
    slug: 'gemini-google-workspace',
    name: 'Gemini pour Google Workspace',
    providerSlug: 'google',
    categorySlug: 'assistant-interne-rh',
    description:
      "Assistant Gemini intégré à Gmail, Docs, Sheets et Meet pour rédiger, résumer et analyser ; l'application " +
      "Gemini sert de référence à la mesure d'impact publiée par Google.",
    models: ['Gemini 2.5 Pro', 'Gemini 2.5 Flash'],
    deploymentMode: 'SAAS',
    hostingCountry: 'US',
    dataResidency:
      "Hébergement aux États-Unis par défaut ; les données Workspace ne servent pas à entraîner les modèles " +
      "selon Google.",
    trainingOptOut: true,
    aiActRiskTier: 'LIMITED',
    aiActRationale: GENERAL_ASSISTANT_AI_ACT,
    gdprDpaAvailable: true,
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en', 'de', 'es', 'it', 'pt'],
    website: 'https://workspace.google.com',
    sourceUrl: SRC.geminiPaper,
    sourceDate: '2025-08-21',
    isDemo: false,
  },
  {
    slug: 'api-gemini',
    name: 'API Gemini (Google)',
    providerSlug: 'google',
    categorySlug: 'chatbot-citoyen',
    description:
      "Accès par API aux modèles Gemini 2.5 Pro et Gemini 2.5 Flash, facturé au million de jetons, pour " +
      "construire des assistants conversationnels.",
    models: ['Gemini 2.5 Pro', 'Gemini 2.5 Flash'],
    deploymentMode: 'API',
    hostingCountry: 'US',
    aiActRiskTier: 'LIMITED',
    aiActRationale: LLM_API_AI_ACT,
    gdprDpaAvailable: true,
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en', 'de', 'es', 'it', 'pt'],
    website: 'https://ai.google.dev',
    sourceUrl: SRC.genaiPricesGoogle,
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'albert',
    name: 'Albert',
    providerSlug: 'dinum',
    categorySlug: 'assistant-interne-rh',
    description:
      "IA générative souveraine de l'État (assistant conversationnel, ou chatbot), destinée aux agents publics (réponses sourcées, rédaction, synthèse) ; " +
      "l'API est d'abord ouverte aux services de l'État et son code libre est réutilisable par les collectivités.",
    models: ['Llama 3.1 8B', 'Mistral Small'],
    openSourceLicense: 'MIT',
    deploymentMode: 'HYBRID',
    hostingCountry: 'FR',
    hostingRegion: "France (serveurs maîtrisés par l'État)",
    dataResidency:
      "Hébergement sur des serveurs français ; selon la sensibilité des données, instance possible sur un " +
      "cloud qualifié SecNumCloud, un cloud public ou un serveur local.",
    aiActRiskTier: 'LIMITED',
    aiActRationale: GENERAL_ASSISTANT_AI_ACT,
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr'],
    website: SRC.albertRepo,
    sourceUrl: SRC.albertModeEmploi,
    sourceDate: '2024-05-28',
    isDemo: false,
  },
  {
    slug: 'yelda-callbot',
    name: 'Yelda — callbot et chatbot de mairie',
    providerSlug: 'yelda',
    categorySlug: 'chatbot-citoyen',
    description:
      "Agent conversationnel vocal qui décroche le standard téléphonique de la mairie, répond aux demandes " +
      "courantes (passeports, cantine, périscolaire) et transfère les autres appels. À Plaisir, il traite la " +
      "moitié des demandes en moins de deux minutes.",
    models: [],
    deploymentMode: 'SAAS',
    aiActRiskTier: 'LIMITED',
    aiActRationale:
      "Callbot qui dialogue avec les usagers : obligation d'informer l'appelant qu'il échange avec une IA " +
      "(article 50, paragraphe 1).",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en', 'ar'],
    website: 'https://www.yelda.fr',
    sourceUrl: SRC.yeldaPlaisir,
    sourceDate: '2023-03-01',
    isDemo: false,
  },
  // --- documents, courrier, transcription, traduction, achats
  {
    slug: 'mindee-doctr',
    name: 'Mindee (API OCR et docTR)',
    providerSlug: 'mindee',
    categorySlug: 'traitement-documents-courrier',
    description:
      "API de lecture automatique et d'extraction de données de documents (factures, justificatifs, courriers) ; " +
      "la bibliothèque docTR, libre, peut être installée sur site.",
    models: ['docTR'],
    openSourceLicense: 'Apache-2.0',
    deploymentMode: 'HYBRID',
    aiActRiskTier: 'MINIMAL',
    aiActRationale:
      "Extraction de données de documents, hors des usages de l'annexe III ; risque minimal tant qu'elle ne " +
      "sert pas à décider de l'accès à une prestation publique (annexe III, point 5 a).",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en'],
    website: 'https://www.mindee.com',
    sourceUrl: 'https://github.com/mindee/doctr',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'lighton-paradigm',
    name: 'LightOn Paradigm',
    providerSlug: 'lighton',
    categorySlug: 'traitement-documents-courrier',
    description:
      "Plateforme d'IA générative pour chercher, résumer et rédiger à partir des documents internes, installable " +
      "sur l'infrastructure de la collectivité.",
    models: [],
    deploymentMode: 'ON_PREMISE',
    hostingCountry: 'FR',
    hostingRegion: 'Sur site (infrastructure du client)',
    dataResidency: "Installation sur l'infrastructure du client : les documents ne quittent pas son système d'information.",
    aiActRiskTier: 'LIMITED',
    aiActRationale: GENERAL_ASSISTANT_AI_ACT,
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en'],
    website: 'https://www.lighton.ai',
    sourceUrl: 'https://www.lighton.ai',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'captoo',
    name: 'Captoo',
    providerSlug: 'specinov',
    categorySlug: 'transcription-reunions',
    description:
      "Transcription multivocale des séances publiques pour produire les comptes rendus ; le conseil " +
      "départemental du Puy-de-Dôme l'utilise depuis 2018 pour ses assemblées de plus de soixante personnes.",
    models: [],
    deploymentMode: 'ON_PREMISE',
    hostingCountry: 'FR',
    hostingRegion: 'Sur site (infrastructure du client)',
    dataResidency: "Logiciel installé par les équipes de la collectivité (cas du Puy-de-Dôme).",
    aiActRiskTier: 'MINIMAL',
    aiActRationale: "Transcription de séances publiques : aucun usage de l'annexe III, risque minimal.",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr'],
    sourceUrl: SRC.captooCd63,
    sourceDate: '2019-02-06',
    isDemo: false,
  },
  {
    slug: 'noota',
    name: 'Noota',
    providerSlug: 'noota',
    categorySlug: 'transcription-reunions',
    description:
      "Assistant de réunion qui enregistre, transcrit et résume les réunions en visioconférence ou en présentiel, " +
      "puis génère un compte rendu structuré.",
    models: [],
    deploymentMode: 'SAAS',
    aiActRiskTier: 'LIMITED',
    aiActRationale:
      "Génère des résumés et comptes rendus : transparence sur les contenus générés (article 50) ; enregistrer " +
      "une réunion suppose d'en informer les participants (RGPD).",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en'],
    website: 'https://www.noota.io',
    sourceUrl: 'https://www.noota.io',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'deepl-pro',
    name: 'DeepL Pro',
    providerSlug: 'deepl',
    categorySlug: 'traduction',
    description:
      "Traduction automatique de textes et de documents ; dans l'offre Pro, les textes ne sont ni conservés ni " +
      "utilisés pour améliorer les algorithmes. Adoptée par l'administration fédérale suisse en 2020.",
    models: [],
    deploymentMode: 'SAAS',
    dataResidency: "Offre Pro : textes non conservés après traduction et non utilisés pour l'entraînement.",
    trainingOptOut: true,
    aiActRiskTier: 'MINIMAL',
    aiActRationale:
      "Traduction automatique, hors annexe III ; un texte traduit publié sans relecture humaine pour informer " +
      "le public doit être signalé comme généré par IA (article 50, paragraphe 4).",
    gdprDpaAvailable: true,
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'ar', 'zh', 'ja', 'uk'],
    website: 'https://www.deepl.com/fr/pro',
    sourceUrl: SRC.deeplAdminCh,
    sourceDate: '2019-12-18',
    isDemo: false,
  },
  {
    slug: 'systran-translate',
    name: 'SYSTRAN Translate',
    providerSlug: 'systran',
    categorySlug: 'traduction',
    description:
      "Traduction automatique neuronale de textes et de documents, proposée en ligne ou installée sur les " +
      "serveurs de l'organisation.",
    models: [],
    deploymentMode: 'HYBRID',
    aiActRiskTier: 'MINIMAL',
    aiActRationale:
      "Traduction automatique, hors annexe III ; signalement des textes générés publiés sans relecture " +
      "(article 50, paragraphe 4).",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en', 'de', 'es', 'it', 'pt', 'ar', 'zh'],
    website: 'https://www.systran.net',
    sourceUrl: 'https://www.systran.net/fr/',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'silex-sourcing',
    name: 'Silex — sourcing des achats publics',
    providerSlug: 'silex',
    categorySlug: 'analyse-marches-publics',
    description:
      "Moteur de sourcing qui identifie, à partir de l'expression du besoin, les fournisseurs susceptibles de " +
      "répondre à un marché public ; utilisé notamment par l'Eurométropole de Metz et la ville de Meudon.",
    models: [],
    deploymentMode: 'SAAS',
    aiActRiskTier: 'MINIMAL',
    aiActRationale:
      "Aide à l'identification de fournisseurs, hors annexe III ; la décision d'attribution reste humaine.",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr'],
    website: 'https://www.silex-france.com',
    sourceUrl: SRC.silexMoniteur,
    sourceDate: '2024-03-01',
    isDemo: false,
  },
  // --- bâtiments, éclairage, eau, mobilité, déchets, urbanisme, données
  {
    slug: 'prioreno',
    name: 'Prioréno',
    providerSlug: 'banque-des-territoires',
    categorySlug: 'energie-batiments',
    description:
      "Service gratuit qui croise consommations d'électricité et de gaz (Enedis, GRDF) et données du bâti pour " +
      "aider les élus à prioriser la rénovation énergétique de leurs bâtiments publics.",
    models: [],
    deploymentMode: 'SAAS',
    aiActRiskTier: 'MINIMAL',
    aiActRationale:
      "Aide à la priorisation de la rénovation, pas un composant de sécurité de l'approvisionnement en énergie " +
      "(annexe III, point 2) : risque minimal.",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr'],
    sourceUrl: SRC.prioreno,
    sourceDate: '2022-02-16',
    isDemo: false,
  },
  {
    slug: 'advizeo',
    name: 'Advizeo — management de l’énergie',
    providerSlug: 'advizeo',
    categorySlug: 'energie-batiments',
    description:
      "Plateforme de suivi énergétique alimentée par des capteurs : détection des consommations anormales et des " +
      "fuites d'eau dans les bâtiments ; le Pas-de-Calais l'utilise pour ses 125 collèges.",
    models: [],
    deploymentMode: 'SAAS',
    aiActRiskTier: 'MINIMAL',
    aiActRationale:
      "Suivi et détection d'anomalies de consommation, pas un composant de sécurité de l'approvisionnement en " +
      "énergie (annexe III, point 2) : risque minimal.",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr'],
    website: 'https://www.advizeo.io',
    sourceUrl: SRC.advizeoPasDeCalais,
    sourceDate: '2022-04-01',
    isDemo: false,
  },
  {
    slug: 'kawantech-kara',
    name: 'Kawantech Kara',
    providerSlug: 'kawantech',
    categorySlug: 'eclairage-public',
    description:
      "Capteur à détection de formes pour lampadaires à LED : l'éclairage public reste à 10 % et monte en " +
      "puissance à l'approche d'un piéton ou d'un véhicule ; Toulouse annonce 70 % d'économies de consommation.",
    models: [],
    deploymentMode: 'ON_PREMISE',
    aiActRiskTier: 'MINIMAL',
    aiActRationale:
      "Gradation de l'éclairage selon la présence, sans identification des personnes ; à réévaluer s'il devenait " +
      "un composant de sécurité de la gestion du trafic routier (annexe III, point 2).",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr'],
    sourceUrl: SRC.kawantechToulouse,
    sourceDate: '2017-10-17',
    isDemo: false,
  },
  {
    slug: 'leakmited',
    name: 'Leakmited — détection des fuites du réseau d’eau',
    providerSlug: 'leakmited',
    categorySlug: 'reseaux-eau',
    description:
      "IA qui croise une centaine de données (canalisations, sols, trafic routier) pour cibler les zones les plus " +
      "fuyardes du réseau d'eau potable et améliorer son rendement ; testée par la CAPI à Saint-Savin, où 15 " +
      "fuites ont été trouvées en dix jours sur trois communes.",
    models: [],
    deploymentMode: 'SAAS',
    aiActRiskTier: 'HIGH',
    aiActRationale:
      "Classement prudent : outil intervenant dans la gestion d'une infrastructure critique d'approvisionnement " +
      "en eau (annexe III, point 2). La dérogation de l'article 6, paragraphe 3 peut s'appliquer s'il ne sert " +
      "qu'à prioriser les recherches de fuites sans agir sur l'exploitation.",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en'],
    website: 'https://www.leakmited.com',
    sourceUrl: SRC.leakmitedCapi,
    sourceDate: '2024-03-01',
    isDemo: false,
  },
  {
    slug: 'suez-aquadvanced',
    name: 'Aquadvanced Réseaux d’eau (SUEZ)',
    providerSlug: 'suez',
    categorySlug: 'reseaux-eau',
    description:
      "Suite logicielle de supervision des réseaux d'eau potable : détection rapide des fuites et des anomalies " +
      "de qualité de l'eau, gain annoncé de 1 à 5 points de rendement du réseau.",
    models: [],
    deploymentMode: 'SAAS',
    aiActRiskTier: 'HIGH',
    aiActRationale:
      "Composant de sécurité de la gestion et de l'exploitation d'une infrastructure critique d'approvisionnement " +
      "en eau (annexe III, point 2) : système à haut risque.",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en', 'es'],
    website: 'https://www.suez.com',
    sourceUrl: SRC.suezAquadvanced,
    sourceDate: '2019-12-05',
    isDemo: false,
  },
  {
    slug: 'vianova',
    name: 'Vianova — données de mobilité',
    providerSlug: 'vianova',
    categorySlug: 'mobilite-trafic',
    description:
      "Plateforme qui agrège et analyse les données des opérateurs de mobilité partagée (vélos, trottinettes) " +
      "pour aider les villes à encadrer leur activité et à planifier la voirie.",
    models: [],
    deploymentMode: 'SAAS',
    aiActRiskTier: 'MINIMAL',
    aiActRationale:
      "Analyse de données de mobilité agrégées, pas un composant de sécurité de la gestion du trafic routier " +
      "(annexe III, point 2) : risque minimal.",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en'],
    website: 'https://www.vianova.io',
    sourceUrl: SRC.vianovaInterview,
    sourceDate: '2020-01-01',
    isDemo: false,
  },
  {
    slug: 'lixo',
    name: 'Lixo — analyse du tri dans les bennes',
    providerSlug: 'lixo',
    categorySlug: 'dechets',
    description:
      "Caméra et micro-ordinateur embarqués sur les camions de collecte qui repèrent en temps réel les erreurs " +
      "de tri ; la Métropole européenne de Lille en équipe 11 de ses 60 bennes, environ 45 collectivités l'utilisent.",
    models: [],
    deploymentMode: 'HYBRID',
    aiActRiskTier: 'MINIMAL',
    aiActRationale:
      "Reconnaissance d'images de déchets, sans identification des personnes ; un couplage aux puces des bacs " +
      "pour cibler des foyers imposerait une réévaluation (RGPD).",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en'],
    website: 'https://www.lixo.tech',
    sourceUrl: SRC.lixoMel,
    sourceDate: '2024-04-19',
    isDemo: false,
  },
  {
    slug: 'kermap-nimbo',
    name: 'Kermap Nimbo',
    providerSlug: 'kermap',
    categorySlug: 'urbanisme',
    description:
      "Plateforme web et API de suivi mensuel des territoires par imagerie satellite (jusqu'à 2,5 m) : " +
      "végétation urbaine, îlots de chaleur, artificialisation des sols et suivi de chantiers.",
    models: [],
    deploymentMode: 'SAAS',
    aiActRiskTier: 'MINIMAL',
    aiActRationale: "Analyse d'images satellite du territoire, hors annexe III : risque minimal.",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en'],
    website: 'https://www.kermap.com',
    sourceUrl: SRC.kermapNimbo,
    sourceDate: '2021-02-22',
    isDemo: false,
  },
  {
    slug: 'autodesk-forma',
    name: 'Autodesk Forma',
    providerSlug: 'autodesk',
    categorySlug: 'urbanisme',
    description:
      "Logiciel en ligne d'études urbaines préliminaires (ex-Spacemaker) : esquisse de projets et analyses " +
      "d'ensoleillement, de vent et de bruit assistées par l'IA.",
    models: [],
    deploymentMode: 'SAAS',
    aiActRiskTier: 'MINIMAL',
    aiActRationale: "Aide à la conception de projets urbains, hors annexe III : risque minimal.",
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['en', 'fr'],
    website: 'https://www.autodesk.com/products/forma/overview',
    sourceUrl: 'https://www.autodesk.com/products/forma/overview',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
  {
    slug: 'opendatasoft',
    name: 'Opendatasoft',
    providerSlug: 'opendatasoft',
    categorySlug: 'plateforme-donnees',
    description:
      "Plateforme de publication et de partage de données : portail open data, catalogue, API et " +
      "visualisations pour les collectivités soumises à l'ouverture des données par défaut.",
    models: [],
    deploymentMode: 'SAAS',
    aiActRiskTier: 'MINIMAL',
    aiActRationale: 'Publication et visualisation de données, hors annexe III : risque minimal.',
    secNumCloud: false,
    rgaaStatus: 'UNKNOWN',
    languages: ['fr', 'en'],
    website: 'https://www.opendatasoft.com',
    sourceUrl: 'https://www.opendatasoft.com',
    sourceDate: '2025-06-30',
    isDemo: false,
  },
];

// ------------------------------------------------------------------ offres tarifaires

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
