import type { Database } from '@muse/db';
import { defineSweepJob } from '../../jobs/job.ts';
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

/** Hourly: the live events past their day. */
export const pruneLiveEventsJob = defineSweepJob({
  name: 'prune-live-events',
  everySeconds: () => PRUNE_EVERY_SECONDS,
  expireInSeconds: 300,
  sweep:
    ({ db, logger }) =>
    async () => {
      const deleted = await pruneLiveEvents(db);
      if (deleted > 0) logger.info({ deleted }, 'pruned live events');
    },
});
