-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "TenantStatus" AS ENUM ('ACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PLATFORM_ADMIN', 'AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('INVITED', 'ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('INSTAGRAM', 'TIKTOK', 'FACEBOOK', 'LINKEDIN', 'X', 'YOUTUBE');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'ACTIVE', 'COMPLETED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "GenerationStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "IdeaType" AS ENUM ('POST', 'REEL');

-- CreateEnum
CREATE TYPE "IdeaStatus" AS ENUM ('GENERATED', 'AGENCY_REJECTED', 'PENDING_CLIENT', 'CHANGES_REQUESTED', 'CLIENT_APPROVED', 'CLIENT_REJECTED');

-- CreateEnum
CREATE TYPE "CommentVisibility" AS ENUM ('INTERNAL', 'CLIENT');

-- CreateTable
CREATE TABLE "tenants" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "TenantStatus" NOT NULL DEFAULT 'ACTIVE',
    "monthly_token_quota" INTEGER NOT NULL DEFAULT 2000000,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID,
    "client_id" UUID,
    "role" "Role" NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "auth_subject" TEXT,
    "status" "UserStatus" NOT NULL DEFAULT 'INVITED',
    "last_seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clients" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "industry" TEXT NOT NULL DEFAULT '',
    "website" TEXT,
    "brand_voice" TEXT NOT NULL DEFAULT '',
    "tone_keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "target_audience" TEXT NOT NULL DEFAULT '',
    "do_list" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dont_list" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "default_hashtags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "platforms" "Platform"[] DEFAULT ARRAY[]::"Platform"[],
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "objective" TEXT NOT NULL DEFAULT '',
    "brief" TEXT NOT NULL DEFAULT '',
    "key_messages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "themes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tone_override" TEXT,
    "platforms" "Platform"[] DEFAULT ARRAY[]::"Platform"[],
    "start_date" DATE,
    "end_date" DATE,
    "num_posts" INTEGER NOT NULL DEFAULT 0,
    "num_reels" INTEGER NOT NULL DEFAULT 0,
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "generations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "idea_id" UUID,
    "requested_by_id" UUID,
    "status" "GenerationStatus" NOT NULL DEFAULT 'QUEUED',
    "requested_posts" INTEGER NOT NULL DEFAULT 0,
    "requested_reels" INTEGER NOT NULL DEFAULT 0,
    "produced_count" INTEGER NOT NULL DEFAULT 0,
    "platforms" "Platform"[] DEFAULT ARRAY[]::"Platform"[],
    "instructions" TEXT,
    "idempotency_key" TEXT,
    "request_hash" TEXT,
    "model" TEXT,
    "template_versions" JSONB,
    "prompt_tokens" INTEGER NOT NULL DEFAULT 0,
    "completion_tokens" INTEGER NOT NULL DEFAULT 0,
    "latency_ms" INTEGER,
    "error_code" TEXT,
    "error_message" TEXT,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "generations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ideas" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "generation_id" UUID,
    "type" "IdeaType" NOT NULL,
    "platform" "Platform" NOT NULL,
    "title" TEXT NOT NULL,
    "hook" TEXT NOT NULL DEFAULT '',
    "caption" TEXT NOT NULL DEFAULT '',
    "hashtags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "call_to_action" TEXT NOT NULL DEFAULT '',
    "visual_direction" TEXT,
    "duration_sec" INTEGER,
    "beats" JSONB,
    "audio_suggestion" TEXT,
    "status" "IdeaStatus" NOT NULL DEFAULT 'GENERATED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "round" INTEGER NOT NULL DEFAULT 0,
    "template_version" TEXT,
    "scheduled_for" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ideas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idea_revisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "idea_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "edited_by_id" UUID,
    "shown_to_client_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idea_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "idea_id" UUID NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "visibility" "CommentVisibility" NOT NULL DEFAULT 'INTERNAL',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "actor_id" UUID,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activity_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_auth_subject_key" ON "users"("auth_subject");

-- CreateIndex
CREATE INDEX "users_tenant_id_role_created_at_idx" ON "users"("tenant_id", "role", "created_at");

-- CreateIndex
CREATE INDEX "users_tenant_id_client_id_idx" ON "users"("tenant_id", "client_id");

-- CreateIndex
CREATE INDEX "clients_tenant_id_name_id_idx" ON "clients"("tenant_id", "name", "id");

-- CreateIndex
CREATE UNIQUE INDEX "clients_tenant_id_id_key" ON "clients"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "campaigns_tenant_id_created_at_id_idx" ON "campaigns"("tenant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "campaigns_tenant_id_client_id_status_created_at_idx" ON "campaigns"("tenant_id", "client_id", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "campaigns_tenant_id_status_created_at_idx" ON "campaigns"("tenant_id", "status", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_tenant_id_id_key" ON "campaigns"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "generations_tenant_id_campaign_id_queued_at_idx" ON "generations"("tenant_id", "campaign_id", "queued_at" DESC);

-- CreateIndex
CREATE INDEX "generations_tenant_id_queued_at_idx" ON "generations"("tenant_id", "queued_at");

-- CreateIndex
CREATE UNIQUE INDEX "generations_tenant_id_idempotency_key_key" ON "generations"("tenant_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "generations_tenant_id_id_key" ON "generations"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "ideas_tenant_id_campaign_id_created_at_id_idx" ON "ideas"("tenant_id", "campaign_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "ideas_tenant_id_campaign_id_status_created_at_id_idx" ON "ideas"("tenant_id", "campaign_id", "status", "created_at", "id");

-- CreateIndex
CREATE INDEX "ideas_tenant_id_status_idx" ON "ideas"("tenant_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ideas_tenant_id_id_key" ON "ideas"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "idea_revisions_tenant_id_idea_id_version_key" ON "idea_revisions"("tenant_id", "idea_id", "version");

-- CreateIndex
CREATE INDEX "comments_tenant_id_idea_id_created_at_idx" ON "comments"("tenant_id", "idea_id", "created_at");

-- CreateIndex
CREATE INDEX "activity_events_tenant_id_entity_type_entity_id_created_at_idx" ON "activity_events"("tenant_id", "entity_type", "entity_id", "created_at");

-- CreateIndex
CREATE INDEX "activity_events_tenant_id_created_at_idx" ON "activity_events"("tenant_id", "created_at");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "clients"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clients" ADD CONSTRAINT "clients_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "clients"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generations" ADD CONSTRAINT "generations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generations" ADD CONSTRAINT "generations_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaigns"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_tenant_id_campaign_id_fkey" FOREIGN KEY ("tenant_id", "campaign_id") REFERENCES "campaigns"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_tenant_id_generation_id_fkey" FOREIGN KEY ("tenant_id", "generation_id") REFERENCES "generations"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idea_revisions" ADD CONSTRAINT "idea_revisions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idea_revisions" ADD CONSTRAINT "idea_revisions_tenant_id_idea_id_fkey" FOREIGN KEY ("tenant_id", "idea_id") REFERENCES "ideas"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_tenant_id_idea_id_fkey" FOREIGN KEY ("tenant_id", "idea_id") REFERENCES "ideas"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Emails are stored lower-cased, which makes the unique index case-insensitive.
ALTER TABLE "users" ADD CONSTRAINT "users_email_lower_check" CHECK ("email" = lower("email"));

-- A client contact belongs to exactly one client; only client contacts have one.
ALTER TABLE "users" ADD CONSTRAINT "users_client_role_check" CHECK (("role" = 'CLIENT') = ("client_id" IS NOT NULL));

-- Platform admins belong to no tenant; everyone else belongs to exactly one.
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_role_check" CHECK (("role" = 'PLATFORM_ADMIN') = ("tenant_id" IS NULL));

ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_dates_check" CHECK ("end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date");
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_counts_check" CHECK ("num_posts" BETWEEN 0 AND 50 AND "num_reels" BETWEEN 0 AND 50);
