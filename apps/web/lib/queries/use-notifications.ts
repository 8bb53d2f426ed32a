'use client';

import type { MarkNotificationsReadBody, NotificationPreference } from '@muse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { useLiveStatus } from '@/lib/live/live-updates';
import { keys } from './keys';
import { NOTIFICATIONS_REFRESH_MS, notificationPreferencesQuery, notificationsQuery } from './notifications';

/** The bell's news: the live stream says when there is more; without it, it is asked for now and then. */
export function useNotifications() {
  const streamed = useLiveStatus() === 'live';
  return useQuery({
    ...notificationsQuery(useApi()),
    refetchInterval: streamed ? false : NOTIFICATIONS_REFRESH_MS,
  });
}

/** Marks notifications read and shows the new count at once. */
export function useMarkNotificationsRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkNotificationsReadBody) => api.notifications.markRead(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.notifications }),
  });
}

export function useNotificationPreferences() {
  return useQuery(notificationPreferencesQuery(useApi()));
}

export function useUpdateNotificationPreferences() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    // The browser's zone goes with every choice: the daily digest arrives in the user's morning.
    mutationFn: (preferences: NotificationPreference[]) =>
      api.notifications.updatePreferences({ preferences, timeZone: browserTimeZone() }),
    onSuccess: (saved) => queryClient.setQueryData(keys.notificationPreferences, saved),
  });
}

/** The zone this browser is set to, such as `Europe/Paris`. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
