import { z } from 'zod';
import { defineJob } from '../../jobs/job.ts';
import { generationWorkerMetrics } from './generations.job.ts';
import { createGenerationSweeper } from './generations.sweeper.ts';

/** A sweep reads at most a hundred runs: it is done in seconds or its worker is gone. */
const SWEEP_EXPIRE_SECONDS = 60;

/**
 * Ends, every GENERATION_SWEEP_INTERVAL_SECONDS, the runs no worker will finish. One worker
 * sweeps at a time; a failed sweep is tried once more, and the next one comes on schedule anyway.
 */
export const sweepGenerationsJob = defineJob({
  name: 'sweep-generations',
  data: z.object({}),
  policy: ({ generation }) => ({
    retryLimit: 1,
    retryDelaySeconds: 0,
    retryBackoffMaxSeconds: null,
    expireInSeconds: SWEEP_EXPIRE_SECONDS,
    heartbeatSeconds: generation.heartbeatSeconds,
  }),
  working: ({ generation }) => ({ concurrency: 1, pollIntervalSeconds: generation.pollIntervalSeconds }),
  schedule: ({ generation }) => ({ everySeconds: generation.sweepIntervalSeconds }),
  handler: ({ db, queue, metrics, logger }) => {
    const sweep = createGenerationSweeper({
      db,
      boss: queue.boss,
      jobs: queue,
      metrics: generationWorkerMetrics(metrics),
      logger,
    });
    return async () => {
      await sweep().catch((error: unknown) => {
        logger.error({ err: error }, 'generation sweep failed');
        throw error;
      });
    };
  },
});
