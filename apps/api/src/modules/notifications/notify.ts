import {
  DEFAULT_NOTIFICATION_DELIVERY,
  type NotificationContent,
  NotificationContent as NotificationContentSchema,
} from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { liveEvent, publishLive } from '../live/live.publish.ts';
import { deliverNotificationsJob } from './notifications.delivery.job.ts';
import { notificationsRepository } from './notifications.repository.ts';

/** What notifying needs of the job queue. */
export type NotificationJobs = Pick<JobQueue, 'enqueue'>;

export type NewNotice = NotificationContent & { campaignId?: string | null; ideaId?: string | null };

/**
 * Puts a notification in each recipient's centre, in the caller's transaction, and arranges the
 * mail its preference asks for: a delivery job that waits out the batch window (what else comes
 * in it goes in the same message), the digest, or none; each recipient's live stream hears of
 * it. Data the catalog does not describe throws.
 */
export async function notify(
  tx: TenantTx,
  jobs: NotificationJobs,
  tenantId: string,
  userIds: readonly string[],
  notice: NewNotice,
): Promise<void> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return;
  const { kind, data } = NotificationContentSchema.parse({ kind: notice.kind, data: notice.data });
  const preferences = await notificationsRepository.preferences(tx, recipients);
  const deliveryOf = (userId: string) =>
    preferences.get(userId)?.get(kind) ?? DEFAULT_NOTIFICATION_DELIVERY[kind];
  const now = new Date();
  const created = await notificationsRepository.createMany(
    tx,
    tenantId,
    recipients.map((userId) => ({
      userId,
      kind,
      campaignId: notice.campaignId ?? null,
      ideaId: notice.ideaId ?? null,
      data,
      mailedAt: deliveryOf(userId) === 'OFF' ? now : null,
    })),
  );
  await publishLive(tx, tenantId, created.map(liveEvent.notificationCreated));
  for (const userId of recipients) {
    if (deliveryOf(userId) === 'INSTANT')
      await jobs.enqueue(tx, deliverNotificationsJob, { tenantId, userId });
  }
}
