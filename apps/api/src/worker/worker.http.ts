import { createServer, type Server } from 'node:http';
import { metricsScrapeStatus } from '@muse/config';
import { type HealthStatus, instanceHeaders } from '@muse/contracts';
import type { Registry } from 'prom-client';
import { readinessAnswer } from '../shared/readiness.ts';

export interface WorkerServerDeps {
  registry: Registry;
  /** The bearer token a scrape of /metrics must present; unset, /metrics is off. */
  metricsToken: string | undefined;
  /** Whether the worker can take jobs: the database answers and it is not shutting down. */
  ready(): Promise<boolean>;
  /** The launcher's MUSE_INSTANCE_ID, echoed on /healthz and /readyz. */
  instanceId: string | undefined;
}

/** The worker's operations endpoints: GET /healthz, /readyz and /metrics (Prometheus). */
export function createWorkerServer(deps: WorkerServerDeps): Server {
  return createServer((req, res) => {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    const instance = instanceHeaders(deps.instanceId);
    const path = new URL(req.url ?? '/', 'http://worker').pathname;
    if (req.method !== 'GET') {
      json(405, { error: { code: 'method_not_allowed', message: 'Only GET is served here' } });
      return;
    }
    if (path === '/healthz') {
      json(200, { status: 'ok', service: 'worker' } satisfies HealthStatus, instance);
    } else if (path === '/readyz') {
      void deps.ready().then((ready) => {
        const { httpStatus, body } = readinessAnswer('worker', ready);
        json(httpStatus, body, instance);
      });
    } else if (
      path === '/metrics' &&
      metricsScrapeStatus(req.headers.authorization, deps.metricsToken) === 401
    ) {
      json(401, { error: { code: 'unauthenticated', message: 'Metrics need the metrics token' } });
    } else if (path === '/metrics' && deps.metricsToken) {
      void deps.registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': deps.registry.contentType }).end(text);
      });
    } else {
      json(404, { error: { code: 'not_found', message: `No route for GET ${path}` } });
    }
  });
}
