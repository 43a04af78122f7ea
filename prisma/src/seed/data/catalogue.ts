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
// Module pur : aucun accès à la base ; l'arithmétique décimale est celle de ../../decimal.ts. Un fichier par partie.

import { categories } from './catalogue-categories.ts';
import { gridIntensities, impactFigures, pricingPlans } from './catalogue-figures.ts';
import { USD_TO_EUR_RATE, USD_TO_EUR_RATE_DATE } from './catalogue-helpers.ts';
import { providers } from './catalogue-providers.ts';
import { officeTools } from './catalogue-tools-office.ts';
import { territoryTools } from './catalogue-tools-territory.ts';
import type { ToolSeed } from './types.ts';

export { categories, gridIntensities, impactFigures, pricingPlans, providers, USD_TO_EUR_RATE, USD_TO_EUR_RATE_DATE };

export const tools: ToolSeed[] = [...officeTools, ...territoryTools];
