import { aiServiceRoutes, GenerateIdeasRequest, PromptTemplateListing } from '@muse/contracts';
import { jsonBody, mountRoute, requestContext, sendHealth, sendMetrics } from '@muse/http';
import { extendContext } from '@muse/request-context';
import express, { type Express } from 'express';
import { accessLog } from './http/access-log.ts';
import { errorHandler, notFound, parseBody } from './http/errors.ts';
import { requireServiceToken } from './http/service-auth.ts';
import type { AppServices } from './services.ts';

/** Room for a full brief and 500 titles to avoid, with margin; anything larger is a mistake. */
export const MAX_BODY_SIZE = '512kb';

/** The HTTP app, without listening: main.ts listens, tests use port 0 or supertest. */
export function createApp(services: AppServices): Express {
  const { config, logger, metrics, prompts, llm, generator } = services;
  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(), accessLog(logger), metrics.httpRequestDurations);

  app.get('/healthz', (_req, res) => {
    sendHealth(res, { service: 'ai-service', instanceId: config.instanceId });
  });

  app.get('/readyz', async (_req, res) => {
    sendHealth(res, {
      service: 'ai-service',
      instanceId: config.instanceId,
      checks: { llm: await llm.isReachable() },
    });
  });

  app.get('/metrics', (req, res) => sendMetrics(req, res, metrics.registry, config.metricsToken));

  const authenticated = requireServiceToken(config.serviceToken);

  mountRoute(app, aiServiceRoutes.templates, authenticated, (_req, res) => {
    res.json(PromptTemplateListing.parse(prompts.list()));
  });

  mountRoute(app, aiServiceRoutes.generate, authenticated, jsonBody(MAX_BODY_SIZE), async (req, res) => {
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
