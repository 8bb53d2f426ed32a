import type { HealthStatus } from '@muse/contracts';
import type { Database } from '@muse/db';

/** How long /readyz waits for the database before calling it down. */
const READINESS_TIMEOUT_MS = 2_000;

/** Whether the api or the worker can serve: it is not shutting down and the database answers in time. */
export async function isReady(deps: { db: Pick<Database, 'ping'>; draining: boolean }): Promise<boolean> {
  if (deps.draining) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READINESS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([deps.db.ping().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The /readyz answer of a service: 200 when ready, 503 naming the failed check otherwise. */
export function readinessAnswer(
  service: 'api' | 'worker',
  ready: boolean,
): { httpStatus: 200 | 503; body: HealthStatus } {
  return {
    httpStatus: ready ? 200 : 503,
    body: { status: ready ? 'ok' : 'unavailable', service, checks: { database: ready ? 'ok' : 'failed' } },
  };
}
