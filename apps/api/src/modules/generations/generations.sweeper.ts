import type { Database } from '@muse/db';
import type { Logger } from '@muse/logger';
import type { PgBoss } from 'pg-boss';
import { audit } from '../activity/audit.ts';
import { liveEvent, publishLive } from '../live/live.publish.ts';
import { notifyOfGenerationEnd } from '../notifications/generation-notice.ts';
import type { NotificationJobs } from '../notifications/notify.ts';
import { GENERATION_QUEUE } from './generations.job.ts';
import type { GenerationWorkerMetrics } from './generations.metrics.ts';
import { generationsRepository } from './generations.repository.ts';
import { failureMessage } from './generations.rules.ts';

/** Job states in which pg-boss will still run the job (again). */
const LIVE_JOB_STATES = new Set(['created', 'retry', 'active']);

/** A run is judged only once it has been queued this long, and at most this many per sweep. */
const GRACE_MS = 60_000;
const BATCH = 100;

export interface GenerationSweeperDeps {
  db: Database;
  boss: PgBoss;
  /** Where the requester's notification of the failure is queued. */
  jobs: NotificationJobs;
  metrics: GenerationWorkerMetrics;
  logger: Logger;
}

/**
 * Ends runs that no worker will finish: still QUEUED or RUNNING while their job is gone or
 * failed for good (every attempt's worker died, or the job outlived its retention). Jobs that
 * pg-boss will still run are left alone: a dead worker's job comes back by itself.
 */
export function createGenerationSweeper(deps: GenerationSweeperDeps) {
  const { db, boss, metrics, logger } = deps;

  return async function sweep(now = new Date()): Promise<number> {
    const candidates = await db.withPlatformTx((tx) =>
      generationsRepository.listUnfinished(tx, new Date(now.getTime() - GRACE_MS), BATCH),
    );
    let ended = 0;
    for (const run of candidates) {
      const [job] = await boss.findJobs(GENERATION_QUEUE, { id: run.id });
      if (job && LIVE_JOB_STATES.has(job.state)) continue;
      const failed = await db.withTenantTx(run.tenantId, async (tx) => {
        const abandoned = await generationsRepository.finishAbandoned(tx, run.id, {
          status: 'FAILED',
          errorCode: 'worker_lost',
          errorMessage: failureMessage('worker_lost'),
          tokens: { prompt: 0, completion: 0 },
        });
        if (abandoned) {
          await audit(
            tx,
            run.tenantId,
            { userId: run.requestedById },
            {
              entityId: run.id,
              action: 'generation.failed',
              data: { errorCode: 'worker_lost', jobState: job?.state ?? null },
            },
          );
          await publishLive(tx, run.tenantId, [
            liveEvent.generationProgress({ id: run.id, campaignId: abandoned.campaignId }, 'FAILED', 0),
          ]);
          await notifyOfGenerationEnd(
            tx,
            deps.jobs,
            { tenantId: run.tenantId, campaignId: abandoned.campaignId, requestedById: run.requestedById },
            { succeeded: false, produced: 0 },
          );
        }
        return abandoned !== null;
      });
      if (!failed) continue;
      ended += 1;
      metrics.finished(
        run.ideaId ? 'idea' : 'campaign',
        'FAILED',
        'worker_lost',
        (now.getTime() - run.queuedAt.getTime()) / 1000,
      );
      logger.warn(
        { generationId: run.id, jobState: job?.state ?? null },
        'ended a generation no worker will finish',
      );
    }
    return ended;
  };
}
