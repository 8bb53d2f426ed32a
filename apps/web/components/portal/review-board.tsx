'use client';

import type { Idea } from '@muse/contracts';
import { CheckCheck, Keyboard, PartyPopper } from 'lucide-react';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { QueryError } from '@/components/query-state';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Progress } from '@/components/ui/progress';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { formatDateRange, plural } from '@/lib/labels';
import type { Caller } from '@/lib/queries/ideas';
import { useCampaignIdeas, useMoveIdeas } from '@/lib/queries/use-ideas';
import { ReviewCard, type ReviewDecision, type ReviewMode } from './review-card';

const SHORTCUTS: [string, string][] = [
  ['j', 'Next idea'],
  ['k', 'Previous idea'],
  ['a', 'Approve'],
  ['c', 'Request changes'],
  ['r', 'Reject'],
  ['x', 'Select for bulk approval'],
  ['Esc', 'Cancel'],
  ['?', 'Show these shortcuts'],
];

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** What the review shows of its campaign above the ideas. */
export interface ReviewedCampaign {
  name: string;
  brief: string;
  startDate: string | null;
  endDate: string | null;
}

interface ReviewBoardProps {
  campaignId: string;
  /** A client contact in the portal, or the holder of a review link. */
  caller: Caller;
  /** Undefined while it loads. */
  campaign: ReviewedCampaign | undefined;
  /** Above the title: the way back, where there is one to go. */
  back?: ReactNode;
  /** Offered once every idea is answered. */
  finished?: ReactNode;
}

