import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { routeOf } from './route-registry.ts';

export interface HttpMetrics {
  registry: Registry;
  middleware: RequestHandler;
}

/** Request durations by route template (never the raw URL: ids would explode the label set). */
export function createHttpMetrics(registry = new Registry()): HttpMetrics {
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const middleware: RequestHandler = (req, res, next) => {
    const stop = duration.startTimer();
    res.on('finish', () => {
      stop({
        method: req.method,
        route: routeOf(res)?.contract.path ?? 'unmatched',
        status: String(res.statusCode),
      });
    });
    next();
  };
  return { registry, middleware };
}
