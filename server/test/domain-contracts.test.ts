import { describe, expect, it } from 'vitest';
import { classify, cpvEvidence, matchTerms, words, DEFAULT_THRESHOLDS } from '../src/modules/contracts/rules.ts';
import { parseRecord, sirenOf, siretValid } from '../src/modules/contracts/record-rules.ts';
import { median, pricesPaid } from '../src/modules/contracts/price-rules.ts';
import { dec } from '../src/shared/money.ts';

const MISTRAL = { providerId: 1, siren: '952418325' };

// Real-looking contract objects (as French buyers write them), their CPV, whether a holder is a catalogue provider,
// and the decision with the score worked out by hand: strong term 3, medium 2, weak 1, CPV 1, provider 2;
// KEPT from 3 with at least 2 from the object's terms; REJECTED stored from 1.
const CASES: [string, string | null, boolean, 'KEPT' | 'REJECTED', number][] = [
  ['Mise en place d’un agent conversationnel pour la relation aux usagers', '72000000-5', false, 'KEPT', 4],
  ['Acquisition d’une solution d’intelligence artificielle générative', '48000000-8', false, 'KEPT', 4],
  ['Déploiement d’une IA générative pour la rédaction des courriers', '72200000-7', false, 'KEPT', 4],
  ['Expérimentation de l’IA pour l’instruction des autorisations d’urbanisme', null, false, 'KEPT', 3],
  ['Chatbots et voicebots pour l’accueil', '64200000-8', false, 'KEPT', 7],
  ['Callbot de prise de rendez-vous état civil', '64210000-1', false, 'KEPT', 4],
  ['TRANSCRIPTION AUTOMATIQUE DES SÉANCES DU CONSEIL MUNICIPAL', '79000000-4', false, 'KEPT', 4],
  ['Traduction automatique des documents d’information', '79530000-8', false, 'KEPT', 4],
  ['Reconnaissance d’images pour l’inventaire de l’éclairage public', '38000000-5', false, 'KEPT', 4],
  ['Solution d’apprentissage automatique pour la prévision des consommations', '72000000-5', false, 'KEPT', 4],
  ['Plateforme de machine-learning pour la maintenance prédictive des pompes', '42000000-6', false, 'KEPT', 7],
  ['Accès à un grand modèle de langage (LLM) souverain', '72000000-5', true, 'KEPT', 9],
  ['Vision par ordinateur pour la gestion du stationnement', null, false, 'KEPT', 3],
  ['Détection de fuites sur le réseau d’eau potable', '38421100-3', false, 'KEPT', 3],
  ['Licences Microsoft 365 Copilot pour les agents', '48000000-8', false, 'KEPT', 4],
  ['Outil d’I.A. pour l’analyse des délibérations', '72000000-5', false, 'KEPT', 4],
  ['Prestations de transcription des débats', '79000000-4', false, 'REJECTED', 2],
  ['Fourniture de licences de suite bureautique', '48000000-8', true, 'REJECTED', 3],
  ['Prestations de traduction de documents administratifs', '79530000-8', false, 'REJECTED', 1],
  ['Maintenance du parc informatique', '72000000-5', false, 'REJECTED', 1],
  ['Travaux de réfection de voirie rue Via Romana', '45233140-2', false, 'REJECTED', 0],
  ['Accompagnement des salariés en parcours IAE', '85000000-9', false, 'REJECTED', 0],
  ['Aide à domicile pour les personnes âgées', '85000000-9', false, 'REJECTED', 0],
  ['Diagnostic amiante avant travaux du groupe scolaire', '71000000-8', false, 'REJECTED', 0],
  ['Diagnostics de performance énergétique', '71000000-8', false, 'REJECTED', 0],
  ['Nettoyage des locaux administratifs', '90919200-4', false, 'REJECTED', 0],
  ['Fourniture de repas en liaison froide', '15000000-8', false, 'REJECTED', 0],
  ['Location de véhicules électriques via une centrale d’achat', '34000000-7', false, 'REJECTED', 0],
];

describe('AI relevance of a contract', () => {
  it.each(CASES)('« %s » (CPV %s, provider %s): %s with score %i', (object, cpvCode, provider, decision, score) => {
    const result = classify({ object, cpvCode, providers: provider ? [MISTRAL] : [] });
    expect(result.decision).toBe(decision);
    expect(result.score).toBe(score);
    expect(result.store).toBe(score >= DEFAULT_THRESHOLDS.store);
  });

  it('keeps its evidence: terms, CPV division and the provider', () => {
    const { evidence } = classify({ object: 'Accès à un grand modèle de langage (LLM) souverain', cpvCode: '72000000-5', providers: [MISTRAL] });
    expect(evidence.terms.map((t) => t.term)).toEqual(['grand modèle de langage', 'LLM']);
    expect(evidence.cpv).toEqual({ code: '72000000-5', division: '72', weight: 1 });
    expect(evidence.providers).toEqual([{ ...MISTRAL, weight: 2 }]);
    expect(evidence).toMatchObject({ textScore: 6, score: 9, thresholds: DEFAULT_THRESHOLDS });
  });

  it('words ignore accents, case, apostrophes and hyphens; plurals and « I.A. » are handled', () => {
    expect(words('L’IA Générative, l’intelligence-artificielle')).toEqual(['l', 'ia', 'generative', 'l', 'intelligence', 'artificielle']);
    expect(matchTerms('Modèles de langage et réseaux de neurones').map((t) => t.term)).toEqual(['modèle de langage', 'réseau de neurones']);
    expect(matchTerms('via IAE aide diagnostic média')).toEqual([]);
    expect(matchTerms('solution d’I.A.').map((t) => t.term)).toEqual(['IA']);
  });

  it('CPV evidence: divisions 72, 48, 79, 38, 42 and group 64.2 only', () => {
    expect(['72000000-5', '48000000', '79530000-8', '38421100-3', '42000000-6', '64200000-8'].map(cpvEvidence)).toEqual(['72', '48', '79', '38', '42', '642']);
    expect(['64100000-7', '45000000-7', 'abc', null].map(cpvEvidence)).toEqual([null, null, null, null]);
  });

  it('thresholds are configurable', () => {
    const object = 'Prestations de transcription des débats';
    expect(classify({ object, cpvCode: '79000000-4', providers: [] }, { keep: 2, minText: 1, store: 1 }).decision).toBe('KEPT');
    expect(classify({ object: 'Chatbot', cpvCode: null, providers: [] }, { keep: 4, minText: 2, store: 4 })).toMatchObject({ decision: 'REJECTED', store: false });
  });
});

