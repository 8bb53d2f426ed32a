-- The revision version last sent to the client. A client contact reads that revision's content,
-- not the live columns, so an agency's edits after "changes requested" stay with the agency
-- until the idea is sent again.

-- AlterTable
ALTER TABLE "ideas" ADD COLUMN     "sent_version" INTEGER;

-- Ideas the client has already been sent take the revision it was shown last. Row-level
-- security is forced on both tables, so the backfill runs tenant by tenant.
DO $$
DECLARE
  tenant uuid;
BEGIN
  FOR tenant IN SELECT "id" FROM "tenants" LOOP
    PERFORM set_config('app.tenant_id', tenant::text, true);
    UPDATE "ideas" i
       SET "sent_version" = (
             SELECT r."version"
               FROM "idea_revisions" r
              WHERE r."tenant_id" = i."tenant_id"
                AND r."idea_id" = i."id"
                AND r."shown_to_client_at" IS NOT NULL
              ORDER BY r."shown_to_client_at" DESC, r."version" DESC
              LIMIT 1)
     WHERE i."status" IN ('PENDING_CLIENT', 'CLIENT_APPROVED', 'CHANGES_REQUESTED', 'CLIENT_REJECTED');
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
