import { defineSweepJob } from '../../jobs/job.ts';
import { generationWorkerMetrics } from './generations.job.ts';
import { createGenerationSweeper } from './generations.sweeper.ts';

/**
 * Ends, every GENERATION_SWEEP_INTERVAL_SECONDS, the runs no worker will finish. A sweep reads at
 * most a hundred runs.
 */
export const sweepGenerationsJob = defineSweepJob({
  name: 'sweep-generations',
  everySeconds: ({ generation }) => generation.sweepIntervalSeconds,
  expireInSeconds: 60,
  sweep: ({ db, queue, metrics, logger }) =>
    createGenerationSweeper({
      db,
      boss: queue.boss,
      jobs: queue,
      metrics: generationWorkerMetrics(metrics),
      logger,
    }),
});
