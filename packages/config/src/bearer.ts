import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an `Authorization` header carries `Bearer <secret>`. Both sides are hashed first, so the
 * comparison takes the same time whatever the length or content of the guess.
 */
export function bearerMatches(authorization: string | undefined, secret: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(secret));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Who may scrape `/metrics`: nobody when no METRICS_TOKEN is configured (the endpoint is off and
 * answers 404), else only a caller presenting it (401 otherwise). Metrics name routes, volumes
 * and queue depths across tenants: not for the public.
 */
export function metricsScrapeStatus(
  authorization: string | undefined,
  token: string | undefined,
): 200 | 401 | 404 {
  if (!token) return 404;
  return bearerMatches(authorization, token) ? 200 : 401;
}
