import type { Notification } from '@muse/contracts';

/** Where a notification leads: its campaign in the reader's area, else the area's home. */
export function notificationHref(notification: Notification, area: '/app' | '/portal'): string {
  return notification.campaignId ? `${area}/campaigns/${notification.campaignId}` : area;
}
