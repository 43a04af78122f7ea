// One DECP record (v2.0.x `marche` or `contrat-concession`, or a 1.x contract) read into the shape stored, or the
// reason it is refused. Pure: the importer validates a whole batch with these before it writes any of it.
import { cents, dec } from '../../shared/money.ts';
import { luhnValid } from '../../shared/validation.ts';

export type FormatVersion = '2.0' | '1.x';
export type RecordKind = 'MARCHE' | 'CONCESSION';

export interface Holder {
  identifier: string;
  identifierType: string;
  name: string | null;
  /** SIREN of a valid SIRET holder (first 9 digits), else null: such a holder is kept, never linked. */
  siren: string | null;
}

export interface Modification {
  decpModificationId: number | null;
  notificationDate: string | null;
  publicationDate: string | null;
  amount: string | null;
  durationMonths: number | null;
  holders: { id: string; typeIdentifiant: string }[] | null;
}

export interface ParsedContract {
  kind: RecordKind;
  formatVersion: FormatVersion;
  decpId: string;
  buyerSiret: string;
  buyerSiren: string;
  notificationDate: string;
  object: string;
  cpvCode: string | null;
  procedure: string | null;
  techniques: string[];
  isFramework: boolean;
  nature: string | null;
  initialDurationMonths: number | null;
  durationMonths: number | null;
  publicationDate: string | null;
  initialAmount: string | null;
  amount: string | null;
  amountIsMaximum: boolean;
  priceForm: string | null;
  executionPlaceCode: string | null;
  executionPlaceType: string | null;
  environmentalConsiderations: string[];
  hasEnvironmentalConsideration: boolean;
  innovative: boolean | null;
  offersReceived: number | null;
  holders: Holder[];
  modifications: Modification[];
}

export type ParseResult = { ok: true; contract: ParsedContract } | { ok: false; reason: string };

/** Largest amount accepted (euros HT): 12 digits before the decimal point, within Decimal(16, 2) and exact as a JSON number. */
export const MAX_AMOUNT = '999999999999.99';
export const MAX_ID_LENGTH = 100;
export const MAX_OBJECT_LENGTH = 1000;
const NO_ENVIRONMENT = 'Pas de considération environnementale';

class RecordError extends Error {}
const fail = (reason: string): never => {
  throw new RecordError(reason);
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A SIRET of 14 digits whose Luhn key is right (La Poste's establishments: digit sum a multiple of 5). */
export function siretValid(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith('356000000')) return [...siret].reduce((s, d) => s + Number(d), 0) % 5 === 0;
  return luhnValid(siret);
}

/** The SIREN of a valid SIRET (its first 9 digits, Luhn-checked too), or null. */
export function sirenOf(siret: string): string | null {
  if (!siretValid(siret)) return null;
  const siren = siret.slice(0, 9);
  return luhnValid(siren) || siren === '356000000' ? siren : null;
}

/** A real calendar day AAAA-MM-JJ (1.x dates may carry an offset: « 2019-05-03+02:00 »), between 1990 and 2100. */
export function dayOf(value: unknown, field: string, required: boolean): string | null {
  if (value === undefined || value === null || value === '') return required ? fail(`${field} : date manquante.`) : null;
  if (typeof value !== 'string') return fail(`${field} : une date AAAA-MM-JJ est attendue.`);
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return fail(`${field} : « ${value.slice(0, 30)} » n’est pas une date AAAA-MM-JJ.`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1990 || y > 2100) return fail(`${field} : ${match[0]} n’est pas une date valide.`);
  return match[0];
}

function text(value: unknown, field: string, { required = false, max = 500 } = {}): string | null {
  if (value === undefined || value === null) return required ? fail(`${field} manquant.`) : null;
  if (typeof value !== 'string' && typeof value !== 'number') return fail(`${field} : un texte est attendu.`);
  const trimmed = String(value).trim();
  if (!trimmed) return required ? fail(`${field} vide.`) : null;
  return trimmed.length > max ? trimmed.slice(0, max) : trimmed;
}

function integer(value: unknown, field: string, max: number): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) return fail(`${field} : un entier de 0 à ${max} est attendu.`);
  return n;
}

