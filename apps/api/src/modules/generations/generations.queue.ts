import { listen, type TenantTx } from '@muse/db';
import type { Logger } from '@muse/logger';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { type GenerationJobData, generateIdeasJob } from './generations.job.ts';
import { GENERATION_FINISHED_CHANNEL } from './generations.repository.ts';

export interface GenerationQueueOptions {
  /** The API's job queue, which generation jobs are added to. */
  jobs: JobQueue;
  /** DATABASE_URL: the finished-run listener connects as the application. */
  databaseUrl: string;
  logger: Logger;
}

export type GenerationQueue = Awaited<ReturnType<typeof startGenerationQueue>>;

/**
 * The API's side of generation runs: it enqueues a run's job inside its own transaction and
 * wakes the requests waiting on a run when the run is announced finished. The announcement is
 * about the run, not its job: a run also ends when the sweep gives up on it.
 */
export async function startGenerationQueue(options: GenerationQueueOptions) {
  const { jobs } = options;
  const finishes = listenForFinishes(options.databaseUrl, options.logger);
  await finishes.ready;

  return {
    /** Adds the run's job inside the caller's transaction: the generation and its job commit together. */
    enqueue(tx: TenantTx, data: GenerationJobData): Promise<void> {
      return jobs.enqueue(tx, generateIdeasJob, data);
    },

    /** Resolves when the run is announced finished, after `ms`, or when `signal` aborts, whichever comes first. */
    untilFinished(generationId: string, ms: number, signal: AbortSignal): Promise<void> {
      return finishes.until(generationId, ms, signal);
    },

    stop: () => finishes.close(),
  };
}

/** The API's ear for finished runs: requests waiting on a run are woken by its announcement. */
function listenForFinishes(databaseUrl: string, logger: Logger) {
  const waiting = new Map<string, Set<() => void>>();
  const listener = listen({
    url: databaseUrl,
    channel: GENERATION_FINISHED_CHANNEL,
    onNotify: (generationId) => {
      for (const wake of waiting.get(generationId) ?? []) wake();
    },
    onError: (error) => logger.warn({ err: error }, 'lost the generation-finished listener; reconnecting'),
  });
  return {
    until(generationId: string, ms: number, signal: AbortSignal): Promise<void> {
      return new Promise((resolve) => {
        const wakers = waiting.get(generationId) ?? new Set();
        waiting.set(generationId, wakers);
        const wake = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', wake);
          wakers.delete(wake);
          if (wakers.size === 0) waiting.delete(generationId);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        wakers.add(wake);
        signal.addEventListener('abort', wake, { once: true });
      });
    },
    ready: listener.ready,
    close: () => listener.close(),
  };
}
