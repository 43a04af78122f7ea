import { ContractDecision as DecisionValues, ContractKind as KindValues, DecpImportStatus as StatusValues } from '@mutualis/db/enums';
import { builder } from '../../graphql/builder.ts';
import { prismaEnum } from '../../graphql/enums.ts';
import { contractOrder, curationWhere, dismissContract, confirmContract, findVisibleContract, startDecpImport } from './service.ts';

// Public procurement data (DECP): the contracts imported, their curation by ADMIN and the import runs. The public sees
// CONFIRMED contracts only (a person checked that they buy an AI tool of the catalogue and linked it): KEPT
// contracts, judged by the rules alone, wait in the curation queue.

export const ContractDecision = prismaEnum(
  'ContractDecision',
  DecisionValues,
  'Décision sur un marché : KEPT (retenu par le classement automatique, non confirmé), REJECTED (écarté par le classement), ' +
    'CONFIRMED (confirmé par une personne et relié à un outil : seul publié), DISMISSED (écarté par une personne).',
);
const ContractKind = prismaEnum('ContractKind', KindValues, 'Marché public (MARCHE) ou contrat de concession (CONCESSION).');
const DecpImportStatus = prismaEnum('DecpImportStatus', StatusValues, 'En cours, terminée, en échec, interrompue (reprenable).');

builder.prismaObject('PublicContractHolder', {
  description: 'Titulaire d’un marché, tel que publié dans les DECP ; relié au fournisseur du catalogue quand son SIREN y figure.',
  fields: (t) => ({
    identifier: t.exposeString('identifier', { description: 'Identifiant publié (SIRET le plus souvent).' }),
    identifierType: t.exposeString('identifierType', { description: 'SIRET, TVA, TAHITI, RIDET, FRWF, IREP ou HORS-UE.' }),
    name: t.exposeString('name', { nullable: true, description: 'Dénomination (format 1.x seulement ; le format 2 ne la publie pas).' }),
    siren: t.exposeString('siren', { nullable: true, description: 'SIREN tiré d’un SIRET valide.' }),
    provider: t.relation('provider', { nullable: true, description: 'Le fournisseur du catalogue, s’il est reconnu.' }),
  }),
});

const ModificationHolder = builder.objectRef<{ id: string; typeIdentifiant: string }>('PublicContractModificationHolder').implement({
  fields: (t) => ({ identifier: t.exposeString('id'), identifierType: t.exposeString('typeIdentifiant') }),
});

builder.prismaObject('PublicContractModification', {
  description: 'Modification d’un marché après sa publication.',
  fields: (t) => ({
    position: t.exposeInt('position'),
    decpModificationId: t.exposeInt('decpModificationId', { nullable: true, description: 'Numéro de la modification dans les DECP.' }),
    notificationDate: t.expose('notificationDate', { type: 'Date', nullable: true }),
    publicationDate: t.expose('publicationDate', { type: 'Date', nullable: true }),
    amount: t.expose('amount', { type: 'Decimal', nullable: true, description: 'Nouveau montant HT, le cas échéant.' }),
    durationMonths: t.exposeInt('durationMonths', { nullable: true, description: 'Nouvelle durée en mois, le cas échéant.' }),
    holders: t.field({
      type: [ModificationHolder],
      nullable: true,
      description: 'Titulaires après la modification, le cas échéant.',
      select: { holders: true },
      resolve: (m) => (m.holders as { id: string; typeIdentifiant: string }[] | null) ?? null,
    }),
  }),
});

