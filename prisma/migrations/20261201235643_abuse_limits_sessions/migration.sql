-- The counter now holds reserved sign-in attempts and writes, not only failures; renamed (not dropped) so
-- that blocks in force survive the upgrade.
-- AlterTable
ALTER TABLE "RateLimit" RENAME COLUMN "failures" TO "count";

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");

-- CreateIndex
CREATE INDEX "Session_lastSeenAt_idx" ON "Session"("lastSeenAt");
