'use client';

import {
  type CalendarView as CalendarData,
  type CalendarIdea,
  type CalendarQuery,
  IdeaStatus,
  PLATFORM_NAMES,
  Platform,
} from '@muse/contracts';
import { CalendarDays, ChevronLeft, ChevronRight } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { QueryError } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterSelect } from '@/components/ui/filter-select';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { Skeleton } from '@/components/ui/skeleton';
import {
  type CalendarView,
  dayName,
  runsOn,
  shiftAnchor,
  today,
  viewTitle,
  visibleDays,
  WEEKDAYS,
} from '@/lib/calendar';
import { cn } from '@/lib/cn';
import { IDEA_STATUS } from '@/lib/labels';
import { useCalendar, useReschedule } from '@/lib/queries/use-calendar';
import { useCampaigns } from '@/lib/queries/use-campaigns';
import { useClients } from '@/lib/queries/use-clients';
import { type CalendarArea, CalendarDay, type DayDrag, IdeaTile } from './calendar-day';
import { FeedDialog } from './feed-dialog';

const VIEWS = [
  { value: 'month', label: 'Month' },
  { value: 'week', label: 'Week' },
] as const;

type FilterName = 'clientId' | 'campaignId' | 'platform' | 'status';

/** The view, its day and its filters live in the address, so a reload or a shared link shows the same. */
function useCalendarAddress(area: CalendarArea) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'month';
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '')
    ? (params.get('date') as string)
    : today();
  const platform = Platform.safeParse(params.get('platform')).data;
  const status = IdeaStatus.safeParse(params.get('status')).data;
  const days = visibleDays(view, anchor);
  const query: CalendarQuery = {
    from: days[0] ?? anchor,
    to: days.at(-1) ?? anchor,
    platform,
    // The portal's calendar is what the client approved.
    ...(area === 'portal'
      ? { status: 'CLIENT_APPROVED' }
      : {
          clientId: params.get('clientId') ?? undefined,
          campaignId: params.get('campaignId') ?? undefined,
          status,
        }),
  };
  const set = (changes: Partial<Record<FilterName | 'view' | 'date', string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (!value) next.delete(name);
      else next.set(name, value);
    }
    router.replace(`${pathname}${next.size ? `?${next}` : ''}`, { scroll: false });
  };
  return { view, anchor, days, query, set };
}

/**
 * The content calendar: a month or week of the ideas the reader may see, with the campaigns'
 * dates. The agency drags ideas between days and from the side list of approved ideas without a
 * date; a phone gets the same days as an agenda.
 */
export function ContentCalendar({ area, apiUrl }: { area: CalendarArea; apiUrl: string }) {
  const { view, anchor, days, query, set } = useCalendarAddress(area);
  const calendar = useCalendar(query);
  const reschedule = useReschedule(query);
  const [dragging, setDragging] = useState<CalendarIdea | null>(null);
  const drag: DayDrag | undefined =
    area === 'app'
      ? { dragging, onDragIdea: setDragging, onDrop: (idea, day) => reschedule.mutate({ idea, day }) }
      : undefined;

  return (
    <>
      <PageHeader
        title={area === 'app' ? 'Calendar' : 'Your calendar'}
        description={
          area === 'app'
            ? 'When each idea goes out. Drag an idea to another day, or an approved idea from the list onto one.'
            : 'The ideas you approved, on the days they go out.'
        }
        actions={<FeedDialog apiUrl={apiUrl} />}
      />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          size="icon"
          aria-label={`Previous ${view}`}
          onClick={() => set({ date: shiftAnchor(view, anchor, -1) })}
        >
          <ChevronLeft aria-hidden />
        </Button>
        <Button variant="secondary" onClick={() => set({ date: undefined })}>
          Today
        </Button>
        <Button
          variant="secondary"
          size="icon"
          aria-label={`Next ${view}`}
          onClick={() => set({ date: shiftAnchor(view, anchor, 1) })}
        >
          <ChevronRight aria-hidden />
        </Button>
        <h2 className="mx-2 text-lg font-semibold text-slate-900" aria-live="polite">
          {viewTitle(view, anchor)}
        </h2>
        <SegmentedControl
          className="ml-auto"
          label="Show"
          value={view}
          options={VIEWS}
          onValueChange={(value) => set({ view: value === 'month' ? undefined : value })}
        />
      </div>
      <CalendarFilters area={area} query={query} onChange={set} />
      {calendar.isError ? (
        <QueryError error={calendar.error} retry={() => calendar.refetch()} />
      ) : !calendar.data ? (
        <Skeleton className="h-[32rem] rounded-xl" />
      ) : (
        <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
          <div className="min-w-0 flex-1">
            <CalendarGrid
              data={calendar.data}
              days={days}
              view={view}
              anchor={anchor}
              area={area}
              drag={drag}
            />
            <Agenda data={calendar.data} days={days} area={area} />
          </div>
          {area === 'app' && <ToSchedule ideas={calendar.data.unscheduled} drag={drag} />}
        </div>
      )}
    </>
  );
}

type FilterChange = Partial<Record<FilterName, string | undefined>>;

function CalendarFilters({
  area,
  query,
  onChange,
}: {
  area: CalendarArea;
  query: CalendarQuery;
  onChange: (changes: FilterChange) => void;
}) {
  return (
    <div className="mb-4 flex flex-wrap gap-2">
      {area === 'app' && <AgencyFilters query={query} onChange={onChange} />}
      <FilterSelect
        className="w-40"
        label="Filter by platform"
        allLabel="All platforms"
        value={query.platform}
        options={Platform.options.map((platform) => ({ value: platform, label: PLATFORM_NAMES[platform] }))}
        onChange={(platform) => onChange({ platform })}
      />
    </div>
  );
}

