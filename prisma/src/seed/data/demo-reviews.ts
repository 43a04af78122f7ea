// Avis de démonstration, rédigés à partir des déploiements.

import { DAY_MS, day, LAST_DAY } from './demo-calibration.ts';
import { Random } from './demo-random.ts';
import type { DemoDeployment, DemoReview } from './types.ts';

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

export function buildReview(rng: Random, deployment: DemoDeployment): DemoReview {
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