export const PublicContract = builder.prismaObject('PublicContract', {
  description:
    'Marché public des données essentielles de la commande publique (DECP), montants en euros HT. Clé DECP : SIRET de ' +
    'l’acheteur, identifiant du marché et date de notification.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    decpId: t.exposeString('decpId', { description: 'Identifiant du marché chez l’acheteur (champ id des DECP).' }),
    kind: t.expose('kind', { type: ContractKind }),
    buyerSiret: t.exposeString('buyerSiret', { description: 'SIRET de l’acheteur (ou de l’autorité concédante).' }),
    buyerSiren: t.exposeString('buyerSiren'),
    buyer: t.relation('buyerOrganization', { nullable: true, description: 'La collectivité du référentiel, quand le SIREN de l’acheteur y figure.' }),
    object: t.exposeString('object', { description: 'Objet du marché.' }),
    cpvCode: t.exposeString('cpvCode', { nullable: true }),
    procedure: t.exposeString('procedure', { nullable: true, description: 'Procédure de passation (ex. « Procédure adaptée »).' }),
    techniques: t.exposeStringList('techniques', { description: 'Techniques d’achat (ex. « Accord-cadre »).' }),
    isFramework: t.exposeBoolean('isFramework', { description: 'Accord-cadre.' }),
    nature: t.exposeString('nature', { nullable: true }),
    durationMonths: t.exposeInt('durationMonths', { nullable: true, description: 'Durée en mois, modifications comprises.' }),
    initialDurationMonths: t.exposeInt('initialDurationMonths', { nullable: true }),
    notificationDate: t.expose('notificationDate', { type: 'Date' }),
    publicationDate: t.expose('publicationDate', { type: 'Date', nullable: true }),
    amount: t.expose('amount', { type: 'Decimal', nullable: true, description: 'Montant HT, modifications comprises.' }),
    initialAmount: t.expose('initialAmount', { type: 'Decimal', nullable: true, description: 'Montant HT à la notification.' }),
    amountIsMaximum: t.exposeBoolean('amountIsMaximum', { description: 'Vrai pour un accord-cadre : le montant est le maximum estimé (« montant maximum »).' }),
    priceForm: t.exposeString('priceForm', { nullable: true, description: 'Forme du prix : unitaire, forfaitaire, mixte.' }),
    executionPlaceCode: t.exposeString('executionPlaceCode', { nullable: true }),
    executionPlaceType: t.exposeString('executionPlaceType', { nullable: true }),
    environmentalConsiderations: t.exposeStringList('environmentalConsiderations'),
    hasEnvironmentalConsideration: t.exposeBoolean('hasEnvironmentalConsideration', { description: 'Une clause ou un critère environnemental.' }),
    innovative: t.exposeBoolean('innovative', { nullable: true, description: 'Marché innovant.' }),
    offersReceived: t.exposeInt('offersReceived', { nullable: true, description: 'Nombre d’offres reçues.' }),
    source: t.string({
      select: { source: true },
      description: 'Adresse http(s) d’où vient le marché, ou le nom du fichier importé (jamais son chemin sur le serveur).',
      resolve: (c) => (/^https?:\/\//i.test(c.source) ? c.source : (c.source.split(/[\\/]/).pop() ?? c.source)),
    }),
    formatVersion: t.exposeString('formatVersion', { description: 'Version du format DECP (2.0 ou 1.x).' }),
    relevanceScore: t.expose('relevanceScore', { type: 'Decimal', description: 'Score de pertinence IA du classement automatique.' }),
    evidence: t.expose('evidence', { type: 'JSON', description: 'Pourquoi : termes trouvés (terms), code CPV (cpv), fournisseurs du catalogue (providers), scores et seuils.' }),
    decision: t.expose('decision', { type: ContractDecision }),
    isConfirmed: t.boolean({ select: { decision: true }, description: 'Faux : marché retenu par les règles, « non confirmé ».', resolve: (c) => c.decision === 'CONFIRMED' }),
    decisionReason: t.exposeString('decisionReason', { nullable: true, description: 'Motif d’un marché écarté par une personne.' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    tool: t.relation('tool', { nullable: true, description: 'L’outil du catalogue acheté (marché confirmé).' }),
    holders: t.relation('holders', { query: { orderBy: { position: 'asc' } } }),
    modifications: t.relation('modifications', { query: { orderBy: { position: 'asc' } } }),
    raw: t.expose('raw', { type: 'JSON', description: 'L’enregistrement DECP tel que publié.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  publicContract: t.prismaField({
    type: 'PublicContract',
    nullable: true,
    description: 'Un marché : confirmé pour tous, quelle que soit sa décision pour les administrateurs (sinon null).',
    args: { id: t.arg.int() },
    resolve: (query, _p, args, ctx) => findVisibleContract(ctx, args.id, query),
  }),
  contractCurationQueue: t.prismaConnection({
    type: 'PublicContract',
    description: 'File de vérification des marchés par décision (KEPT par défaut), les plus pertinents d’abord (administrateurs).',
    cursor: 'id',
    maxSize: 100,
    authScopes: { admin: true },
    args: { decision: t.arg({ type: ContractDecision, required: false, defaultValue: 'KEPT' }) },
    totalCount: (_p, args, ctx) => ctx.prisma.publicContract.count({ where: curationWhere(args.decision ?? 'KEPT') }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.publicContract.findMany({ ...query, where: curationWhere(args.decision ?? 'KEPT'), orderBy: [{ relevanceScore: 'desc' }, ...contractOrder] }),
  }),
}));

builder.mutationFields((t) => ({
  confirmContract: t.withAuth({ admin: true }).prismaField({
    type: 'PublicContract',
    description: 'Confirme qu’un marché achète un outil du catalogue et l’y relie : il est alors publié sur l’outil, son fournisseur et l’acheteur (administrateurs).',
    errors: {},
    args: { id: t.arg.int(), toolSlug: t.arg.string() },
    resolve: (query, _p, args, ctx) => confirmContract(ctx, args.id, args.toolSlug, query),
  }),
  dismissContract: t.withAuth({ admin: true }).prismaField({
    type: 'PublicContract',
    description: 'Écarte un marché (pas un achat d’IA du catalogue), avec le motif (3 à 500 caractères) ; il n’est plus publié (administrateurs).',
    errors: {},
    args: { id: t.arg.int(), reason: t.arg.string({ extensions: { multiline: true } }) },
    resolve: (query, _p, args, ctx) => dismissContract(ctx, args.id, args.reason, query),
  }),
  startDecpImport: t.withAuth({ admin: true }).prismaField({
    type: 'DecpImport',
    description:
      'Lance en arrière-plan l’importation d’un fichier DECP : une adresse http(s), ou le nom d’un fichier .json du dossier ' +
      'd’import du serveur (DECP_IMPORT_DIR), jamais un autre chemin. resume : reprend la dernière importation inachevée de ' +
      'cette source. Suivre la progression avec decpImport(id) (administrateurs).',
    errors: {},
    args: { source: t.arg.string(), resume: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: (query, _p, args, ctx) => startDecpImport(ctx, args.source, args.resume ?? false, query),
  }),
}));

export { DecpImportStatus };
