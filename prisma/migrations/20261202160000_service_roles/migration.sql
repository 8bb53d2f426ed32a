-- The services log in as roles that own nothing, are not superusers, do not bypass row-level
-- security and cannot become a role that does; migrations run as the owner. Each role reaches
-- only what its connections are for:
--   muse_app       tenant data, bound by row-level security to the tenant of each transaction
--   muse_platform  sign-in and platform administration: tenants, user identities, and the
--                  columns cross-tenant counts need (ids, tenant, status, dates, token sums),
--                  never an agency's content
--   muse_queue     the job queue's schema (pgboss), nothing else
-- The roles are created here without LOGIN; provisioning (`pnpm db:migrate` with DATABASE_URL,
-- or the launcher) gives them LOGIN and the password the services connect with.

DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['muse_platform', 'muse_queue']
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS', r);
    END IF;
  END LOOP;
END
$$;

-- The old scopes were switched on by settings any session may set; they go. Sign-in and
-- platform reads are muse_platform's, on its own connection, which a tenant request never uses.
DROP POLICY sign_in_self ON "users";
DROP POLICY sign_in_self_update ON "users";
DROP POLICY sign_in_invitation ON "users";
DROP POLICY sign_in_link_invitation ON "users";
DROP POLICY platform_admins ON "users";
DROP POLICY platform_counts ON "users";
DROP POLICY platform_counts ON "clients";
DROP POLICY platform_counts ON "campaigns";
DROP POLICY platform_counts ON "generations";
DROP FUNCTION app_auth_subject();
DROP FUNCTION app_auth_email();
DROP FUNCTION app_platform_scope();

-- Tenants: an agency reads its own row; only the platform creates, suspends or changes quotas.
REVOKE INSERT, UPDATE ON "tenants" FROM muse_app;
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_self ON "tenants" FOR SELECT TO muse_app USING ("id" = app_current_tenant());

GRANT USAGE ON SCHEMA public TO muse_platform;
GRANT EXECUTE ON FUNCTION app_current_tenant() TO muse_platform;

GRANT SELECT, INSERT ON "tenants" TO muse_platform;
GRANT UPDATE ("name", "status", "monthly_token_quota", "updated_at") ON "tenants" TO muse_platform;
CREATE POLICY platform ON "tenants" TO muse_platform USING (true) WITH CHECK (true);

-- Identities: found by subject or invited email at sign-in; invitations of an agency's first
-- admin and of platform admins; linking an invitation and stamping presence.
GRANT SELECT, INSERT ON "users" TO muse_platform;
GRANT UPDATE ("auth_subject", "status", "last_seen_at", "updated_at") ON "users" TO muse_platform;
CREATE POLICY platform_read ON "users" FOR SELECT TO muse_platform USING (true);
CREATE POLICY platform_invite ON "users" FOR INSERT TO muse_platform WITH CHECK ("status" = 'INVITED');
CREATE POLICY platform_sign_in ON "users" FOR UPDATE TO muse_platform USING (true) WITH CHECK (true);

-- Counts and sums per tenant, and the sweep of runs no worker will finish: no content column.
GRANT SELECT ("id", "tenant_id", "archived_at") ON "clients" TO muse_platform;
GRANT SELECT ("id", "tenant_id", "status") ON "campaigns" TO muse_platform;
GRANT SELECT ("id", "tenant_id", "idea_id", "requested_by_id", "status", "queued_at", "prompt_tokens", "completion_tokens")
  ON "generations" TO muse_platform;
CREATE POLICY platform_counts ON "clients" FOR SELECT TO muse_platform USING (true);
CREATE POLICY platform_counts ON "campaigns" FOR SELECT TO muse_platform USING (true);
CREATE POLICY platform_counts ON "generations" FOR SELECT TO muse_platform USING (true);

-- The audit of what the platform did to an agency (created it, suspended it) lands in its log.
GRANT INSERT ON "activity_events" TO muse_platform;
CREATE POLICY platform_audit ON "activity_events" FOR INSERT TO muse_platform WITH CHECK (true);

-- The job queue: muse_queue runs pg-boss; muse_app no longer reaches its tables (the grants
-- scoped to one tenant's jobs are applied after pg-boss installs them, see queue-privileges.sql).
REVOKE ALL ON ALL TABLES IN SCHEMA pgboss FROM muse_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss REVOKE SELECT, INSERT ON TABLES FROM muse_app;
