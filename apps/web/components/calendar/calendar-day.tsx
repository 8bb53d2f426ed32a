'use client';

import type { CalendarCampaign, CalendarIdea } from '@muse/contracts';
import { PLATFORM_NAMES } from '@muse/contracts';
import { CalendarClock } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { type CampaignMark, campaignMarks, dayName } from '@/lib/calendar';
import { cn } from '@/lib/cn';
import { IDEA_STATUS } from '@/lib/labels';
import { useDropTarget } from '@/lib/use-drop-target';

export type CalendarArea = 'app' | 'portal';

/** Dragging tiles onto days: only the agency reschedules. */
export interface DayDrag {
  dragging: CalendarIdea | null;
  onDragIdea: (idea: CalendarIdea | null) => void;
  onDrop: (idea: CalendarIdea, day: string) => void;
}

/** First, so that a narrow day cuts the campaign's name rather than what happens. */
const MARK_TEXT: Record<CampaignMark['kind'], string> = {
  starts: 'Starts',
  ends: 'Ends',
  review: 'Review due',
};

/** An idea on a day or in the side list: its title opens its campaign; the agency may drag it. */
export function IdeaTile({ idea, area, drag }: { idea: CalendarIdea; area: CalendarArea; drag?: DayDrag }) {
  const status = IDEA_STATUS[idea.status];
  return (
    <li
      draggable={drag !== undefined}
      onDragStart={(event) => {
        if (!drag) return;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', idea.title);
        drag.onDragIdea(idea);
      }}
      onDragEnd={() => drag?.onDragIdea(null)}
      data-testid="calendar-idea"
      className={cn(
        'min-w-0 overflow-hidden rounded-md border border-slate-200 bg-white px-2 py-1.5 text-xs shadow-xs',
        drag && 'cursor-grab active:cursor-grabbing',
      )}
    >
      <Link
        href={`/${area}/campaigns/${idea.campaignId}`}
        className="block truncate font-medium text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        {idea.title}
      </Link>
      <span className="mt-0.5 flex flex-wrap items-center gap-1 text-slate-600">
        <span>{PLATFORM_NAMES[idea.platform]}</span>
        {area === 'app' && (
          <Badge tone={status.tone} className="px-1.5 py-0 text-[11px]">
            {status.label}
          </Badge>
        )}
        <span className="sr-only">, {idea.campaignName}</span>
        {drag && <SetDayButton idea={idea} onSet={(day) => drag.onDrop(idea, day)} />}
      </span>
    </li>
  );
}

/** The way to a new day without dragging: from a keyboard, or on a touch screen. */
function SetDayButton({ idea, onSet }: { idea: CalendarIdea; onSet: (day: string) => void }) {
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(idea.scheduledFor ?? '');
  const fieldId = `set-day-${idea.id}`;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setDay(idea.scheduledFor ?? '');
      }}
    >
      <DialogTrigger asChild>
        <button
          type="button"
          aria-label={`Set the day of “${idea.title}”`}
          className="ml-auto inline-flex size-6 items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          <CalendarClock className="size-3.5" aria-hidden />
        </button>
      </DialogTrigger>
      <DialogContent className="max-w-sm">
        <DialogHeader>
          <DialogTitle>Set the day</DialogTitle>
          <DialogDescription>“{idea.title}”</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (!day || day === idea.scheduledFor) return;
            onSet(day);
            setOpen(false);
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor={fieldId}>Day</Label>
            <Input
              id={fieldId}
              type="date"
              required
              value={day}
              onChange={(event) => setDay(event.target.value)}
            />
          </div>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={!day || day === idea.scheduledFor}>
              Move
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The campaign dates a day marks, in words (not colour alone). */
function DayMarks({ day, campaigns }: { day: string; campaigns: readonly CalendarCampaign[] }) {
  const marks = campaignMarks(day, campaigns);
  if (marks.length === 0) return null;
  return (
    <ul className="grid grid-cols-1 gap-0.5">
      {marks.map(({ campaign, kind }) => (
        <li
          key={`${campaign.id}-${kind}`}
          className={cn(
            'truncate rounded px-1 text-[11px] font-medium',
            kind === 'review' ? 'bg-amber-50 text-amber-800' : 'bg-brand-50 text-brand-700',
          )}
        >
          {MARK_TEXT[kind]}: {campaign.name}
        </li>
      ))}
    </ul>
  );
}

/** One day of the month or week grid: its marks, its ideas, and a drop target while dragging. */
export function CalendarDay({
  day,
  ideas,
  campaigns,
  reviewsDue,
  inMonth,
  isToday,
  area,
  drag,
  tall,
  className,
}: {
  day: string;
  ideas: CalendarIdea[];
  campaigns: readonly CalendarCampaign[];
  reviewsDue: readonly { campaignName: string }[];
  inMonth: boolean;
  isToday: boolean;
  area: CalendarArea;
  drag?: DayDrag;
  tall: boolean;
  className?: string;
}) {
  const accepts = Boolean(drag?.dragging && drag.dragging.scheduledFor !== day);
  const { over, handlers } = useDropTarget(accepts, () => drag?.dragging && drag.onDrop(drag.dragging, day));
  return (
    <section
      aria-label={dayName(day)}
      className={cn(
        'flex min-w-0 flex-col gap-1 border-b border-r border-slate-200 p-1.5',
        tall ? 'min-h-64' : 'min-h-28',
        inMonth ? 'bg-white' : 'bg-slate-50',
        accepts &&
          (over ? 'bg-brand-100 outline-2 outline-brand-500' : 'outline-1 outline-dashed outline-brand-300'),
        className,
      )}
      {...(drag ? handlers : {})}
    >
      <span
        className={cn(
          'flex size-6 items-center justify-center self-end rounded-full text-xs tabular-nums',
          isToday ? 'bg-brand-600 font-semibold text-white' : inMonth ? 'text-slate-700' : 'text-slate-500',
        )}
        aria-hidden
      >
        {Number(day.slice(8))}
      </span>
      <DayMarks day={day} campaigns={campaigns} />
      {reviewsDue.length > 0 && (
        <ul className="grid grid-cols-1 gap-0.5">
          {reviewsDue.map((round) => (
            <li
              key={round.campaignName}
              className="truncate rounded bg-amber-50 px-1 text-[11px] font-medium text-amber-800"
            >
              Round due: {round.campaignName}
            </li>
          ))}
        </ul>
      )}
      {ideas.length > 0 && (
        <ul className="grid grid-cols-1 gap-1" aria-label={`Ideas on ${dayName(day)}`}>
          {ideas.map((idea) => (
            <IdeaTile key={idea.id} idea={idea} area={area} drag={drag} />
          ))}
        </ul>
      )}
    </section>
  );
}
