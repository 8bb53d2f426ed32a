import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

/** How often the bell asks for news while the page's live stream is down. */
export const NOTIFICATIONS_REFRESH_MS = 30_000;

/** The latest notifications and the unread count, for the bell and the notifications page. */
export const notificationsQuery = (api: Api) =>
  queryOptions({ queryKey: keys.notifications, queryFn: () => api.notifications.list({ limit: 30 }) });

export const notificationPreferencesQuery = (api: Api) =>
  queryOptions({ queryKey: keys.notificationPreferences, queryFn: () => api.notifications.preferences() });
