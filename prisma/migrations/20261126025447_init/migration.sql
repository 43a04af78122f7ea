-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'SYNDICAT', 'STATE');

-- CreateEnum
CREATE TYPE "EpciType" AS ENUM ('CC', 'CA', 'CU', 'METRO', 'MET69');

-- CreateEnum
CREATE TYPE "CharterStatus" AS ENUM ('NONE', 'PLANNED', 'ADOPTED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MEMBER', 'ORG_ADMIN', 'AUDITOR', 'PROVIDER', 'ADMIN');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ProviderKind" AS ENUM ('COMPANY', 'PUBLIC_OPERATOR', 'ASSOCIATION');

-- CreateEnum
CREATE TYPE "Certification" AS ENUM ('SECNUMCLOUD', 'HDS', 'ISO_27001');

-- CreateEnum
CREATE TYPE "DeploymentMode" AS ENUM ('SAAS', 'ON_PREMISE', 'API', 'HYBRID');

-- CreateEnum
CREATE TYPE "AiActRiskTier" AS ENUM ('MINIMAL', 'LIMITED', 'HIGH', 'PROHIBITED');

-- CreateEnum
CREATE TYPE "RgaaStatus" AS ENUM ('FULLY_COMPLIANT', 'PARTIALLY_COMPLIANT', 'NOT_COMPLIANT', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "PricingModel" AS ENUM ('FREE', 'FLAT_YEAR', 'PER_SEAT_MONTH', 'PER_INHABITANT_YEAR', 'PER_1K_REQUESTS', 'PER_MILLION_TOKENS');

-- CreateEnum
CREATE TYPE "PriceSource" AS ENUM ('PUBLISHED', 'NEGOTIATED', 'REPORTED');

-- CreateEnum
CREATE TYPE "ImpactMethod" AS ENUM ('PROVIDER_DECLARED', 'LCA_THIRD_PARTY', 'ECOLOGITS_ESTIMATE', 'MEASURED');

-- CreateEnum
CREATE TYPE "DeploymentStatus" AS ENUM ('EXPLORING', 'PILOT', 'PRODUCTION', 'ABANDONED');

-- CreateEnum
CREATE TYPE "ProcurementRoute" AS ENUM ('DIRECT', 'UGAP', 'FRAMEWORK', 'TENDER', 'PURCHASING_GROUP');

-- CreateEnum
CREATE TYPE "ModerationStatus" AS ENUM ('VISIBLE', 'HIDDEN');

-- CreateEnum
CREATE TYPE "GroupStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'AWARDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "GroupEligibility" AS ENUM ('ALL', 'EPCI_MEMBERS', 'DEPARTEMENT', 'REGION');

-- CreateEnum
CREATE TYPE "AllocationRule" AS ENUM ('BY_POPULATION', 'BY_SEATS', 'BY_USAGE', 'EQUAL');

-- CreateEnum
CREATE TYPE "VolumeUnit" AS ENUM ('SEATS', 'REQUESTS', 'INHABITANTS');

-- CreateEnum
CREATE TYPE "GroupMembershipStatus" AS ENUM ('INTERESTED', 'COMMITTED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "siren" TEXT,
    "kind" "OrganizationKind" NOT NULL,
    "epciType" "EpciType",
    "name" TEXT NOT NULL,
    "officialName" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "population" INTEGER,
    "populationTotale" INTEGER,
    "departementCode" TEXT,
    "regionCode" TEXT,
    "epciId" INTEGER,
    "charterStatus" "CharterStatus" NOT NULL DEFAULT 'NONE',
    "charterAdoptedAt" TIMESTAMP(3),
    "charterUrl" TEXT,
    "charterIsDemo" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "organizationId" INTEGER NOT NULL,
    "roles" "Role"[] DEFAULT ARRAY['MEMBER']::"Role"[],
    "membershipStatus" "MembershipStatus" NOT NULL DEFAULT 'PENDING',
    "providerId" INTEGER,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provider" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ProviderKind" NOT NULL DEFAULT 'COMPANY',
    "siren" TEXT,
    "foreignId" TEXT,
    "country" TEXT NOT NULL,
    "certifications" "Certification"[] DEFAULT ARRAY[]::"Certification"[],
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "website" TEXT,
    "description" TEXT,
    "sourceUrl" TEXT,
    "sourceDate" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tool" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "providerId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "models" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "openSourceLicense" TEXT,
    "deploymentMode" "DeploymentMode" NOT NULL,
    "hostingCountry" TEXT,
    "hostingRegion" TEXT,
    "dataResidency" TEXT,
    "trainingOptOut" BOOLEAN,
    "aiActRiskTier" "AiActRiskTier",
    "aiActRationale" TEXT,
    "gdprDpaAvailable" BOOLEAN,
    "secNumCloud" BOOLEAN NOT NULL DEFAULT false,
    "rgaaStatus" "RgaaStatus" NOT NULL DEFAULT 'UNKNOWN',
    "rgaaRate" DECIMAL(5,2),
    "rgaaStatementUrl" TEXT,
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "website" TEXT,
    "declaredByProvider" BOOLEAN NOT NULL DEFAULT false,
    "sourceUrl" TEXT,
    "sourceDate" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PricingPlan" (
    "id" SERIAL NOT NULL,
    "toolId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "pricingModel" "PricingModel" NOT NULL,
    "unitPrice" DECIMAL(14,6) NOT NULL,
    "setupFee" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "minimumQuantity" DECIMAL(14,2),
    "minimumAnnualAmount" DECIMAL(14,2),
    "source" "PriceSource" NOT NULL,
    "sourceUrl" TEXT,
    "sourceDate" TIMESTAMP(3) NOT NULL,
    "notes" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PricingPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceTier" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "minVolume" DECIMAL(16,2) NOT NULL,
    "unitPrice" DECIMAL(14,6) NOT NULL,

    CONSTRAINT "PriceTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactFigure" (
    "id" SERIAL NOT NULL,
    "toolId" INTEGER NOT NULL,
    "energyWhPerRequest" DECIMAL(14,6),
    "gco2ePerRequest" DECIMAL(14,6),
    "waterMlPerRequest" DECIMAL(14,6),
    "hostingCountry" TEXT,
    "pue" DECIMAL(5,3),
    "method" "ImpactMethod" NOT NULL,
    "methodVersion" TEXT,
    "scope" TEXT,
    "sourceUrl" TEXT NOT NULL,
    "sourceDate" TIMESTAMP(3) NOT NULL,
    "declaredByProvider" BOOLEAN NOT NULL DEFAULT false,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImpactFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GridIntensity" (
    "id" SERIAL NOT NULL,
    "zone" TEXT NOT NULL,
    "gco2ePerKwh" DECIMAL(10,3) NOT NULL,
    "waterLPerKwh" DECIMAL(10,3),
    "year" INTEGER,
    "basis" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "sourceDate" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GridIntensity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "toolId" INTEGER NOT NULL,
    "status" "DeploymentStatus" NOT NULL,
    "service" TEXT,
    "startDate" TIMESTAMP(3),
    "endDate" TIMESTAMP(3),
    "users" INTEGER,
    "monthlyRequests" INTEGER,
    "annualCost" DECIMAL(14,2),
    "procurementRoute" "ProcurementRoute",
    "abandonReason" TEXT,
    "purchasingGroupId" INTEGER,
    "createdById" INTEGER,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" SERIAL NOT NULL,
    "toolId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "rating" INTEGER NOT NULL,
    "ratingEaseOfUse" INTEGER,
    "ratingOutputQuality" INTEGER,
    "ratingSupport" INTEGER,
    "ratingDataProtection" INTEGER,
    "ratingValueForMoney" INTEGER,
    "ratingAccessibility" INTEGER,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "pros" TEXT,
    "cons" TEXT,
    "moderationStatus" "ModerationStatus" NOT NULL DEFAULT 'VISIBLE',
    "moderationReason" TEXT,
    "helpfulCount" INTEGER NOT NULL DEFAULT 0,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewVersion" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewVote" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewFlag" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchasingGroup" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "toolId" INTEGER,
    "categoryId" INTEGER,
    "coordinatorId" INTEGER NOT NULL,
    "status" "GroupStatus" NOT NULL DEFAULT 'DRAFT',
    "interestDeadline" TIMESTAMP(3) NOT NULL,
    "eligibility" "GroupEligibility" NOT NULL DEFAULT 'ALL',
    "allocationRule" "AllocationRule" NOT NULL,
    "volumeUnit" "VolumeUnit" NOT NULL,
    "awardedProviderId" INTEGER,
    "awardedPlanId" INTEGER,
    "awardedUnitPrice" DECIMAL(14,6),
    "awardedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PurchasingGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupPriceTier" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "minVolume" DECIMAL(16,2) NOT NULL,
    "unitPrice" DECIMAL(14,6) NOT NULL,

    CONSTRAINT "GroupPriceTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupCandidateTool" (
    "groupId" INTEGER NOT NULL,
    "toolId" INTEGER NOT NULL,

    CONSTRAINT "GroupCandidateTool_pkey" PRIMARY KEY ("groupId","toolId")
);

-- CreateTable
CREATE TABLE "GroupMembership" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "status" "GroupMembershipStatus" NOT NULL,
    "estimatedVolume" DECIMAL(16,2),
    "committedVolume" DECIMAL(16,2),
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER,
    "organizationId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_siren_key" ON "Organization"("siren");

-- CreateIndex
CREATE INDEX "Organization_epciId_idx" ON "Organization"("epciId");

-- CreateIndex
CREATE INDEX "Organization_kind_name_id_idx" ON "Organization"("kind", "name", "id");

-- CreateIndex
CREATE INDEX "Organization_name_id_idx" ON "Organization"("name", "id");

-- CreateIndex
CREATE INDEX "Organization_departementCode_idx" ON "Organization"("departementCode");

-- CreateIndex
CREATE INDEX "Organization_regionCode_idx" ON "Organization"("regionCode");

-- CreateIndex
CREATE INDEX "Organization_searchName_idx" ON "Organization"("searchName");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_kind_code_key" ON "Organization"("kind", "code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE INDEX "User_providerId_idx" ON "User"("providerId");

-- CreateIndex
CREATE UNIQUE INDEX "Provider_slug_key" ON "Provider"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Provider_siren_key" ON "Provider"("siren");

-- CreateIndex
CREATE INDEX "Provider_name_id_idx" ON "Provider"("name", "id");

-- CreateIndex
CREATE INDEX "Provider_country_idx" ON "Provider"("country");

-- CreateIndex
CREATE UNIQUE INDEX "Category_slug_key" ON "Category"("slug");

-- CreateIndex
CREATE INDEX "Category_position_id_idx" ON "Category"("position", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Tool_slug_key" ON "Tool"("slug");

-- CreateIndex
CREATE INDEX "Tool_providerId_idx" ON "Tool"("providerId");

-- CreateIndex
CREATE INDEX "Tool_categoryId_idx" ON "Tool"("categoryId");

-- CreateIndex
CREATE INDEX "Tool_name_id_idx" ON "Tool"("name", "id");

-- CreateIndex
CREATE INDEX "Tool_hostingCountry_idx" ON "Tool"("hostingCountry");

-- CreateIndex
CREATE INDEX "Tool_aiActRiskTier_idx" ON "Tool"("aiActRiskTier");

-- CreateIndex
CREATE UNIQUE INDEX "PricingPlan_toolId_name_key" ON "PricingPlan"("toolId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PriceTier_planId_minVolume_key" ON "PriceTier"("planId", "minVolume");

-- CreateIndex
CREATE INDEX "ImpactFigure_toolId_idx" ON "ImpactFigure"("toolId");

-- CreateIndex
CREATE UNIQUE INDEX "GridIntensity_zone_basis_key" ON "GridIntensity"("zone", "basis");

-- CreateIndex
CREATE INDEX "Deployment_toolId_status_idx" ON "Deployment"("toolId", "status");

-- CreateIndex
CREATE INDEX "Deployment_purchasingGroupId_idx" ON "Deployment"("purchasingGroupId");

-- CreateIndex
CREATE INDEX "Deployment_createdById_idx" ON "Deployment"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_organizationId_toolId_key" ON "Deployment"("organizationId", "toolId");

-- CreateIndex
CREATE INDEX "Review_toolId_moderationStatus_idx" ON "Review"("toolId", "moderationStatus");

-- CreateIndex
CREATE INDEX "Review_authorId_idx" ON "Review"("authorId");

-- CreateIndex
CREATE INDEX "Review_createdAt_id_idx" ON "Review"("createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Review_organizationId_toolId_key" ON "Review"("organizationId", "toolId");

-- CreateIndex
CREATE INDEX "ReviewVersion_reviewId_idx" ON "ReviewVersion"("reviewId");

-- CreateIndex
CREATE INDEX "ReviewVote_userId_idx" ON "ReviewVote"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewVote_reviewId_userId_key" ON "ReviewVote"("reviewId", "userId");

-- CreateIndex
CREATE INDEX "ReviewFlag_userId_idx" ON "ReviewFlag"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewFlag_reviewId_userId_key" ON "ReviewFlag"("reviewId", "userId");

-- CreateIndex
CREATE INDEX "PurchasingGroup_toolId_idx" ON "PurchasingGroup"("toolId");

-- CreateIndex
CREATE INDEX "PurchasingGroup_categoryId_idx" ON "PurchasingGroup"("categoryId");

-- CreateIndex
CREATE INDEX "PurchasingGroup_coordinatorId_idx" ON "PurchasingGroup"("coordinatorId");

-- CreateIndex
CREATE INDEX "PurchasingGroup_awardedProviderId_idx" ON "PurchasingGroup"("awardedProviderId");

-- CreateIndex
CREATE INDEX "PurchasingGroup_awardedPlanId_idx" ON "PurchasingGroup"("awardedPlanId");

-- CreateIndex
CREATE INDEX "PurchasingGroup_status_createdAt_id_idx" ON "PurchasingGroup"("status", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "GroupPriceTier_groupId_minVolume_key" ON "GroupPriceTier"("groupId", "minVolume");

-- CreateIndex
CREATE INDEX "GroupCandidateTool_toolId_idx" ON "GroupCandidateTool"("toolId");

-- CreateIndex
CREATE INDEX "GroupMembership_organizationId_idx" ON "GroupMembership"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupMembership_groupId_organizationId_key" ON "GroupMembership"("groupId", "organizationId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_createdAt_idx" ON "AuditEvent"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_createdAt_idx" ON "AuditEvent"("entityType", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt", "id");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_epciId_fkey" FOREIGN KEY ("epciId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tool" ADD CONSTRAINT "Tool_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tool" ADD CONSTRAINT "Tool_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PricingPlan" ADD CONSTRAINT "PricingPlan_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceTier" ADD CONSTRAINT "PriceTier_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PricingPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactFigure" ADD CONSTRAINT "ImpactFigure_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_purchasingGroupId_fkey" FOREIGN KEY ("purchasingGroupId") REFERENCES "PurchasingGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewVersion" ADD CONSTRAINT "ReviewVersion_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewVote" ADD CONSTRAINT "ReviewVote_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewVote" ADD CONSTRAINT "ReviewVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewFlag" ADD CONSTRAINT "ReviewFlag_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewFlag" ADD CONSTRAINT "ReviewFlag_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchasingGroup" ADD CONSTRAINT "PurchasingGroup_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchasingGroup" ADD CONSTRAINT "PurchasingGroup_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchasingGroup" ADD CONSTRAINT "PurchasingGroup_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchasingGroup" ADD CONSTRAINT "PurchasingGroup_awardedProviderId_fkey" FOREIGN KEY ("awardedProviderId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchasingGroup" ADD CONSTRAINT "PurchasingGroup_awardedPlanId_fkey" FOREIGN KEY ("awardedPlanId") REFERENCES "PricingPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupPriceTier" ADD CONSTRAINT "GroupPriceTier_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PurchasingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupCandidateTool" ADD CONSTRAINT "GroupCandidateTool_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PurchasingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupCandidateTool" ADD CONSTRAINT "GroupCandidateTool_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PurchasingGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
