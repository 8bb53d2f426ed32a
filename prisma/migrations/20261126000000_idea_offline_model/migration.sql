-- Whether the offline model wrote an idea's current content (the UI labels it). A regeneration
-- sets it from its own run, so it can differ from the generation that first made the idea.

-- AlterTable
ALTER TABLE "ideas" ADD COLUMN     "offline_model" BOOLEAN NOT NULL DEFAULT false;

-- Existing ideas take it from the generation that made them. Row-level security is forced on
-- both tables, so an owner that is not a superuser sees their rows only with a tenant set:
-- the backfill runs tenant by tenant.
DO $$
DECLARE
  tenant uuid;
BEGIN
  FOR tenant IN SELECT "id" FROM "tenants" LOOP
    PERFORM set_config('app.tenant_id', tenant::text, true);
    UPDATE "ideas" i
       SET "offline_model" = true
      FROM "generations" g
     WHERE g."tenant_id" = i."tenant_id"
       AND g."id" = i."generation_id"
       AND g."offline";
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
