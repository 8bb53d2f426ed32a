import { AuditEvent } from '@muse/contracts';
import { query } from './scratch-database.ts';

type StoredEvent = { action: string; entity_type: string; data: unknown };

/**
 * Every audit event the database holds, split by whether the catalog the activity feed reads them
 * with accepts it: a stored event it rejects would fail the feed for the whole tenant.
 */
export async function auditEventsAgainstCatalog(url: string) {
  const events = await query<StoredEvent>(url, 'select action, entity_type, data from activity_events');
  const outside = events.filter(
    (event) =>
      !AuditEvent.safeParse({ action: event.action, entityType: event.entity_type, data: event.data })
        .success,
  );
  return { count: events.length, outside };
}
