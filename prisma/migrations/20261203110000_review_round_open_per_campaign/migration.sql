-- One round per campaign gathers the sendings not announced yet: two sendings at once join it
-- rather than open two rounds. Prisma's schema cannot express a partial index; it lives here.
CREATE UNIQUE INDEX "review_rounds_open_per_campaign_key" ON "review_rounds"("tenant_id", "campaign_id")
  WHERE "announced_at" IS NULL AND "answered_at" IS NULL;
