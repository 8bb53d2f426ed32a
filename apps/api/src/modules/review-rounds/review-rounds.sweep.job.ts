import { defineSweepJob } from '../../jobs/job.ts';
import { createTokenSigner } from '../../shared/signed-token.ts';
import { createReminderSweeper } from './review-rounds.sweeper.ts';

/**
 * Every REMINDER_SWEEP_SECONDS: the reminders that are due, and the escalation of rounds whose
 * review-by date passed unanswered. A sweep takes at most a hundred rounds of each kind.
 */
export const sweepReviewRoundsJob = defineSweepJob({
  name: 'sweep-review-rounds',
  everySeconds: ({ reminders }) => reminders.sweepIntervalSeconds,
  expireInSeconds: 60,
  sweep: ({ config, db, queue, logger }) =>
    createReminderSweeper({
      db,
      jobs: queue,
      webOrigin: config.webOrigin,
      signer: createTokenSigner(config.linkSigningSecret),
      logger,
    }),
});
