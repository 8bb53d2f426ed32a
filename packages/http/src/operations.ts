import { metricsScrapeStatus } from '@muse/config';
import { type HealthStatus, instanceHeaders } from '@muse/contracts';
import type { Request, Response } from 'express';
import type { Registry } from 'prom-client';
import { HttpError } from './http-error.ts';

/**
 * Answers a health check: 200 when every check passed, 503 otherwise, echoing the launcher's
 * instance id so it knows its own services.
 */
export function sendHealth(
  res: Response,
  health: { service: string; instanceId: string | undefined; checks?: Record<string, boolean> },
): void {
  const checks = health.checks ?? {};
  const ok = Object.values(checks).every(Boolean);
  const body: HealthStatus = {
    status: ok ? 'ok' : 'unavailable',
    service: health.service,
    ...(health.checks
      ? {
          checks: Object.fromEntries(
            Object.entries(checks).map(([name, passed]) => [name, passed ? 'ok' : 'failed']),
          ),
        }
      : {}),
  };
  res.set(instanceHeaders(health.instanceId));
  res.status(ok ? 200 : 503).json(body);
}

/** Answers a scrape of `registry`: only for a caller presenting the metrics token; off without one. */
export async function sendMetrics(
  req: Request,
  res: Response,
  registry: Registry,
  token: string | undefined,
): Promise<void> {
  const status = metricsScrapeStatus(req.headers.authorization, token);
  if (status === 404) throw new HttpError(404, 'not_found', `No route for GET ${req.path}`);
  if (status === 401) {
    throw new HttpError(401, 'unauthenticated', 'Metrics need the metrics token (Authorization: Bearer …)');
  }
  res.type(registry.contentType).send(await registry.metrics());
}
