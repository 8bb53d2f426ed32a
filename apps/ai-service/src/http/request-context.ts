import type { Logger } from '@muse/logger';
import { requestIdFrom, runWithContext } from '@muse/request-context';
import type { RequestHandler } from 'express';
import type { Metrics } from '../metrics.ts';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Accepts the caller's x-request-id (or mints one), echoes it, runs the request inside its context so
 * every log line carries it, and records the request's duration and an access log line.
 */
export function requestContext(logger: Logger, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    runWithContext({ requestId }, () => {
      res.on('finish', () => {
        const durationMs = performance.now() - started;
        // The matched route pattern, not the raw path, keeps the label set small.
        const route = req.route ? `${req.baseUrl}${req.route.path}` : 'unmatched';
        metrics.httpRequestDuration.observe(
          { method: req.method, route, status_code: String(res.statusCode) },
          durationMs / 1000,
        );
        const line = {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Math.round(durationMs),
        };
        if (QUIET_PATHS.has(req.path)) logger.debug(line, 'request');
        else logger.info(line, 'request');
      });
      next();
    });
  };
}
