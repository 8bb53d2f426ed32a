import { createServer, type Server } from 'node:http';
import { operationsRoutes } from '@muse/contracts';
import { errorHandler, HttpError, mountRoute, noRouteMessage, sendHealth, sendMetrics } from '@muse/http';
import type { Logger } from '@muse/logger';
import express from 'express';
import type { Registry } from 'prom-client';

export interface WorkerServerDeps {
  registry: Registry;
  /** The bearer token a scrape of /metrics must present; unset, /metrics is off. */
  metricsToken: string | undefined;
  /** Whether the worker can take jobs: the database answers and it is not shutting down. */
  ready(): Promise<boolean>;
  /** The launcher's MUSE_INSTANCE_ID, echoed on /healthz and /readyz. */
  instanceId: string | undefined;
  logger: Logger;
}

/** The worker's operations endpoints: GET /healthz, /readyz and /metrics (Prometheus), as the API answers them. */
export function createWorkerServer(deps: WorkerServerDeps): Server {
  const { instanceId } = deps;
  const app = express();
  app.disable('x-powered-by');
  mountRoute(app, operationsRoutes.healthz, (_req, res) =>
    sendHealth(res, { service: 'worker', instanceId }),
  );
  mountRoute(app, operationsRoutes.readyz, async (_req, res) => {
    sendHealth(res, { service: 'worker', instanceId, checks: { database: await deps.ready() } });
  });
  mountRoute(app, operationsRoutes.metrics, (req, res) =>
    sendMetrics(req, res, deps.registry, deps.metricsToken),
  );
  app.use((req, _res, next) => next(new HttpError(404, 'not_found', noRouteMessage(req))));
  app.use(
    errorHandler({
      toHttpError: (error) =>
        error instanceof HttpError ? error : new HttpError(500, 'internal', 'Something went wrong'),
      report: (error, answered) => {
        if (answered.status >= 500) deps.logger.error({ err: error }, 'worker endpoint failed');
      },
    }),
  );
  return createServer(app);
}
