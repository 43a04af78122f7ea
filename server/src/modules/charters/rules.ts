// The shared model of an AI ethics charter, and the printable text an organization publishes from it. Pure: no
// database, no GraphQL. The model's paragraphs state commitments and cite texts in force; they invent no figure.

export const PRINCIPLE_KEYS = [
  'HUMAN_OVERSIGHT',
  'TRANSPARENCY',
  'DATA_PROTECTION',
  'ENVIRONMENTAL_SOBRIETY',
  'VENDOR_INDEPENDENCE',
  'AGENT_TRAINING',
] as const;
export type PrincipleKey = (typeof PRINCIPLE_KEYS)[number];

export interface ModelPrinciple {
  key: PrincipleKey;
  title: string;
  text: string;
}

export interface CustomPrinciple {
  title: string;
  text: string;
}

export interface ModelReference {
  label: string;
  url: string | null;
}

/** Limits of a draft, said in the form and checked before the database. */
export const MAX_CUSTOM_PRINCIPLES = 10;
export const MAX_CUSTOM_TITLE = 120;
export const MAX_CUSTOM_TEXT = 2000;
export const MAX_PREAMBLE = 4000;

/** Version of the model, printed at the foot of every charter built from it. */
export const MODEL_VERSION = '1.0';
/** Day the model's references were last checked. */
export const MODEL_DATE = '2026-12-07';

export const DEFAULT_PREAMBLE =
  'Notre collectivité utilise ou envisage d’utiliser des systèmes d’intelligence artificielle pour améliorer le service rendu aux habitants et faciliter le travail de ses agents. ' +
  'Cette charte fixe les engagements qu’elle prend pour que ces usages restent au service de l’intérêt général, sous le contrôle des agents et des élus, dans le respect des droits des personnes. ' +
  'Elle s’inscrit dans le cadre du règlement européen sur l’intelligence artificielle (règlement (UE) 2024/1689), du règlement général sur la protection des données (RGPD) ' +
  'et des travaux du Sénat sur l’intelligence artificielle dans les collectivités territoriales (rapport d’information n° 447 du 13 mars 2025). ' +
  'Elle est revue au moins une fois par an et à chaque nouvel usage significatif.';

export const MODEL_PRINCIPLES: readonly ModelPrinciple[] = [
  {
    key: 'HUMAN_OVERSIGHT',
    title: 'Contrôle humain',
    text:
      'Un système d’IA aide les agents ; il ne décide pas à leur place. Aucune décision individuelle produisant des effets juridiques pour une personne ne repose sur un traitement entièrement automatisé (RGPD, article 22). ' +
      'Chaque usage a un responsable désigné, qui vérifie les résultats produits, peut les corriger ou les écarter, et peut suspendre l’usage en cas de dérive.',
  },
  {
    key: 'TRANSPARENCY',
    title: 'Transparence envers les habitants',
    text:
      'Les habitants sont informés lorsqu’ils échangent avec un système d’IA (agent conversationnel, réponse automatique) et lorsqu’un contenu a été généré par l’IA, comme le prévoit l’article 50 du règlement européen sur l’IA. ' +
      'La collectivité publie la liste de ses usages de l’IA, avec leur finalité et le service responsable, et mentionne le recours à un traitement algorithmique dans les décisions individuelles qui en résultent (code des relations entre le public et l’administration, article L. 311-3-1).',
  },
  {
    key: 'DATA_PROTECTION',
    title: 'Protection des données',
    text:
      'Seules les données nécessaires à la finalité sont utilisées. Avant tout usage traitant des données personnelles à risque élevé, une analyse d’impact relative à la protection des données (AIPD, RGPD article 35) est conduite avec le délégué à la protection des données. ' +
      'Les données des habitants et des agents ne servent pas à entraîner les modèles d’un fournisseur sans décision explicite de la collectivité ; les contrats précisent le lieu d’hébergement et la durée de conservation.',
  },
  {
    key: 'ENVIRONMENTAL_SOBRIETY',
    title: 'Sobriété environnementale',
    text:
      'L’IA n’est retenue que lorsqu’elle apporte un bénéfice réel par rapport à une solution plus simple. À service égal, la collectivité préfère le modèle le plus léger et demande aux fournisseurs l’énergie consommée, les émissions et l’eau par requête, en précisant la méthode de mesure. ' +
      'Elle suit la consommation de ses usages et peut s’appuyer sur le référentiel AFNOR Spec 2314 pour une IA frugale.',
  },
  {
    key: 'VENDOR_INDEPENDENCE',
    title: 'Indépendance vis-à-vis des fournisseurs',
    text:
      'La collectivité garde la maîtrise de ses données et de ses choix : les contrats prévoient la réversibilité, l’export des données dans des formats ouverts et une durée d’engagement raisonnable. ' +
      'Elle examine les solutions ouvertes et mutualisées entre collectivités, et tient compte de la localisation de l’hébergement et de la juridiction dont relève le fournisseur.',
  },
  {
    key: 'AGENT_TRAINING',
    title: 'Formation des agents',
    text:
      'Les agents qui utilisent un système d’IA reçoivent une formation adaptée à leur usage : fonctionnement et limites des outils, vérification des résultats, protection des données, signalement des erreurs. ' +
      'Le règlement européen sur l’IA demande aux organisations qui déploient ces systèmes de veiller à la maîtrise de l’IA par leur personnel (article 4). Les élus sont associés aux choix et informés des usages.',
  },
];

