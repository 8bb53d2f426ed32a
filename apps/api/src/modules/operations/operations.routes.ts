import { type HealthStatus, operationsRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import type { Registry } from 'prom-client';
import { defineRoutes } from '../../http/route-registry.ts';
import { sendResponse } from '../../http/validation.ts';

/** Set when the process is shutting down, so load balancers stop sending traffic before it goes. */
export interface Lifecycle {
  draining: boolean;
}

const READINESS_TIMEOUT_MS = 2_000;

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

export function createOperationsRoutes(deps: { db: Database; metrics: Registry; lifecycle: Lifecycle }) {
  return defineRoutes(
    {
      contract: operationsRoutes.healthz,
      access: 'public',
      quiet: true,
      handler: (_req, res) => sendResponse(res, operationsRoutes.healthz, { status: 'ok', service: 'api' }),
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
        res.status(database ? 200 : 503).json(body);
      },
    },
    {
      contract: operationsRoutes.metrics,
      access: 'public',
      quiet: true,
      async handler(_req, res) {
        res.type(deps.metrics.contentType).send(await deps.metrics.metrics());
      },
    },
  );
}
