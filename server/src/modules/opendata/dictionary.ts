// The data dictionary of the open-data exports: one definition per dataset, in the style of schema.data.gouv.fr
// (Table Schema: name, type, description, example, unit). The exports write their columns in this order, the GraphQL
// query openDataDictionary and /donnees/dictionnaire.json publish it as it is, and the web page /donnees prints it.

export const LICENCE = {
  nom: 'Licence Ouverte 2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  producteur: 'Etalab',
} as const;

export const SOURCE =
  'Mutualis : déclarations des collectivités territoriales (déploiements, chartes éthiques de l’IA) sur le référentiel ' +
  'des collectivités (@etalab/decoupage-administratif). Les lignes issues des données de démonstration, fictives, ' +
  'sont signalées par la colonne donnees_demo (ou les colonnes *_demo des statistiques).';

/** The same text in ASCII, for an HTTP header (a header value may not carry « é » or « ’ » safely). */
export const SOURCE_HEADER = 'Mutualis (declarations des collectivites; donnees de demonstration signalees par la colonne donnees_demo)';

/** Table Schema types. A `number` is a decimal written with a point (examples too), with a decimal comma in French CSV. */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

export interface DictionaryColumn {
  name: string;
  type: ColumnType;
  description: string;
  example: string;
  unit: string | null;
}

export type DatasetKey = 'deploiements' | 'chartes' | 'statistiques';

export interface Dataset {
  key: DatasetKey;
  title: string;
  description: string;
  /** One row per… */
  grain: string;
  columns: DictionaryColumn[];
}

const col = (name: string, type: ColumnType, description: string, example: string, unit: string | null = null): DictionaryColumn => ({
  name,
  type,
  description,
  example,
  unit,
});

const KINDS = 'COMMUNE, EPCI, DEPARTEMENT, REGION ou SYNDICAT';
const DEMO = 'true quand la ligne vient des données de démonstration (fictives), false pour une déclaration réelle.';

/** The columns that name a collectivité, shared by the deployments and the charters. */
const ORGANIZATION_COLUMNS = [
  col('siren_collectivite', 'string', 'SIREN de la collectivité (9 chiffres) ; vide pour un département ou une région, absents du répertoire utilisé.', '212500565'),
  col('nom_collectivite', 'string', 'Nom d’usage de la collectivité.', 'Besançon'),
  col('type_collectivite', 'string', `Nature de la collectivité : ${KINDS}.`, 'COMMUNE'),
  col('code_insee', 'string', 'Code INSEE de la commune, du département ou de la région ; pour un EPCI, son SIREN (il n’a pas de code INSEE).', '25056'),
  col('code_departement', 'string', 'Code INSEE du département de la collectivité (celui de sa commune la plus peuplée pour un EPCI).', '25'),
  col('code_region', 'string', 'Code INSEE de la région de la collectivité.', '27'),
];

