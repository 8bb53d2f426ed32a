-- Generation pipeline: worker claims, the offline-model label, and the job queue's privileges.

-- AlterTable
ALTER TABLE "generations" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "offline" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "generations_tenant_id_idea_id_idx" ON "generations"("tenant_id", "idea_id");

-- CreateIndex
CREATE INDEX "generations_status_queued_at_idx" ON "generations"("status", "queued_at");

-- CreateIndex
CREATE INDEX "ideas_tenant_id_generation_id_idx" ON "ideas"("tenant_id", "generation_id");

-- The job queue (pg-boss) keeps its tables in the schema pgboss. pg-boss creates and upgrades
-- them itself when the API or the worker starts, connected as the owner (this migration's role).
-- The application role inserts jobs inside its own transactions, so a generation and its job
-- commit together, and reads queue state; it never changes or deletes jobs.
CREATE SCHEMA IF NOT EXISTS pgboss;
GRANT USAGE ON SCHEMA pgboss TO muse_app;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA pgboss TO muse_app;
-- Tables pg-boss creates later (its install, upgrades, a queue's own partition) get the same.
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT ON TABLES TO muse_app;
