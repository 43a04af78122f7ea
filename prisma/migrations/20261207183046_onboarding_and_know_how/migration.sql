-- CreateEnum
CREATE TYPE "AdminRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('MEMBERSHIP_APPROVED', 'MEMBERSHIP_REJECTED', 'MEMBERSHIP_REQUESTED', 'ADMIN_REQUESTED', 'ADMIN_REQUEST_APPROVED', 'ADMIN_REQUEST_REFUSED', 'GROUP_INVITATION', 'REVIEW_MODERATED', 'OTHER');

-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ContactStatus" AS ENUM ('SENT', 'ANSWERED', 'DECLINED', 'REPORTED');

-- CreateEnum
CREATE TYPE "TrainingAudience" AS ENUM ('AGENTS', 'DSI', 'ELECTED_OFFICIALS');

-- CreateEnum
CREATE TYPE "TrainingFormat" AS ENUM ('IN_PERSON', 'ONLINE', 'HYBRID', 'SELF_PACED');

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "idToken" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "adminDecisionReason" TEXT,
ADD COLUMN     "adminRequestReason" TEXT,
ADD COLUMN     "adminRequestStatus" "AdminRequestStatus",
ADD COLUMN     "adminRequestedAt" TIMESTAMP(3),
ADD COLUMN     "membershipDecidedAt" TIMESTAMP(3),
ADD COLUMN     "membershipDecisionReason" TEXT,
ADD COLUMN     "membershipVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "proconnectSiret" TEXT,
ADD COLUMN     "proconnectSub" TEXT;

-- CreateTable
CREATE TABLE "OidcLogin" (
    "id" SERIAL NOT NULL,
    "stateHash" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "returnTo" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OidcLogin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "emailError" TEXT,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupInvitation" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "invitedById" INTEGER,
    "message" TEXT,
    "status" "InvitationStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "GroupInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolReferent" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "toolId" INTEGER NOT NULL,
    "helpWith" TEXT NOT NULL,
    "consentToContact" BOOLEAN NOT NULL DEFAULT true,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "ToolReferent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferentContact" (
    "id" SERIAL NOT NULL,
    "referentId" INTEGER NOT NULL,
    "senderId" INTEGER,
    "message" TEXT NOT NULL,
    "status" "ContactStatus" NOT NULL DEFAULT 'SENT',
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "reportReason" TEXT,
    "reportedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferentContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Charter" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "principles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "customPrinciples" JSONB NOT NULL DEFAULT '[]',
    "preamble" TEXT,
    "publishedText" TEXT,
    "publishedAt" TIMESTAMP(3),
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Charter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Training" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "audiences" "TrainingAudience"[],
    "format" "TrainingFormat" NOT NULL,
    "durationHours" DECIMAL(6,1),
    "cost" DECIMAL(10,2),
    "costNote" TEXT,
    "language" TEXT NOT NULL DEFAULT 'fr',
    "sourceUrl" TEXT NOT NULL,
    "sourceDate" TIMESTAMP(3) NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingDeclaration" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "agentsTrained" INTEGER NOT NULL DEFAULT 0,
    "electedTrained" INTEGER NOT NULL DEFAULT 0,
    "declaredById" INTEGER,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OidcLogin_stateHash_key" ON "OidcLogin"("stateHash");

-- CreateIndex
CREATE INDEX "OidcLogin_expiresAt_idx" ON "OidcLogin"("expiresAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "GroupInvitation_organizationId_status_idx" ON "GroupInvitation"("organizationId", "status");

-- CreateIndex
CREATE INDEX "GroupInvitation_invitedById_idx" ON "GroupInvitation"("invitedById");

-- CreateIndex
CREATE UNIQUE INDEX "GroupInvitation_groupId_organizationId_key" ON "GroupInvitation"("groupId", "organizationId");

-- CreateIndex
CREATE INDEX "ToolReferent_toolId_withdrawnAt_idx" ON "ToolReferent"("toolId", "withdrawnAt");

-- CreateIndex
CREATE UNIQUE INDEX "ToolReferent_userId_toolId_key" ON "ToolReferent"("userId", "toolId");

-- CreateIndex
CREATE INDEX "ReferentContact_referentId_createdAt_idx" ON "ReferentContact"("referentId", "createdAt");

-- CreateIndex
CREATE INDEX "ReferentContact_senderId_createdAt_idx" ON "ReferentContact"("senderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Charter_organizationId_key" ON "Charter"("organizationId");

-- CreateIndex
CREATE INDEX "Charter_authorId_idx" ON "Charter"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "Training_slug_key" ON "Training"("slug");

-- CreateIndex
CREATE INDEX "TrainingDeclaration_declaredById_idx" ON "TrainingDeclaration"("declaredById");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingDeclaration_organizationId_year_key" ON "TrainingDeclaration"("organizationId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "User_proconnectSub_key" ON "User"("proconnectSub");

-- CreateIndex
CREATE INDEX "User_membershipStatus_idx" ON "User"("membershipStatus");

-- CreateIndex
CREATE INDEX "User_adminRequestStatus_idx" ON "User"("adminRequestStatus");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupInvitation" ADD CONSTRAINT "GroupInvitation_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PurchasingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupInvitation" ADD CONSTRAINT "GroupInvitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupInvitation" ADD CONSTRAINT "GroupInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolReferent" ADD CONSTRAINT "ToolReferent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolReferent" ADD CONSTRAINT "ToolReferent_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferentContact" ADD CONSTRAINT "ReferentContact_referentId_fkey" FOREIGN KEY ("referentId") REFERENCES "ToolReferent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferentContact" ADD CONSTRAINT "ReferentContact_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Charter" ADD CONSTRAINT "Charter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Charter" ADD CONSTRAINT "Charter_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingDeclaration" ADD CONSTRAINT "TrainingDeclaration_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingDeclaration" ADD CONSTRAINT "TrainingDeclaration_declaredById_fkey" FOREIGN KEY ("declaredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
