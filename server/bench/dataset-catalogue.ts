// The generated part of the catalogue (providers, tools, plans and their tiers): a few thousand rows, built in
// JavaScript from deterministic hashes so that each tool's searchText is the server's own normalizeSearch, then
// inserted in one statement per table (json_populate_recordset). Only the ordinary base tables are written; whatever
// the migrations derive from them (statistics tables, triggers) follows by itself.
import type pg from 'pg';
import { normalizeSearch } from '@mutualis/db/text';

/** A deterministic number in [0, 1) for (index, salt): the same dataset on every run and machine. */
export function hash(index: number, salt: number): number {
  let x = (Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(salt + 7, 0x85ebca77)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

const pick = <T>(list: readonly T[], index: number, salt: number): T => list[Math.floor(hash(index, salt) * list.length)]!;

const DAY = 86_400_000;
/** A date between 2023-01-01 and 2025-06-30, as an ISO string. */
const dateOf = (index: number, salt: number) => new Date(Date.UTC(2023, 0, 1) + Math.floor(hash(index, salt) * 911) * DAY).toISOString();

const PROVIDER_ROOTS = ['Numeria', 'Civilab', 'Territoria', 'Publik', 'Agora', 'Datacité', 'Mairia', 'Clairvoy', 'Ecume', 'Lumen',
  'Vigie', 'Sextant', 'Boussole', 'Hexagone', 'Alpine', 'Armor', 'Garonne', 'Loire', 'Rhodia', 'Vosgia', 'Cevenne', 'Morvan',
  'Jura', 'Iroise', 'Causse', 'Camargue', 'Ardenne', 'Quercy', 'Béarn', 'Artois'];
const PROVIDER_SUFFIXES = ['IA', 'Technologies', 'Solutions', 'Numérique', 'Data', 'Logiciels', 'Systèmes', 'Services', 'Labs', 'Intelligence'];
const COUNTRIES = ['FR', 'FR', 'FR', 'FR', 'FR', 'FR', 'DE', 'NL', 'BE', 'ES', 'IT', 'US', 'US', 'GB', 'CH', 'CA'];

export function generateProviders(count: number, offset = 0) {
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const country = pick(COUNTRIES, i, 1);
    const round = Math.floor(i / (PROVIDER_ROOTS.length * PROVIDER_SUFFIXES.length));
    const name = `${PROVIDER_ROOTS[i % PROVIDER_ROOTS.length]} ${PROVIDER_SUFFIXES[Math.floor(i / PROVIDER_ROOTS.length) % PROVIDER_SUFFIXES.length]}${round ? ` ${round + 1}` : ''}`;
    const certifications = [
      ...(country === 'FR' && hash(i, 2) < 0.15 ? ['SECNUMCLOUD'] : []),
      ...(hash(i, 3) < 0.2 ? ['HDS'] : []),
      ...(hash(i, 4) < 0.4 ? ['ISO_27001'] : []),
    ];
    const slug = `banc-fournisseur-${String(i + 1).padStart(4, '0')}`;
    return {
      slug, name, kind: hash(i, 5) < 0.08 ? 'PUBLIC_OPERATOR' : hash(i, 5) < 0.12 ? 'ASSOCIATION' : 'COMPANY', country, certifications,
      verified: hash(i, 6) < 0.5, website: `https://${slug}.exemple.fr`,
      description: `Fournisseur généré pour le banc d’essai (données de démonstration), siège : ${country}.`,
      sourceUrl: `https://${slug}.exemple.fr/mentions-legales`, sourceDate: dateOf(i, 7), isDemo: true,
      createdAt: dateOf(i, 8), updatedAt: dateOf(i, 8),
    };
  });
}

const BRANDS = ['Aurora', 'Belvédère', 'Cassiopée', 'Dédale', 'Elixir', 'Fanal', 'Galène', 'Héliade', 'Isatis', 'Jonquille', 'Kairos',
  'Lucarne', 'Mistral', 'Nacelle', 'Orée', 'Pléiade', 'Quartz', 'Rosace', 'Sémaphore', 'Tilleul', 'Ulysse', 'Vasque', 'Wagram',
  'Xylème', 'Yoles', 'Zénith', 'Albatros', 'Bruyère', 'Comète', 'Draille'];

