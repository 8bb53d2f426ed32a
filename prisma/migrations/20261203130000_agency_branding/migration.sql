-- An agency admin sets the logo its clients see in their mail. The application login may update
-- that one column (and the row's timestamp), of its own tenant only: name, status and quota stay
-- the platform's to change.
REVOKE UPDATE ON "tenants" FROM muse_app;
GRANT UPDATE ("logo_url", "updated_at") ON "tenants" TO muse_app;
CREATE POLICY tenant_self_branding ON "tenants" FOR UPDATE TO muse_app
  USING ("id" = app_current_tenant()) WITH CHECK ("id" = app_current_tenant());
