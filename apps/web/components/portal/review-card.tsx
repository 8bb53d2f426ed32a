'use client';

import type { Idea } from '@muse/contracts';
import { Check, MessageSquare, Pencil, Sparkle, X } from 'lucide-react';
import { type FormEvent, forwardRef, useState } from 'react';
import { CommentsPanel } from '@/components/ideas/comments-panel';
import { FormatBadges, StatusBadge } from '@/components/ideas/idea-badges';
import { IdeaContent } from '@/components/ideas/idea-content';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { cn } from '@/lib/cn';
import type { Caller } from '@/lib/queries/ideas';
import { useDecisions } from '@/lib/queries/use-decisions';
import { useRevisions } from '@/lib/queries/use-ideas';
import { AnswerTimeline } from './answer-timeline';
import { lastSeenSnapshot } from './last-seen';

export type ReviewDecision =
  | { kind: 'approve' }
  | { kind: 'changes'; comment: string }
  | { kind: 'reject'; comment?: string };
export type ReviewMode = 'idle' | 'changes' | 'reject';

/** Compares with what the client saw in an earlier round; only resubmitted ideas need the history. */
function usePreviousContent(idea: Idea, caller: Caller) {
  const resubmitted = idea.round > 1 && idea.status === 'PENDING_CLIENT';
  const revisions = useRevisions(resubmitted ? idea.id : null, caller);
  if (!resubmitted || !revisions.data) return null;
  return lastSeenSnapshot(idea, revisions.data);
}

interface ReviewCardProps {
  idea: Idea;
  caller: Caller;
  active: boolean;
  selected: boolean;
  mode: ReviewMode;
  busy: boolean;
  onModeChange: (mode: ReviewMode) => void;
  onSelect: (selected: boolean) => void;
  onDecide: (decision: ReviewDecision) => void;
  onFocus: () => void;
}

/** The status each answer puts the idea in. */
const ANSWER_STATUS: Record<ReviewDecision['kind'], Idea['status']> = {
  approve: 'CLIENT_APPROVED',
  changes: 'CHANGES_REQUESTED',
  reject: 'CLIENT_REJECTED',
};

/**
 * One idea, large and readable, with the client's three answers; once answered, the client's
 * answers so far, and a way to change the latest while the agency has not acted on it.
 */
