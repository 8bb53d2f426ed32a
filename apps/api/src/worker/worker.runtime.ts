import type { AddressInfo } from 'node:net';
import { assertServiceLogin, createDatabase } from '@muse/db';
import type { Logger } from '@muse/logger';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { WorkerConfig } from '../config.ts';
import { startJobQueue } from '../jobs/job-queue.ts';
import { isReady } from '../shared/readiness.ts';
import { createWorkerServer } from './worker.http.ts';

export type RunningWorker = Awaited<ReturnType<typeof startWorker>>;

/**
 * A job worker: works every registered job (generations, the sweep of runs no worker will
 * finish), supervises the queue (a dead worker's job comes back), and serves /healthz, /readyz
 * and /metrics on WORKER_PORT.
 */
export async function startWorker(options: { config: WorkerConfig; logger: Logger }) {
  const { config, logger } = options;
  await assertServiceLogin(config.databaseUrl, 'app');
  const db = createDatabase({ url: config.databaseUrl, poolSize: config.generation.workerConcurrency + 2 });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const queue = await startJobQueue({
    databaseUrl: config.databaseUrl,
    config,
    role: 'worker',
    logger,
  }).catch(async (error: unknown) => {
    await db.disconnect();
    throw error;
  });
  await queue.work({ config, db, logger, metrics: registry, queue });

  let draining = false;
  const server = createWorkerServer({
    registry,
    metricsToken: config.metricsToken,
    instanceId: config.instanceId,
    ready: () => isReady({ db, draining }),
    logger,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.workerPort, () => resolve());
  });

  return {
    port: (server.address() as AddressInfo).port,
    /** Stops taking jobs, lets running ones finish for up to `drainMs`, and closes everything. */
    async stop(drainMs: number): Promise<void> {
      draining = true;
      await queue.stop(drainMs);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.disconnect();
    },
  };
}
