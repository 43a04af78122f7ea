-- The application connects as mutualis_app, which may read and write rows but never change the schema, disable a
-- trigger, truncate, or change or delete an audit event. Migrations run as the owner of the tables (who created
-- them). Only SQL here, no Prisma model change: `migrations.mjs check` still compares the same schema.

-- Roles are cluster-wide on a PostgreSQL server: another database may have created it already, maybe just now.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mutualis_app') THEN
    BEGIN
      CREATE ROLE mutualis_app NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'le rôle mutualis_app n’existe pas et % ne peut pas le créer : créez-le (CREATE ROLE mutualis_app NOLOGIN) ou donnez CREATEROLE au propriétaire', current_user;
    END;
  END IF;
  -- the owner's connection switches to mutualis_app (SET ROLE) when DATABASE_URL is its only address
  IF NOT pg_has_role(session_user, 'mutualis_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT mutualis_app TO %I', session_user);
    EXCEPTION WHEN insufficient_privilege THEN NULL; -- the server says what to grant when it connects
    END;
  END IF;
END $$;

-- nobody but the owner creates objects (already the default since PostgreSQL 15)
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO mutualis_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO mutualis_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO mutualis_app;
-- tables and sequences of later migrations (run by the same owner) get the same grants
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mutualis_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO mutualis_app;

-- the audit log is append-only for the application, by privilege and not only by trigger
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM mutualis_app;
-- the application reads which migrations are applied (to skip the owner's connection when none is pending);
-- Prisma's shadow database (migrations.mjs check) has no such table
DO $$
BEGIN
  IF to_regclass('public."_prisma_migrations"') IS NOT NULL THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM mutualis_app;
  END IF;
END $$;

-- The single exception to the append-only rule: erasing a person removes their personal data from the snapshots,
-- and changes nothing else. Only mutualis_erase_user_audit (below) turns the flag on; setting it elsewhere is
-- useless, since only the owner has the UPDATE privilege on AuditEvent.
CREATE OR REPLACE FUNCTION "audit_event_is_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('mutualis.audit_erasure', true) = 'on'
     AND NEW."id" = OLD."id"
     AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
     AND NEW."organizationId" IS NOT DISTINCT FROM OLD."organizationId"
     AND NEW."action" = OLD."action"
     AND NEW."entityType" = OLD."entityType"
     AND NEW."entityId" = OLD."entityId"
     AND NEW."requestId" = OLD."requestId"
     AND NEW."createdAt" = OLD."createdAt" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

-- A copy of a snapshot without the given keys (at any depth), and with the given e-mail address, wherever it
-- appears as a value, replaced by a placeholder.
CREATE FUNCTION "mutualis_scrub_personal"(doc jsonb, drop_keys text[], email text) RETURNS jsonb AS $$
DECLARE
  result jsonb;
  k text;
  v jsonb;
BEGIN
  IF doc IS NULL THEN
    RETURN NULL;
  END IF;
  CASE jsonb_typeof(doc)
    WHEN 'object' THEN
      result := '{}'::jsonb;
      FOR k, v IN SELECT * FROM jsonb_each(doc) LOOP
        IF NOT (k = ANY (drop_keys)) THEN
          result := result || jsonb_build_object(k, "mutualis_scrub_personal"(v, drop_keys, email));
        END IF;
      END LOOP;
      RETURN result;
    WHEN 'array' THEN
      SELECT coalesce(jsonb_agg("mutualis_scrub_personal"(e, drop_keys, email) ORDER BY i), '[]'::jsonb)
        INTO result FROM jsonb_array_elements(doc) WITH ORDINALITY AS a(e, i);
      RETURN result;
    WHEN 'string' THEN
      IF email IS NOT NULL AND lower(doc #>> '{}') = lower(email) THEN
        RETURN to_jsonb('[adresse supprimée]'::text);
      END IF;
      RETURN doc;
    ELSE
      RETURN doc;
  END CASE;
END;
$$ LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public;

-- Pseudonymizes one person's audit trail. It runs with the owner's rights (SECURITY DEFINER) yet takes nothing
-- but a user id: what is removed is read from the User row itself, and only from that person's events — the
-- snapshots of the User entity lose their personal keys, and their own actions lose their e-mail address.
-- Who did what, when, and to which entity stays provable. Returns the number of events changed.
CREATE FUNCTION "mutualis_erase_user_audit"(user_id integer) RETURNS integer AS $$
DECLARE
  user_email text;
  changed integer;
BEGIN
  SELECT "email" INTO user_email FROM public."User" WHERE "id" = user_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'User % not found', user_id USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM set_config('mutualis.audit_erasure', 'on', true);
  WITH scrubbed AS (
    SELECT e."id",
           "mutualis_scrub_personal"(e."before", CASE WHEN own THEN ARRAY['email', 'name'] ELSE ARRAY[]::text[] END, user_email) AS b,
           "mutualis_scrub_personal"(e."after", CASE WHEN own THEN ARRAY['email', 'name'] ELSE ARRAY[]::text[] END, user_email) AS a
      FROM (SELECT *, ("entityType" = 'User' AND "entityId" = user_id::text) AS own FROM public."AuditEvent") e
     WHERE e.own OR e."actorId" = user_id
  )
  UPDATE public."AuditEvent" t SET "before" = s.b, "after" = s.a
    FROM scrubbed s
   WHERE t."id" = s."id" AND (t."before" IS DISTINCT FROM s.b OR t."after" IS DISTINCT FROM s.a);
  GET DIAGNOSTICS changed = ROW_COUNT;
  PERFORM set_config('mutualis.audit_erasure', 'off', true);
  RETURN changed;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public;

REVOKE EXECUTE ON FUNCTION "mutualis_erase_user_audit"(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "mutualis_erase_user_audit"(integer) TO mutualis_app;
