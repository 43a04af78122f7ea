// Catalogue d'amorçage : la taxonomie des cas d'usage.

import type { CategorySeed } from './types.ts';

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
