'use client';

import type { Idea } from '@muse/contracts';
import { RefreshCw } from 'lucide-react';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/lib/cn';
import { plural } from '@/lib/labels';
import { FormatBadges } from './idea-badges';

/** A compact idea on the board; the title opens the detail drawer, the box selects it. */
export function IdeaCard({
  idea,
  selected,
  selectable,
  onSelect,
  onOpen,
}: {
  idea: Idea;
  selected: boolean;
  selectable: boolean;
  onSelect: (selected: boolean) => void;
  onOpen: () => void;
}) {
  return (
    <article
      data-testid="idea-card"
      className={cn(
        'group relative rounded-lg border bg-white p-3 shadow-xs transition-all hover:shadow-md',
        selected ? 'border-brand-500 ring-2 ring-brand-500/20' : 'border-slate-200',
      )}
    >
      <div className="flex items-start gap-2.5">
        {selectable && (
          <Checkbox
            checked={selected}
            onCheckedChange={(value) => onSelect(value === true)}
            aria-label={`Select “${idea.title}”`}
            className="relative z-10 mt-0.5"
          />
        )}
        <div className="min-w-0 flex-1">
          <h3 className="text-sm font-semibold leading-5 text-slate-900">
            <button
              type="button"
              onClick={onOpen}
              className="text-left after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-brand-500"
            >
              {idea.title}
            </button>
          </h3>
          {idea.hook && <p className="mt-1 line-clamp-2 text-xs leading-5 text-slate-600">{idea.hook}</p>}
          <div className="mt-2.5 flex flex-wrap items-center justify-between gap-2">
            <FormatBadges idea={idea} />
            {idea.round > 1 && (
              <span
                className="flex items-center gap-1 text-[11px] text-slate-500"
                title={`Sent to the client ${plural(idea.round, 'time')}`}
              >
                <RefreshCw className="size-3" aria-hidden />
                Round {idea.round}
              </span>
            )}
          </div>
        </div>
      </div>
    </article>
  );
}
