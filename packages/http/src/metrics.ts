import type { Request, RequestHandler, Response } from 'express';
import { Histogram, type Registry } from 'prom-client';

export interface RequestDurationOptions {
  registry: Registry;
  name: string;
  help: string;
  /** The label of the response status (`status` or `status_code`, as the service's dashboards read it). */
  statusLabel: string;
  buckets: number[];
  /** The route template the request matched: never the raw URL, whose ids would explode the label set. */
  routeOf(req: Request, res: Response): string | undefined;
}

/** Records each request's duration by method, route template and status once it finishes. */
export function requestDurations(options: RequestDurationOptions): RequestHandler {
  const duration = new Histogram({
    name: options.name,
    help: options.help,
    labelNames: ['method', 'route', options.statusLabel],
    buckets: options.buckets,
    registers: [options.registry],
  });
  return (req, res, next) => {
    const stop = duration.startTimer();
    res.on('finish', () => {
      stop({
        method: req.method,
        route: options.routeOf(req, res) ?? 'unmatched',
        [options.statusLabel]: String(res.statusCode),
      });
    });
    next();
  };
}
