// Catalogue d'amorçage : bâtiments, éclairage, eau, mobilité, déchets, urbanisme, données.

import { SRC } from './catalogue-helpers.ts';
import type { ToolSeed } from './types.ts';

export const territoryTools: ToolSeed[] = [
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
