// The statistics' figures from the public-procurement data (DECP): attested spend beside the declared one.
import { builder } from '../../graphql/builder.ts';
import type { ContractFigures } from './contracts-loaders.ts';
import { AdoptionStats } from './schema.ts';

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

const AttestedSpend = builder.objectRef<ContractFigures>('AttestedSpend').implement({
  description:
    'Ce qu’attestent les données essentielles de la commande publique (DECP) : les marchés d’IA des collectivités du ' +
    'périmètre, confirmés par la vérification des administrateurs. Données publiques : ni démonstration ni secret statistique.',
  fields: (t) => ({
    contracts: t.exposeInt('contracts', { description: 'Marchés confirmés.' }),
    amount: t.field({ type: 'Decimal', description: 'Montant HT cumulé (un accord-cadre compte pour son montant maximum).', resolve: (c) => c.amount }),
    frameworks: t.exposeInt('frameworks', { description: 'Accords-cadres parmi ces marchés (leur montant est un maximum).' }),
    hhi: t.float({ nullable: true, description: 'Indice de Herfindahl–Hirschman des montants par titulaire (le premier titulaire de chaque marché).', resolve: (c) => (c.hhi == null ? null : Number(c.hhi)) }),
    holders: t.exposeInt('holders', { description: 'Titulaires distincts.' }),
    environmentalShare: t.float({ nullable: true, description: 'Part des marchés avec une considération environnementale (0 à 1).', resolve: (c) => share(c.environmental, c.contracts) }),
    innovativeShare: t.float({ nullable: true, description: 'Part des marchés innovants, parmi ceux qui le renseignent.', resolve: (c) => share(c.innovative, c.innovativeKnown) }),
    offersAverage: t.float({ nullable: true, description: 'Nombre moyen d’offres reçues (concurrence), parmi les marchés qui le renseignent.', resolve: (c) => (c.offersAverage == null ? null : Number(c.offersAverage)) }),
    offersKnown: t.exposeInt('offersKnown', { description: 'Marchés qui renseignent le nombre d’offres reçues.' }),
  }),
});

builder.objectField(AdoptionStats, 'attested', (t) =>
  t.field({ type: AttestedSpend, description: 'Dépense attestée par les marchés publics (DECP), à côté de la dépense déclarée.', resolve: ({ data }) => data.contracts }),
);
