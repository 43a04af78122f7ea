// Catalogue d'amorçage : assistants, API de modèles de langage, documents, transcription, traduction, achats.

import { SRC, GENERAL_ASSISTANT_AI_ACT, LLM_API_AI_ACT } from './catalogue-helpers.ts';
import type { ToolSeed } from './types.ts';

export const officeTools: ToolSeed[] = [
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
];
