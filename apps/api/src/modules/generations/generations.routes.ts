import { generationRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { Logger } from '@muse/logger';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { ApiConfig } from '../../config.ts';
import { defineRoutes } from '../../http/route-registry.ts';
import { createGenerationsController } from './generations.controller.ts';
import { createGenerationApiMetrics } from './generations.metrics.ts';
import type { GenerationQueue } from './generations.queue.ts';
import { createGenerationRateLimit } from './generations.rate-limit.ts';
import { createGenerationsService } from './generations.service.ts';

export interface GenerationsRoutesDeps {
  db: Database;
  queue: Pick<GenerationQueue, 'enqueue' | 'untilFinished'>;
  settings: ApiConfig['generation'];
  metrics: Registry;
  logger: Logger;
  redis?: Redis;
  rateLimitPrefix?: string;
}

export function createGenerationsRoutes(deps: GenerationsRoutesDeps) {
  const metrics = createGenerationApiMetrics(deps.metrics, deps.db, deps.logger);
  const controller = createGenerationsController({
    service: createGenerationsService({ db: deps.db, queue: deps.queue, settings: deps.settings, metrics }),
    rateLimit: createGenerationRateLimit({
      perMinute: deps.settings.rateLimitPerMinute,
      redis: deps.redis,
      redisPrefix: deps.rateLimitPrefix,
      logger: deps.logger,
    }),
    metrics,
  });
  return defineRoutes(
    {
      contract: generationRoutes.generate,
      access: 'generations.create',
      resources: { id: 'campaign' },
      sample: { body: { numPosts: 2, numReels: 1, platforms: ['INSTAGRAM'] } },
      handler: controller.generate,
    },
    {
      contract: generationRoutes.regenerate,
      access: 'generations.create',
      resources: { id: 'idea' },
      sample: { body: { instructions: 'Make it warmer and shorter' } },
      handler: controller.regenerate,
    },
    {
      contract: generationRoutes.get,
      access: 'generations.read',
      resources: { id: 'generation' },
      handler: controller.get,
    },
    {
      contract: generationRoutes.listForCampaign,
      access: 'generations.read',
      resources: { id: 'campaign' },
      handler: controller.listForCampaign,
    },
  );
}