describe('DECP identifiers', () => {
  it('SIRET and SIREN are Luhn-checked', () => {
    expect(siretValid('24250036100017')).toBe(true);
    expect(sirenOf('24250036100017')).toBe('242500361');
    expect(siretValid('24250036100018')).toBe(false);
    expect(sirenOf('2425003610001')).toBeNull();
    // La Poste: digit sum a multiple of 5
    expect(siretValid('35600000000047')).toBe(true);
  });
});

describe('a DECP record', () => {
  const base = {
    id: 'A1', acheteur: { id: '21250056500016' }, objet: 'Chatbot', codeCPV: '72000000-5', dateNotification: '2024-03-01', montant: 100000,
    dureeMois: 12, techniques: { technique: ['Accord-cadre'] }, titulaires: [{ titulaire: { id: '95241832500017', typeIdentifiant: 'SIRET' } }],
  };

  it('applies its modifications in order: last amount, last duration, last holders', () => {
    const result = parseRecord({
      ...base,
      modifications: [
        { modification: { id: 2, titulaires: [{ titulaire: { id: '81234567600025', typeIdentifiant: 'SIRET' } }], dateNotificationModification: '2024-09-01', datePublicationDonneesModification: '2024-09-02' } },
        { modification: { id: 1, montant: 120000.1, dureeMois: 18, dateNotificationModification: '2024-06-01', datePublicationDonneesModification: '2024-06-02' } },
      ],
    }, 'MARCHE', '2.0');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.contract).toMatchObject({ amount: '120000.10', initialAmount: '100000.00', durationMonths: 18, initialDurationMonths: 12, isFramework: true, amountIsMaximum: true, buyerSiren: '212500565' });
    expect(result.contract.holders).toEqual([{ identifier: '81234567600025', identifierType: 'SIRET', name: null, siren: '812345676' }]);
  });

  it.each([
    [{ ...base, id: undefined }, 'id manquant.'],
    [{ ...base, acheteur: { id: '21250056500017' } }, 'acheteur.id : SIRET 21250056500017 invalide (clé de contrôle).'],
    [{ ...base, acheteur: { id: '2125' } }, 'acheteur.id : « 2125 » n’est pas un SIRET de 14 chiffres.'],
    [{ ...base, montant: 'beaucoup' }, 'montant : un montant positif est attendu.'],
    [{ ...base, montant: -5 }, 'montant : un montant positif est attendu.'],
    [{ ...base, dateNotification: '2024-02-30' }, 'dateNotification : 2024-02-30 n’est pas une date valide.'],
    [{ ...base, offresRecues: 'trois' }, 'offresRecues : un entier de 0 à 100000 est attendu.'],
    [{ ...base, objet: { texte: 'Chatbot' } }, 'objet : un texte est attendu.'],
    [[1, 2], 'un objet JSON est attendu.'],
  ])('refuses a malformed record with its reason (%#)', (record, reason) => {
    expect(parseRecord(record, 'MARCHE', '2.0')).toEqual({ ok: false, reason });
  });
});

describe('prices paid', () => {
  it('median, min and max per inhabitant, to the cent, on contracts whose buyer population is known', () => {
    // 85 000 / 198 387 = 0.4285…; 240 000.50 / 118 489 = 2.0255…; 52 000 / 260 000 = 0.2; one without population
    const figures = pricesPaid([
      { amount: '85000.00', population: 198387 },
      { amount: '240000.50', population: 118489 },
      { amount: '52000.00', population: 260000 },
      { amount: '96000.00', population: null },
    ]);
    expect(figures).toEqual({ contractCount: 4, withPopulationCount: 3, medianPerInhabitant: '0.43', minPerInhabitant: '0.20', maxPerInhabitant: '2.03', totalAmount: '473000.50' });
    expect(median([dec(1), dec(2), dec(4), dec(10)])!.toString()).toBe('3');
    expect(pricesPaid([])).toEqual({ contractCount: 0, withPopulationCount: 0, medianPerInhabitant: null, minPerInhabitant: null, maxPerInhabitant: null, totalAmount: null });
  });
});
