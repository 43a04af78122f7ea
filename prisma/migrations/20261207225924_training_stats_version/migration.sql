-- The adoption statistics show the agents and elected officials trained that organizations declare: a change of the
-- declarations moves the statistics' version, like a change of the deployments does (migration
-- 20261207150528_adoption_statistics) and of the public contracts (20261207161500_contract_stats_version).
CREATE TRIGGER "TrainingDeclaration_stats_version" AFTER INSERT OR UPDATE OR DELETE ON "TrainingDeclaration"
  FOR EACH STATEMENT EXECUTE FUNCTION "stats_version_bump"();
