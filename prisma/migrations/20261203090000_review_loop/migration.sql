-- The review loop that reaches people: review rounds (one sending of a campaign's ideas, with
-- its review-by date and reminder state), review links for reviewers without an account, and
-- each user's notifications and mail preferences. The agency's logo white-labels its mail; a
-- client's reminder cadence is set on the client.

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('IDEAS_SENT', 'CLIENT_ANSWERED', 'COMMENT', 'GENERATION_FINISHED', 'REMINDER', 'REVIEW_OVERDUE');

-- CreateEnum
CREATE TYPE "NotificationDelivery" AS ENUM ('INSTANT', 'DIGEST', 'OFF');

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "review_by" DATE;

-- AlterTable
ALTER TABLE "clients" ADD COLUMN     "reminder_every_days" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "reminder_first_after_days" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "reminder_limit" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "ideas" ADD COLUMN     "review_round_id" UUID;

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "logo_url" TEXT;

-- CreateTable
CREATE TABLE "review_rounds" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "sent_by_id" UUID,
    "review_by" DATE,
    "announced_at" TIMESTAMPTZ(3),
    "answered_at" TIMESTAMPTZ(3),
    "next_reminder_at" TIMESTAMPTZ(3),
    "reminders_sent" INTEGER NOT NULL DEFAULT 0,
    "last_reminded_at" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_links" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "reviewer_name" TEXT NOT NULL,
    "reviewer_email" TEXT,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "email_opt_out_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "campaign_id" UUID,
    "idea_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "read_at" TIMESTAMPTZ(3),
    "mailed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preferences" (
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "delivery" "NotificationDelivery" NOT NULL,

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("tenant_id","user_id","kind")
);

-- CreateIndex
CREATE INDEX "review_rounds_tenant_id_campaign_id_created_at_idx" ON "review_rounds"("tenant_id", "campaign_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "review_rounds_next_reminder_at_idx" ON "review_rounds"("next_reminder_at");

-- CreateIndex
CREATE UNIQUE INDEX "review_rounds_tenant_id_id_key" ON "review_rounds"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "review_links_token_hash_key" ON "review_links"("token_hash");

-- CreateIndex
CREATE INDEX "review_links_tenant_id_campaign_id_created_at_idx" ON "review_links"("tenant_id", "campaign_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "review_links_tenant_id_id_key" ON "review_links"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "notifications_tenant_id_user_id_created_at_idx" ON "notifications"("tenant_id", "user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notifications_tenant_id_user_id_read_at_idx" ON "notifications"("tenant_id", "user_id", "read_at");

-- CreateIndex
CREATE INDEX "notifications_tenant_id_mailed_at_idx" ON "notifications"("tenant_id", "mailed_at");

-- CreateIndex
CREATE INDEX "ideas_tenant_id_review_round_id_idx" ON "ideas"("tenant_id", "review_round_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_tenant_id_id_key" ON "users"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_tenant_id_review_round_id_fkey" FOREIGN KEY ("tenant_id", "review_round_id") REFERENCES "review_rounds"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaigns"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "clients"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_links" ADD CONSTRAINT "review_links_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_links" ADD CONSTRAINT "review_links_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaigns"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_links" ADD CONSTRAINT "review_links_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "clients"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Tenant data like any other: row-level security confines muse_app to the tenant of its transaction.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['review_rounds', 'review_links', 'notifications', 'notification_preferences']
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

GRANT SELECT, INSERT, UPDATE ON "review_rounds", "review_links", "notifications" TO muse_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "notification_preferences" TO muse_app;

-- Across tenants muse_platform reads only what finds the work and the tenant it belongs to: a
-- review link by its token's hash (before any tenant is known), the rounds whose reminder or
-- review-by date is due, and which users have mail waiting for a digest. Never their content.
GRANT SELECT ("id", "tenant_id", "token_hash") ON "review_links" TO muse_platform;
GRANT SELECT ("id", "tenant_id", "review_by", "answered_at", "next_reminder_at", "escalated_at")
  ON "review_rounds" TO muse_platform;
GRANT SELECT ("id", "tenant_id", "user_id", "mailed_at", "created_at") ON "notifications" TO muse_platform;
CREATE POLICY platform_read_across_tenants ON "review_links" FOR SELECT TO muse_platform USING (true);
CREATE POLICY platform_read_across_tenants ON "review_rounds" FOR SELECT TO muse_platform USING (true);
CREATE POLICY platform_read_across_tenants ON "notifications" FOR SELECT TO muse_platform USING (true);
