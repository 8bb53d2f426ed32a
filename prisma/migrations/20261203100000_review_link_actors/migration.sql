-- What the holder of a review link does is recorded under the link: the audit log and the
-- comments name it where they would name a user.

-- AlterTable
ALTER TABLE "activity_events" ADD COLUMN     "review_link_id" UUID;

-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "review_link_id" UUID;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_tenant_id_review_link_id_fkey" FOREIGN KEY ("tenant_id", "review_link_id") REFERENCES "review_links"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_tenant_id_review_link_id_fkey" FOREIGN KEY ("tenant_id", "review_link_id") REFERENCES "review_links"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