/** What a generated tool of each category is called and does; a "courrier" word appears in a few other categories too. */
const CATEGORY_TEXT: Record<string, { word: string; does: string }> = {
  'chatbot-citoyen': { word: 'Accueil', does: 'répond aux questions des usagers sur le site et au téléphone, jour et nuit' },
  'traitement-documents-courrier': { word: 'Courrier', does: 'trie, résume et oriente le courrier entrant et les pièces jointes vers les services' },
  'transcription-reunions': { word: 'Compte rendu', does: 'transcrit les conseils municipaux et rédige les comptes rendus de réunion' },
  traduction: { word: 'Traduction', does: 'traduit les documents administratifs et les pages du site en plusieurs langues' },
  'analyse-marches-publics': { word: 'Marchés', does: 'analyse les offres des marchés publics et repère les clauses à risque' },
  'assistant-interne-rh': { word: 'Assistant', does: 'aide les agents à rédiger notes, délibérations et réponses aux courriels' },
  'energie-batiments': { word: 'Énergie', does: 'suit les consommations des bâtiments publics et détecte les dérives' },
  'eclairage-public': { word: 'Éclairage', does: 'pilote l’éclairage public selon la fréquentation et la saison' },
  'reseaux-eau': { word: 'Réseau', does: 'détecte les fuites des réseaux d’eau potable à partir des capteurs' },
  'mobilite-trafic': { word: 'Mobilité', does: 'mesure le trafic et la fréquentation des transports du territoire' },
  dechets: { word: 'Tri', does: 'optimise les tournées de collecte et analyse la qualité du tri' },
  urbanisme: { word: 'Urbanisme', does: 'instruit les demandes d’urbanisme et vérifie leur conformité au PLU' },
  'plateforme-donnees': { word: 'Données', does: 'publie et analyse les données ouvertes de la collectivité' },
};
const MODES = ['SAAS', 'SAAS', 'API', 'ON_PREMISE', 'HYBRID'];
const HOSTING = ['FR', 'FR', 'FR', 'FR', 'DE', 'IE', 'NL', 'US', 'US', 'BE', null];
const TIERS = ['MINIMAL', 'MINIMAL', 'MINIMAL', 'MINIMAL', 'LIMITED', 'LIMITED', 'LIMITED', 'HIGH', null];
const LICENSES = ['Apache-2.0', 'MIT', 'AGPL-3.0', 'EUPL-1.2'];
const RGAA = ['FULLY_COMPLIANT', 'PARTIALLY_COMPLIANT', 'PARTIALLY_COMPLIANT', 'NOT_COMPLIANT', 'UNKNOWN', 'UNKNOWN'];

export interface Named {
  id: number;
  name: string;
  slug: string;
}

export function generateTools(count: number, providers: Named[], categories: Named[], offset = 0) {
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const category = categories[i % categories.length]!;
    const provider = providers[Math.floor(hash(i, 11) * providers.length)]!;
    const text = CATEGORY_TEXT[category.slug] ?? { word: 'Outil', does: category.name.toLowerCase() };
    const name = `${BRANDS[i % BRANDS.length]} ${text.word} ${Math.floor(i / BRANDS.length) + 1}`;
    // about one tool in twelve of the other categories also handles mail
    const mail = category.slug !== 'traitement-documents-courrier' && hash(i, 12) < 0.08 ? ' Il classe aussi les courriers reçus.' : '';
    const description = `${name} ${text.does}.${mail} Outil généré pour le banc d’essai (données de démonstration).`;
    const hostingCountry = pick(HOSTING, i, 13);
    const slug = `banc-outil-${String(i + 1).padStart(5, '0')}`;
    return {
      slug, name, description, providerId: provider.id, categoryId: category.id,
      searchText: normalizeSearch([name, description, provider.name, category.name].join(' ')),
      models: hash(i, 14) < 0.5 ? ['Mistral Large'] : ['Llama 3.1 70B', 'Whisper'],
      openSourceLicense: hash(i, 15) < 0.2 ? pick(LICENSES, i, 16) : null,
      deploymentMode: pick(MODES, i, 17), hostingCountry, hostingRegion: hostingCountry === 'FR' ? 'Île-de-France' : null,
      dataResidency: hostingCountry ? `Données hébergées en ${hostingCountry}` : null, trainingOptOut: hash(i, 18) < 0.7,
      aiActRiskTier: pick(TIERS, i, 19), aiActRationale: 'Classement déclaratif du banc d’essai.', gdprDpaAvailable: hash(i, 20) < 0.8,
      secNumCloud: hostingCountry === 'FR' && hash(i, 21) < 0.15, rgaaStatus: pick(RGAA, i, 22),
      languages: hash(i, 23) < 0.6 ? ['fr', 'en'] : ['fr'], website: `https://${slug}.exemple.fr`, declaredByProvider: hash(i, 24) < 0.3,
      sourceUrl: `https://${slug}.exemple.fr/fiche`, sourceDate: dateOf(i, 25), isDemo: true, createdAt: dateOf(i, 26), updatedAt: dateOf(i, 26),
    };
  });
}

