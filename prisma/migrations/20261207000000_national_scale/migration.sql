-- National scale (issue 11). The catalogue sorts and filters on per-tool figures that the database keeps up to date
-- itself (ToolStats, maintained by statement-level triggers: a bulk insert of 250,000 deployments recomputes each
-- touched tool once); directory and catalogue searches use trigram indexes (pg_trgm, on PostgreSQL and PGlite).

-- pg_trgm is a trusted extension: the owner of the database may create it (PGlite loads its files at start)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "Deployment_toolId_status_idx";

-- DropIndex
DROP INDEX "Review_toolId_moderationStatus_idx";

-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "sortName" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ToolStats" (
    "toolId" INTEGER NOT NULL,
    "reviewCount" INTEGER NOT NULL DEFAULT 0,
    "verifiedReviewCount" INTEGER NOT NULL DEFAULT 0,
    "ratingAverage" DECIMAL(3,2),
    "easeOfUse" DECIMAL(3,2),
    "outputQuality" DECIMAL(3,2),
    "support" DECIMAL(3,2),
    "dataProtection" DECIMAL(3,2),
    "valueForMoney" DECIMAL(3,2),
    "accessibility" DECIMAL(3,2),
    "exploringCount" INTEGER NOT NULL DEFAULT 0,
    "pilotCount" INTEGER NOT NULL DEFAULT 0,
    "productionCount" INTEGER NOT NULL DEFAULT 0,
    "abandonedCount" INTEGER NOT NULL DEFAULT 0,
    "adoptionCount" INTEGER NOT NULL DEFAULT 0,
    "referencePrice" DECIMAL(16,2),
    "referencePriceStale" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ToolStats_pkey" PRIMARY KEY ("toolId")
);

-- CreateIndex
CREATE INDEX "ToolStats_referencePriceStale_idx" ON "ToolStats"("referencePriceStale");

-- CreateIndex
CREATE INDEX "Deployment_toolId_status_organizationId_idx" ON "Deployment"("toolId", "status", "organizationId");

