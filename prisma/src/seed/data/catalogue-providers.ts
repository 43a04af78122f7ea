// Catalogue d'amorçage : éditeurs et opérateurs publics.

import { SRC } from './catalogue-helpers.ts';
import type { ProviderSeed } from './types.ts';

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
