import { z } from 'zod';
import { defineJob, OUTBOX_WRITING } from '../../jobs/job.ts';
import { deliverNotifications, deliveryDepsOf } from './notifications.delivery.ts';

/** Mails a user's new notifications once the batch window after the first of them has passed. */
export const deliverNotificationsJob = defineJob({
  name: 'deliver-notifications',
  data: z.object({ tenantId: z.uuid(), userId: z.uuid() }),
  delaySeconds: ({ notifications }) => notifications.batchSeconds,
  ...OUTBOX_WRITING,
  handler: (context) => {
    const deps = deliveryDepsOf(context);
    return async (job) => {
      await deliverNotifications(deps, job.data, 'instant');
    };
  },
});