const PLAN_NAMES = ['Essentiel', 'Pro', 'Collectivités', 'Entreprise', 'Souverain', 'Territoire'];
/** Unit price ranges by pricing model, in euros HT. */
const MODELS: [string, number, number][] = [
  ['PER_SEAT_MONTH', 4, 45],
  ['FLAT_YEAR', 900, 60_000],
  ['PER_INHABITANT_YEAR', 0.04, 1.6],
  ['PER_1K_REQUESTS', 0.15, 6],
  ['PER_MILLION_TOKENS', 0.4, 30],
  ['FREE', 0, 0],
];

/** `count` plans spread over the tools (in order), each with a name unique for its tool; one in three has tiers. */
export function generatePlans(count: number, tools: { id: number }[]) {
  const plans: Record<string, unknown>[] = [];
  const tiers: { plan: number; minVolume: string; unitPrice: string }[] = [];
  if (tools.length === 0) return { plans, tiers };
  for (let i = 0; i < count; i++) {
    const tool = tools[i % tools.length]!;
    const rank = Math.floor(i / tools.length);
    const [model, low, high] = MODELS[Math.floor(hash(i, 31) * (hash(i, 32) < 0.9 ? 5 : 6))]!;
    const price = low + (high - low) * hash(i, 33);
    const unitPrice = price.toFixed(high >= 100 ? 2 : 4);
    plans.push({
      toolId: tool.id, name: `${PLAN_NAMES[rank % PLAN_NAMES.length]}${rank >= PLAN_NAMES.length ? ` ${rank + 1}` : ''}`, pricingModel: model,
      unitPrice, setupFee: hash(i, 34) < 0.3 ? (Math.floor(hash(i, 35) * 50) * 100).toFixed(2) : '0.00',
      minimumQuantity: model === 'PER_SEAT_MONTH' && hash(i, 36) < 0.4 ? '10.00' : null,
      minimumAnnualAmount: hash(i, 37) < 0.2 ? (Math.floor(hash(i, 38) * 20) * 500 + 500).toFixed(2) : null,
      source: hash(i, 39) < 0.7 ? 'PUBLISHED' : hash(i, 39) < 0.85 ? 'NEGOTIATED' : 'REPORTED',
      sourceUrl: `https://tarifs.exemple.fr/plan-${i + 1}`, sourceDate: dateOf(i, 40),
      notes: hash(i, 41) < 0.3 ? 'Tarif généré pour le banc d’essai.' : null, isDemo: true, createdAt: dateOf(i, 42), updatedAt: dateOf(i, 42),
    });
    if (model !== 'FREE' && hash(i, 43) < 1 / 3) {
      tiers.push({ plan: i, minVolume: '100.00', unitPrice: (price * 0.9).toFixed(4) });
      tiers.push({ plan: i, minVolume: '1000.00', unitPrice: (price * 0.75).toFixed(4) });
    }
  }
  return { plans, tiers };
}

/**
 * Inserts rows (all with the same keys) into a table in one statement; returns the new ids in the rows' order (ids
 * come from the sequence in insertion order, which follows the ordinality).
 */
export async function insertRows(client: pg.ClientBase, table: string, rows: Record<string, unknown>[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!).map((c) => `"${c}"`).join(', ');
  const result = await client.query<{ id: number }>(
    `INSERT INTO "${table}" (${columns})
     SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json) WITH ORDINALITY AS r
      ORDER BY r.ordinality
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  return result.rows.map((r) => r.id).sort((a, b) => a - b);
}
