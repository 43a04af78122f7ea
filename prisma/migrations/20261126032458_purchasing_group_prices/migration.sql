-- AlterTable
ALTER TABLE "PurchasingGroup" ADD COLUMN     "basePlanId" INTEGER,
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "listUnitPrice" DECIMAL(14,6) NOT NULL;

-- CreateIndex
CREATE INDEX "PurchasingGroup_basePlanId_idx" ON "PurchasingGroup"("basePlanId");

-- AddForeignKey
ALTER TABLE "PurchasingGroup" ADD CONSTRAINT "PurchasingGroup_basePlanId_fkey" FOREIGN KEY ("basePlanId") REFERENCES "PricingPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