/** An amount in euros HT as a string with two decimals, never through float arithmetic. */
function amount(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  const written = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (written === null || !/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(written)) return fail(`${field} : un montant positif est attendu.`);
  const parsed = dec(written);
  if (parsed.gt(MAX_AMOUNT)) return fail(`${field} : montant hors limites (plus de ${MAX_AMOUNT} €).`);
  return cents(parsed);
}

function boolean(value: unknown, field: string): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return fail(`${field} : vrai ou faux attendu.`);
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'string')) return fail(`${field} : une liste de textes est attendue.`);
  return (list as string[]).map((v) => v.slice(0, 200));
}

/** v2 holders `[{titulaire: {id, typeIdentifiant}}]`, 1.x `[{id, typeIdentifiant, denominationSociale}]`. */
function holders(value: unknown, field: string): Holder[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return fail(`${field} : une liste est attendue.`);
  if (value.length > 200) return fail(`${field} : plus de 200 titulaires.`);
  return value.map((item, i) => {
    const h = isObject(item) && isObject(item.titulaire) ? item.titulaire : isObject(item) && isObject(item.concessionnaire) ? item.concessionnaire : item;
    if (!isObject(h)) return fail(`${field}[${i}] : un titulaire est attendu.`);
    const identifier = text(h.id, `${field}[${i}].id`, { required: true, max: 100 })!.replace(/\s/g, '');
    const identifierType = text(h.typeIdentifiant, `${field}[${i}].typeIdentifiant`, { max: 20 }) ?? 'SIRET';
    const name = text(h.denominationSociale ?? h.nom, `${field}[${i}].denominationSociale`, { max: 300 });
    return { identifier, identifierType, name, siren: identifierType === 'SIRET' ? sirenOf(identifier) : null };
  });
}

function modifications(value: unknown): Modification[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return fail('modifications : une liste est attendue.');
  return value.map((item, i) => {
    const m = isObject(item) && isObject(item.modification) ? item.modification : item;
    if (!isObject(m)) return fail(`modifications[${i}] : une modification est attendue.`);
    const f = `modifications[${i}]`;
    const list = m.titulaires ?? m.concessionnaires;
    return {
      decpModificationId: integer(m.id, `${f}.id`, 1_000_000),
      notificationDate: dayOf(m.dateNotificationModification ?? m.dateSignatureModification, `${f}.dateNotificationModification`, false),
      publicationDate: dayOf(m.datePublicationDonneesModification, `${f}.datePublicationDonneesModification`, false),
      amount: amount(m.montant ?? m.valeurGlobale, `${f}.montant`),
      durationMonths: integer(m.dureeMois, `${f}.dureeMois`, 1200),
      holders: list === undefined ? null : holders(list, `${f}.titulaires`).map((h) => ({ id: h.identifier, typeIdentifiant: h.identifierType })),
    };
  });
}

/** `{technique: [...]}` (v2) or a plain list or string. */
const wrapped = (value: unknown, key: string) => (isObject(value) ? value[key] : value);

