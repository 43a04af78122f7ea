import type { Actor, Visibility } from '../../shared/permissions.ts';

// The training catalogue's and the declarations' pure rules: the bounds of a declaration, what « gratuit » means, the
// limits of the catalogue's search.

/** The first year a declaration may name: the catalogue and the Senate's call to train (report no. 447, 2025) are later. */
export const FIRST_DECLARATION_YEAR = 2020;
/** Upper bound of either count, whatever the organization (the largest collectivités employ fewer than 100,000 agents). */
export const MAX_TRAINED = 1_000_000;
/** Longest search of the catalogue, in characters. */
export const MAX_SEARCH = 100;

export interface DeclarationInput {
  year: number;
  agentsTrained: number;
  electedTrained: number;
}

export interface FieldProblem {
  field: 'year' | 'agentsTrained' | 'electedTrained';
  message: string;
}

const formatted = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');

/**
 * What is wrong with a declaration, field by field (nothing when it is sane): a year from 2020 to the current one,
 * whole counts from 0 to 1,000,000, and agents trained no more than the organization's inhabitants when its population is known (a sane bound: it employs far fewer).
 */
export function declarationProblems(input: DeclarationInput, currentYear: number, population: number | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(input.year) || input.year < FIRST_DECLARATION_YEAR || input.year > currentYear) {
    problems.push({ field: 'year', message: `L’année doit être comprise entre ${FIRST_DECLARATION_YEAR} et ${currentYear}.` });
  }
  const count = (value: number, field: FieldProblem['field'], label: string, max: number) => {
    if (!Number.isInteger(value) || value < 0 || value > max) {
      problems.push({ field, message: `${label} doit être un nombre entier de 0 à ${formatted(max)}.` });
      return false;
    }
    return true;
  };
  const agentsOk = count(input.agentsTrained, 'agentsTrained', 'Le nombre d’agents formés', MAX_TRAINED);
  count(input.electedTrained, 'electedTrained', 'Le nombre d’élus formés', MAX_TRAINED);
  if (agentsOk && population != null && population > 0 && input.agentsTrained > population) {
    problems.push({
      field: 'agentsTrained',
      message: `Le nombre d’agents formés (${formatted(input.agentsTrained)}) dépasse la population de la collectivité (${formatted(population)} habitants) : vérifiez le chiffre.`,
    });
  }
  return problems;
}

/** A training is free when its cost is zero, or unknown without a note saying why (« sur devis »…). */
export const isFree = (training: { cost: { toString(): string } | null; costNote: string | null }) =>
  training.cost == null ? training.costNote == null : Number(training.cost.toString()) === 0;

/** Every entry of the catalogue is public (its node keeps a rule all the same, as every Node type). */
export const trainingVisibility = (_viewer: Actor | null): Visibility<{ id: number }> => true;
