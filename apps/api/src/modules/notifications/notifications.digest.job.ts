import type { Database } from '@muse/db';
import { defineSweepJob } from '../../jobs/job.ts';
import { deliverNotifications, deliveryDepsOf } from './notifications.delivery.ts';

/** Users per sweep, so one sweep stays short; the next takes the rest. */
const BATCH = 500;

/**
 * The users whose digest is due at `now`: those with a notification no mail has covered from
 * before the latest digest hour in their own time zone (UTC when they have none). Subtracting the
 * hour before truncating to the day finds that latest digest moment whatever the time of day.
 */
export function dueDigests(db: Database, now: Date, digestHour: number) {
  return db.withPlatformTx(
    (tx) =>
      tx.$queryRaw<{ tenantId: string; userId: string }[]>`
      select n.tenant_id as "tenantId", n.user_id as "userId"
        from notifications n
        join users u on u.id = n.user_id
       where n.mailed_at is null
       group by n.tenant_id, n.user_id, u.time_zone
      having min(n.created_at) <= (
               date_trunc('day', (${now}::timestamptz at time zone coalesce(u.time_zone, 'UTC'))
                 - make_interval(hours => ${digestHour}::int))
               + make_interval(hours => ${digestHour}::int)
             ) at time zone coalesce(u.time_zone, 'UTC')
       limit ${BATCH}`,
  );
}

/**
 * The daily digest: once a day, at the digest hour in the user's time zone, everything pending
 * goes in one message. It also catches what an instant delivery never covered.
 */
export const sendNotificationDigestsJob = defineSweepJob({
  name: 'send-notification-digests',
  everySeconds: ({ notifications }) => notifications.digestSweepSeconds,
  expireInSeconds: 600,
  sweep: (context) => {
    const deps = deliveryDepsOf(context);
    const { config, db } = context;
    return async () => {
      const due = await dueDigests(db, new Date(), config.notifications.digestHour);
      for (const target of due) await deliverNotifications(deps, target, 'digest');
    };
  },
});
