import {
  EDITABLE_STATUSES,
  type GenerateIdeasResponse,
  type GenerateProgress,
  type GenerationErrorCode,
} from '@muse/contracts';
import type { Database, TenantTx } from '@muse/db';
import type { Logger } from '@muse/logger';
import { type AiServiceClient, AiServiceError } from '../../ai/ai-service.client.ts';
import type { RunningJob } from '../../jobs/job.ts';
import { liveEvent, publishLive } from '../live/live.publish.ts';
import { notifyOfGenerationEnd } from '../notifications/generation-notice.ts';
import type { NotificationJobs } from '../notifications/notify.ts';
import { buildAiRequest } from './generations.ai-request.ts';
import type { GenerationJobData } from './generations.job.ts';
import type { GenerationKind, GenerationWorkerMetrics } from './generations.metrics.ts';
import { generationsRepository } from './generations.repository.ts';
import {
  type ClaimedRun,
  IdeaNotEditableError,
  type Tokens,
  type WriteResult,
  writeFailure,
  writeGeneratedIdeas,
  writeRevisedIdea,
} from './generations.writer.ts';

export interface GenerationProcessorDeps {
  db: Database;
  /** Where the requester's notification is queued, with the run's result. */
  jobs: NotificationJobs;
  ai: AiServiceClient;
  metrics: GenerationWorkerMetrics;
  logger: Logger;
}

const NO_TOKENS: Tokens = { prompt: 0, completion: 0 };

const tokensOf = (usage: { promptTokens: number; completionTokens: number } | null): Tokens =>
  usage ? { prompt: usage.promptTokens, completion: usage.completionTokens } : NO_TOKENS;

/**
 * Runs one generation job: claim the run (RUNNING, a new attempt), call the AI service outside
 * any transaction (recording each batch it reports as it finishes), then write the result in one
 * transaction that applies only while this attempt still holds the run. Throwing hands the job
 * back to pg-boss for a retry, which happens for transient failures while retries remain; every
 * other failure ends the run FAILED.
 */
