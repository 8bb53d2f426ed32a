import { z } from 'zod';
import { defineJob } from '../../jobs/job.ts';
import { deliverNotifications, deliveryDepsOf } from './notifications.delivery.ts';

/** Users per sweep, so one sweep stays short; the next takes the rest. */
const BATCH = 500;

/**
 * The daily digest: a user whose oldest unmailed notification is older than the digest age gets
 * everything pending in one message. It also catches what an instant delivery never covered.
 */
export const sendNotificationDigestsJob = defineJob({
  name: 'send-notification-digests',
  data: z.object({}),
  schedule: ({ notifications }) => ({ everySeconds: notifications.digestSweepSeconds }),
  policy: () => ({
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoffMaxSeconds: null,
    expireInSeconds: 600,
    heartbeatSeconds: 30,
  }),
  working: ({ generation }) => ({ concurrency: 1, pollIntervalSeconds: generation.pollIntervalSeconds }),
  handler: (context) => {
    const deps = deliveryDepsOf(context);
    return async () => {
      const { config, db } = context;
      const due = await db.withPlatformTx(
        (tx) =>
          tx.$queryRaw<{ tenantId: string; userId: string }[]>`
          select tenant_id as "tenantId", user_id as "userId"
            from notifications
           where mailed_at is null
           group by tenant_id, user_id
          having min(created_at) <= ${new Date(Date.now() - config.notifications.digestAfterMs)}
           limit ${BATCH}`,
      );
      for (const target of due) await deliverNotifications(deps, target, 'digest');
    };
  },
});
