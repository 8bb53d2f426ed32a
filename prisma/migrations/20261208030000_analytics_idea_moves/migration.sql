-- The approval figures read an agency's idea moves of a period out of the activity log: this
-- index holds only those moves, so the read does not walk every other event of the period.
-- Prisma's schema cannot express a partial index; it lives here.
CREATE INDEX "activity_events_idea_moves_idx" ON "activity_events"("tenant_id", "created_at")
  WHERE "action" = 'idea.status_changed';
