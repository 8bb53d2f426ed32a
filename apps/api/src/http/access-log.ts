import type { Logger } from '@muse/logger';
import type { RequestHandler } from 'express';
import { routeOf } from './route-registry.ts';

/**
 * One log line per request when it finishes. Probes and scrapes log at debug, so they do not
 * drown the rest; the logger's redaction keeps the authorization header out.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = routeOf(res);
      const fields = {
        req: { method: req.method, url: withoutTokens(req.originalUrl), headers: req.headers },
        route: route?.contract.path,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      };
      if (route?.quiet) logger.debug(fields, 'request');
      else logger.info(fields, 'request');
    });
    next();
  };
}

/** The live stream's address carries its token (EventSource sends no headers): it is not logged. */
function withoutTokens(url: string): string {
  return url.replace(/([?&]token=)[^&]*/g, '$1[redacted]');
}
