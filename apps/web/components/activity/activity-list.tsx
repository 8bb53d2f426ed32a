import type { ActivityEvent } from '@muse/contracts';
import { Avatar } from '@/components/ui/avatar';
import { actorName, describeActivity } from '@/lib/activity';
import { timeAgo } from '@/lib/labels';

export function ActivityList({ events, empty }: { events: ActivityEvent[]; empty: string }) {
  if (events.length === 0) return <p className="py-6 text-center text-sm text-slate-500">{empty}</p>;
  return (
    <ol className="grid gap-4">
      {events.map((event) => (
        <li key={event.id} className="flex gap-3">
          <Avatar name={actorName(event) ?? 'Muse'} className="size-7 text-[10px]" />
          <div className="min-w-0 text-sm">
            <p className="text-slate-700">{describeActivity(event)}</p>
            <time dateTime={event.createdAt} className="text-xs text-slate-500">
              {timeAgo(event.createdAt)}
            </time>
          </div>
        </li>
      ))}
    </ol>
  );
}
