import type { ActivityEvent } from '@muse/contracts';
import { Avatar } from '@/components/ui/avatar';
import { IDEA_STATUS, timeAgo } from '@/lib/labels';

const STATUS_LABELS = Object.fromEntries(
  Object.entries(IDEA_STATUS).map(([key, value]) => [key, value.label]),
);

/** "Olivia Hart moved an idea from Drafts to With client", from whatever the audit log recorded. */
export function describeActivity(event: ActivityEvent): string {
  const actor = event.actor?.name ?? 'Muse';
  const { from, to, changedFields, title, name } = event.data as Record<string, unknown>;
  const subject =
    typeof title === 'string'
      ? `“${title}”`
      : typeof name === 'string'
        ? `“${name}”`
        : `${/^[aeiou]/.test(event.entityType) ? 'an' : 'a'} ${event.entityType}`;
  if (typeof from === 'string' && typeof to === 'string') {
    return `${actor} moved ${subject} from ${STATUS_LABELS[from] ?? from} to ${STATUS_LABELS[to] ?? to}`;
  }
  const verb = event.action.split(/[._]/).at(-1) ?? event.action;
  const changed =
    Array.isArray(changedFields) && changedFields.length > 0 ? ` (${changedFields.join(', ')})` : '';
  return `${actor} ${verb.replace(/_/g, ' ')} ${subject}${changed}`;
}

export function ActivityList({ events, empty }: { events: ActivityEvent[]; empty: string }) {
  if (events.length === 0) return <p className="py-6 text-center text-sm text-slate-500">{empty}</p>;
  return (
    <ol className="grid gap-4">
      {events.map((event) => (
        <li key={event.id} className="flex gap-3">
          <Avatar name={event.actor?.name ?? 'Muse'} className="size-7 text-[10px]" />
          <div className="min-w-0 text-sm">
            <p className="text-slate-700">{describeActivity(event)}</p>
            <time dateTime={event.createdAt} className="text-xs text-slate-400">
              {timeAgo(event.createdAt)}
            </time>
          </div>
        </li>
      ))}
    </ol>
  );
}
