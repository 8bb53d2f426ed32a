import { operationsRoutes } from '@muse/contracts';
import type { Database } from '@muse/db';
import { sendHealth, sendMetrics } from '@muse/http';
import type { Registry } from 'prom-client';
import { implementRoute } from '../../http/route-registry.ts';
import { isReady } from '../../shared/readiness.ts';

/** Set when the process is shutting down, so load balancers stop sending traffic before it goes. */
export interface Lifecycle {
  draining: boolean;
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
      respond: (_request, _caller, { res }) =>
        sendHealth(res, { service: 'api', instanceId: deps.instanceId }),
    }),
    implementRoute(operationsRoutes.readyz, {
      access: 'public',
      quiet: true,
      // 503 while not ready, with the same body shape.
      async respond(_request, _caller, { res }) {
        const database = await isReady({ db: deps.db, draining: deps.lifecycle.draining });
        sendHealth(res, { service: 'api', instanceId: deps.instanceId, checks: { database } });
      },
    }),
    implementRoute(operationsRoutes.metrics, {
      access: 'metrics-token',
      quiet: true,
      // Prometheus text, not JSON.
      respond: (_request, _caller, { req, res }) => sendMetrics(req, res, deps.metrics, deps.metricsToken),
    }),
  ];
}
