'use client';

import type { MarkNotificationsReadBody, NotificationPreference } from '@muse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { keys } from './keys';
import { NOTIFICATIONS_REFRESH_MS, notificationPreferencesQuery, notificationsQuery } from './notifications';

export function useNotifications() {
  return useQuery({ ...notificationsQuery(useApi()), refetchInterval: NOTIFICATIONS_REFRESH_MS });
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
    mutationFn: (preferences: NotificationPreference[]) =>
      api.notifications.updatePreferences({ preferences }),
    onSuccess: (saved) => queryClient.setQueryData(keys.notificationPreferences, saved),
  });
}
