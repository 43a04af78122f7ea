import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { TrainingAudience, TrainingFormat } from '../../generated/prisma/enums.ts';

// Demo entries of the training catalogue and demo declarations of trained agents and elected officials. Every entry
// below was written for the demonstration (titles start with « [Démonstration] », providers say « démonstration »,
// isDemo = true): this machine cannot reach any provider's page to check a real offer's title, address, price and
// date, and an entry with an unchecked address would present an invented fact as real. Their source addresses are
// under mutualis.example, a domain reserved for examples (RFC 2606), so that no address points at a real page.
// The one real fact cited — the Senate report no. 447 of 13 March 2025 recommends training elected officials and
// agents — comes from the project's sourced facts (reference/FACTS.md).

interface DemoTraining {
  slug: string;
  title: string;
  provider: string;
  description: string;
  audiences: TrainingAudience[];
  format: TrainingFormat;
  durationHours: string | null;
  /** Euros HT per person; null: free (no note) or not known (see costNote). */
  cost: string | null;
  costNote: string | null;
  language: string;
}

/** The day these demo entries were written: their « source » is this file. */
const WRITTEN = new Date('2026-12-07T00:00:00Z');
const sourceOf = (slug: string) => `https://mutualis.example/demonstration/formations/${slug}`;

export const DEMO_TRAININGS: DemoTraining[] = [
  {
    slug: 'demo-ia-generative-premiers-pas',
    title: '[Démonstration] Comprendre l’IA générative : premiers pas pour les agents',
    provider: 'Centre de formation territorial (démonstration)',
    description: 'Ce qu’est un grand modèle de langage, ce qu’il sait faire et ce qu’il ne sait pas faire, les données à ne jamais lui confier. Exemple fictif.',
    audiences: ['AGENTS'],
    format: 'ONLINE',
    durationHours: '3.5',
    cost: null,
    costNote: null,
    language: 'fr',
  },
  {
    slug: 'demo-ia-enjeux-elus',
    title: '[Démonstration] L’IA dans la collectivité : enjeux et décisions pour les élus',
    provider: 'Association d’élus (démonstration)',
    description:
      'Une journée pour décider en connaissance de cause : usages utiles, risques, charte éthique, mutualisation. Le rapport du Sénat n° 447 ' +
      '(13 mars 2025) recommande de former les élus et les agents. Exemple fictif.',
    audiences: ['ELECTED_OFFICIALS'],
    format: 'IN_PERSON',
    durationHours: '7.0',
    cost: '350.00',
    costNote: null,
    language: 'fr',
  },
  {
    slug: 'demo-piloter-projet-ia',
    title: '[Démonstration] Piloter un projet d’IA : cadrage, marché public et RGPD',
    provider: 'École du numérique public (démonstration)',
    description: 'Cadrer un cas d’usage, rédiger le cahier des charges, conduire l’analyse d’impact (AIPD) et évaluer le service rendu. Exemple fictif.',
    audiences: ['DSI', 'AGENTS'],
    format: 'HYBRID',
    durationHours: '21.0',
    cost: '1200.00',
    costNote: null,
    language: 'fr',
  },
  {
    slug: 'demo-assistant-redaction-securite',
    title: '[Démonstration] Rédiger avec un assistant conversationnel en toute sécurité',
    provider: 'Centre de formation territorial (démonstration)',
    description: 'Module en autonomie : formuler une demande, relire et vérifier, protéger les données personnelles. Exemple fictif.',
    audiences: ['AGENTS'],
    format: 'SELF_PACED',
    durationHours: '2.0',
    cost: '45.00',
    costNote: null,
    language: 'fr',
  },
  {
    slug: 'demo-empreinte-environnementale-ia',
    title: '[Démonstration] Évaluer l’empreinte environnementale d’un service d’IA',
    provider: 'Cabinet de conseil (démonstration)',
    description: 'Énergie par requête, intensité carbone du pays d’hébergement, eau : lire les chiffres des fournisseurs et leurs méthodes. Exemple fictif.',
    audiences: ['DSI'],
    format: 'ONLINE',
    durationHours: '7.0',
    cost: null,
    costNote: 'Sur devis (session intra)',
    language: 'fr',
  },
  {
    slug: 'demo-ai-act-public-sector',
    title: '[Démonstration] AI Act for public bodies: what deployers must do',
    provider: 'European training network (démonstration)',
    description: 'Risk tiers, high-risk public-sector uses, the fundamental-rights impact assessment. Exemple fictif, en anglais.',
    audiences: ['DSI', 'AGENTS', 'ELECTED_OFFICIALS'],
    format: 'ONLINE',
    durationHours: '1.5',
    cost: '0.00',
    costNote: null,
    language: 'en',
  },
];

/**
 * Demo declarations (isDemo = true) of four métropoles none of the demo accounts belongs to, so that the tests and
 * the demo accounts start from organizations without any. Nantes declares two years: the statistics count its latest.
 */
export const DEMO_TRAINING_DECLARATIONS: { siren: string; year: number; agentsTrained: number; electedTrained: number }[] = [
  { siren: '244400404', year: 2024, agentsTrained: 120, electedTrained: 15 }, // Nantes Métropole
  { siren: '244400404', year: 2025, agentsTrained: 240, electedTrained: 30 },
  { siren: '246700488', year: 2025, agentsTrained: 180, electedTrained: 25 }, // Eurométropole de Strasbourg
  { siren: '243400017', year: 2024, agentsTrained: 90, electedTrained: 12 }, // Montpellier Méditerranée Métropole
  { siren: '243500139', year: 2025, agentsTrained: 60, electedTrained: 8 }, // Rennes Métropole
];

/** Adds the demo trainings and declarations that are missing; says and returns how many of each were added. */
export async function seedDemoTraining(prisma: PrismaClient, log: (line: string) => void = () => undefined): Promise<{ trainings: number; declarations: number }> {
  let trainings = 0;
  for (const training of DEMO_TRAININGS) {
    if (await prisma.training.findUnique({ where: { slug: training.slug }, select: { id: true } })) continue;
    await prisma.training.create({ data: { ...training, sourceUrl: sourceOf(training.slug), sourceDate: WRITTEN, isDemo: true } });
    trainings++;
  }
  const organizations = await prisma.organization.findMany({
    where: { siren: { in: DEMO_TRAINING_DECLARATIONS.map((d) => d.siren) } },
    select: { id: true, siren: true },
  });
  const idOf = new Map(organizations.map((o) => [o.siren, o.id]));
  const { count } = await prisma.trainingDeclaration.createMany({
    data: DEMO_TRAINING_DECLARATIONS.flatMap(({ siren, ...figures }) => {
      const organizationId = idOf.get(siren);
      return organizationId ? [{ organizationId, ...figures, isDemo: true }] : [];
    }),
    skipDuplicates: true,
  });
  log(`Formations : ${trainings} formations et ${count} déclarations de démonstration ajoutées.`);
  return { trainings, declarations: count };
}
