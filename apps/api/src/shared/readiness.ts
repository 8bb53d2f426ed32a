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
