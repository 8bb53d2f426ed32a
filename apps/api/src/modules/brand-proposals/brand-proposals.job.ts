import { z } from 'zod';
import { createAiServiceClient } from '../../ai/ai-service.client.ts';
import { defineJob } from '../../jobs/job.ts';
import { createBrandProposalDeriver } from './brand-proposals.deriver.ts';

export const DERIVE_BRAND_PROPOSALS_QUEUE = 'derive-brand-proposals';

/**
 * After a review round was answered: what the client's answers teach about its brand, as
 * proposals for the agency. One job per round (its id is the round's); retried with backoff while
 * the AI service fails for a while.
 */
export const deriveBrandProposalsJob = defineJob({
  name: DERIVE_BRAND_PROPOSALS_QUEUE,
  data: z.object({ tenantId: z.uuid(), roundId: z.uuid(), requestId: z.string().min(1).optional() }),
  idOf: (data) => data.roundId,
  policy: ({ generation }) => ({
    retryLimit: 3,
    retryDelaySeconds: generation.retryDelaySeconds,
    retryBackoffMaxSeconds: generation.retryDelaySeconds > 0 ? 600 : null,
    expireInSeconds: 300,
    heartbeatSeconds: generation.heartbeatSeconds,
  }),
  working: ({ generation }) => ({ concurrency: 1, pollIntervalSeconds: generation.pollIntervalSeconds }),
  handler: ({ config, db, logger, queue }) =>
    createBrandProposalDeriver({
      db,
      ai: createAiServiceClient(config.aiService),
      jobs: queue,
      tokensPerIdea: config.generation.tokensPerIdea,
      logger,
    }),
});
