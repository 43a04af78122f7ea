// The audit log as an auditor reads it: French labels of actions, entities and columns, and what changed between two
// snapshots. Pure: no database, no GraphQL.

/**
 * Every action the code writes (`audited(ctx, '…')`, `cli/erase-user.ts`), with its French label. test/audit.test.ts
 * reads the sources for action strings and fails on one missing here.
 */
export const ACTION_LABELS = {
  'user.signUp': 'Inscription',
  'user.signIn': 'Connexion',
  'user.signOut': 'Déconnexion',
  'user.changePassword': 'Changement de mot de passe',
  'user.setRoles': 'Attribution des rôles',
  'user.erase': 'Effacement des données personnelles',
  'membership.approve': 'Approbation d’une adhésion',
  'membership.reject': 'Refus d’une adhésion',
  'membership.cancel': 'Retrait d’une demande d’adhésion',
  'membership.requestAdmin': 'Demande du rôle d’administrateur',
  'membership.approveAdmin': 'Acceptation d’une demande du rôle d’administrateur',
  'membership.refuseAdmin': 'Refus d’une demande du rôle d’administrateur',
  'membership.cancelAdmin': 'Retrait d’une demande du rôle d’administrateur',
  'notification.markRead': 'Notifications marquées comme lues',
  'organization.setCharter': 'Mise à jour de la charte éthique',
  'deployment.declare': 'Déclaration d’un déploiement',
  'deployment.update': 'Mise à jour d’un déploiement',
  'review.submit': 'Publication d’un avis',
  'review.flag': 'Signalement d’un avis',
  'review.vote': 'Avis jugé utile',
  'review.hide': 'Masquage d’un avis (modération)',
  'review.restore': 'Rétablissement d’un avis (modération)',
  'tool.create': 'Ajout d’un outil au catalogue',
  'tool.update': 'Modification d’un outil',
  'tool.archive': 'Archivage d’un outil',
  'provider.create': 'Ajout d’un fournisseur',
  'provider.update': 'Modification d’un fournisseur',
  'provider.archive': 'Archivage d’un fournisseur',
  'plan.create': 'Ajout d’une offre tarifaire',
  'plan.update': 'Modification d’une offre tarifaire',
  'plan.archive': 'Archivage d’une offre tarifaire',
  'impact.create': 'Ajout d’un indicateur d’impact environnemental',
  'impact.update': 'Modification d’un indicateur d’impact environnemental',
  'impact.archive': 'Archivage d’un indicateur d’impact environnemental',
  'group.create': 'Création d’un groupement d’achat',
  'group.open': 'Ouverture d’un groupement d’achat',
  'group.close': 'Clôture d’un groupement d’achat',
  'group.cancel': 'Annulation d’un groupement d’achat',
  'group.award': 'Attribution d’un groupement d’achat',
  'group.join': 'Manifestation d’intérêt pour un groupement d’achat',
  'group.commit': 'Engagement dans un groupement d’achat',
  'group.withdraw': 'Retrait d’un groupement d’achat',
  'contract.confirm': 'Confirmation d’un marché public (lié à un outil)',
  'contract.dismiss': 'Mise à l’écart d’un marché public',
  'decp.startImport': 'Lancement d’un import des marchés publics (DECP)',
  'document.create': 'Dépôt d’un document dans la bibliothèque',
  'document.addVersion': 'Dépôt d’une nouvelle version d’un document',
  'document.update': 'Modification d’un document de la bibliothèque',
  'document.markReused': 'Réutilisation d’un document signalée',
  'referent.declare': 'Déclaration comme référent d’un outil',
  'referent.update': 'Mise à jour d’une déclaration de référent',
  'referent.withdraw': 'Retrait d’une déclaration de référent',
  'referent.contact': 'Message envoyé à un référent',
  'referent.answer': 'Réponse d’un référent à un message',
  'referent.decline': 'Message décliné par un référent',
  'referent.report': 'Message signalé par un référent',
  'charter.saveDraft': 'Enregistrement du brouillon de la charte éthique (modèle)',
  'charter.publish': 'Publication de la charte éthique bâtie sur le modèle',
  'training.declare': 'Déclaration des agents et élus formés à l’IA',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof ACTION_LABELS;

export const isKnownAction = (action: string): action is AuditAction => Object.hasOwn(ACTION_LABELS, action);

/** The French label of an action; an action written without one (a test prevents it) shows its code. */
export const actionLabel = (action: string): string => (isKnownAction(action) ? ACTION_LABELS[action] : action);

/** The entity types events name, in French. */
export const ENTITY_TYPE_LABELS = {
  Deployment: 'Déploiement',
  GroupMembership: 'Participation à un groupement',
  ImpactFigure: 'Indicateur d’impact',
  Organization: 'Collectivité',
  PricingPlan: 'Offre tarifaire',
  Provider: 'Fournisseur',
  PurchasingGroup: 'Groupement d’achat',
  Review: 'Avis',
  Tool: 'Outil',
  User: 'Personne',
  PublicContract: 'Marché public',
  DecpImport: 'Import des marchés publics',
  Document: 'Document de la bibliothèque',
  DocumentVersion: 'Version d’un document',
  DocumentReuse: 'Réutilisation d’un document',
  ToolReferent: 'Référent d’un outil',
  ReferentContact: 'Message à un référent',
  Charter: 'Charte éthique',
  TrainingDeclaration: 'Déclaration de formation',
} as const satisfies Record<string, string>;

export type AuditEntityType = keyof typeof ENTITY_TYPE_LABELS;

export const isKnownEntityType = (type: string): type is AuditEntityType => Object.hasOwn(ENTITY_TYPE_LABELS, type);

export const entityTypeLabel = (type: string): string => (isKnownEntityType(type) ? ENTITY_TYPE_LABELS[type] : type);

/** An organization is a « Collectivité » but for the State's services. */
export const organizationKindLabel = (kind: string): string => (kind === 'STATE' ? 'Organisation' : 'Collectivité');

/** « Outil : Albert ». */
export const entityLabel = (kind: string, name: string): string => `${kind} : ${name}`;

/** The French names of common columns of the snapshots; another column shows its own name. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Nom',
  title: 'Titre',
  slug: 'Identifiant d’adresse',
  status: 'Statut',
  description: 'Description',
  website: 'Site web',
  service: 'Service',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  users: 'Utilisateurs',
  monthlyRequests: 'Requêtes par mois',
  annualCost: 'Coût annuel (€ HT)',
  annualCostPublic: 'Coût annuel public',
  procurementRoute: 'Voie d’achat',
  abandonReason: 'Motif d’abandon',
  toolId: 'Outil',
  organizationId: 'Organisation',
  coordinatorId: 'Coordonnateur',
  providerId: 'Fournisseur',
  awardedProviderId: 'Fournisseur retenu',
  categoryId: 'Catégorie',
  groupId: 'Groupement',
  purchasingGroupId: 'Groupement',
  basePlanId: 'Offre de référence',
  awardedPlanId: 'Offre retenue',
  authorId: 'Auteur',
  createdById: 'Déclaré par',
  rating: 'Note',
  body: 'Texte',
  pros: 'Points forts',
  cons: 'Points faibles',
  moderationStatus: 'Modération',
  moderationReason: 'Motif de modération',
  helpfulCount: 'Votes « utile »',
  charterStatus: 'Charte éthique',
  charterAdoptedAt: 'Charte adoptée le',
  charterUrl: 'Adresse de la charte',
  roles: 'Rôles',
  membershipStatus: 'Adhésion',
  archivedAt: 'Archivé le',
  pricingModel: 'Modèle de prix',
  unitPrice: 'Prix unitaire (€ HT)',
  setupFee: 'Frais de mise en service (€ HT)',
  estimatedVolume: 'Volume estimé',
  committedVolume: 'Volume engagé',
  interestDeadline: 'Date limite des manifestations d’intérêt',
  cancelReason: 'Motif d’annulation',
  awardedUnitPrice: 'Prix unitaire retenu (€ HT)',
  awardedAt: 'Attribué le',
  hostingCountry: 'Pays d’hébergement',
  isDemo: 'Donnée de démonstration',
  agentsTrained: 'Agents formés',
  electedTrained: 'Élus formés',
  erased: 'Effacé',
  sessionsClosed: 'Sessions fermées',
  auditEventsPseudonymized: 'Événements pseudonymisés',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

/** Columns whose value is the id of another entity, by the entity type that names it. */
export const REFERENCE_FIELDS: Record<string, AuditEntityType | 'Category'> = {
  toolId: 'Tool',
  organizationId: 'Organization',
  coordinatorId: 'Organization',
  providerId: 'Provider',
  awardedProviderId: 'Provider',
  categoryId: 'Category',
  groupId: 'PurchasingGroup',
  purchasingGroupId: 'PurchasingGroup',
  basePlanId: 'PricingPlan',
  awardedPlanId: 'PricingPlan',
  authorId: 'User',
  createdById: 'User',
};

/** Bookkeeping columns: they change with every write and say nothing to an auditor. */
const UNSHOWN = new Set(['id', 'createdAt', 'updatedAt', 'version', 'searchText', 'sortName', 'searchName']);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/**
 * The fields whose value differs between two snapshots. A creation (nothing before) lists what was set, a removal what
 * was there; bookkeeping columns are left out.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const from = asRecord(before);
  const to = asRecord(after);
  const keys = [...new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])].filter((key) => !UNSHOWN.has(key));
  return keys
    .map((field) => ({ field, before: from?.[field] ?? null, after: to?.[field] ?? null }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}

/** A snapshot value as text: « oui »/« non », lists joined, null as null. */
export function valueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) return value.map((item) => valueText(item) ?? '—').join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** « Statut : PILOT → PRODUCTION », one change as a line of text. */
export const changeText = (change: { label: string; before: string | null; after: string | null }): string =>
  `${change.label} : ${change.before ?? '—'} → ${change.after ?? '—'}`;