export const ReviewCard = forwardRef<HTMLElement, ReviewCardProps>(function ReviewCard(
  { idea, caller, active, selected, mode, busy, onModeChange, onSelect, onDecide, onFocus },
  ref,
) {
  const previous = usePreviousContent(idea, caller);
  const [comment, setComment] = useState('');
  const [showComments, setShowComments] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = idea.status === 'PENDING_CLIENT';
  const decisions = useDecisions(open ? null : idea.id, idea.version, caller);
  const changeable = !open && decisions.data?.changeable === true;
  // The status being changed: once the answer lands, the idea is in another one and this is over.
  const [changingFrom, setChangingFrom] = useState<Idea['status'] | null>(null);
  const changing = changeable && changingFrom === idea.status;
  const answering = open || changing;
  const offered = (kind: ReviewDecision['kind']) => open || ANSWER_STATUS[kind] !== idea.status;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mode === 'changes') {
      if (!comment.trim()) return setError('Tell the agency what to change — a sentence is enough.');
      onDecide({ kind: 'changes', comment: comment.trim() });
    } else if (mode === 'reject')
      onDecide({ kind: 'reject', ...(comment.trim() ? { comment: comment.trim() } : {}) });
    setError(null);
    setComment('');
  }

  return (
    <article
      ref={ref}
      tabIndex={-1}
      onFocus={onFocus}
      data-testid="review-card"
      aria-labelledby={`idea-${idea.id}-title`}
      className={cn(
        'scroll-mt-20 rounded-2xl border bg-white shadow-xs outline-none transition-shadow',
        active ? 'border-brand-400 ring-4 ring-brand-500/15' : 'border-slate-200',
        previous && 'border-amber-300',
      )}
    >
      {previous && (
        <p className="flex items-center gap-2 rounded-t-2xl border-b border-amber-200 bg-amber-50 px-4 py-2.5 text-sm font-medium text-amber-900 sm:px-6">
          <Sparkle className="size-4 shrink-0" aria-hidden />
          Changed since you last saw it — edits are highlighted below.
        </p>
      )}
      <div className="p-4 sm:p-6">
        <div className="flex items-start gap-3">
          {open && (
            <Checkbox
              checked={selected}
              onCheckedChange={(value) => onSelect(value === true)}
              aria-label={`Select “${idea.title}” for bulk approval`}
              touch
              className="-mt-1.5"
            />
          )}
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <FormatBadges idea={idea} audience="client" />
              {!open && <StatusBadge status={idea.status} audience="client" />}
            </div>
            <h2 id={`idea-${idea.id}-title`} className="mt-2 text-xl font-semibold leading-7 text-slate-900">
              {idea.title}
            </h2>
          </div>
        </div>
        <div className="mt-5">
          <IdeaContent idea={idea} previous={previous ?? undefined} large />
        </div>
      </div>

      <div className="border-t border-slate-100 px-4 py-3 sm:px-6">
        {!open && decisions.data && decisions.data.items.length > 0 && (
          <AnswerTimeline ideaId={idea.id} decisions={decisions.data.items} />
        )}
        {changeable && !changing && (
          <Button variant="secondary" className="mt-3" onClick={() => setChangingFrom(idea.status)}>
            Change your answer
          </Button>
        )}
        {changing && mode === 'idle' && (
          <p className="mt-3 mb-2 text-sm text-slate-600">
            The agency hasn’t acted on your answer yet, so you can still change it.
          </p>
        )}
        {answering && mode === 'idle' && (
          <div className={cn('grid gap-2 sm:flex sm:flex-wrap', open ? 'grid-cols-3' : 'grid-cols-2')}>
            {offered('approve') && (
              <Button
                variant="success"
                size="lg"
                className="sm:px-6"
                onClick={() => onDecide({ kind: 'approve' })}
                pending={busy}
              >
                <Check aria-hidden />
                Approve
              </Button>
            )}
            {offered('changes') && (
              <Button variant="secondary" size="lg" onClick={() => onModeChange('changes')} disabled={busy}>
                <Pencil aria-hidden />
                <span className="sm:hidden">Changes</span>
                <span className="hidden sm:inline">Request changes</span>
              </Button>
            )}
            {offered('reject') && (
              <Button
                variant="secondary"
                size="lg"
                className="text-red-700 hover:bg-red-50"
                onClick={() => onModeChange('reject')}
                disabled={busy}
              >
                <X aria-hidden />
                Reject
              </Button>
            )}
            {changing && (
              <Button
                variant="ghost"
                size="lg"
                className="col-span-2 sm:col-auto"
                onClick={() => setChangingFrom(null)}
              >
                Keep my answer
              </Button>
            )}
          </div>
        )}
        {answering && mode !== 'idle' && (
          <form onSubmit={submit} className="grid gap-2">
            <Label htmlFor={`decision-${idea.id}`}>
              {mode === 'changes' ? 'What should change?' : 'Why doesn’t it work? (optional)'}
            </Label>
            <Textarea
              id={`decision-${idea.id}`}
              autoFocus
              rows={3}
              value={comment}
              maxLength={4000}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `decision-${idea.id}-error` : undefined}
              onChange={(event) => setComment(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') onModeChange('idle');
                if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(event);
              }}
              placeholder={
                mode === 'changes' ? 'e.g. Make the hook shorter and mention the Saturday tasting.' : ''
              }
            />
            {error && (
              <p id={`decision-${idea.id}-error`} className="text-sm font-medium text-red-600">
                {error}
              </p>
            )}
            <div className="flex flex-wrap justify-end gap-2">
              <Button type="button" variant="ghost" onClick={() => onModeChange('idle')}>
                Cancel
              </Button>
              <Button type="submit" variant={mode === 'reject' ? 'danger' : 'primary'} pending={busy}>
                {mode === 'changes' ? 'Send change request' : 'Reject idea'}
              </Button>
            </div>
          </form>
        )}
        <button
          type="button"
          onClick={() => setShowComments((value) => !value)}
          aria-expanded={showComments}
          className="-mx-2 mt-1 flex min-h-11 items-center gap-1.5 rounded px-2 text-sm text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          <MessageSquare className="size-4" aria-hidden />
          {showComments ? 'Hide comments' : 'Comments'}
        </button>
        {showComments && (
          <div className="mt-3">
            <CommentsPanel ideaId={idea.id} audience="client" caller={caller} />
          </div>
        )}
      </div>
    </article>
  );
});
