-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "annualCostPublic" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ToolStats" ADD COLUMN     "demoAdoptionCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "demoReviewCount" INTEGER NOT NULL DEFAULT 0;

-- Demo share of a tool's figures: the catalogue says how much of an adoption count or a rating comes from demo data.
CREATE OR REPLACE FUNCTION "tool_stats_refresh"(tool_ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF tool_ids IS NULL OR cardinality(tool_ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM "ToolStats" WHERE "toolId" = ANY(tool_ids) ORDER BY "toolId" FOR UPDATE;
  INSERT INTO "ToolStats" AS s ("toolId", "reviewCount", "verifiedReviewCount", "ratingAverage", "easeOfUse",
         "outputQuality", "support", "dataProtection", "valueForMoney", "accessibility", "exploringCount", "pilotCount",
         "productionCount", "abandonedCount", "adoptionCount", "demoReviewCount", "demoAdoptionCount")
  SELECT t.id, r.count, r.verified, r.rating, r.ease, r.quality, r.support, r.protection, r.value, r.accessibility,
         d.exploring, d.pilot, d.production, d.abandoned, d.pilot + d.production, r.demo, d.demo
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
             round(avg(x."ratingAccessibility"), 2) AS accessibility,
             count(*) FILTER (WHERE x."isDemo")::int AS demo
        FROM "Review" x WHERE x."toolId" = t.id AND x."moderationStatus" = 'VISIBLE') r
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE y.status = 'EXPLORING')::int AS exploring,
             count(*) FILTER (WHERE y.status = 'PILOT')::int AS pilot,
             count(*) FILTER (WHERE y.status = 'PRODUCTION')::int AS production,
             count(*) FILTER (WHERE y.status = 'ABANDONED')::int AS abandoned,
             count(*) FILTER (WHERE y.status IN ('PILOT', 'PRODUCTION') AND y."isDemo")::int AS demo
        FROM "Deployment" y WHERE y."toolId" = t.id) d
   WHERE t.id = ANY(tool_ids)
  ON CONFLICT ("toolId") DO UPDATE SET
    "reviewCount" = EXCLUDED."reviewCount", "verifiedReviewCount" = EXCLUDED."verifiedReviewCount",
    "ratingAverage" = EXCLUDED."ratingAverage", "easeOfUse" = EXCLUDED."easeOfUse",
    "outputQuality" = EXCLUDED."outputQuality", "support" = EXCLUDED."support",
    "dataProtection" = EXCLUDED."dataProtection", "valueForMoney" = EXCLUDED."valueForMoney",
    "accessibility" = EXCLUDED."accessibility", "exploringCount" = EXCLUDED."exploringCount",
    "pilotCount" = EXCLUDED."pilotCount", "productionCount" = EXCLUDED."productionCount",
    "abandonedCount" = EXCLUDED."abandonedCount", "adoptionCount" = EXCLUDED."adoptionCount",
    "demoReviewCount" = EXCLUDED."demoReviewCount", "demoAdoptionCount" = EXCLUDED."demoAdoptionCount";
END $$;
SELECT "tool_stats_refresh"(ARRAY(SELECT id FROM "Tool" ORDER BY id));

-- Version of the data the adoption statistics read (statistics module): every statement that changes it takes a new
-- number, so that a server answers the statistics from its cache until the data changes, whichever instance wrote.
-- A sequence, not a counter row: writers never wait on each other for it.
CREATE SEQUENCE "stats_version";
CREATE OR REPLACE FUNCTION "stats_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('"stats_version"');
  RETURN NULL;
END $$;
CREATE TRIGGER "Deployment_stats_version" AFTER INSERT OR UPDATE OR DELETE ON "Deployment"
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_version_bump"();
CREATE TRIGGER "Organization_stats_version" AFTER INSERT OR UPDATE OR DELETE ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_version_bump"();
CREATE TRIGGER "Tool_stats_version" AFTER INSERT OR UPDATE OR DELETE ON "Tool"
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_version_bump"();
CREATE TRIGGER "Provider_stats_version" AFTER INSERT OR UPDATE OR DELETE ON "Provider"
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_version_bump"();
CREATE TRIGGER "Category_stats_version" AFTER INSERT OR UPDATE OR DELETE ON "Category"
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_version_bump"();
CREATE TRIGGER "ImpactFigure_stats_version" AFTER INSERT OR UPDATE OR DELETE ON "ImpactFigure"
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_version_bump"();
CREATE TRIGGER "GridIntensity_stats_version" AFTER INSERT OR UPDATE OR DELETE ON "GridIntensity"
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_version_bump"();

-- Demo deployments that declare a cost show it, as a collectivité that chose to publish it would.
UPDATE "Deployment" SET "annualCostPublic" = true WHERE "isDemo" AND "annualCost" IS NOT NULL;
