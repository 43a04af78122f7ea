// The figure types of the statistics: a count with its demo part and rate, an amount with its demo part (withheld
// below the confidentiality threshold), and the rows of each dimension.
import { builder, type PothosTypes } from '../../graphql/builder.ts';
import { POPULATION_BAND_KEYS, POPULATION_BANDS } from './rules.ts';

/** A count, its demo part, and the base it is a rate of (with that base's demo part). */
export interface CountShape {
  count: number;
  demo: number;
  of?: number | null;
  ofDemo?: number;
}

const ratio = (numerator: number, denominator: number | null | undefined) =>
  denominator ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;

type CountFieldBuilder<Shape extends CountShape> = PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>, Shape>;

/** The fields every counted figure has. */
export function countFields<Shape extends CountShape>(t: CountFieldBuilder<Shape>) {
  return {
    count: t.int({ resolve: (s) => s.count }),
    demo: t.int({ description: 'Part du nombre issue des données de démonstration.', resolve: (s) => s.demo }),
    demoShare: t.float({ nullable: true, description: 'Part de démonstration du nombre (0 à 1, 4 décimales).', resolve: (s) => ratio(s.demo, s.count) }),
    rate: t.float({ nullable: true, description: 'Taux : le nombre rapporté à sa base (0 à 1, 4 décimales) ; null sans base.', resolve: (s) => ratio(s.count, s.of) }),
    rateWithoutDemo: t.float({
      nullable: true,
      description: 'Le même taux sans les données de démonstration.',
      resolve: (s) => ratio(s.count - s.demo, s.of == null ? null : s.of - (s.ofDemo ?? 0)),
    }),
  };
}

export const StatCount = builder.objectRef<CountShape>('StatCount').implement({
  description: 'Un nombre, la part qui vient des données de démonstration, et le taux qu’il représente.',
  fields: (t) => countFields(t as never),
});

/** A sum of euros HT, its demo part, and how many organizations it adds up (withheld below the threshold). */
export interface AmountShape {
  amount: string;
  demo: string;
  payers: number;
  disclosed: boolean;
}

export const StatAmount = builder.objectRef<AmountShape>('StatAmount').implement({
  description:
    'Montant annuel déclaré en euros HT (deux décimales) et sa part de démonstration. Secret statistique : le montant n’est ' +
    'pas publié quand moins de 3 collectivités y contribuent (les auditeurs et administrateurs le voient).',
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', nullable: true, resolve: (a) => (a.disclosed ? a.amount : null) }),
    demo: t.field({ type: 'Decimal', nullable: true, description: 'Part issue des données de démonstration.', resolve: (a) => (a.disclosed ? a.demo : null) }),
    contributors: t.int({ description: 'Collectivités dont les déploiements en usage déclarent un coût.', resolve: (a) => a.payers }),
    withheld: t.boolean({ description: 'Vrai quand le montant est couvert par le secret statistique.', resolve: (a) => !a.disclosed }),
  }),
});

export const PopulationBand = builder.enumType('PopulationBand', {
  description: 'Tranche de population (population municipale ; celle de l’EPCI pour un EPCI).',
  values: Object.fromEntries(POPULATION_BANDS.map((b) => [b.key, { description: b.label }])) as Record<(typeof POPULATION_BAND_KEYS)[number], { description: string }>,
});

export const HostingZone = builder.enumType('HostingZone', {
  description: 'Lieu d’hébergement d’un outil : France, autre État de l’UE, hors UE, non renseigné.',
  values: { FRANCE: { description: 'France' }, EU: { description: 'Autre État membre de l’UE' }, OUTSIDE_EU: { description: 'Hors de l’UE' }, UNKNOWN: { description: 'Non renseigné' } },
});

export const BreakdownDimension = builder.enumType('BreakdownDimension', {
  values: { REGION: { description: 'Région' }, DEPARTEMENT: { description: 'Département' }, EPCI_TYPE: { description: 'Type d’EPCI du territoire' }, POPULATION_BAND: { description: 'Tranche de population' } },
});

export interface KeyedCount extends CountShape {
  key: string | null;
  label?: string;
}

/** A row of a dimension: its key (an enum value, or null when not provided), its French label and its count. */
export function keyedCount(name: string, description: string, key: unknown) {
  return builder.objectRef<KeyedCount>(name).implement({
    description,
    fields: (t) => ({
      key: t.field({ type: key as never, nullable: true, description: 'null : non renseigné.', resolve: (r) => r.key as never }),
      ...countFields(t as never),
    }),
  });
}
