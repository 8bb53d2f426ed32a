import { metricsScrapeStatus } from '@muse/config';
import {
  GenerateIdeasRequest,
  type HealthStatus,
  instanceHeaders,
  PromptTemplateListing,
} from '@muse/contracts';
import { extendContext } from '@muse/request-context';
import express, { type Express } from 'express';
import { AppError } from './errors.ts';
import { errorHandler, notFound, parseBody } from './http/errors.ts';
import { requestContext } from './http/request-context.ts';
import { requireServiceToken } from './http/service-auth.ts';
import type { AppServices } from './services.ts';

/** Room for a full brief and 500 titles to avoid, with margin; anything larger is a mistake. */
export const MAX_BODY_SIZE = '512kb';

/** The HTTP app, without listening: main.ts listens, tests use port 0 or supertest. */
export function createApp(services: AppServices): Express {
  const { config, logger, metrics, prompts, llm, generator } = services;
  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(logger, metrics));

  app.get('/healthz', (_req, res) => {
    res.set(instanceHeaders(config.instanceId));
    res.json({ status: 'ok', service: 'ai-service' } satisfies HealthStatus);
  });

  app.get('/readyz', async (_req, res) => {
    const reachable = await llm.isReachable();
    const status: HealthStatus = {
      status: reachable ? 'ok' : 'unavailable',
      service: 'ai-service',
      checks: { llm: reachable ? 'ok' : 'failed' },
    };
    res.set(instanceHeaders(config.instanceId));
    res.status(reachable ? 200 : 503).json(status);
  });

  app.get('/metrics', async (req, res) => {
    const status = metricsScrapeStatus(req.headers.authorization, config.metricsToken);
    if (status === 404) throw new AppError('not_found', 'No route for GET /metrics');
    if (status === 401)
      throw new AppError('unauthenticated', 'Metrics need the metrics token (Authorization: Bearer …)');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const authenticated = requireServiceToken(config.serviceToken);

  app.get('/api/v1/templates', authenticated, (_req, res) => {
    res.json(PromptTemplateListing.parse(prompts.list()));
  });

  app.post('/api/v1/generate', authenticated, express.json({ limit: MAX_BODY_SIZE }), async (req, res) => {
    const request = parseBody(GenerateIdeasRequest, req.body);
    extendContext({ tenantId: request.tenantId });
    logger.info(
      { callerRequestId: request.requestId, counts: request.counts, platforms: request.platforms },
      'generation started',
    );
    // A caller that hangs up no longer needs the ideas: stop spending tokens on them.
    const callerGone = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) callerGone.abort();
    });
    res.json(await generator.generate(request, callerGone.signal));
  });

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
