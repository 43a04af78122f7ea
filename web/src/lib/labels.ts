import type {
  AiActRiskTier,
  CharterStatus,
  DeploymentMode,
  EpciType,
  OrganizationKind,
  PriceSource,
  PricingModel,
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
