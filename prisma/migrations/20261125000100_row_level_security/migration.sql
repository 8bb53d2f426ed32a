-- Tenant isolation in the database itself. The application connects as (or switches to) the
-- role muse_app, which does not own the tables, and every request's work runs in a
-- transaction that first calls set_config('app.tenant_id', <tenant>, true). Without a tenant
-- set, every tenant table reads as empty and refuses writes.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'muse_app') THEN
    CREATE ROLE muse_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END
$$;

-- The connecting (owner) role must be able to SET ROLE muse_app.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'muse_app', 'MEMBER') THEN
    EXECUTE format('GRANT muse_app TO %I', current_user);
  END IF;
END
$$;

CREATE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- The verified identity of the caller, set only while the API resolves who is signing in.
CREATE FUNCTION app_auth_subject() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.auth_subject', true), '') $$;

CREATE FUNCTION app_auth_email() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.auth_email', true), '') $$;

-- Set only by the platform admin's aggregate queries (counts and token sums per tenant).
CREATE FUNCTION app_platform_scope() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(current_setting('app.platform_scope', true), '') = 'on' $$;

GRANT USAGE ON SCHEMA public TO muse_app;
GRANT EXECUTE ON FUNCTION app_current_tenant(), app_auth_subject(), app_auth_email(), app_platform_scope() TO muse_app;

GRANT SELECT, INSERT, UPDATE ON "tenants" TO muse_app;
GRANT SELECT, INSERT, UPDATE ON "users", "clients", "campaigns", "generations", "ideas", "idea_revisions" TO muse_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "comments" TO muse_app;
-- The audit log is append-only for the application.
GRANT SELECT, INSERT ON "activity_events" TO muse_app;

-- Every table with a tenant_id: the same policy, enabled and forced (owners obey it too).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'clients', 'campaigns', 'generations', 'ideas', 'idea_revisions', 'comments', 'activity_events']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t
    );
  END LOOP;
END
$$;

-- Signing in: the caller sees (and may stamp) only its own user row, found by the verified
-- token subject, or its pending invitation, found by the verified email.
CREATE POLICY sign_in_self ON "users" FOR SELECT USING ("auth_subject" = app_auth_subject());
CREATE POLICY sign_in_self_update ON "users" FOR UPDATE
  USING ("auth_subject" = app_auth_subject())
  WITH CHECK ("auth_subject" = app_auth_subject());
CREATE POLICY sign_in_invitation ON "users" FOR SELECT USING ("status" = 'INVITED' AND "email" = app_auth_email());
CREATE POLICY sign_in_link_invitation ON "users" FOR UPDATE
  USING ("status" = 'INVITED' AND "email" = app_auth_email() AND "auth_subject" IS NULL)
  WITH CHECK ("auth_subject" = app_auth_subject());

-- Platform administration reads counts across tenants, never content.
CREATE POLICY platform_counts ON "users" FOR SELECT USING (app_platform_scope());
CREATE POLICY platform_counts ON "clients" FOR SELECT USING (app_platform_scope());
CREATE POLICY platform_counts ON "campaigns" FOR SELECT USING (app_platform_scope());
CREATE POLICY platform_counts ON "generations" FOR SELECT USING (app_platform_scope());

-- Platform admins (no tenant) are created in the platform scope only.
CREATE POLICY platform_admins ON "users"
  USING ("tenant_id" IS NULL AND "role" = 'PLATFORM_ADMIN' AND app_platform_scope())
  WITH CHECK ("tenant_id" IS NULL AND "role" = 'PLATFORM_ADMIN' AND app_platform_scope());
