-- A user row is a membership: one sign-in identity (and one email) may belong to several
-- agencies, each of which invites it on its own. Existing rows are memberships already.
DROP INDEX "users_email_key";
DROP INDEX "users_auth_subject_key";

CREATE UNIQUE INDEX "users_tenant_id_email_key" ON "users"("tenant_id", "email");
CREATE UNIQUE INDEX "users_tenant_id_auth_subject_key" ON "users"("tenant_id", "auth_subject");
CREATE INDEX "users_auth_subject_idx" ON "users"("auth_subject");
CREATE INDEX "users_email_idx" ON "users"("email");

-- Platform admins have no tenant, and NULLs never collide: they are unique among themselves.
CREATE UNIQUE INDEX "users_platform_email_key" ON "users"("email") WHERE "tenant_id" IS NULL;
CREATE UNIQUE INDEX "users_platform_auth_subject_key" ON "users"("auth_subject") WHERE "tenant_id" IS NULL;
