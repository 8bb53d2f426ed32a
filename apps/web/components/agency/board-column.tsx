'use client';

import type { Idea, IdeaStatus } from '@muse/contracts';
import { ChevronsLeftRight } from 'lucide-react';
import { IdeaCard } from '@/components/ideas/idea-card';
import { cn } from '@/lib/cn';
import { IDEA_STATUS } from '@/lib/labels';
import { useDropTarget } from '@/lib/use-drop-target';
import { movesFrom } from '@/lib/workflow';

const COLUMN_HINTS: Partial<Record<IdeaStatus, string>> = {
  GENERATED: 'Review, edit, and send the best ones to the client.',
  PENDING_CLIENT: 'Sent; the client has not answered yet.',
  CHANGES_REQUESTED: 'Edit and resubmit.',
};

export interface ColumnDrop {
  /** Whether the idea being dragged may move here. */
  accepts: boolean;
  onDrop: () => void;
}

interface BoardColumnProps {
  status: IdeaStatus;
  ideas: Idea[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  onOpen: (id: string) => void;
  /** Folded to a narrow strip (its name and count); opening it shows its cards. */
  folded: boolean;
  onFold: (folded: boolean) => void;
  drop: ColumnDrop;
  onDragIdea: (idea: Idea | null) => void;
}

/** One status of the board: its cards, a select-all, and a drop target for the moves it allows. */
export function BoardColumn({
  status,
  ideas,
  selected,
  onSelect,
  onOpen,
  folded,
  onFold,
  drop,
  onDragIdea,
}: BoardColumnProps) {
  const label = IDEA_STATUS[status].label;
  const selectableIds = ideas
    .filter((idea) => movesFrom(idea.status, 'agency').length > 0)
    .map((idea) => idea.id);
  const allChosen = selectableIds.length > 0 && selectableIds.every((id) => selected.has(id));
  const { over, handlers: dropHandlers } = useDropTarget(drop.accepts, drop.onDrop);
  const dropTone =
    drop.accepts &&
    (over ? 'bg-brand-100 outline-2 outline-brand-500' : 'outline-2 outline-dashed outline-brand-300');

  if (folded) {
    return (
      <section aria-labelledby={`column-${status}`} className="shrink-0" {...dropHandlers}>
        <button
          type="button"
          aria-expanded={false}
          onClick={() => onFold(false)}
          className={cn(
            'flex h-full min-h-48 w-12 flex-col items-center gap-2 rounded-xl bg-slate-100/80 py-3 text-sm font-semibold text-slate-700 hover:bg-slate-200/80 focus-visible:outline-2 focus-visible:outline-brand-500',
            dropTone,
          )}
        >
          <ChevronsLeftRight className="size-4 text-slate-500" aria-hidden />
          <span id={`column-${status}`} className="[writing-mode:vertical-rl]">
            {label}
          </span>
          <span className="rounded-full bg-white px-1.5 py-px text-xs font-medium tabular-nums text-slate-600 shadow-xs">
            {ideas.length}
          </span>
          <span className="sr-only">Show the column</span>
        </button>
      </section>
    );
  }

  return (
    <section
      aria-labelledby={`column-${status}`}
      className={cn('flex min-w-60 flex-1 flex-col rounded-xl bg-slate-100/80 p-2 lg:max-w-80', dropTone)}
      {...dropHandlers}
    >
      <header className="flex items-center justify-between gap-2 px-1.5 pb-2 pt-1">
        <h2 id={`column-${status}`} className="flex items-center gap-2 text-sm font-semibold text-slate-700">
          {label}
          <span className="rounded-full bg-white px-2 py-px text-xs font-medium tabular-nums text-slate-600 shadow-xs">
            {ideas.length}
          </span>
        </h2>
        <span className="flex items-center gap-1">
          {selectableIds.length > 1 && (
            <button
              type="button"
              className="rounded px-1.5 text-xs font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500"
              onClick={() => onSelect(selectableIds, !allChosen)}
            >
              {allChosen ? 'Clear' : 'Select all'}
            </button>
          )}
          <button
            type="button"
            aria-expanded
            aria-label={`Fold ${label}`}
            onClick={() => onFold(true)}
            className="rounded p-1 text-slate-500 hover:bg-slate-200 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-500"
          >
            <ChevronsLeftRight className="size-3.5" aria-hidden />
          </button>
        </span>
      </header>
      {COLUMN_HINTS[status] && ideas.length > 0 && (
        <p className="px-1.5 pb-2 text-xs text-slate-600">{COLUMN_HINTS[status]}</p>
      )}
      <div>
        {ideas.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-slate-600">
            {drop.accepts ? 'Drop here' : 'Nothing here'}
          </p>
        ) : (
          <ul className="grid gap-2">
            {ideas.map((idea) => {
              const movable = movesFrom(idea.status, 'agency').length > 0;
              return (
                <li
                  key={idea.id}
                  draggable={movable}
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', idea.title);
                    onDragIdea(idea);
                  }}
                  onDragEnd={() => onDragIdea(null)}
                  className={cn(movable && 'cursor-grab active:cursor-grabbing')}
                >
                  <IdeaCard
                    idea={idea}
                    selected={selected.has(idea.id)}
                    selectable={movable}
                    onSelect={(on) => onSelect([idea.id], on)}
                    onOpen={() => onOpen(idea.id)}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
