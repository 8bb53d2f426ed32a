import {
  aiServiceRoutes,
  FeedbackRequest,
  GenerateIdeasRequest,
  type GenerateProgress,
  PromptTemplateListing,
} from '@muse/contracts';
import { jsonBody, mountRoute, requestContext, sendHealth, sendMetrics } from '@muse/http';
import { extendContext } from '@muse/request-context';
import express, { type Express, type Request, type Response } from 'express';
import { accessLog } from './http/access-log.ts';
import { errorHandler, notFound, parseBody } from './http/errors.ts';
import { streamRun } from './http/progress-stream.ts';
import { requireServiceToken } from './http/service-auth.ts';
import type { AppServices } from './services.ts';

/** Room for a full brief and 500 titles to avoid, with margin; anything larger is a mistake. */
export const MAX_BODY_SIZE = '512kb';

/** A caller that hangs up no longer needs the answer: its signal stops spending tokens on it. */
function abortedOnHangUp(res: Response): AbortSignal {
  const callerGone = new AbortController();
  res.on('close', () => {
    if (!res.writableEnded) callerGone.abort();
  });
  return callerGone.signal;
}

/** The HTTP app, without listening: main.ts listens, tests use port 0 or supertest. */
export function createApp(services: AppServices): Express {
  const { config, logger, metrics, prompts, llm, generator, feedback } = services;
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

  /** Reads the request and starts the run; a caller that hangs up stops it. */
  function startRun(req: Request, res: Response) {
    const request = parseBody(GenerateIdeasRequest, req.body);
    extendContext({ tenantId: request.tenantId });
    logger.info(
      { callerRequestId: request.requestId, counts: request.counts, platforms: request.platforms },
      'generation started',
    );
    const callerGone = abortedOnHangUp(res);
    return (onProgress?: (progress: GenerateProgress) => void) =>
      generator.generate(request, callerGone, onProgress);
  }

  mountRoute(app, aiServiceRoutes.generate, authenticated, jsonBody(MAX_BODY_SIZE), async (req, res) => {
    res.json(await startRun(req, res)());
  });

  // Its own route rather than another answer of /generate: each route has one kind of answer,
  // and the request metrics and logs tell a streamed run from a plain one by its path.
  mountRoute(
    app,
    aiServiceRoutes.generateStream,
    authenticated,
    jsonBody(MAX_BODY_SIZE),
    async (req, res) => {
      await streamRun(res, logger, startRun(req, res));
    },
  );

  mountRoute(app, aiServiceRoutes.feedback, authenticated, jsonBody(MAX_BODY_SIZE), async (req, res) => {
    const request = parseBody(FeedbackRequest, req.body);
    extendContext({ tenantId: request.tenantId });
    res.json(await feedback.read(request, abortedOnHangUp(res)));
  });

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
