import { generationRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { Logger } from '@muse/logger';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { ApiConfig } from '../../config.ts';
import { implementRoute } from '../../http/route-registry.ts';
import { createGenerationAnswer } from './generations.answer.ts';
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
  const service = createGenerationsService({
    db: deps.db,
    queue: deps.queue,
    settings: deps.settings,
    metrics,
  });
  const answer = createGenerationAnswer({
    service,
    rateLimit: createGenerationRateLimit({
      perMinute: deps.settings.rateLimitPerMinute,
      redis: deps.redis,
      redisPrefix: deps.rateLimitPrefix,
      logger: deps.logger,
    }),
    metrics,
  });
  return [
    implementRoute(generationRoutes.generate, {
      access: 'generations.create',
      resources: { id: 'campaign' },
      // 202 or 200, and headers of its own: the generation answer.
      respond: ({ params, query, body }, actor, http) =>
        answer(
          {
            contract: generationRoutes.generate,
            kind: 'campaign',
            actor,
            wait: query.wait,
            start: (key) => service.generate(actor, params.id, body, key),
          },
          http,
        ),
    }),
    implementRoute(generationRoutes.regenerate, {
      access: 'generations.create',
      resources: { id: 'idea' },
      respond: ({ params, query, body }, actor, http) =>
        answer(
          {
            contract: generationRoutes.regenerate,
            kind: 'idea',
            actor,
            wait: query.wait,
            start: (key) => service.regenerate(actor, params.id, body, key),
          },
          http,
        ),
    }),
    implementRoute(generationRoutes.get, {
      access: 'generations.read',
      resources: { id: 'generation' },
      handle: ({ params }, actor) => service.get(actor, params.id),
    }),
    implementRoute(generationRoutes.listForCampaign, {
      access: 'generations.read',
      resources: { id: 'campaign' },
      handle: ({ params, query }, actor) => service.listForCampaign(actor, params.id, query),
    }),
  ];
}
