'use client';

import type { Generation } from '@muse/contracts';
import { AlertTriangle, CheckCircle2, Loader2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Progress } from '@/components/ui/progress';
import { plural } from '@/lib/labels';

const STEPS = {
  QUEUED: 'Waiting for a free worker…',
  RUNNING: 'Writing ideas in the brand’s voice…',
} as const;

/** Seconds since the generation was queued, ticking while it runs. */
function useElapsed(since: string | null | undefined, running: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return since ? Math.max(0, Math.round((now - new Date(since).getTime()) / 1000)) : 0;
}

/**
 * Live state of one generation: queued, running (with elapsed time, and the batches done once the
 * first has finished), done, or failed with the reason and a retry.
 */
export function GenerationProgress({
  generation,
  onRetry,
}: {
  generation: Generation | undefined;
  onRetry?: () => void;
}) {
  const status = generation?.status ?? 'QUEUED';
  const running = status === 'QUEUED' || status === 'RUNNING';
  const elapsed = useElapsed(generation?.queuedAt ?? generation?.startedAt, running);
  if (status === 'FAILED') {
    return (
      <div role="alert" className="grid gap-3 rounded-lg border border-red-200 bg-red-50 p-4">
        <p className="flex items-center gap-2 font-medium text-red-800">
          <AlertTriangle className="size-4" aria-hidden />
          The generation failed
        </p>
        <p className="text-sm text-red-700">
          {generation?.errorMessage ?? 'The AI service could not produce ideas this time.'}
          {generation?.errorCode && (
            <span className="ml-1 font-mono text-xs text-red-500">({generation.errorCode})</span>
          )}
        </p>
        {onRetry && (
          <Button variant="secondary" size="sm" className="w-fit" onClick={onRetry}>
            Try again
          </Button>
        )}
      </div>
    );
  }
  if (status === 'SUCCEEDED') {
    const count = generation?.ideaIds?.length;
    const tokens = (generation?.promptTokens ?? 0) + (generation?.completionTokens ?? 0);
    return (
      <p
        role="status"
        className="flex items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-800"
      >
        <CheckCircle2 className="size-4 shrink-0" aria-hidden />
        {count === undefined
          ? 'New ideas are on the board.'
          : `${plural(count, 'new idea is', 'new ideas are')} on the board.`}
        {tokens > 0 && <span className="text-emerald-600">{plural(tokens, 'token')} used.</span>}
      </p>
    );
  }
  // Once the AI service has finished a batch, the run's own figures replace the estimate.
  const batches = status === 'RUNNING' ? generation?.progress : null;
  return (
    <div
      role="status"
      aria-live="polite"
      className="grid gap-2 rounded-lg border border-brand-100 bg-brand-50/60 p-4"
    >
      <p className="flex items-center gap-2 text-sm font-medium text-brand-800">
        <Loader2 className="size-4 animate-spin" aria-hidden />
        {batches
          ? `Batch ${batches.batchesDone} of ${batches.batchesTotal} · ${plural(batches.ideasReady, 'idea')} so far`
          : STEPS[status]}
        <span className="ml-auto font-normal tabular-nums text-brand-600">{elapsed}s</span>
      </p>
      <Progress
        label="Generation progress"
        value={
          batches
            ? Math.round((batches.batchesDone / batches.batchesTotal) * 100)
            : status === 'QUEUED'
              ? 10
              : Math.min(90, 20 + elapsed * 4)
        }
        indicatorClassName="bg-brand-500"
      />
    </div>
  );
}
