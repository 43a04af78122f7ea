import type { TrainingAudience, TrainingFormat } from '../../gql/graphql';
import { formatDecimal, formatEurosHT } from '../../lib/format';

/** The publics of a training, in French, in the order the filters offer them. */
export const AUDIENCE_LABELS: Record<TrainingAudience, string> = {
  AGENTS: 'Agents',
  DSI: 'DSI et équipes numériques',
  ELECTED_OFFICIALS: 'Élus',
};

export const FORMAT_LABELS: Record<TrainingFormat, string> = {
  IN_PERSON: 'En présentiel',
  ONLINE: 'À distance (classe virtuelle)',
  HYBRID: 'Hybride',
  SELF_PACED: 'En autonomie (e-learning)',
};

/** « 3,5 h », or « durée non communiquée ». */
export const formatDuration = (hours: string | null | undefined) => (hours == null ? 'durée non communiquée' : `${formatDecimal(hours)} h`);

/**
 * The cost of a training as the API states it: « gratuit » when the API says it is free, else the amount per person
 * (« 350,00 € HT par personne ») followed by its note, or the note alone (« Sur devis »), or « coût non communiqué ».
 */
export function formatTrainingCost(training: { cost?: string | null; costNote?: string | null; isFree: boolean }): string {
  if (training.isFree) return training.costNote ? `gratuit (${training.costNote})` : 'gratuit';
  if (training.cost != null) return `${formatEurosHT(training.cost)} par personne${training.costNote ? ` (${training.costNote})` : ''}`;
  return training.costNote ?? 'coût non communiqué';
}