/** The client's review: one readable card per idea, three answers each, bulk approval and keyboard shortcuts. */
export function ReviewBoard({ campaignId, caller, campaign, back, finished }: ReviewBoardProps) {
  const ideas = useCampaignIdeas(campaignId, caller);
  const move = useMoveIdeas(campaignId, { quiet: true, caller });
  const [tab, setTab] = useState<'open' | 'answered'>('open');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [modes, setModes] = useState<Record<string, ReviewMode>>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busyIds, setBusyIds] = useState<Set<string>>(new Set());
  const [helpOpen, setHelpOpen] = useState(false);
  const cards = useRef(new Map<string, HTMLElement>());
  const allDone = useRef<HTMLDivElement>(null);
  const activeIndex = useRef(-1);

  const all = ideas.data ?? [];
  const open = all.filter((idea) => idea.status === 'PENDING_CLIENT');
  const answered = all.filter((idea) => idea.status !== 'PENDING_CLIENT');
  const shown = tab === 'open' ? open : answered;
  const chosen = open.filter((idea) => selected.has(idea.id));

  const decide = useCallback(
    (targets: Idea[], decision: ReviewDecision) => {
      const to =
        decision.kind === 'approve'
          ? 'CLIENT_APPROVED'
          : decision.kind === 'changes'
            ? 'CHANGES_REQUESTED'
            : 'CLIENT_REJECTED';
      const comment = decision.kind === 'approve' ? undefined : decision.comment;
      const ids = targets.map((idea) => idea.id);
      setBusyIds((current) => new Set([...current, ...ids]));
      move.mutate(
        { ideas: targets, to, comment },
        {
          onSuccess: () => {
            const what = targets.length === 1 ? `“${targets[0]?.title}”` : plural(targets.length, 'idea');
            toast.success(
              decision.kind === 'approve'
                ? `Approved ${what}`
                : decision.kind === 'changes'
                  ? `Change request sent for ${what}`
                  : `Rejected ${what}`,
            );
            setSelected((current) => new Set([...current].filter((id) => !ids.includes(id))));
            setModes((current) =>
              Object.fromEntries(Object.entries(current).filter(([id]) => !ids.includes(id))),
            );
          },
          onSettled: () => setBusyIds((current) => new Set([...current].filter((id) => !ids.includes(id)))),
        },
      );
    },
    [move],
  );

  const focusCard = useCallback((id: string | undefined) => {
    if (!id) return;
    setActiveId(id);
    const card = cards.current.get(id);
    card?.focus({ preventScroll: true });
    card?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, []);

  // An answer takes its card off the list, and the focus with it: the card that takes its place
  // gets the focus, or the thank-you once none is left, so the keyboard and a screen reader
  // carry on from there. Focus that is elsewhere (a tab, the bulk bar) stays where it is.
  useEffect(() => {
    const index = shown.findIndex((idea) => idea.id === activeId);
    if (index >= 0) {
      activeIndex.current = index;
      return;
    }
    if (activeIndex.current < 0 || (document.activeElement && document.activeElement !== document.body))
      return;
    const next = shown[Math.min(activeIndex.current, shown.length - 1)];
    activeIndex.current = -1;
    if (next) focusCard(next.id);
    else allDone.current?.focus();
  }, [shown, activeId, focusCard]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const index = shown.findIndex((idea) => idea.id === activeId);
      const current = shown[index];
      const step = (delta: number) =>
        focusCard(shown[Math.min(Math.max(index + delta, 0), shown.length - 1)]?.id ?? shown[0]?.id);
      const key = event.key;
      // The arrow keys stay the browser's: they scroll a long script within its card.
      if (key === 'j') step(index < 0 ? 0 : 1);
      else if (key === 'k') step(index < 0 ? 0 : -1);
      else if (key === '?') setHelpOpen(true);
      else if (current?.status === 'PENDING_CLIENT' && !busyIds.has(current.id)) {
        if (key === 'a') decide([current], { kind: 'approve' });
        else if (key === 'c') setModes((m) => ({ ...m, [current.id]: 'changes' }));
        else if (key === 'r') setModes((m) => ({ ...m, [current.id]: 'reject' }));
        else if (key === 'x')
          setSelected((s) =>
            s.has(current.id)
              ? new Set([...s].filter((id) => id !== current.id))
              : new Set([...s, current.id]),
          );
        else return;
      } else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, activeId, busyIds, decide, focusCard]);

  const done = all.length - open.length;
  return (
    <div className="pb-28">
      {back}
      <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            {campaign?.name ?? <Skeleton className="h-8 w-56" />}
          </h1>
          {campaign && (
            <p className="mt-1 text-sm text-slate-500">
              {formatDateRange(campaign.startDate, campaign.endDate)}
            </p>
          )}
        </div>
        <Button variant="ghost" size="sm" className="hidden sm:inline-flex" onClick={() => setHelpOpen(true)}>
          <Keyboard aria-hidden />
          Shortcuts
        </Button>
      </div>
      {campaign?.brief && (
        <p className="mt-3 max-w-2xl text-sm leading-6 text-slate-600 line-clamp-3">{campaign.brief}</p>
      )}

      {all.length > 0 && (
        <div className="mt-5 grid gap-2">
          <div className="flex justify-between text-sm text-slate-600">
            <span>
              {done} of {all.length} answered
            </span>
            {open.length > 0 && <span className="font-medium text-brand-700">{open.length} to review</span>}
          </div>
          <Progress label="Ideas answered" value={done} max={all.length} />
        </div>
      )}

      <Tabs value={tab} onValueChange={(value) => setTab(value as 'open' | 'answered')} className="mt-6">
        <TabsList className="w-full sm:w-auto">
          <TabsTrigger value="open" className="flex-1 sm:flex-none">
            To review ({open.length})
          </TabsTrigger>
          <TabsTrigger value="answered" className="flex-1 sm:flex-none">
            Answered ({answered.length})
          </TabsTrigger>
        </TabsList>

        <TabsContent value={tab} className="grid gap-5">
          {ideas.isError ? (
            <QueryError error={ideas.error} retry={() => ideas.refetch()} />
          ) : ideas.isPending ? (
            <>
              <Skeleton className="h-80 rounded-2xl" />
              <Skeleton className="h-80 rounded-2xl" />
            </>
          ) : shown.length === 0 ? (
            <div ref={allDone} tabIndex={-1} className="rounded-xl outline-none">
              <EmptyState
                icon={tab === 'open' ? PartyPopper : CheckCheck}
                title={tab === 'open' ? 'All done — thank you!' : 'Nothing answered yet'}
                description={
                  tab === 'open'
                    ? 'You’ve answered every idea in this campaign. The agency has been notified of your decisions.'
                    : 'Ideas you approve, reject or send back appear here.'
                }
                action={tab === 'open' && finished}
              />
            </div>
          ) : (
            <>
              {tab === 'open' && open.length > 1 && (
                <div className="flex items-center justify-between gap-2 text-sm">
                  <button
                    type="button"
                    className="-mx-2 min-h-11 rounded px-2 font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500"
                    onClick={() =>
                      setSelected(
                        chosen.length === open.length ? new Set() : new Set(open.map((idea) => idea.id)),
                      )
                    }
                  >
                    {chosen.length === open.length ? 'Clear selection' : `Select all ${open.length}`}
                  </button>
                  <span className="hidden text-slate-500 sm:inline">Press ? for keyboard shortcuts</span>
                </div>
              )}
              {shown.map((idea) => (
                <ReviewCard
                  key={idea.id}
                  ref={(node) => {
                    if (node) cards.current.set(idea.id, node);
                    else cards.current.delete(idea.id);
                  }}
                  idea={idea}
                  caller={caller}
                  active={activeId === idea.id}
                  selected={selected.has(idea.id)}
                  mode={modes[idea.id] ?? 'idle'}
                  busy={busyIds.has(idea.id)}
                  onFocus={() => setActiveId(idea.id)}
                  onModeChange={(mode) => setModes((m) => ({ ...m, [idea.id]: mode }))}
                  onSelect={(on) =>
                    setSelected((s) =>
                      on ? new Set([...s, idea.id]) : new Set([...s].filter((id) => id !== idea.id)),
                    )
                  }
                  onDecide={(decision) => decide([idea], decision)}
                />
              ))}
            </>
          )}
        </TabsContent>
      </Tabs>

      {chosen.length > 0 && tab === 'open' && (
        <div
          role="toolbar"
          aria-label="Bulk approval"
          className="fixed inset-x-3 bottom-3 z-30 mx-auto flex max-w-xl items-center gap-2 rounded-2xl border border-slate-200 bg-white p-2 pl-4 shadow-xl"
        >
          <span className="mr-auto text-sm font-medium text-slate-700">{chosen.length} selected</span>
          <Button variant="ghost" onClick={() => setSelected(new Set())}>
            Clear
          </Button>
          <Button
            variant="success"
            onClick={() => decide(chosen, { kind: 'approve' })}
            pending={chosen.some((idea) => busyIds.has(idea.id))}
          >
            <CheckCheck aria-hidden />
            Approve {chosen.length}
          </Button>
        </div>
      )}

      <Dialog open={helpOpen} onOpenChange={setHelpOpen}>
        <DialogContent className="max-w-sm">
          <DialogHeader>
            <DialogTitle>Keyboard shortcuts</DialogTitle>
            <DialogDescription>Review without leaving the keyboard.</DialogDescription>
          </DialogHeader>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {SHORTCUTS.map(([keys, action]) => (
              <div key={keys} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
                    {keys}
                  </kbd>
                </dt>
                <dd className="text-slate-600">{action}</dd>
              </div>
            ))}
          </dl>
        </DialogContent>
      </Dialog>
    </div>
  );
}
