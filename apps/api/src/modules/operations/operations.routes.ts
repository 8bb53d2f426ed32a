import { metricsScrapeStatus } from '@muse/config';
import { type HealthStatus, instanceHeaders, operationsRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { Registry } from 'prom-client';
import { AppError } from '../../http/app-error.ts';
import { defineRoutes } from '../../http/route-registry.ts';
import { sendResponse } from '../../http/validation.ts';

/** Set when the process is shutting down, so load balancers stop sending traffic before it goes. */
export interface Lifecycle {
  draining: boolean;
}

const READINESS_TIMEOUT_MS = 2_000;

function scrapeRefused(status: 401 | 404): AppError {
  return status === 404
    ? new AppError('not_found', 'No route for GET /metrics')
    : new AppError('unauthenticated', 'Metrics need the metrics token (Authorization: Bearer …)');
}

async function databaseAnswers(db: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READINESS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([db.ping().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
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
        const database = !deps.lifecycle.draining && (await databaseAnswers(deps.db));
        const body: HealthStatus = {
          status: database ? 'ok' : 'unavailable',
          service: 'api',
          checks: { database: database ? 'ok' : 'failed' },
        };
        res.set(instanceHeaders(deps.instanceId));
        res.status(database ? 200 : 503).json(body);
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
