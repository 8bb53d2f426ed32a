import { describeNotification, type Notification } from '@muse/contracts';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { timeAgo } from '@/lib/labels';

/**
 * A notification as the bell and the notifications page show it: a dot while unread, its
 * sentence (which `title` may wrap, in a link), and what it is about and when, under it.
 */
export function NotificationLine({
  notification,
  title = (sentence) => sentence,
  truncate = false,
}: {
  notification: Notification;
  title?: (sentence: ReactNode) => ReactNode;
  /** One line for the detail, as in a narrow menu. */
  truncate?: boolean;
}) {
  const { title: sentence, detail } = describeNotification(notification);
  const read = notification.readAt !== null;
  return (
    <>
      <span
        aria-hidden
        className={cn('mt-1.5 size-2 shrink-0 rounded-full', read ? 'bg-transparent' : 'bg-brand-600')}
      />
      <span className="min-w-0 flex-1">
        {title(
          <span className={cn('block text-sm', read ? 'text-slate-600' : 'font-medium text-slate-900')}>
            {sentence}
            {!read && <span className="sr-only"> (unread)</span>}
          </span>,
        )}
        <span className={cn('block text-xs text-slate-500', truncate && 'truncate')}>
          {detail} · <time dateTime={notification.createdAt}>{timeAgo(notification.createdAt)}</time>
        </span>
      </span>
    </>
  );
}
