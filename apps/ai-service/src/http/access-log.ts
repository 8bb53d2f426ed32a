import type { Logger } from '@muse/logger';
import type { RequestHandler } from 'express';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** One log line per request when it finishes; probes and scrapes log at debug, so they do not drown the rest. */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const line = {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        durationMs: Math.round(performance.now() - started),
      };
      if (QUIET_PATHS.has(req.path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}