/** The texts the model cites, with where to read them. */
export const MODEL_REFERENCES: readonly ModelReference[] = [
  { label: 'Règlement (UE) 2024/1689 sur l’intelligence artificielle (articles 4 et 50)', url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj' },
  { label: 'Règlement (UE) 2016/679, RGPD (articles 22 et 35)', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
  { label: 'Code des relations entre le public et l’administration, article L. 311-3-1', url: null },
  { label: 'Sénat, rapport d’information n° 447 (2024-2025) du 13 mars 2025', url: null },
  { label: 'AFNOR Spec 2314, référentiel général pour l’IA frugale', url: null },
];

const PRINCIPLE_BY_KEY = new Map(MODEL_PRINCIPLES.map((p) => [p.key, p]));
export const isPrincipleKey = (key: string): key is PrincipleKey => PRINCIPLE_BY_KEY.has(key as PrincipleKey);

/** The model's principles chosen, in the model's order (however they were ticked), each once. */
export const chosenPrinciples = (keys: readonly string[]): ModelPrinciple[] => MODEL_PRINCIPLES.filter((p) => keys.includes(p.key));

/** The custom principles a row's JSON column holds; anything else in it is ignored. */
export function customPrinciplesOf(value: unknown): CustomPrinciple[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    item && typeof item === 'object' && typeof (item as CustomPrinciple).title === 'string' && typeof (item as CustomPrinciple).text === 'string'
      ? [{ title: (item as CustomPrinciple).title, text: (item as CustomPrinciple).text }]
      : [],
  );
}

/** A date as the charter prints it: « 7 décembre 2026 » (the day in Paris). */
export const frenchDate = (date: Date): string =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(date);

/** One line: breaks and tabs as spaces, runs of spaces as one. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A text written by the organization, as Markdown paragraphs that stay paragraphs: blank lines separate them, and a
 * line that Markdown would read as a heading, a list, a quote or a rule is escaped (« \# », « \- »…).
 */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim().replace(/^([#>*+-]|\d+[.)])/, '\\$1'))
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

export interface CharterContent {
  organizationName: string;
  preamble: string | null;
  principles: readonly string[];
  customPrinciples: readonly CustomPrinciple[];
  publishedAt: Date;
}

/** The published charter as Markdown: title, adoption line, preamble, numbered principles (model's, then own), sources. */
export function charterMarkdown(content: CharterContent): string {
  const sections = [
    ...chosenPrinciples(content.principles).map((p) => ({ title: p.title, text: p.text })),
    ...content.customPrinciples.map((p) => ({ title: oneLine(p.title), text: p.text })),
  ];
  const lines = [
    `# Charte éthique de l’intelligence artificielle — ${oneLine(content.organizationName)}`,
    `Adoptée par ${oneLine(content.organizationName)} le ${frenchDate(content.publishedAt)}.`,
    '## Préambule',
    paragraphs(content.preamble?.trim() || DEFAULT_PREAMBLE),
    ...sections.flatMap((section, i) => [`## ${i + 1}. ${section.title}`, paragraphs(section.text)]),
    '## Références',
    // one paragraph each, without a list marker: the printed page and the Markdown file read the same
    ...MODEL_REFERENCES.map((r) => `${r.label}${r.url ? ` : ${r.url}` : ''}`),
    `Charte établie à partir du modèle partagé de Mutualis (version ${MODEL_VERSION}).`,
  ];
  return `${lines.join('\n\n')}\n`;
}

export type BlockKind = 'TITLE' | 'HEADING' | 'PARAGRAPH';
export interface CharterBlock {
  kind: BlockKind;
  text: string;
}

/** The blocks of a charter's Markdown (as charterMarkdown writes it), for a page that renders them as text, never as HTML. */
export function charterBlocks(markdown: string): CharterBlock[] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block): CharterBlock => {
      if (block.startsWith('# ')) return { kind: 'TITLE', text: oneLine(block.slice(2)) };
      if (block.startsWith('## ')) return { kind: 'HEADING', text: oneLine(block.slice(3)) };
      return { kind: 'PARAGRAPH', text: block.split('\n').map((line) => line.replace(/^\\([#>*+-]|\d+[.)])/, '$1')).join('\n') };
    });
}
