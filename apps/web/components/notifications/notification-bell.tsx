'use client';

import { Bell } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { useMarkNotificationsRead, useNotifications } from '@/lib/queries/use-notifications';
import { NotificationLine } from './notification-line';
import { notificationHref } from './notification-link';

/** The newest few in the menu; the notifications page has the rest. */
const SHOWN = 8;

/** The bell in the header: how many notifications are unread, the latest of them, and a way to all. */
export function NotificationBell({ area }: { area: '/app' | '/portal' }) {
  const router = useRouter();
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items.slice(0, SHOWN) ?? [];
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="relative inline-flex size-11 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
        aria-label={unread > 0 ? `Notifications: ${unread} unread` : 'Notifications'}
      >
        <Bell className="size-5" aria-hidden />
        {unread > 0 && (
          <span
            aria-hidden
            className="absolute right-1.5 top-1.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80 max-w-[calc(100vw-1rem)]">
        <DropdownMenuLabel className="flex items-center justify-between">
          <span className="text-sm font-medium text-slate-900">Notifications</span>
          {unread > 0 && (
            <button
              type="button"
              className="rounded px-1 text-xs font-medium text-brand-700 hover:underline"
              onClick={() => markRead.mutate({ all: true })}
            >
              Mark all read
            </button>
          )}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {notifications.isError ? (
          <p className="px-2 py-3 text-sm text-slate-500">Notifications did not load.</p>
        ) : items.length === 0 ? (
          <p className="px-2 py-3 text-sm text-slate-500">
            {notifications.isPending ? 'Loading…' : 'Nothing new.'}
          </p>
        ) : (
          items.map((notification) => (
            <DropdownMenuItem
              key={notification.id}
              className="items-start"
              onSelect={() => {
                if (!notification.readAt) markRead.mutate({ ids: [notification.id] });
                router.push(notificationHref(notification, area));
              }}
            >
              <NotificationLine notification={notification} truncate />
            </DropdownMenuItem>
          ))
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={`${area}/notifications`}>All notifications and email settings</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
