'use client';

import { BellRing, Clock } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { plural } from '@/lib/labels';
import { useRemindNow, useReviewRounds } from '@/lib/queries/use-campaigns';
import { openRounds, waitingSentence } from '@/lib/review-rounds';

/** The campaign's rounds still waiting for the client: since when, reminders, review-by, and "Remind now". */
export function ReviewRoundStatus({ campaignId }: { campaignId: string }) {
  const rounds = useReviewRounds(campaignId);
  const remind = useRemindNow(campaignId);
  const open = openRounds(rounds.data ?? []);
  if (open.length === 0) return null;

  return (
    <ul className="mb-4 grid gap-2" aria-label="Waiting for the client">
      {open.map((round) => (
        <li
          key={round.id}
          className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm"
        >
          <Clock aria-hidden className="size-4 text-slate-400" />
          <span className="text-slate-700">{waitingSentence(round)}</span>
          <span className="text-slate-500">· {plural(round.pending, 'idea')} pending</span>
          {round.overdue && <Badge tone="danger">Overdue</Badge>}
          <Button
            variant="secondary"
            size="sm"
            className="ml-auto"
            pending={remind.isPending && remind.variables === round.id}
            onClick={() => remind.mutate(round.id)}
          >
            <BellRing aria-hidden />
            Remind now
          </Button>
        </li>
      ))}
    </ul>
  );
}