-- CreateIndex
CREATE INDEX "Deployment_toolId_updatedAt_id_idx" ON "Deployment"("toolId", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Organization_searchName_trgm_idx" ON "Organization" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Review_toolId_moderationStatus_updatedAt_id_idx" ON "Review"("toolId", "moderationStatus", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Tool_sortName_id_idx" ON "Tool"("sortName", "id");

-- CreateIndex
CREATE INDEX "Tool_searchText_trgm_idx" ON "Tool" USING GIN ("searchText" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "ToolStats" ADD CONSTRAINT "ToolStats_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The search form of a text in SQL, as normalizeSearch (prisma/src/text.ts) makes it in JavaScript: lower case
-- (ASCII by lower(), accented letters by translate(), whatever the database's locale), no accents, ligatures
-- spelled out, anything but letters and digits turned into single spaces. The catalogue weighs a search word by the
-- field it is found in (name, provider, category, description) with it.
CREATE OR REPLACE FUNCTION "mutualis_normalize"(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(
           translate(replace(replace(replace(replace(lower(value), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'),
                     'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyy'),
           '[^a-z0-9]+', ' ', 'g'))
$$;

-- A tool's sortName (NAME order, accents ignored) follows its name, whoever writes it.
CREATE OR REPLACE FUNCTION "tool_sort_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."sortName" := "mutualis_normalize"(NEW.name);
  RETURN NEW;
END $$;
CREATE TRIGGER "Tool_sort_name" BEFORE INSERT OR UPDATE OF name ON "Tool"
  FOR EACH ROW EXECUTE FUNCTION "tool_sort_name"();
UPDATE "Tool" SET "sortName" = "mutualis_normalize"(name);

-- ToolStats: one row per tool, created with the tool.
-- Recomputes the figures of the given tools from their reviews and deployments. The rows are locked first (in
-- toolId order, against deadlocks), so that the following statement reads with a snapshot taken after any
-- concurrent writer of the same tool has committed: two reviews submitted together both count.
CREATE OR REPLACE FUNCTION "tool_stats_refresh"(tool_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF tool_ids IS NULL OR cardinality(tool_ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM "ToolStats" WHERE "toolId" = ANY(tool_ids) ORDER BY "toolId" FOR UPDATE;
  INSERT INTO "ToolStats" AS s ("toolId", "reviewCount", "verifiedReviewCount", "ratingAverage", "easeOfUse",
         "outputQuality", "support", "dataProtection", "valueForMoney", "accessibility", "exploringCount", "pilotCount",
         "productionCount", "abandonedCount", "adoptionCount")
  SELECT t.id, r.count, r.verified, r.rating, r.ease, r.quality, r.support, r.protection, r.value, r.accessibility,
         d.exploring, d.pilot, d.production, d.abandoned, d.pilot + d.production
    FROM "Tool" t
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM "Deployment" v
                WHERE v."organizationId" = x."organizationId" AND v."toolId" = x."toolId"
                  AND v.status IN ('PILOT', 'PRODUCTION', 'ABANDONED')))::int AS verified,
             round(avg(x.rating), 2) AS rating, round(avg(x."ratingEaseOfUse"), 2) AS ease,
             round(avg(x."ratingOutputQuality"), 2) AS quality, round(avg(x."ratingSupport"), 2) AS support,
             round(avg(x."ratingDataProtection"), 2) AS protection, round(avg(x."ratingValueForMoney"), 2) AS value,
             round(avg(x."ratingAccessibility"), 2) AS accessibility
        FROM "Review" x WHERE x."toolId" = t.id AND x."moderationStatus" = 'VISIBLE') r
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE y.status = 'EXPLORING')::int AS exploring,
             count(*) FILTER (WHERE y.status = 'PILOT')::int AS pilot,
             count(*) FILTER (WHERE y.status = 'PRODUCTION')::int AS production,
             count(*) FILTER (WHERE y.status = 'ABANDONED')::int AS abandoned
        FROM "Deployment" y WHERE y."toolId" = t.id) d
   WHERE t.id = ANY(tool_ids)
  ON CONFLICT ("toolId") DO UPDATE SET
    "reviewCount" = EXCLUDED."reviewCount", "verifiedReviewCount" = EXCLUDED."verifiedReviewCount",
    "ratingAverage" = EXCLUDED."ratingAverage", "easeOfUse" = EXCLUDED."easeOfUse",
    "outputQuality" = EXCLUDED."outputQuality", "support" = EXCLUDED."support",
    "dataProtection" = EXCLUDED."dataProtection", "valueForMoney" = EXCLUDED."valueForMoney",
    "accessibility" = EXCLUDED."accessibility", "exploringCount" = EXCLUDED."exploringCount",
    "pilotCount" = EXCLUDED."pilotCount", "productionCount" = EXCLUDED."productionCount",
    "abandonedCount" = EXCLUDED."abandonedCount", "adoptionCount" = EXCLUDED."adoptionCount";
END $$;

-- Reviews and deployments: the tools a statement touched (before and after) are recomputed once per statement.
CREATE OR REPLACE FUNCTION "tool_stats_after_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "tool_stats_refresh"(ARRAY(SELECT DISTINCT "toolId" FROM new_rows ORDER BY 1));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "tool_stats_refresh"(ARRAY(SELECT DISTINCT "toolId" FROM old_rows ORDER BY 1));
  ELSE
    PERFORM "tool_stats_refresh"(ARRAY(SELECT "toolId" FROM new_rows UNION SELECT "toolId" FROM old_rows ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Deployment_stats_insert" AFTER INSERT ON "Deployment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_after_change"();
CREATE TRIGGER "Deployment_stats_update" AFTER UPDATE ON "Deployment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_after_change"();
CREATE TRIGGER "Deployment_stats_delete" AFTER DELETE ON "Deployment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_after_change"();
CREATE TRIGGER "Review_stats_insert" AFTER INSERT ON "Review" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_after_change"();
CREATE TRIGGER "Review_stats_update" AFTER UPDATE ON "Review" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_after_change"();
CREATE TRIGGER "Review_stats_delete" AFTER DELETE ON "Review" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_after_change"();

-- A new tool gets its (empty) row; its reference price is to be worked out.
CREATE OR REPLACE FUNCTION "tool_stats_for_new_tools"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ToolStats" ("toolId") SELECT id FROM new_rows ON CONFLICT ("toolId") DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "Tool_stats_insert" AFTER INSERT ON "Tool" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_for_new_tools"();

-- Plans and tiers: the reference price (worked out by the server's cost rules, not in SQL) becomes stale.
CREATE OR REPLACE FUNCTION "tool_stats_price_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'PricingPlan' THEN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      UPDATE "ToolStats" SET "referencePriceStale" = true WHERE "toolId" IN (SELECT "toolId" FROM new_rows);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE "ToolStats" SET "referencePriceStale" = true WHERE "toolId" IN (SELECT "toolId" FROM old_rows);
    END IF;
  ELSE
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      UPDATE "ToolStats" SET "referencePriceStale" = true
       WHERE "toolId" IN (SELECT p."toolId" FROM "PricingPlan" p JOIN new_rows n ON n."planId" = p.id);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE "ToolStats" SET "referencePriceStale" = true
       WHERE "toolId" IN (SELECT p."toolId" FROM "PricingPlan" p JOIN old_rows o ON o."planId" = p.id);
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "PricingPlan_price_insert" AFTER INSERT ON "PricingPlan" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_price_stale"();
CREATE TRIGGER "PricingPlan_price_update" AFTER UPDATE ON "PricingPlan" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_price_stale"();
CREATE TRIGGER "PricingPlan_price_delete" AFTER DELETE ON "PricingPlan" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_price_stale"();
CREATE TRIGGER "PriceTier_price_insert" AFTER INSERT ON "PriceTier" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_price_stale"();
CREATE TRIGGER "PriceTier_price_update" AFTER UPDATE ON "PriceTier" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_price_stale"();
CREATE TRIGGER "PriceTier_price_delete" AFTER DELETE ON "PriceTier" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "tool_stats_price_stale"();

-- Existing tools.
INSERT INTO "ToolStats" ("toolId") SELECT id FROM "Tool" ON CONFLICT ("toolId") DO NOTHING;
SELECT "tool_stats_refresh"(ARRAY(SELECT id FROM "Tool" ORDER BY id));

-- The application's role writes ToolStats through the triggers (default privileges cover the new table) and runs
-- the functions; no more.
GRANT SELECT, INSERT, UPDATE ON "ToolStats" TO mutualis_app;
