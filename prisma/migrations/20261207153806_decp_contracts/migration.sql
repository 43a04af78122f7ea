-- CreateEnum
CREATE TYPE "ContractDecision" AS ENUM ('KEPT', 'REJECTED', 'CONFIRMED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "ContractKind" AS ENUM ('MARCHE', 'CONCESSION');

-- CreateEnum
CREATE TYPE "DecpImportStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED');

-- CreateTable
CREATE TABLE "PublicContract" (
    "id" SERIAL NOT NULL,
    "buyerSiret" TEXT NOT NULL,
    "buyerSiren" TEXT NOT NULL,
    "decpId" TEXT NOT NULL,
    "notificationDate" DATE NOT NULL,
    "kind" "ContractKind" NOT NULL DEFAULT 'MARCHE',
    "object" TEXT NOT NULL,
    "cpvCode" TEXT,
    "procedure" TEXT,
    "techniques" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "isFramework" BOOLEAN NOT NULL DEFAULT false,
    "nature" TEXT,
    "durationMonths" INTEGER,
    "initialDurationMonths" INTEGER,
    "publicationDate" DATE,
    "amount" DECIMAL(16,2),
    "initialAmount" DECIMAL(16,2),
    "amountIsMaximum" BOOLEAN NOT NULL DEFAULT false,
    "priceForm" TEXT,
    "executionPlaceCode" TEXT,
    "executionPlaceType" TEXT,
    "environmentalConsiderations" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "hasEnvironmentalConsideration" BOOLEAN NOT NULL DEFAULT false,
    "innovative" BOOLEAN,
    "offersReceived" INTEGER,
    "source" TEXT NOT NULL,
    "formatVersion" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "raw" JSONB NOT NULL,
    "relevanceScore" DECIMAL(6,2) NOT NULL,
    "evidence" JSONB NOT NULL,
    "decision" "ContractDecision" NOT NULL,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "buyerOrganizationId" INTEGER,
    "toolId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicContract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicContractHolder" (
    "id" SERIAL NOT NULL,
    "contractId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "identifier" TEXT NOT NULL,
    "identifierType" TEXT NOT NULL,
    "name" TEXT,
    "siren" TEXT,
    "providerId" INTEGER,

    CONSTRAINT "PublicContractHolder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicContractModification" (
    "id" SERIAL NOT NULL,
    "contractId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "decpModificationId" INTEGER,
    "notificationDate" DATE,
    "publicationDate" DATE,
    "amount" DECIMAL(16,2),
    "durationMonths" INTEGER,
    "holders" JSONB,

    CONSTRAINT "PublicContractModification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecpImport" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "status" "DecpImportStatus" NOT NULL DEFAULT 'RUNNING',
    "formatVersion" TEXT,
    "readCount" INTEGER NOT NULL DEFAULT 0,
    "keptCount" INTEGER NOT NULL DEFAULT 0,
    "linkedCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "invalidCount" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "failure" TEXT,
    "startedById" INTEGER,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DecpImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublicContract_toolId_decision_notificationDate_id_idx" ON "PublicContract"("toolId", "decision", "notificationDate" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "PublicContract_buyerOrganizationId_decision_notificationDat_idx" ON "PublicContract"("buyerOrganizationId", "decision", "notificationDate" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "PublicContract_decision_relevanceScore_id_idx" ON "PublicContract"("decision", "relevanceScore" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "PublicContract_buyerSiren_idx" ON "PublicContract"("buyerSiren");

-- CreateIndex
CREATE UNIQUE INDEX "PublicContract_buyerSiret_decpId_notificationDate_key" ON "PublicContract"("buyerSiret", "decpId", "notificationDate");

-- CreateIndex
CREATE INDEX "PublicContractHolder_providerId_contractId_idx" ON "PublicContractHolder"("providerId", "contractId");

-- CreateIndex
CREATE INDEX "PublicContractHolder_siren_idx" ON "PublicContractHolder"("siren");

-- CreateIndex
CREATE UNIQUE INDEX "PublicContractHolder_contractId_position_key" ON "PublicContractHolder"("contractId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PublicContractModification_contractId_position_key" ON "PublicContractModification"("contractId", "position");

-- CreateIndex
CREATE INDEX "DecpImport_source_startedAt_idx" ON "DecpImport"("source", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "DecpImport_startedAt_id_idx" ON "DecpImport"("startedAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "PublicContract" ADD CONSTRAINT "PublicContract_buyerOrganizationId_fkey" FOREIGN KEY ("buyerOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicContract" ADD CONSTRAINT "PublicContract_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicContractHolder" ADD CONSTRAINT "PublicContractHolder_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "PublicContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicContractHolder" ADD CONSTRAINT "PublicContractHolder_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicContractModification" ADD CONSTRAINT "PublicContractModification_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "PublicContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;
