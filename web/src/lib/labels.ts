import type {
  AiActRiskTier,
  Certification,
  CharterStatus,
  DeploymentMode,
  DeploymentStatus,
  EpciType,
  ImpactMethod,
  ModerationStatus,
  OrganizationKind,
  PriceSource,
  PricingModel,
  ProcurementRoute,
  RgaaStatus,
  Role,
} from '../gql/graphql';

// French labels for the schema's enums. Records keyed by the generated enum types, so that a
// value added to the schema fails the typecheck here instead of rendering a raw code.

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  COMMUNE: 'Commune',
  EPCI: 'EPCI',
  DEPARTEMENT: 'Département',
  REGION: 'Région',
  SYNDICAT: 'Syndicat',
  STATE: 'État',
};

export const EPCI_TYPE_LABELS: Record<EpciType, string> = {
  CC: 'Communauté de communes',
  CA: "Communauté d'agglomération",
  CU: 'Communauté urbaine',
  METRO: 'Métropole',
  MET69: 'Métropole de Lyon',
};

/** "Commune", or "EPCI · Communauté d'agglomération" for an EPCI. */
export function natureLabel(kind: OrganizationKind, epciType: EpciType | null | undefined): string {
  const base = ORGANIZATION_KIND_LABELS[kind];
  return kind === 'EPCI' && epciType ? `${base} · ${EPCI_TYPE_LABELS[epciType]}` : base;
}

export const CHARTER_STATUS_LABELS: Record<CharterStatus, string> = {
  NONE: "Aucune charte éthique de l'IA connue",
  PLANNED: "Charte éthique de l'IA en projet",
  ADOPTED: "Charte éthique de l'IA adoptée",
};

export const DEPLOYMENT_MODE_LABELS: Record<DeploymentMode, string> = {
  SAAS: 'SaaS (service en ligne)',
  ON_PREMISE: 'Installation sur site',
  API: 'API',
  HYBRID: 'Hybride',
};

export const AI_ACT_RISK_LABELS: Record<AiActRiskTier, string> = {
  MINIMAL: 'Risque minimal',
  LIMITED: 'Risque limité (obligations de transparence)',
  HIGH: 'Haut risque',
  PROHIBITED: 'Pratique interdite',
};

/** Unit shown after a price: "14,99 € HT / utilisateur / mois". */
export const PRICING_UNIT_LABELS: Record<PricingModel, string> = {
  FREE: '',
  FLAT_YEAR: 'HT / an (forfait)',
  PER_SEAT_MONTH: 'HT / utilisateur / mois',
  PER_INHABITANT_YEAR: 'HT / habitant / an',
  PER_1K_REQUESTS: 'HT / 1 000 requêtes',
  PER_MILLION_TOKENS: 'HT / million de jetons',
};

export const PRICE_SOURCE_LABELS: Record<PriceSource, string> = {
  PUBLISHED: 'prix public',
  NEGOTIATED: 'prix négocié',
  REPORTED: 'prix déclaré par une collectivité',
};

/** Short charter labels, for the charter form's choices. */
export const CHARTER_STATUS_CHOICES: Record<CharterStatus, string> = {
  NONE: 'Aucune',
  PLANNED: 'En projet',
  ADOPTED: 'Adoptée',
};

/** Adoption stages, in the order a deployment moves through them. */
export const DEPLOYMENT_STATUS_LABELS: Record<DeploymentStatus, string> = {
  EXPLORING: 'Exploration',
  PILOT: 'Expérimentation',
  PRODUCTION: 'Production',
  ABANDONED: 'Abandonné',
};

export const DEPLOYMENT_STATUS_ORDER: readonly DeploymentStatus[] = ['EXPLORING', 'PILOT', 'PRODUCTION', 'ABANDONED'];

/**
 * The statuses a deployment may take from `current` (the server's rule): forward only, abandon at any
 * stage, nothing after an abandon. Without a current status (a new declaration), all of them.
 */
export function nextDeploymentStatuses(current?: DeploymentStatus): DeploymentStatus[] {
  if (!current) return [...DEPLOYMENT_STATUS_ORDER];
  if (current === 'ABANDONED') return ['ABANDONED'];
  return DEPLOYMENT_STATUS_ORDER.filter(
    (status) => status === 'ABANDONED' || DEPLOYMENT_STATUS_ORDER.indexOf(status) >= DEPLOYMENT_STATUS_ORDER.indexOf(current),
  );
}

export const PROCUREMENT_ROUTE_LABELS: Record<ProcurementRoute, string> = {
  DIRECT: 'Achat direct',
  UGAP: 'UGAP (centrale d’achat public)',
  FRAMEWORK: 'Accord-cadre',
  TENDER: 'Appel d’offres',
  PURCHASING_GROUP: 'Groupement de commandes',
};

export const RGAA_STATUS_LABELS: Record<RgaaStatus, string> = {
  FULLY_COMPLIANT: 'Totalement conforme (RGAA 4.1)',
  PARTIALLY_COMPLIANT: 'Partiellement conforme (RGAA 4.1)',
  NOT_COMPLIANT: 'Non conforme (RGAA 4.1)',
  UNKNOWN: 'Conformité RGAA non déclarée',
};

export const CERTIFICATION_LABELS: Record<Certification, string> = {
  SECNUMCLOUD: 'SecNumCloud (ANSSI)',
  HDS: 'Hébergeur de données de santé (HDS)',
  ISO_27001: 'ISO 27001',
};

/** How an impact figure was obtained: figures of different methods are not comparable. */
export const IMPACT_METHOD_LABELS: Record<ImpactMethod, string> = {
  PROVIDER_DECLARED: 'déclaré par l’éditeur',
  LCA_THIRD_PARTY: 'analyse de cycle de vie par un tiers',
  ECOLOGITS_ESTIMATE: 'estimation EcoLogits',
  MEASURED: 'mesure',
};

export const ROLE_LABELS: Record<Role, string> = {
  MEMBER: 'Membre',
  ORG_ADMIN: 'Administrateur de l’organisation',
  AUDITOR: 'Auditeur',
  PROVIDER: 'Fournisseur',
  ADMIN: 'Administrateur de la plateforme',
};

export const MODERATION_STATUS_LABELS: Record<ModerationStatus, string> = {
  VISIBLE: 'Visible',
  HIDDEN: 'Masqué',
};
