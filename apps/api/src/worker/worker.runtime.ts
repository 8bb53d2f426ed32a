import type { AddressInfo } from 'node:net';
import { assertServiceLogin, createDatabase } from '@muse/db';
import type { Logger } from '@muse/logger';
import { runWithContext } from '@muse/request-context';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createAiServiceClient } from '../ai/ai-service.client.ts';
import type { WorkerConfig } from '../config.ts';
import { createGenerationWorkerMetrics } from '../modules/generations/generations.metrics.ts';
import { createGenerationProcessor } from '../modules/generations/generations.processor.ts';
import { startGenerationQueue } from '../modules/generations/generations.queue.ts';
import { createGenerationSweeper } from '../modules/generations/generations.sweeper.ts';
import { isReady } from '../shared/readiness.ts';
import { createWorkerServer } from './worker.http.ts';

export type RunningWorker = Awaited<ReturnType<typeof startWorker>>;

/**
 * A generation worker: takes jobs from the queue, supervises it (a dead worker's job comes back),
 * sweeps runs no worker will finish, and serves /healthz, /readyz and /metrics on WORKER_PORT.
 */
export async function startWorker(options: { config: WorkerConfig; logger: Logger }) {
  const { config, logger } = options;
  const settings = config.generation;
  await assertServiceLogin(config.databaseUrl, 'app');
  const db = createDatabase({ url: config.databaseUrl, poolSize: settings.workerConcurrency + 2 });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = createGenerationWorkerMetrics(registry);
  const queue = await startGenerationQueue({
    databaseUrl: config.databaseUrl,
    settings,
    role: 'worker',
    logger,
  }).catch(async (error: unknown) => {
    await db.disconnect();
    throw error;
  });

  const processGeneration = createGenerationProcessor({
    db,
    ai: createAiServiceClient(config.aiService),
    metrics,
    logger,
  });
  await queue.work(settings.workerConcurrency, (job) =>
    runWithContext({ requestId: job.data.requestId, tenantId: job.data.tenantId }, () =>
      processGeneration(job),
    ),
  );

  const sweep = createGenerationSweeper({ db, boss: queue.boss, metrics, logger });
  let sweeping: Promise<unknown> | undefined;
  const runSweep = () => {
    sweeping ??= sweep()
      .catch((error: unknown) => logger.error({ err: error }, 'generation sweep failed'))
      .finally(() => {
        sweeping = undefined;
      });
  };
  runSweep();
  const sweepTimer = setInterval(runSweep, settings.sweepIntervalSeconds * 1000);

  let draining = false;
  const server = createWorkerServer({
    registry,
    metricsToken: config.metricsToken,
    instanceId: config.instanceId,
    ready: () => isReady({ db, draining }),
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
      clearInterval(sweepTimer);
      await queue.stop(drainMs);
      await sweeping;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.disconnect();
    },
  };
}
