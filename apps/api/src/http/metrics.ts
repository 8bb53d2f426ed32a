import type { ReplicaSet } from '@muse/db';
import { requestDurations } from '@muse/http';
import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import { routeOf } from './route-registry.ts';

export interface HttpMetrics {
  registry: Registry;
  middleware: RequestHandler;
}

/**
 * The API's registry, with request durations by the route template the registry matched, and
 * the tenant reads by where they ran (a replica or the primary).
 */
export function createHttpMetrics(
  registry = new Registry(),
  reads?: Pick<ReplicaSet, 'readCounts'>,
): HttpMetrics {
  collectDefaultMetrics({ register: registry });
  if (reads) {
    new Counter({
      name: 'db_tenant_reads_total',
      help: 'List and detail reads of tenant data by the database that served them',
      labelNames: ['target'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [target, count] of Object.entries(reads.readCounts())) this.inc({ target }, count);
      },
    });
  }
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