export const DATASETS: readonly Dataset[] = [
  {
    key: 'deploiements',
    title: 'Déploiements d’outils d’IA',
    description: 'Les outils d’IA que les collectivités déclarent explorer, expérimenter, utiliser ou avoir abandonnés.',
    grain: 'un déploiement (une collectivité, un outil), dans l’ordre de id_deploiement',
    columns: [
      col('id_deploiement', 'integer', 'Identifiant du déploiement dans Mutualis (stable).', '1042'),
      ...ORGANIZATION_COLUMNS,
      col('siren_epci', 'string', 'SIREN de l’EPCI à fiscalité propre dont la commune est membre ; vide pour les autres collectivités.', '242500361'),
      col('slug_outil', 'string', 'Identifiant de l’outil dans le catalogue Mutualis (adresse /catalogue/<slug_outil>).', 'albert'),
      col('nom_outil', 'string', 'Nom de l’outil.', 'Albert'),
      col('nom_fournisseur', 'string', 'Éditeur ou opérateur de l’outil.', 'DINUM'),
      col('siren_fournisseur', 'string', 'SIREN du fournisseur, vide s’il n’en a pas (fournisseur étranger).', '130025265'),
      col('pays_siege_fournisseur', 'string', 'Pays du siège du fournisseur (ISO 3166-1 alpha-2).', 'FR'),
      col('categorie', 'string', 'Catégorie de cas d’usage de l’outil dans le catalogue.', 'Assistants conversationnels'),
      col('statut', 'string', 'Étape du déploiement : EXPLORING (exploration), PILOT (expérimentation), PRODUCTION, ABANDONED (abandonné).', 'PRODUCTION'),
      col('service', 'string', 'Service de la collectivité qui utilise l’outil, tel que déclaré.', 'Direction des systèmes d’information'),
      col('date_debut', 'date', 'Date de début du déploiement (AAAA-MM-JJ).', '2025-03-01'),
      col('date_fin', 'date', 'Date de fin du déploiement (AAAA-MM-JJ), vide s’il est en cours.', '2026-02-28'),
      col('nombre_utilisateurs', 'integer', 'Nombre d’agents utilisateurs déclaré.', '120', 'utilisateurs'),
      col('requetes_mensuelles', 'integer', 'Nombre de requêtes par mois déclaré.', '8000', 'requêtes par mois'),
      col(
        'cout_annuel_ht',
        'number',
        'Coût annuel déclaré, en euros hors taxes, deux décimales. Publié seulement quand la collectivité a rendu ce coût public ; vide sinon (ou s’il n’est pas déclaré).',
        '1234.50',
        'euros HT par an',
      ),
      col('mode_achat', 'string', 'Voie d’achat : DIRECT, UGAP, FRAMEWORK (accord-cadre), TENDER (appel d’offres), PURCHASING_GROUP (groupement de commandes) ; vide si non déclarée.', 'UGAP'),
      col('donnees_demo', 'boolean', DEMO, 'false'),
      col('date_mise_a_jour', 'datetime', 'Dernière mise à jour de la déclaration (UTC, ISO 8601).', '2026-01-15T09:30:00Z'),
    ],
  },
  {
    key: 'chartes',
    title: 'Chartes éthiques de l’IA des collectivités',
    description: 'Pour chaque collectivité du périmètre, l’état de sa charte éthique de l’intelligence artificielle.',
    grain: 'une collectivité du périmètre (toutes, avec ou sans charte)',
    columns: [
      ...ORGANIZATION_COLUMNS,
      col('statut_charte', 'string', 'NONE (aucune charte connue), PLANNED (en projet) ou ADOPTED (adoptée).', 'ADOPTED'),
      col('date_adoption_charte', 'date', 'Date d’adoption de la charte (AAAA-MM-JJ), vide si elle n’est pas adoptée ou pas datée.', '2025-06-12'),
      col('url_charte', 'string', 'Adresse du texte de la charte publié par la collectivité.', 'https://www.grandbesancon.fr/charte-ia'),
      col('donnees_demo', 'boolean', 'true quand l’état de la charte vient des données de démonstration (fictives).', 'false'),
    ],
  },
  {
    key: 'statistiques',
    title: 'Statistiques d’adoption de l’IA',
    description:
      'Les chiffres des statistiques de Mutualis pour le périmètre, ventilés par région, département, type d’EPCI du territoire et tranche de population. ' +
      'Chaque comptage inclut les données de démonstration ; la colonne *_demo en donne la part.',
    grain: 'une modalité d’une dimension (une région, un département, un type d’EPCI ou une tranche de population)',
    columns: [
      col('dimension', 'string', 'Dimension de la ventilation : REGION, DEPARTEMENT, EPCI_TYPE ou POPULATION_BAND.', 'DEPARTEMENT'),
      col('code', 'string', 'Code INSEE de la région ou du département, type d’EPCI (CC, CA, CU, METRO, MET69), tranche de population, ou NONE / UNKNOWN.', '25'),
      col('libelle', 'string', 'Libellé de la modalité.', 'Doubs'),
      col('collectivites', 'integer', 'Nombre de collectivités de la modalité.', '571', 'collectivités'),
      col('collectivites_declarantes', 'integer', 'Collectivités ayant déclaré au moins un déploiement (tout statut).', '48', 'collectivités'),
      col('collectivites_declarantes_demo', 'integer', 'Dont collectivités qui n’ont que des déploiements de démonstration.', '40', 'collectivités'),
      col('collectivites_adoptantes', 'integer', 'Collectivités ayant un déploiement en usage (PILOT ou PRODUCTION).', '31', 'collectivités'),
      col('collectivites_adoptantes_demo', 'integer', 'Dont collectivités adoptantes par des données de démonstration seulement.', '25', 'collectivités'),
      col('chartes_adoptees', 'integer', 'Collectivités ayant adopté une charte éthique de l’IA.', '12', 'collectivités'),
      col('chartes_adoptees_demo', 'integer', 'Dont chartes adoptées issues des données de démonstration.', '10', 'collectivités'),
      col('chartes_prevues', 'integer', 'Collectivités ayant une charte en projet.', '7', 'collectivités'),
      col('chartes_prevues_demo', 'integer', 'Dont chartes en projet issues des données de démonstration.', '5', 'collectivités'),
      col('deploiements', 'integer', 'Nombre de déploiements déclarés (tout statut).', '96', 'déploiements'),
      col('deploiements_demo', 'integer', 'Dont déploiements de démonstration.', '80', 'déploiements'),
      col('collectivites_declarant_cout', 'integer', 'Collectivités dont un déploiement en usage déclare un coût annuel.', '9', 'collectivités'),
      col(
        'depense_annuelle_ht',
        'number',
        'Dépense annuelle déclarée des déploiements en usage, en euros hors taxes (deux décimales), coûts non publics compris. ' +
          'Vide quand une ou deux collectivités seulement de la modalité déclarent un coût (secret statistique : le chiffre révélerait ce que chacune paie).',
        '154200.00',
        'euros HT par an',
      ),
      col('depense_annuelle_ht_demo', 'number', 'Dont dépense des déploiements de démonstration ; vide dans les mêmes cas.', '120000.00', 'euros HT par an'),
      col('taux_declarantes', 'number', 'collectivites_declarantes / collectivites, quatre décimales (arrondi au plus proche) ; vide sans collectivité.', '0.0841', 'proportion (0 à 1)'),
      col('taux_adoptantes', 'number', 'collectivites_adoptantes / collectivites, quatre décimales ; vide sans collectivité.', '0.0543', 'proportion (0 à 1)'),
      col('taux_chartes_adoptees', 'number', 'chartes_adoptees / collectivites, quatre décimales ; vide sans collectivité.', '0.0210', 'proportion (0 à 1)'),
      col('taux_chartes_prevues', 'number', 'chartes_prevues / collectivites, quatre décimales ; vide sans collectivité.', '0.0123', 'proportion (0 à 1)'),
    ],
  },
];

export function datasetOf(key: DatasetKey): Dataset {
  return DATASETS.find((d) => d.key === key)!;
}

/** What /donnees/dictionnaire.json serves (and the GraphQL query mirrors). */
export function dictionaryDocument() {
  return { licence: LICENCE, source: SOURCE, jeux_de_donnees: DATASETS };
}
