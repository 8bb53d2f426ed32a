import type { ClientAnswer, IdeaDecision } from '@muse/contracts';
import { CLIENT_ANSWER_STATUSES } from '@muse/contracts';
import { Check, Pencil, X } from 'lucide-react';
import { cn } from '@/lib/cn';
import { timeAgo } from '@/lib/labels';

const ANSWERS: Record<ClientAnswer, { label: string; icon: typeof Check; tone: string }> = {
  CLIENT_APPROVED: { label: 'Approved', icon: Check, tone: 'bg-emerald-100 text-emerald-700' },
  CHANGES_REQUESTED: { label: 'Asked for changes', icon: Pencil, tone: 'bg-amber-100 text-amber-800' },
  CLIENT_REJECTED: { label: 'Rejected', icon: X, tone: 'bg-red-100 text-red-700' },
};

const whoOf = (decision: IdeaDecision) =>
  decision.by?.name ?? decision.reviewLink?.reviewerName ?? 'Someone at your company';

/** The client's answers to one idea, oldest first: what, who, when and why. */
export function AnswerTimeline({ ideaId, decisions }: { ideaId: string; decisions: IdeaDecision[] }) {
  return (
    <section aria-labelledby={`idea-${ideaId}-answers`} className="mt-3">
      <h3 id={`idea-${ideaId}-answers`} className="text-sm font-medium text-slate-700">
        Your answers
      </h3>
      <ol className="mt-2 grid gap-3">
        {decisions.map((decision) => {
          const { label, icon: Icon, tone } = ANSWERS[decision.answer];
          const changed = CLIENT_ANSWER_STATUSES.includes(decision.from);
          return (
            <li key={decision.id} data-testid="answer-entry" className="flex gap-3">
              <span className={cn('mt-0.5 grid size-6 shrink-0 place-items-center rounded-full', tone)}>
                <Icon className="size-3.5" aria-hidden />
              </span>
              <div className="min-w-0 text-sm">
                <p className="font-medium text-slate-900">
                  {label}
                  {changed && (
                    <span className="font-normal text-slate-500">
                      {' '}
                      (changed from {ANSWERS[decision.from as ClientAnswer].label.toLowerCase()})
                    </span>
                  )}
                </p>
                <p className="text-slate-500">
                  {whoOf(decision)} · <time dateTime={decision.createdAt}>{timeAgo(decision.createdAt)}</time>
                </p>
                {decision.comment && (
                  <p className="mt-1 whitespace-pre-wrap break-words rounded-lg bg-slate-50 px-3 py-2 text-slate-700">
                    {decision.comment}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
