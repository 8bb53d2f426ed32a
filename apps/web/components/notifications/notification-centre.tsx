'use client';

import { NOTIFICATION_KIND_NAMES, type NotificationDelivery, type NotificationKind } from '@muse/contracts';
import Link from 'next/link';
import { toast } from 'sonner';
import { QueryError } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api-client/errors';
import { cn } from '@/lib/cn';
import {
  browserTimeZone,
  useMarkNotificationsRead,
  useNotificationPreferences,
  useNotifications,
  useUpdateNotificationPreferences,
} from '@/lib/queries/use-notifications';
import { NotificationLine } from './notification-line';
import { notificationHref } from './notification-link';

const DELIVERIES: { value: NotificationDelivery; label: string }[] = [
  { value: 'INSTANT', label: 'At once' },
  { value: 'DIGEST', label: 'Daily digest' },
  { value: 'OFF', label: 'Off' },
];

/** Every notification of the user, newest first, and how it wants email about each kind. */
export function NotificationCentre({ area }: { area: '/app' | '/portal' }) {
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = notifications.data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="What happened on your reviews. The bell shows the unread ones."
        actions={
          unread > 0 && (
            <Button variant="secondary" onClick={() => markRead.mutate({ all: true })}>
              Mark all {unread} read
            </Button>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <CardContent className="pt-6">
            {notifications.isPending ? (
              <div className="grid gap-3">
                <Skeleton className="h-12" />
                <Skeleton className="h-12" />
              </div>
            ) : notifications.isError ? (
              <QueryError error={notifications.error} retry={() => notifications.refetch()} />
            ) : notifications.data.items.length === 0 ? (
              <p className="py-6 text-center text-sm text-slate-500">No notifications yet.</p>
            ) : (
              <ol className="divide-y divide-slate-100" aria-label="Notifications">
                {notifications.data.items.map((notification) => (
                  <li key={notification.id} className="flex items-start gap-3 py-3">
                    <NotificationLine
                      notification={notification}
                      title={(sentence) => (
                        <Link
                          href={notificationHref(notification, area)}
                          onClick={() => !notification.readAt && markRead.mutate({ ids: [notification.id] })}
                          className="hover:underline"
                        >
                          {sentence}
                        </Link>
                      )}
                    />
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
        <EmailSettings />
      </div>
    </>
  );
}

/** When the daily digest comes, and where a new choice would move it to. */
function digestTime({ digestHour, timeZone }: { digestHour: number; timeZone: string | null }) {
  const hour = `${String(digestHour).padStart(2, '0')}:00`;
  const here = browserTimeZone();
  const saved = `The daily digest comes at ${hour} (${timeZone ?? 'UTC'}).`;
  return timeZone === here ? saved : `${saved} Choosing again sets it to ${hour} ${here} time.`;
}

function EmailSettings() {
  const preferences = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  const choose = (kind: NotificationKind, delivery: NotificationDelivery) =>
    update.mutate([{ kind, delivery }], {
      onSuccess: () => toast.success('Email settings saved'),
      onError: (error) => toast.error('Not saved', { description: describeError(error) }),
    });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Email</CardTitle>
        <CardDescription>
          “At once” waits a couple of minutes to gather what comes together into one message.
          {preferences.data ? ` ${digestTime(preferences.data)}` : null}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {preferences.isPending ? (
          <Skeleton className="h-32" />
        ) : preferences.isError ? (
          <QueryError error={preferences.error} retry={() => preferences.refetch()} />
        ) : (
          <div className="grid gap-5">
            {preferences.data.preferences.map(({ kind, delivery }) => (
              <fieldset key={kind}>
                <legend className="mb-2 text-sm font-medium text-slate-900">
                  {NOTIFICATION_KIND_NAMES[kind]}
                </legend>
                <div className="grid grid-cols-3 gap-1 rounded-lg bg-slate-100 p-1">
                  {DELIVERIES.map((option) => (
                    <label
                      key={option.value}
                      className={cn(
                        'flex min-h-9 cursor-pointer items-center justify-center rounded-md px-2 text-center text-xs font-medium text-slate-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500',
                        delivery === option.value && 'bg-white text-slate-900 shadow-xs',
                      )}
                    >
                      <input
                        type="radio"
                        className="sr-only"
                        name={kind}
                        value={option.value}
                        checked={delivery === option.value}
                        disabled={update.isPending}
                        onChange={() => choose(kind, option.value)}
                      />
                      {option.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
