-- A user's calendar subscription: only the hash of its address's secret is kept.
CREATE TABLE "calendar_feeds" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds"("token_hash");
CREATE UNIQUE INDEX "calendar_feeds_tenant_id_user_id_key" ON "calendar_feeds"("tenant_id", "user_id");

ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The calendar reads a tenant's ideas by date.
CREATE INDEX "ideas_tenant_id_scheduled_for_idx" ON "ideas"("tenant_id", "scheduled_for");

-- Tenant data like any other: row-level security confines muse_app to the tenant of its transaction.
ALTER TABLE "calendar_feeds" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "calendar_feeds" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "calendar_feeds"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

GRANT SELECT, INSERT, UPDATE ON "calendar_feeds" TO muse_app;

-- A calendar app presents only the secret: muse_platform finds the feed's tenant and user by its
-- hash, before any tenant is known, and reads nothing else.
GRANT SELECT ("id", "tenant_id", "user_id", "token_hash") ON "calendar_feeds" TO muse_platform;
CREATE POLICY platform_read_across_tenants ON "calendar_feeds" FOR SELECT TO muse_platform USING (true);
