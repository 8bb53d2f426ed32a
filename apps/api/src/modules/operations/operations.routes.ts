import { metricsScrapeStatus } from '@muse/config';
import { instanceHeaders, operationsRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { Registry } from 'prom-client';
import { AppError } from '../../http/app-error.ts';
import { implementRoute } from '../../http/route-registry.ts';
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
  return [
    implementRoute(operationsRoutes.healthz, {
      access: 'public',
      quiet: true,
      // Headers of its own: the launcher's instance id.
      respond: (_request, _caller, { res }) => {
        res.set(instanceHeaders(deps.instanceId));
        sendResponse(res, operationsRoutes.healthz, { status: 'ok', service: 'api' });
      },
    }),
    implementRoute(operationsRoutes.readyz, {
      access: 'public',
      quiet: true,
      // 503 while not ready, with the same body shape.
      async respond(_request, _caller, { res }) {
        const ready = await isReady({ db: deps.db, draining: deps.lifecycle.draining });
        const { httpStatus, body } = readinessAnswer('api', ready);
        res.set(instanceHeaders(deps.instanceId));
        res.status(httpStatus).json(body);
      },
    }),
    implementRoute(operationsRoutes.metrics, {
      access: 'metrics-token',
      quiet: true,
      // Prometheus text, not JSON.
      async respond(_request, _caller, { req, res }) {
        const status = metricsScrapeStatus(req.headers.authorization, deps.metricsToken);
        if (status !== 200) throw scrapeRefused(status);
        res.type(deps.metrics.contentType).send(await deps.metrics.metrics());
      },
    }),
  ];
}