/** Reads one record; `kind` is MARCHE or CONCESSION by the array it came from (1.x: by `_type`). */
export function parseRecord(record: unknown, kind: RecordKind, formatVersion: FormatVersion): ParseResult {
  try {
    if (!isObject(record)) return fail('un objet JSON est attendu.');
    const concession = kind === 'CONCESSION' || record._type === 'Contrat de concession';
    const buyer = concession ? (record.autoriteConcedante ?? record.acheteur) : record.acheteur;
    if (!isObject(buyer)) fail(`${concession ? 'autoriteConcedante' : 'acheteur'} manquant.`);
    const decpId = text(record.id, 'id', { required: true, max: 1000 })!;
    if (decpId.length > MAX_ID_LENGTH) fail(`id : plus de ${MAX_ID_LENGTH} caractères.`);
    const buyerSiret = typeof (buyer as Json).id === 'string' ? ((buyer as Json).id as string).replace(/\s/g, '') : fail('acheteur.id : SIRET manquant.');
    if (!/^\d{14}$/.test(buyerSiret)) fail(`acheteur.id : « ${buyerSiret.slice(0, 20)} » n’est pas un SIRET de 14 chiffres.`);
    const buyerSiren = sirenOf(buyerSiret) ?? fail(`acheteur.id : SIRET ${buyerSiret} invalide (clé de contrôle).`);
    const notificationDate = dayOf(concession ? (record.dateSignature ?? record.dateNotification) : record.dateNotification, 'dateNotification', true)!;
    const object = text(record.objet, 'objet', { required: true, max: MAX_OBJECT_LENGTH })!;
    const cpvCode = text(record.codeCPV, 'codeCPV', { max: 20 });
    if (cpvCode !== null && !/^\d{8}(-\d)?$/.test(cpvCode)) fail(`codeCPV : « ${cpvCode} » n’est pas un code CPV (8 chiffres).`);
    const nature = text(record.nature, 'nature', { max: 100 });
    const techniques = stringList(wrapped(record.techniques, 'technique'), 'techniques');
    const isFramework = techniques.includes('Accord-cadre') || /accord[- ]cadre/i.test(nature ?? '');
    const initialAmount = amount(concession ? (record.valeurGlobale ?? record.montant) : record.montant, 'montant');
    const initialDurationMonths = integer(record.dureeMois, 'dureeMois', 1200);
    const changes = modifications(record.modifications);
    const ordered = [...changes].sort((a, b) => (a.decpModificationId ?? 0) - (b.decpModificationId ?? 0));
    const lastOf = <K extends 'amount' | 'durationMonths' | 'holders'>(key: K) => ordered.filter((m) => m[key] !== null).at(-1)?.[key] ?? null;
    const initialHolders = holders(concession ? (record.concessionnaires ?? record.titulaires) : record.titulaires, 'titulaires');
    const changedHolders = lastOf('holders') as Modification['holders'];
    const place = isObject(record.lieuExecution) ? record.lieuExecution : {};
    const environmental = stringList(wrapped(record.considerationsEnvironnementales, 'considerationEnvironnementale'), 'considerationsEnvironnementales');
    return {
      ok: true,
      contract: {
        kind: concession ? 'CONCESSION' : 'MARCHE',
        formatVersion,
        decpId,
        buyerSiret,
        buyerSiren,
        notificationDate,
        object,
        cpvCode,
        procedure: text(record.procedure, 'procedure', { max: 200 }),
        techniques,
        isFramework,
        nature,
        initialDurationMonths,
        durationMonths: (lastOf('durationMonths') as number | null) ?? initialDurationMonths,
        publicationDate: dayOf(record.datePublicationDonnees, 'datePublicationDonnees', false),
        initialAmount,
        amount: (lastOf('amount') as string | null) ?? initialAmount,
        amountIsMaximum: isFramework,
        priceForm: text(record.formePrix, 'formePrix', { max: 50 }),
        executionPlaceCode: text(place.code, 'lieuExecution.code', { max: 20 }),
        executionPlaceType: text(place.typeCode, 'lieuExecution.typeCode', { max: 50 }),
        environmentalConsiderations: environmental,
        hasEnvironmentalConsideration: environmental.some((c) => c !== NO_ENVIRONMENT),
        innovative: boolean(record.marcheInnovant, 'marcheInnovant'),
        offersReceived: integer(record.offresRecues, 'offresRecues', 100_000),
        holders: changedHolders
          ? changedHolders.map((h) => ({ identifier: h.id, identifierType: h.typeIdentifiant, name: initialHolders.find((i) => i.identifier === h.id)?.name ?? null, siren: h.typeIdentifiant === 'SIRET' ? sirenOf(h.id) : null }))
          : initialHolders,
        modifications: changes,
      },
    };
  } catch (error) {
    if (error instanceof RecordError) return { ok: false, reason: error.message };
    throw error;
  }
}
