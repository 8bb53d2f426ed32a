import { metricsScrapeStatus } from '@muse/config';
import { instanceHeaders, operationsRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { Registry } from 'prom-client';
import { AppError } from '../../http/app-error.ts';
import { defineRoutes } from '../../http/route-registry.ts';
import { sendResponse } from '../../http/validation.ts';
import { isReady, readinessAnswer } from '../../shared/readiness.ts';

/** Set when the process is shutting down, so load balancers stop sending traffic before it goes. */
export interface Lifecycle {
  draining: boolean;
}

function scrapeRefused(status: 401 | 404): AppError {
  return status === 404
    ? new AppError('not_found', 'No route for GET /metrics')
    : new AppError('unauthenticated', 'Metrics need the metrics token (Authorization: Bearer …)');
}

export function createOperationsRoutes(deps: {
  db: Database;
  metrics: Registry;
  metricsToken: string | undefined;
  lifecycle: Lifecycle;
  /** The launcher's MUSE_INSTANCE_ID, echoed on /healthz and /readyz. */
  instanceId: string | undefined;
}) {
  return defineRoutes(
    {
      contract: operationsRoutes.healthz,
      access: 'public',
      quiet: true,
      handler: (_req, res) => {
        res.set(instanceHeaders(deps.instanceId));
        sendResponse(res, operationsRoutes.healthz, { status: 'ok', service: 'api' });
      },
    },
    {
      contract: operationsRoutes.readyz,
      access: 'public',
      quiet: true,
      async handler(_req, res) {
        const ready = await isReady({ db: deps.db, draining: deps.lifecycle.draining });
        const { httpStatus, body } = readinessAnswer('api', ready);
        res.set(instanceHeaders(deps.instanceId));
        res.status(httpStatus).json(body);
      },
    },
    {
      contract: operationsRoutes.metrics,
      access: 'metrics-token',
      quiet: true,
      async handler(req, res) {
        const status = metricsScrapeStatus(req.headers.authorization, deps.metricsToken);
        if (status !== 200) throw scrapeRefused(status);
        res.type(deps.metrics.contentType).send(await deps.metrics.metrics());
      },
    },
  );
}
