import type { AddressInfo } from 'node:net';
import type { Database } from '@muse/db';
import { createLogger, type Logger } from '@muse/logger';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import supertest from 'supertest';
import { inject } from 'vitest';
import { createApp } from '../app.ts';
import { type ApiConfig, parseApiConfig } from '../config.ts';
import { type JobQueue, startJobQueue } from '../jobs/job-queue.ts';
import { startAuthChanges } from '../modules/auth/auth-changes.ts';
import { createTokenVerifier } from '../modules/auth/token-verifier.ts';
import { type GenerationQueue, startGenerationQueue } from '../modules/generations/generations.queue.ts';
import { type LiveHub, startLiveHub } from '../modules/live/live.hub.ts';
import type { Lifecycle } from '../modules/operations/operations.routes.ts';
import { createTestDatabase } from './owner-database.ts';

/** The web origin test tokens are minted for (their `azp`). */
export const TEST_WEB_ORIGIN = 'http://web.muse.test';
/** What a test's Prometheus presents to GET /metrics. */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

export interface TestAppOptions {
  /** Environment variables on top of the test defaults. */
  env?: Record<string, string>;
  redis?: Redis;
  rateLimitPrefix?: string;
  logger?: Logger;
  db?: Database;
  lifecycle?: Lifecycle;
  /** The API's job queue and its generation side; started for the app (and stopped with it) when absent. */
  queues?: Pick<ApiQueues, 'jobs' | 'generationQueue'>;
}

export type ApiQueues = { jobs: JobQueue; generationQueue: GenerationQueue; stop(): Promise<void> };

export interface TestApp {
  app: Express;
  db: Database;
  generationQueue: GenerationQueue;
  jobs: JobQueue;
  live: LiveHub;
  http: supertest.Agent;
  url: string;
  close(): Promise<void>;
}

/** The real app on a free port, logged in to the test database as the API logs in. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = parseApiConfig({
    DATABASE_URL: inject('databaseUrl'),
    NODE_ENV: 'test',
    WEB_ORIGIN: TEST_WEB_ORIGIN,
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_PER_TENANT_PER_MINUTE: '100000',
    RATE_LIMIT_PER_IP_PER_MINUTE: '100000',
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...options.env,
  });
  const db = options.db ?? createTestDatabase(config.databaseUrl);
  const logger = options.logger ?? createLogger('api-test', { level: 'silent' });
  const started = options.queues ? undefined : await startApiQueues(config, logger);
  const { generationQueue, jobs } = options.queues ?? (started as ApiQueues);
  const live = startLiveHub({ databaseUrl: config.databaseUrl, logger });
  const authChanges = startAuthChanges({ databaseUrl: config.databaseUrl, logger });
  await Promise.all([live.ready, authChanges.ready]);
  const app = createApp({
    config,
    db,
    logger,
    verifier: createTokenVerifier({
      jwtKey: inject('authPublicKey'),
      authorizedParties: config.auth.authorizedParties,
    }),
    redis: options.redis,
    rateLimitPrefix: options.rateLimitPrefix,
    lifecycle: options.lifecycle,
    generationQueue,
    jobs,
    live,
    authChanges,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    db,
    generationQueue,
    jobs,
    live,
    http: supertest.agent(url),
    url,
    async close() {
      await live.close();
      await authChanges.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await started?.stop();
      if (!options.db) await db.disconnect();
    },
  };
}

/** The API's job queue and its generation side, stopped together. */
export async function startApiQueues(config: ApiConfig, logger: Logger): Promise<ApiQueues> {
  const jobs = await startJobQueue({ databaseUrl: config.databaseUrl, config, role: 'api', logger });
  const generationQueue = await startGenerationQueue({ jobs, databaseUrl: config.databaseUrl, logger });
  return {
    jobs,
    generationQueue,
    async stop() {
      await generationQueue.stop();
      await jobs.stop();
    },
  };
}
