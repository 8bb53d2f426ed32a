-- The live stream's events: written in the transaction of the change they tell of and announced
-- with pg_notify on the live_events channel, which PostgreSQL delivers only once that
-- transaction commits. Each API process listens once and fans the events out to its streams; a
-- stream that reconnects reads what it missed from this table. Tenant data: row-level security
-- confines muse_app to the tenant of its transaction.

-- CreateTable
CREATE TABLE "live_events" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "client_id" UUID,
    "campaign_id" UUID,
    "user_id" UUID,
    "client_visible" BOOLEAN NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),

    CONSTRAINT "live_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "live_events_tenant_id_id_idx" ON "live_events"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "live_events_created_at_idx" ON "live_events"("created_at");

-- AddForeignKey
ALTER TABLE "live_events" ADD CONSTRAINT "live_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "live_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "live_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "live_events"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Changes write events and resuming streams read them; nobody changes one.
GRANT SELECT, INSERT ON "live_events" TO muse_app;
GRANT USAGE ON SEQUENCE "live_events_id_seq" TO muse_app;

-- The daily prune, across tenants: it sees only when each event was written, never what it says.
GRANT SELECT ("id", "created_at"), DELETE ON "live_events" TO muse_platform;
CREATE POLICY platform_prune_read ON "live_events" FOR SELECT TO muse_platform USING (true);
CREATE POLICY platform_prune ON "live_events" FOR DELETE TO muse_platform USING (true);
