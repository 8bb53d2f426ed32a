-- Versioned brand profiles: each change of a client's brand fields is kept as a numbered version
-- with who made it and why, and each generation records the version it wrote in. Tenant data:
-- row-level security confines muse_app to the tenant of its transaction. Versions are written,
-- never changed.

-- AlterTable
ALTER TABLE "clients" ADD COLUMN "brand_version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "generations" ADD COLUMN "brand_profile_version" INTEGER;

-- CreateTable
CREATE TABLE "brand_profile_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "created_by_id" UUID,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "brand_profile_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "brand_profile_versions_tenant_id_client_id_number_key" ON "brand_profile_versions"("tenant_id", "client_id", "number");

-- AddForeignKey
ALTER TABLE "brand_profile_versions" ADD CONSTRAINT "brand_profile_versions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brand_profile_versions" ADD CONSTRAINT "brand_profile_versions_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "clients"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every client that exists gets its profile of today as version 1, made by nobody in particular.
-- The owner runs migrations and row-level security is forced on it too, so clients is released
-- from FORCE for this migration's transaction only, and the new table is forced after the backfill.
ALTER TABLE "clients" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "brand_profile_versions" ("tenant_id", "client_id", "number", "snapshot", "created_at")
SELECT "tenant_id", "id", 1,
       jsonb_build_object(
         'name', "name",
         'industry', "industry",
         'website', "website",
         'brandVoice', "brand_voice",
         'toneKeywords', to_jsonb("tone_keywords"),
         'targetAudience', "target_audience",
         'doList', to_jsonb("do_list"),
         'dontList', to_jsonb("dont_list"),
         'defaultHashtags', to_jsonb("default_hashtags"),
         'platforms', to_jsonb("platforms")
       ),
       "created_at"
FROM "clients";

ALTER TABLE "clients" FORCE ROW LEVEL SECURITY;

ALTER TABLE "brand_profile_versions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "brand_profile_versions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "brand_profile_versions"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

GRANT SELECT, INSERT ON "brand_profile_versions" TO muse_app;
