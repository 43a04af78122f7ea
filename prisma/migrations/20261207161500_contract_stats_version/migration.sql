-- The adoption statistics show the spend attested by public-procurement data (DECP): a change of the contracts, of
-- their holders or of their curation moves the statistics' version, like a change of the deployments does
-- (migration 20261207150528_adoption_statistics).
CREATE TRIGGER "PublicContract_stats_version" AFTER INSERT OR UPDATE OR DELETE ON "PublicContract"
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_version_bump"();
CREATE TRIGGER "PublicContractHolder_stats_version" AFTER INSERT OR UPDATE OR DELETE ON "PublicContractHolder"
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_version_bump"();
