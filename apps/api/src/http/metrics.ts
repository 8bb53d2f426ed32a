import { requestDurations } from '@muse/http';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { routeOf } from './route-registry.ts';

export interface HttpMetrics {
  registry: Registry;
  middleware: RequestHandler;
}

/** The API's registry, with request durations by the route template the registry matched. */
export function createHttpMetrics(registry = new Registry()): HttpMetrics {
  collectDefaultMetrics({ register: registry });
  const middleware = requestDurations({
    registry,
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    statusLabel: 'status',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    routeOf: (_req, res) => routeOf(res)?.contract.path,
  });
  return { registry, middleware };
}
