-- Databases seeded before the audit catalog recorded some events with too little data (or none),
-- and seeded ideas with no generation and no sent version. The activity feed reads every event
-- with the catalog, and a client contact reads the sent version, so those rows are completed from
-- the entities they are about. Rows the services wrote already carry all of this and are left as
-- they are.
--
-- The owner runs migrations and row-level security is forced on it too; tenant ids cannot be
-- listed under it, so the tables are released from FORCE for this migration's transaction only.
ALTER TABLE "activity_events" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "clients" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "campaigns" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "ideas" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "idea_revisions" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "generations" NO FORCE ROW LEVEL SECURITY;

UPDATE "activity_events" e
   SET "data" = jsonb_build_object('name', c."name", 'platforms', to_jsonb(c."platforms"))
  FROM "clients" c
 WHERE e."action" = 'client.created'
   AND NOT e."data" ? 'name'
   AND c."tenant_id" = e."tenant_id" AND c."id" = e."entity_id";

UPDATE "activity_events" e
   SET "data" = jsonb_build_object('name', c."name", 'clientId', c."client_id", 'status', c."status")
  FROM "campaigns" c
 WHERE e."action" = 'campaign.created'
   AND NOT e."data" ? 'name'
   AND c."tenant_id" = e."tenant_id" AND c."id" = e."entity_id";

UPDATE "activity_events" e
   SET "data" = e."data" || jsonb_build_object('title', i."title", 'version', i."version", 'round', i."round")
  FROM "ideas" i
 WHERE e."action" = 'idea.status_changed'
   AND NOT e."data" ? 'title'
   AND i."tenant_id" = e."tenant_id" AND i."id" = e."entity_id";

-- Ideas recorded as generated without a run get one finished run per campaign, as the seed now writes.
WITH orphans AS (
  SELECT i."tenant_id", i."campaign_id",
         count(*) FILTER (WHERE i."type" = 'POST') AS posts,
         count(*) FILTER (WHERE i."type" = 'REEL') AS reels,
         count(*) AS produced,
         array_agg(DISTINCT i."platform") AS platforms,
         min(i."created_at") AS generated_at
    FROM "ideas" i
   WHERE i."generation_id" IS NULL
     AND EXISTS (SELECT 1 FROM "activity_events" e
                  WHERE e."tenant_id" = i."tenant_id" AND e."entity_id" = i."id"
                    AND e."action" = 'idea.generated' AND NOT e."data" ? 'generationId')
   GROUP BY i."tenant_id", i."campaign_id"
), runs AS (
  INSERT INTO "generations" ("tenant_id", "campaign_id", "status", "requested_posts", "requested_reels",
                             "produced_count", "platforms", "template_versions", "queued_at",
                             "started_at", "finished_at")
  SELECT "tenant_id", "campaign_id", 'SUCCEEDED', posts, reels, produced, platforms,
         '{"system": "v1", "post": "v1", "reel": "v1"}'::jsonb, generated_at, generated_at, generated_at
    FROM orphans
  RETURNING "id", "tenant_id", "campaign_id"
)
UPDATE "ideas" i
   SET "generation_id" = runs."id"
  FROM runs
 WHERE i."generation_id" IS NULL
   AND i."tenant_id" = runs."tenant_id" AND i."campaign_id" = runs."campaign_id"
   AND EXISTS (SELECT 1 FROM "activity_events" e
                WHERE e."tenant_id" = i."tenant_id" AND e."entity_id" = i."id"
                  AND e."action" = 'idea.generated' AND NOT e."data" ? 'generationId');

UPDATE "activity_events" e
   SET "data" = jsonb_build_object('generationId', i."generation_id",
                                   'templateVersion', coalesce(i."template_version", 'post@v1'))
  FROM "ideas" i
 WHERE e."action" = 'idea.generated'
   AND NOT e."data" ? 'generationId'
   AND i."tenant_id" = e."tenant_id" AND i."id" = e."entity_id"
   AND i."generation_id" IS NOT NULL;

-- Ideas the client was shown take the version it was shown last (seeded ideas had none).
UPDATE "ideas" i
   SET "sent_version" = (
         SELECT r."version"
           FROM "idea_revisions" r
          WHERE r."tenant_id" = i."tenant_id"
            AND r."idea_id" = i."id"
            AND r."shown_to_client_at" IS NOT NULL
          ORDER BY r."shown_to_client_at" DESC, r."version" DESC
          LIMIT 1)
 WHERE i."sent_version" IS NULL
   AND i."status" IN ('PENDING_CLIENT', 'CLIENT_APPROVED', 'CHANGES_REQUESTED', 'CLIENT_REJECTED');

ALTER TABLE "activity_events" FORCE ROW LEVEL SECURITY;
ALTER TABLE "clients" FORCE ROW LEVEL SECURITY;
ALTER TABLE "campaigns" FORCE ROW LEVEL SECURITY;
ALTER TABLE "ideas" FORCE ROW LEVEL SECURITY;
ALTER TABLE "idea_revisions" FORCE ROW LEVEL SECURITY;
ALTER TABLE "generations" FORCE ROW LEVEL SECURITY;
