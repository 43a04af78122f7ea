// Catalogue d'amorçage : conversions (dollars, prix mixtes, énergie), sources récurrentes, justifications AI Act.

import { dec, frenchNumber, plain } from '../../decimal.ts';
import type { PricingPlanSeed } from './types.ts';

/** Euros pour un dollar US : inverse du taux de référence BCE du 30 juin 2025 (1 € = 1,1720 $). */
export const USD_TO_EUR_RATE = '0.8532';
/** Date du taux de change utilisé pour convertir les prix publiés en dollars. */
export const USD_TO_EUR_RATE_DATE = '2025-06-30';

export const RATE_NOTE =
  `converti à ${frenchNumber(USD_TO_EUR_RATE)} € pour 1 $ (taux de référence BCE du ` +
  `${USD_TO_EUR_RATE_DATE} : 1 € = 1,1720 $)`;

/** Convertit un prix en dollars en euros (chaîne), arrondi à `decimals` décimales. */
export function usdToEur(usd: string, decimals: number): string {
  // le produit est arrondi au millionième, puis à `decimals` décimales (moitié vers le haut)
  return dec(usd).mul(USD_TO_EUR_RATE).toDecimalPlaces(6).toFixed(decimals);
}

/** Prix mixte par million de jetons : 3 jetons en entrée pour 1 en sortie (convention « blended 3:1 »). */
function blendedUsd(inputUsd: string, outputUsd: string): string {
  const blended = dec(inputUsd).mul(3).plus(outputUsd).div(4);
  if (blended.decimalPlaces() > 6) throw new Error('Prix mixte non exact au millionième');
  return plain(blended);
}

/** Énergie d'une requête de 400 jetons en sortie à partir d'un nombre de Wh par million de jetons. */
export function whFor400Tokens(whPerMillionTokens: number): string {
  // Wh = valeur × 400 / 1 000 000, exact
  return plain(dec(whPerMillionTokens).mul(400).div(1_000_000));
}

export function tokenPlan(
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

export function demoPlan(
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

export const SRC = {
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

// ------------------------------------------------------------------ AI Act

export const GENERAL_ASSISTANT_AI_ACT =
  "Système d'IA générative qui dialogue avec les agents : obligations de transparence de l'article 50 " +
  "(information des personnes, marquage des contenus générés). Un usage pour recruter, évaluer ou gérer " +
  "des agents relèverait du haut risque (annexe III, point 4).";

export const LLM_API_AI_ACT =
  "Modèle d'IA à usage général (chapitre V du règlement) : la collectivité qui en tire un chatbot doit " +
  "informer les usagers qu'ils échangent avec une IA (article 50, paragraphe 1).";
