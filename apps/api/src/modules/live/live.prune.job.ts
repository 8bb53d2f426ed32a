import type { Database } from '@muse/db';
import { z } from 'zod';
import { defineJob } from '../../jobs/job.ts';
import { liveRepository } from './live.repository.ts';
import { LIVE_RETENTION_MS } from './live.stream.ts';

/** Rows deleted per statement, so one prune never holds a long lock. */
const PRUNE_BATCH = 5_000;
const PRUNE_EVERY_SECONDS = 60 * 60;

/** Deletes the events no stream can resume from any more (older than LIVE_RETENTION_MS); returns how many. */
export async function pruneLiveEvents(db: Database, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - LIVE_RETENTION_MS);
  let total = 0;
  for (;;) {
    const deleted = await db.withPlatformTx((tx) => liveRepository.prune(tx, before, PRUNE_BATCH));
    total += deleted;
    if (deleted < PRUNE_BATCH) return total;
  }
}

/** Hourly, on one worker at a time: the live events past their day. The next run comes on schedule anyway. */
export const pruneLiveEventsJob = defineJob({
  name: 'prune-live-events',
  data: z.object({}),
  policy: ({ generation }) => ({
    retryLimit: 1,
    retryDelaySeconds: 0,
    retryBackoffMaxSeconds: null,
    expireInSeconds: 300,
    heartbeatSeconds: generation.heartbeatSeconds,
  }),
  working: ({ generation }) => ({ concurrency: 1, pollIntervalSeconds: generation.pollIntervalSeconds }),
  schedule: () => ({ everySeconds: PRUNE_EVERY_SECONDS }),
  handler:
    ({ db, logger }) =>
    async () => {
      const deleted = await pruneLiveEvents(db);
      if (deleted > 0) logger.info({ deleted }, 'pruned live events');
    },
});
