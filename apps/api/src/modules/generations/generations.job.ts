import type { Registry } from 'prom-client';
import { z } from 'zod';
import { createAiServiceClient } from '../../ai/ai-service.client.ts';
import { defineJob } from '../../jobs/job.ts';
import { createGenerationWorkerMetrics, type GenerationWorkerMetrics } from './generations.metrics.ts';
import { createGenerationProcessor } from './generations.processor.ts';

export const GENERATION_QUEUE = 'generate-ideas';

/** Retries back off exponentially from the configured delay up to this. */
const RETRY_DELAY_MAX_SECONDS = 300;

/** What a job carries: ids only, the worker reads everything else from the database. */
const generationJobData = z.object({
  generationId: z.uuid(),
  tenantId: z.uuid(),
  /** The request that asked for the run, forwarded to the AI service. */
  requestId: z.string().min(1),
});

export type GenerationJobData = z.infer<typeof generationJobData>;

const workerMetrics = new WeakMap<Registry, GenerationWorkerMetrics>();

/** The generation jobs of one worker count into one set of metrics. */
export function generationWorkerMetrics(registry: Registry): GenerationWorkerMetrics {
  const metrics = workerMetrics.get(registry) ?? createGenerationWorkerMetrics(registry);
  workerMetrics.set(registry, metrics);
  return metrics;
}

/** One run of the AI for a generation; retried on transient failures, moved when its worker dies. */
export const generateIdeasJob = defineJob({
  name: GENERATION_QUEUE,
  data: generationJobData,
  // The run's id: a run has at most one job, which the sweep looks up by it.
  idOf: (data) => data.generationId,
  policy: ({ generation }) => ({
    retryLimit: generation.retryLimit,
    retryDelaySeconds: generation.retryDelaySeconds,
    retryBackoffMaxSeconds: generation.retryDelaySeconds > 0 ? RETRY_DELAY_MAX_SECONDS : null,
    expireInSeconds: generation.expireInSeconds,
    heartbeatSeconds: generation.heartbeatSeconds,
  }),
  working: ({ generation }) => ({
    concurrency: generation.workerConcurrency,
    pollIntervalSeconds: generation.pollIntervalSeconds,
  }),
  handler: ({ config, db, logger, metrics, queue }) =>
    createGenerationProcessor({
      db,
      jobs: queue,
      ai: createAiServiceClient(config.aiService),
      metrics: generationWorkerMetrics(metrics),
      logger,
    }),
});
