// node scripts/decp-generate.mjs <count> <file>
// Writes a realistic, fictional DECP file in the official v2 format (`{"marches": {"marche": [...]}}`) of <count>
// contracts, streamed (one record at a time, with backpressure): a national-size file for the import's memory and
// throughput checks. Deterministic (fixed seed). About 3 % of the contracts buy AI, 10 % are near misses (IT services
// without AI terms), some are framework agreements with modifications; buyers are collectivités of the registry
// (Grand Besançon, Besançon, Dijon…) and thousands of fictional SIRETs; one in forty holders is Mistral AI.
import fs from 'node:fs';
import { once } from 'node:events';

const [countArg, file] = process.argv.slice(2);
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || !file) {
  console.error('usage : node scripts/decp-generate.mjs <nombre de marchés> <fichier.json>');
  process.exit(1);
}

let seed = 20240601;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

function luhnComplete(prefix) {
  for (let k = 0; k < 10; k++) {
    const digits = prefix + k;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}
const siretOf = (siren, nic) => luhnComplete(siren + String(nic).padStart(4, '0'));
const fictionalSiren = (n) => luhnComplete(String(30000000 + n).padStart(8, '0'));

const REGISTRY = ['242500361', '212500565', '242100410'].map((s) => siretOf(s, 1));
const BUYERS = [...REGISTRY, ...Array.from({ length: 5000 }, (_v, i) => siretOf(fictionalSiren(i), 1))];
const HOLDERS = Array.from({ length: 20000 }, (_v, i) => siretOf(fictionalSiren(100000 + i), 2));
const MISTRAL = siretOf('952418325', 1);

const AI = [
  ['Mise en place d’un agent conversationnel pour l’accueil des usagers', '72000000-5'],
  ['Solution d’intelligence artificielle générative pour les agents', '48000000-8'],
  ['Transcription automatique des séances du conseil', '79000000-4'],
  ['Callbot de prise de rendez-vous', '64200000-8'],
  ['Détection de fuites par apprentissage automatique sur le réseau d’eau', '38421100-3'],
  ['Maintenance prédictive de l’éclairage public', '42000000-6'],
  ['Vision par ordinateur pour le stationnement', '72000000-5'],
];
const NEAR = [
  ['Maintenance du parc informatique', '72000000-5'],
  ['Prestations de traduction', '79530000-8'],
  ['Licences de logiciels de gestion financière', '48000000-8'],
  ['Prestations de transcription des débats', '79000000-4'],
];
const OTHER = [
  ['Travaux de réfection de voirie', '45233140-2'],
  ['Fourniture de repas pour la restauration scolaire', '15000000-8'],
  ['Nettoyage des locaux administratifs', '90919200-4'],
  ['Entretien des espaces verts', '77310000-6'],
  ['Fourniture de mobilier scolaire', '39160000-1'],
  ['Travaux de rénovation énergétique du groupe scolaire', '45000000-7'],
  ['Assurance dommages aux biens', '66510000-8'],
  ['Location et maintenance de photocopieurs', '30120000-6'],
];
const PROCEDURES = ['Procédure adaptée', 'Appel d\'offres ouvert', 'Procédure avec négociation', 'Marché passé sans publicité ni mise en concurrence préalable'];
const day = (n) => new Date(Date.UTC(2024, 0, 1) + n * 86400000).toISOString().slice(0, 10);

function record(i) {
  const roll = random();
  const [objet, codeCPV] = roll < 0.03 ? pick(AI) : roll < 0.13 ? pick(NEAR) : pick(OTHER);
  const framework = random() < 0.15;
  const notification = Math.floor(random() * 700);
  const holder = random() < 0.025 ? MISTRAL : pick(HOLDERS);
  const montant = Math.round((40000 + random() * 900000) * 100) / 100;
  const m = {
    id: `G${i.toString(36).toUpperCase()}`,
    acheteur: { id: random() < 0.05 ? pick(REGISTRY) : pick(BUYERS) },
    nature: 'Marché',
    objet: `${objet} — lot ${1 + (i % 7)}`,
    codeCPV,
    techniques: { technique: [framework ? 'Accord-cadre' : 'Sans objet'] },
    modalitesExecution: { modaliteExecution: [framework ? 'Bons de commande' : 'Sans objet'] },
    marcheInnovant: random() < 0.05,
    ccag: 'Fournitures courantes et services',
    offresRecues: 1 + Math.floor(random() * 8),
    attributionAvance: false,
    typeGroupementOperateurs: 'Pas de groupement',
    procedure: pick(PROCEDURES),
    lieuExecution: { code: '25056', typeCode: 'Code commune' },
    dureeMois: 6 + Math.floor(random() * 42),
    dateNotification: day(notification),
    datePublicationDonnees: day(notification + 10),
    montant,
    typesPrix: { typePrix: ['Définitif ferme'] },
    formePrix: pick(['Unitaire', 'Forfaitaire', 'Mixte']),
    sousTraitanceDeclaree: false,
    titulaires: [{ titulaire: { typeIdentifiant: 'SIRET', id: holder } }],
    considerationsSociales: { considerationSociale: ['Pas de considération sociale'] },
    considerationsEnvironnementales: { considerationEnvironnementale: [random() < 0.3 ? 'Clause environnementale' : 'Pas de considération environnementale'] },
  };
  if (framework && random() < 0.4) {
    m.modifications = [{ modification: { id: 1, montant: Math.round(montant * 120) / 100, dureeMois: m.dureeMois + 12, dateNotificationModification: day(notification + 200), datePublicationDonneesModification: day(notification + 210) } }];
  }
  return m;
}

const out = fs.createWriteStream(file);
const write = async (text) => {
  if (!out.write(text)) await once(out, 'drain');
};
await write('{"marches":{"marche":[\n');
for (let i = 0; i < count; i++) await write((i ? ',\n' : '') + JSON.stringify(record(i)));
await write('\n]}}\n');
out.end();
await once(out, 'finish');
console.log(`${count} marchés écrits dans ${file} (${(fs.statSync(file).size / 1e6).toFixed(1)} Mo).`);