function AgencyFilters({
  query,
  onChange,
}: {
  query: CalendarQuery;
  onChange: (changes: FilterChange) => void;
}) {
  const clients = useClients();
  const campaigns = useCampaigns({ clientId: query.clientId });
  return (
    <>
      <FilterSelect
        className="w-44"
        label="Filter by client"
        allLabel="All clients"
        value={query.clientId}
        options={(clients.data ?? []).map((client) => ({ value: client.id, label: client.name }))}
        // Another client's campaign no longer fits the filter.
        onChange={(clientId) => onChange({ clientId, campaignId: undefined })}
      />
      <FilterSelect
        className="w-52"
        label="Filter by campaign"
        allLabel="All campaigns"
        value={query.campaignId}
        options={(campaigns.data ?? []).map((campaign) => ({ value: campaign.id, label: campaign.name }))}
        onChange={(campaignId) => onChange({ campaignId })}
      />
      <FilterSelect
        className="w-44"
        label="Filter by status"
        allLabel="Any status"
        value={query.status}
        options={IdeaStatus.options.map((status) => ({ value: status, label: IDEA_STATUS[status].label }))}
        onChange={(status) => onChange({ status })}
      />
    </>
  );
}

const ideasOn = (data: CalendarData, day: string) => data.ideas.filter((idea) => idea.scheduledFor === day);
const roundsDueOn = (data: CalendarData, day: string) =>
  data.reviewsDue.filter((round) => round.reviewBy === day);

/** The month or week as a grid of days (wider screens; a phone reads the agenda). */
function CalendarGrid({
  data,
  days,
  view,
  anchor,
  area,
  drag,
}: {
  data: CalendarData;
  days: string[];
  view: CalendarView;
  anchor: string;
  area: CalendarArea;
  drag?: DayDrag;
}) {
  const now = today();
  return (
    <div className="hidden overflow-hidden rounded-xl border-l border-t border-slate-200 md:block">
      <div className="grid grid-cols-7 bg-slate-50" aria-hidden>
        {WEEKDAYS.map((weekday) => (
          <span
            key={weekday}
            className="border-b border-r border-slate-200 px-2 py-1 text-xs font-medium text-slate-600"
          >
            {weekday}
          </span>
        ))}
      </div>
      <div className="grid grid-cols-7">
        {days.map((day) => (
          <CalendarDay
            key={day}
            day={day}
            ideas={ideasOn(data, day)}
            campaigns={data.campaigns}
            reviewsDue={roundsDueOn(data, day)}
            inMonth={view === 'week' || day.slice(0, 7) === anchor.slice(0, 7)}
            isToday={day === now}
            area={area}
            drag={drag}
            tall={view === 'week'}
          />
        ))}
      </div>
      <CampaignRuns data={data} days={days} />
    </div>
  );
}

/** Which campaigns run in the view, and from when to when: the grid marks their first and last days. */
function CampaignRuns({ data, days }: { data: CalendarData; days: string[] }) {
  const running = data.campaigns.filter((campaign) => days.some((day) => runsOn(day, campaign)));
  if (running.length === 0) return null;
  return (
    <p className="border-b border-r border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-600">
      Running:{' '}
      {running
        .map(
          (campaign) =>
            `${campaign.name} (${campaign.clientName}, ${campaign.startDate ? dayName(campaign.startDate) : '…'} – ${campaign.endDate ? dayName(campaign.endDate) : 'open'})`,
        )
        .join('; ')}
    </p>
  );
}

/** The same days as a list of the days that hold something, for a phone. */
function Agenda({ data, days, area }: { data: CalendarData; days: string[]; area: CalendarArea }) {
  const busy = days.filter(
    (day) =>
      ideasOn(data, day).length > 0 ||
      roundsDueOn(data, day).length > 0 ||
      data.campaigns.some((c) => [c.startDate, c.endDate, c.reviewBy].includes(day)),
  );
  if (busy.length === 0) {
    return (
      <EmptyState
        className="md:hidden"
        icon={CalendarDays}
        title="Nothing scheduled"
        description="No idea has a day in this stretch of the calendar yet."
      />
    );
  }
  return (
    <ol className="grid gap-4 md:hidden" aria-label="Agenda">
      {busy.map((day) => (
        <li key={day}>
          <h3 className="mb-1.5 text-sm font-semibold text-slate-900">{dayName(day)}</h3>
          <CalendarDay
            day={day}
            ideas={ideasOn(data, day)}
            campaigns={data.campaigns}
            reviewsDue={roundsDueOn(data, day)}
            inMonth
            isToday={false}
            area={area}
            tall={false}
            className="min-h-0 rounded-lg border"
          />
        </li>
      ))}
    </ol>
  );
}

/** Approved ideas without a day: drag one onto the calendar. */
function ToSchedule({ ideas, drag }: { ideas: CalendarIdea[]; drag?: DayDrag }) {
  return (
    <section
      aria-labelledby="to-schedule"
      className={cn('rounded-xl border border-slate-200 bg-white p-3 lg:sticky lg:top-4 lg:w-64')}
    >
      <h2 id="to-schedule" className="text-sm font-semibold text-slate-900">
        To schedule
      </h2>
      <p className="mb-2 text-xs text-slate-600">Approved ideas without a day.</p>
      {ideas.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-3 py-4 text-center text-xs text-slate-600">
          Every approved idea has a day.
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-1.5">
          {ideas.map((idea) => (
            <IdeaTile key={idea.id} idea={idea} area="app" drag={drag} />
          ))}
        </ul>
      )}
    </section>
  );
}