export function createGenerationProcessor(deps: GenerationProcessorDeps) {
  const { db, ai, metrics, jobs } = deps;

  return async function processGeneration(job: RunningJob<GenerationJobData>): Promise<void> {
    const { generationId, tenantId, requestId } = job.data;
    const claimed = await db.withTenantTx(tenantId, async (tx) => {
      const run = await generationsRepository.claim(tx, generationId);
      if (run) await publishLive(tx, tenantId, [liveEvent.generationProgress(run, 'RUNNING', 0)]);
      return run;
    });
    if (!claimed) {
      deps.logger.info({ generationId }, 'generation already finished; nothing to do');
      return;
    }
    const run: ClaimedRun = { ...claimed, attempt: claimed.attempts };
    const kind: GenerationKind = run.ideaId ? 'idea' : 'campaign';
    const logger = deps.logger.child({ generationId, attempt: run.attempt, jobRetry: job.retryCount });
    const retriesLeft = job.retryCount < job.retryLimit;
    logger.info('generation claimed');

    const record = async (
      outcome: 'SUCCEEDED' | 'FAILED',
      code: GenerationErrorCode | null,
      write: () => Promise<WriteResult>,
    ) => {
      const result = await write();
      metrics.attempt(result === 'written' ? 'finished' : 'superseded');
      if (result === 'superseded') {
        logger.warn('a newer attempt holds this generation; this attempt result was dropped');
        return;
      }
      metrics.finished(kind, outcome, code, (Date.now() - claimed.queuedAt.getTime()) / 1000);
      logger.info({ status: outcome, errorCode: code }, 'generation finished');
    };
    /** Writes the result and, when this attempt's result is the one kept, tells the requester and the streams. */
    const writeAndNotify = (write: (tx: TenantTx) => Promise<WriteResult>, produced: number | null) =>
      db.withTenantTx(tenantId, async (tx) => {
        const result = await write(tx);
        if (result === 'written') {
          await notifyOfGenerationEnd(tx, jobs, run, {
            succeeded: produced !== null,
            produced: produced ?? 0,
          });
          await publishLive(tx, tenantId, [
            liveEvent.generationProgress(run, produced === null ? 'FAILED' : 'SUCCEEDED', produced ?? 0),
          ]);
        }
        return result;
      });
    /**
     * Records a finished batch and tells the streams, in one small transaction, while this attempt
     * still holds the run (a superseded attempt runs on, as before, but shows nothing). Progress
     * only informs: failing to record it does not fail the run, whose result may still be written.
     */
    const recordProgress = async (progress: GenerateProgress) => {
      try {
        await db.withTenantTx(tenantId, async (tx) => {
          if (await generationsRepository.recordProgress(tx, run.id, run.attempt, progress)) {
            await publishLive(tx, tenantId, [
              liveEvent.generationProgress(run, 'RUNNING', progress.ideasReady),
            ]);
          }
        });
      } catch (error) {
        logger.warn({ err: error, progress }, 'the progress of the generation could not be recorded');
      }
    };
    const fail = (code: GenerationErrorCode, tokens: Tokens, latencyMs: number | null) =>
      record('FAILED', code, () =>
        writeAndNotify((tx) => writeFailure(tx, run, code, tokens, latencyMs), null),
      );

    try {
      const context = await db.withTenantTx(tenantId, async (tx) => ({
        campaign: await generationsRepository.findCampaignContext(tx, run.campaignId),
        brandVersion: await generationsRepository.recordBrandVersion(tx, run.id, run.campaignId),
        existingTitles: await generationsRepository.existingTitles(tx, run.campaignId),
        idea: run.ideaId ? await generationsRepository.findIdeaToRevise(tx, run.ideaId) : null,
      }));
      if (context.campaign.status === 'ARCHIVED') return await fail('campaign_archived', NO_TOKENS, null);
      if (run.ideaId && !(context.idea && EDITABLE_STATUSES.includes(context.idea.status))) {
        return await fail('idea_not_editable', NO_TOKENS, null);
      }

      // What earlier attempts of this run spent comes out of its budget.
      const tokenBudget =
        claimed.tokenBudget === null
          ? undefined
          : claimed.tokenBudget - claimed.promptTokens - claimed.completionTokens;
      if (tokenBudget !== undefined && tokenBudget <= 0) {
        return await fail('token_budget_exhausted', NO_TOKENS, null);
      }
      const startedAt = performance.now();
      let response: GenerateIdeasResponse;
      try {
        const aiRequest = buildAiRequest({ tenantId, generation: claimed, ...context });
        response = await ai.generate(
          { ...aiRequest, ...(tokenBudget === undefined ? {} : { tokenBudget }) },
          { requestId, signal: job.signal, onProgress: recordProgress },
        );
      } catch (error) {
        if (!(error instanceof AiServiceError)) throw error;
        const latencyMs = Math.round(performance.now() - startedAt);
        const tokens = tokensOf(error.details.usage);
        metrics.aiCall(error.code, latencyMs / 1000);
        metrics.tokens(tokens);
        if (error.details.transient && retriesLeft) {
          await db.withTenantTx(tenantId, (tx) => generationsRepository.addTokens(tx, run.id, tokens));
          metrics.attempt('retrying');
          logger.warn({ err: error }, 'AI call failed; the job will be retried');
          throw error;
        }
        logger.warn({ err: error }, 'AI call failed');
        return await fail(error.code, tokens, latencyMs);
      }
      const tokens = tokensOf(response.usage);
      metrics.aiCall('ok', (performance.now() - startedAt) / 1000);
      metrics.tokens(tokens);

      const ideaId = run.ideaId;
      try {
        await record('SUCCEEDED', null, () =>
          writeAndNotify(
            (tx) =>
              ideaId
                ? writeRevisedIdea(tx, { ...run, ideaId }, response, tokens)
                : writeGeneratedIdeas(tx, run, response, tokens),
            response.ideas.length,
          ),
        );
      } catch (error) {
        if (!(error instanceof IdeaNotEditableError)) throw error;
        await fail('idea_not_editable', tokens, response.latencyMs);
      }
    } catch (error) {
      if (error instanceof AiServiceError || retriesLeft) throw error;
      // The last attempt failed on our side (e.g. the database): end the run rather than leave it RUNNING.
      logger.error({ err: error }, 'generation failed unexpectedly on its last attempt');
      await fail('internal', NO_TOKENS, null);
    }
  };
}
