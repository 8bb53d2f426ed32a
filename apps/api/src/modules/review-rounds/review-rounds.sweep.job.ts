import { z } from 'zod';
import { defineJob } from '../../jobs/job.ts';
import { createTokenSigner } from '../../shared/signed-token.ts';
import { createReminderSweeper } from './review-rounds.sweeper.ts';

/** A sweep takes at most a hundred rounds of each kind: it is done in seconds or its worker is gone. */
const SWEEP_EXPIRE_SECONDS = 60;

/**
 * Every REMINDER_SWEEP_SECONDS: the reminders that are due, and the escalation of rounds whose
 * review-by date passed unanswered. A failed sweep is tried once more; the next comes on schedule.
 */
export const sweepReviewRoundsJob = defineJob({
  name: 'sweep-review-rounds',
  data: z.object({}),
  policy: ({ generation }) => ({
    retryLimit: 1,
    retryDelaySeconds: 0,
    retryBackoffMaxSeconds: null,
    expireInSeconds: SWEEP_EXPIRE_SECONDS,
    heartbeatSeconds: generation.heartbeatSeconds,
  }),
  working: ({ generation }) => ({ concurrency: 1, pollIntervalSeconds: generation.pollIntervalSeconds }),
  schedule: ({ reminders }) => ({ everySeconds: reminders.sweepIntervalSeconds }),
  handler: ({ config, db, queue, logger }) => {
    const sweep = createReminderSweeper({
      db,
      jobs: queue,
      webOrigin: config.webOrigin,
      signer: createTokenSigner(config.linkSigningSecret),
      logger,
    });
    return async () => {
      await sweep().catch((error: unknown) => {
        logger.error({ err: error }, 'review round sweep failed');
        throw error;
      });
    };
  },
});
