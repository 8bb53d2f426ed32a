import type { AddressInfo } from 'node:net';
import { dataDir } from '@muse/config';
import { assertServiceLogin, createDatabase } from '@muse/db';
import { ensureLocalKeyPair } from '@muse/local-auth';
import { createLogger } from '@muse/logger';
import { Redis } from 'ioredis';
import { createApp } from './app.ts';
import { loadApiConfig } from './config.ts';
import { startJobQueue } from './jobs/job-queue.ts';
import { startAuthChanges } from './modules/auth/auth-changes.ts';
import { createTokenVerifier } from './modules/auth/token-verifier.ts';
import { startGenerationQueue } from './modules/generations/generations.queue.ts';
import { startLiveHub } from './modules/live/live.hub.ts';
import type { Lifecycle } from './modules/operations/operations.routes.ts';

/** In-flight requests get this long to finish after SIGTERM (inside Docker's default 10 s grace). */
const DRAIN_TIMEOUT_MS = 8_000;
/**
 * After SIGTERM the API keeps listening this long, with /readyz failing and every response closing
 * its connection: a request already on its way over an idle keep-alive connection is answered
 * rather than reset when the server closes.
 */
const HANDOFF_MS = 500;

const config = loadApiConfig();
const logger = createLogger('api', { level: config.logLevel });

process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception');
  process.exit(1);
});

const jwtKey =
  config.auth.mode === 'clerk'
    ? (config.auth.clerkJwtKey as string)
    : ensureLocalKeyPair(dataDir()).publicKeyPem;
if (config.auth.mode === 'local') {
  logger.warn('AUTH_MODE=local: tokens signed by the local key pair are accepted (development and demos)');
}

await assertServiceLogin(config.databaseUrl, 'app').catch((error: unknown) => {
  logger.fatal({ err: error }, 'refusing to start with this database login');
  process.exit(1);
});
const db = createDatabase({
  url: config.databaseUrl,
  poolSize: config.databasePoolSize,
  replicas: config.databaseReplicas,
  // Every statement at debug level: for diagnosing, and for the benchmark's baseline to replay.
  onQuery: logger.isLevelEnabled('debug') ? (query) => logger.debug(query, 'sql') : undefined,
});
const redis = config.redisUrl ? await connectRedis(config.redisUrl) : undefined;
const cannotStartJobs = (error: unknown): never => {
  logger.fatal({ err: error }, 'cannot start the job queue');
  process.exit(1);
};
const jobs = await startJobQueue({ databaseUrl: config.databaseUrl, config, role: 'api', logger }).catch(
  cannotStartJobs,
);
const generationQueue = await startGenerationQueue({
  jobs,
  databaseUrl: config.databaseUrl,
  logger,
}).catch(cannotStartJobs);
const live = startLiveHub({ databaseUrl: config.databaseUrl, logger });
const authChanges = startAuthChanges({ databaseUrl: config.databaseUrl, logger });
await Promise.all([live.ready, authChanges.ready]);
const lifecycle: Lifecycle = { draining: false };
const app = createApp({
  config,
  db,
  logger,
  verifier: createTokenVerifier({ jwtKey, authorizedParties: config.auth.authorizedParties }),
  redis,
  lifecycle,
  generationQueue,
  jobs,
  live,
  authChanges,
});

const server = app.listen(config.port, (error?: Error) => {
  if (error) {
    logger.fatal({ err: error }, 'cannot listen');
    process.exit(1);
  }
  const { port } = server.address() as AddressInfo;
  logger.info({ url: `http://localhost:${port}`, authMode: config.auth.mode }, 'api listening');
});

// Once shutting down, every response closes its connection: keep-alive clients stop sending here,
// so the drain ends when the requests in flight do rather than at DRAIN_TIMEOUT_MS.
server.prependListener('request', (_req, res) => {
  if (lifecycle.draining) res.setHeader('Connection', 'close');
});

/** Rate limits fail open when Redis is down later, but a wrong REDIS_URL should stop the start. */
async function connectRedis(url: string): Promise<Redis> {
  const client = new Redis(url, { maxRetriesPerRequest: 2, commandTimeout: 1_000, lazyConnect: true });
  client.on('error', (error) => logger.warn({ err: error }, 'redis error'));
  try {
    await client.connect();
  } catch (error) {
    logger.fatal({ err: error }, 'cannot connect to REDIS_URL');
    process.exit(1);
  }
  return client;
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  lifecycle.draining = true;
  logger.info({ signal }, 'shutting down: draining requests');
  await new Promise((resolve) => setTimeout(resolve, HANDOFF_MS));
  // Streams never finish by themselves: end them now, and their pages reconnect elsewhere.
  await live.close();
  const forced = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  clearTimeout(forced);
  await authChanges.close();
  await generationQueue.stop();
  await jobs.stop();
  await db.disconnect();
  await redis?.quit();
  logger.info('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
