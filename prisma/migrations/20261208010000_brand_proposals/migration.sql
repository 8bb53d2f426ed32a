-- A brand voice that learns from review: suggestions for the brand profile derived after each
-- answered review round, the runs that derived them (one per round, with the tokens they spent),
-- and the caption length per platform that a suggestion can add to the profile. Tenant data:
-- row-level security confines muse_app to the tenant of its transaction.

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'BRAND_SUGGESTIONS';

-- AlterTable
ALTER TABLE "clients" ADD COLUMN "caption_max_chars" JSONB NOT NULL DEFAULT '{}';

-- The versions already written keep the new field as it was for them: no limits. The owner runs
-- migrations and row-level security is forced on it too, so the table is released from FORCE for
-- this migration's transaction only.
ALTER TABLE "brand_profile_versions" NO FORCE ROW LEVEL SECURITY;
UPDATE "brand_profile_versions"
   SET "snapshot" = "snapshot" || '{"captionMaxChars": {}}'::jsonb
 WHERE NOT "snapshot" ? 'captionMaxChars';
ALTER TABLE "brand_profile_versions" FORCE ROW LEVEL SECURITY;

-- CreateTable
CREATE TABLE "brand_proposals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "platform" "Platform",
    "max_caption_chars" INTEGER,
    "dedup_key" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "evidence" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "from_round_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "brand_version" INTEGER,

    CONSTRAINT "brand_proposals_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "brand_proposals_kind_check" CHECK ("kind" IN
      ('never_use', 'always', 'voice_note', 'preferred_hashtag', 'banned_hashtag', 'caption_length')),
    CONSTRAINT "brand_proposals_source_check" CHECK ("source" IN ('signal', 'model', 'both')),
    CONSTRAINT "brand_proposals_status_check" CHECK ("status" IN ('open', 'accepted', 'dismissed')),
    CONSTRAINT "brand_proposals_confidence_check" CHECK ("confidence" >= 0 AND "confidence" <= 1),
    CONSTRAINT "brand_proposals_caption_length_check" CHECK (
      ("kind" = 'caption_length') = ("platform" IS NOT NULL AND "max_caption_chars" IS NOT NULL))
);

-- CreateIndex
CREATE INDEX "brand_proposals_tenant_id_client_id_status_created_at_idx" ON "brand_proposals"("tenant_id", "client_id", "status", "created_at" DESC);

-- An open or dismissed proposal is not made again; an accepted one may be, once the profile lost it.
CREATE UNIQUE INDEX "brand_proposals_undecided_or_dismissed_key" ON "brand_proposals"("tenant_id", "client_id", "dedup_key")
  WHERE "status" <> 'accepted';

-- AddForeignKey
ALTER TABLE "brand_proposals" ADD CONSTRAINT "brand_proposals_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brand_proposals" ADD CONSTRAINT "brand_proposals_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "clients"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "brand_feedback_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "review_round_id" UUID NOT NULL,
    "prompt_tokens" INTEGER NOT NULL DEFAULT 0,
    "completion_tokens" INTEGER NOT NULL DEFAULT 0,
    "model" TEXT,
    "proposals" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "brand_feedback_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "brand_feedback_runs_tenant_id_review_round_id_key" ON "brand_feedback_runs"("tenant_id", "review_round_id");

-- CreateIndex
CREATE INDEX "brand_feedback_runs_tenant_id_created_at_idx" ON "brand_feedback_runs"("tenant_id", "created_at");

-- AddForeignKey
ALTER TABLE "brand_feedback_runs" ADD CONSTRAINT "brand_feedback_runs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brand_feedback_runs" ADD CONSTRAINT "brand_feedback_runs_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "clients"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "brand_proposals" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "brand_proposals" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "brand_proposals"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

ALTER TABLE "brand_feedback_runs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "brand_feedback_runs" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "brand_feedback_runs"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

GRANT SELECT, INSERT, UPDATE ON "brand_proposals" TO muse_app;
GRANT SELECT, INSERT ON "brand_feedback_runs" TO muse_app;
