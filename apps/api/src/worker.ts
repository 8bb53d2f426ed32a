import { createLogger } from '@muse/logger';
import { loadWorkerConfig } from './config.ts';
import { startWorker } from './worker/worker.runtime.ts';

/** Running generations get this long to finish after SIGTERM; a job cut off is retried by another worker. */
const DRAIN_TIMEOUT_MS = 8_000;

const config = loadWorkerConfig();
const logger = createLogger('worker', { level: config.logLevel });

process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception');
  process.exit(1);
});

const worker = await startWorker({ config, logger }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'cannot start the worker');
  process.exit(1);
});
logger.info(
  { port: worker.port, concurrency: config.generation.workerConcurrency, aiService: config.aiService.url },
  'worker started',
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing running generations');
  await worker.stop(DRAIN_TIMEOUT_MS);
  logger.info('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
