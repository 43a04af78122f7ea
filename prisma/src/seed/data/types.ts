// Types des données d'amorçage (seed) de Mutualis.
// Aucun accès à la base. Les énumérations sont celles du client Prisma généré depuis schema.prisma ;
// les montants et mesures sont des chaînes décimales (jamais de flottants) ; les dates sont des
// chaînes ISO « AAAA-MM-JJ ».

import type {
  AiActRiskTier,
  Certification,
  CharterStatus,
  DeploymentMode,
  DeploymentStatus,
  ImpactMethod,
  OrganizationKind,
  PriceSource,
  PricingModel,
  ProcurementRoute,
  ProviderKind,
  RgaaStatus,
} from '../../../generated/prisma/enums.ts';

export type { AiActRiskTier, Certification, DeploymentMode, ImpactMethod, PriceSource, PricingModel, ProviderKind, RgaaStatus };

/** Date calendaire ISO 8601, « AAAA-MM-JJ ». */
export type IsoDate = string;
/** Nombre décimal écrit en chaîne (ex. « 14.99 »), converti en Decimal à l'insertion. */
export type DecimalString = string;

/** Catégorie de la taxonomie des cas d'usage. */
export interface CategorySeed {
  slug: string;
  /** Nom affiché (français). */
  name: string;
  /** Description (français), avec les mots-clés qu'un agent taperait. */
  description: string;
  position: number;
}

/** Éditeur ou opérateur public. */
export interface ProviderSeed {
  slug: string;
  name: string;
  kind: ProviderKind;
  /** SIREN à 9 chiffres, seulement lorsqu'il est connu avec certitude. */
  siren?: string;
  /** Identifiant étranger (registre du pays du siège), s'il est connu. */
  foreignId?: string;
  /** Pays du siège (ISO 3166-1 alpha-2). */
  country: string;
  /** Certifications publiquement connues (au moins un service du fournisseur). */
  certifications: Certification[];
  verified: boolean;
  website?: string;
  /** Description (français). */
  description: string;
  sourceUrl: string;
  sourceDate: IsoDate;
  isDemo: boolean;
}

/** Ressource d'IA du catalogue. */
export interface ToolSeed {
  slug: string;
  name: string;
  providerSlug: string;
  categorySlug: string;
  /** Description (français, 1 à 3 phrases). */
  description: string;
  /** Modèle(s) sous-jacent(s), quand ils sont connus. */
  models: string[];
  /** Licence libre (identifiant SPDX) du code ou du modèle, le cas échéant. */
  openSourceLicense?: string;
  deploymentMode: DeploymentMode;
  /** Pays d'hébergement (ISO 3166-1 alpha-2) ; absent quand il est inconnu. */
  hostingCountry?: string;
  hostingRegion?: string;
  /** Faits de résidence des données (français). */
  dataResidency?: string;
  /** true : les données du client ne servent pas à l'entraînement (ou le client peut s'y opposer). */
  trainingOptOut?: boolean;
  aiActRiskTier?: AiActRiskTier;
  /** Justification (français) citant l'article ou l'annexe du règlement (UE) 2024/1689. */
  aiActRationale?: string;
  /** Accord de traitement RGPD (art. 28) proposé par le fournisseur. */
  gdprDpaAvailable?: boolean;
  secNumCloud: boolean;
  rgaaStatus: RgaaStatus;
  /** Langues prises en charge (ISO 639-1). */
  languages: string[];
  website?: string;
  /** Page publique d'où proviennent les faits. */
  sourceUrl: string;
  sourceDate: IsoDate;
  /** true quand la description ou les faits ne sont pas sourcés. */
  isDemo: boolean;
}

/** Palier de prix : au-delà de minVolume unités, le prix unitaire devient unitPrice. */
export interface PriceTierSeed {
  minVolume: DecimalString;
  unitPrice: DecimalString;
}

/** Offre tarifaire, en euros HT. */
export interface PricingPlanSeed {
  toolSlug: string;
  name: string;
  pricingModel: PricingModel;
  /** Prix unitaire en euros HT (chaîne décimale). */
  unitPrice: DecimalString;
  /** Frais de mise en service en euros HT (« 0 » par défaut). */
  setupFee: DecimalString;
  /** Quantité minimale facturée (sièges, habitants, milliers de requêtes…). */
  minimumQuantity?: DecimalString;
  /** Engagement annuel minimal en euros HT. */
  minimumAnnualAmount?: DecimalString;
  tiers: PriceTierSeed[];
  source: PriceSource;
  /** Absent pour les tarifs de démonstration (non sourcés). */
  sourceUrl?: string;
  sourceDate: IsoDate;
  /** Remarques (français) : conversion monétaire, TVA, conditions… */
  notes?: string;
  isDemo: boolean;
}

/** Impact environnemental par requête, avec sa méthode (jamais mélangée avec une autre). */
export interface ImpactFigureSeed {
  toolSlug: string;
  energyWhPerRequest?: DecimalString;
  gco2ePerRequest?: DecimalString;
  waterMlPerRequest?: DecimalString;
  hostingCountry?: string;
  pue?: DecimalString;
  method: ImpactMethod;
  methodVersion?: string;
  /** Ce que couvre le chiffre (français). */
  scope?: string;
  sourceUrl: string;
  sourceDate: IsoDate;
  declaredByProvider: boolean;
  isDemo: boolean;
}

/** Intensité carbone de l'électricité d'une zone ; (zone, basis) est unique. */
export interface GridIntensitySeed {
  /** Code pays ISO 3166-1 alpha-2, ou « EU », « WORLD ». */
  zone: string;
  gco2ePerKwh: DecimalString;
  /** Eau consommée hors site par kWh (L/kWh), selon la même base. */
  waterLPerKwh?: DecimalString;
  year?: number;
  basis: string;
  sourceUrl: string;
  sourceDate: IsoDate;
}

// ------------------------------------------------------------------ données de démonstration

export type DemoOrganizationKind = Extract<OrganizationKind, 'COMMUNE' | 'EPCI' | 'DEPARTEMENT' | 'REGION'>;
export type DemoDeploymentStatus = DeploymentStatus;
export type DemoProcurementRoute = ProcurementRoute;
export type DemoCharterStatus = Exclude<CharterStatus, 'NONE'>;

export interface DemoOrganizationInput {
  id: number;
  kind: DemoOrganizationKind;
  siren: string | null;
  population: number | null;
  epciId: number | null;
  departementCode: string | null;
  regionCode: string | null;
}

export interface DemoToolPlanInput {
  pricingModel: PricingModel;
  unitPrice: string;
}

export interface DemoToolInput {
  id: number;
  slug: string;
  categorySlug: string;
  plans: DemoToolPlanInput[];
}

export interface DemoInput {
  organizations: DemoOrganizationInput[];
  tools: DemoToolInput[];
}

export interface DemoDeployment {
  organizationId: number;
  toolId: number;
  status: DemoDeploymentStatus;
  /** Service utilisateur (français). */
  service: string;
  /** « AAAA-MM-JJ ». */
  startDate: IsoDate;
  endDate: IsoDate | null;
  users: number | null;
  monthlyRequests: number | null;
  /** Euros HT par an, exactement deux décimales (ex. « 1234.50 »). */
  annualCost: DecimalString | null;
  procurementRoute: DemoProcurementRoute | null;
  /** Obligatoire (français) quand status = ABANDONED, sinon null. */
  abandonReason: string | null;
}

export interface DemoReview {
  organizationId: number;
  toolId: number;
  rating: number;
  ratingEaseOfUse: number | null;
  ratingOutputQuality: number | null;
  ratingSupport: number | null;
  ratingDataProtection: number | null;
  ratingValueForMoney: number | null;
  ratingAccessibility: number | null;
  title: string;
  body: string;
  pros: string;
  cons: string;
  /** Horodatage ISO 8601 complet (UTC). */
  createdAt: string;
}

export interface DemoCharter {
  organizationId: number;
  status: DemoCharterStatus;
  /** « AAAA-MM-JJ » pour une charte adoptée, sinon null. */
  adoptedAt: IsoDate | null;
  url: null;
}

export interface DemoOutput {
  deployments: DemoDeployment[];
  reviews: DemoReview[];
  charters: DemoCharter[];
}
