import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp as createAiServiceApp } from '@muse/ai-service/src/app.ts';
import { parseAiServiceConfig } from '@muse/ai-service/src/config.ts';
import { createServices } from '@muse/ai-service/src/services.ts';
import { createDatabase, type Database } from '@muse/db';
import { setUpTestDatabase } from '@muse/db/test-database';
import { createLogger } from '@muse/logger';
import { createOfflineModelServer, type OfflineModelServer } from '@muse/offline-model';
import { inject } from 'vitest';
import { parseWorkerConfig } from '../config.ts';
import { startWorker } from '../worker/worker.runtime.ts';
import { TEST_METRICS_TOKEN } from './test-app.ts';

const API_DIR = path.resolve(import.meta.dirname, '../..');
export const AI_SERVICE_TOKEN = 'test-ai-service-token-0123456789';

/**
 * A set-up database of its own on the test server, so the jobs and workers of a test file meet
 * no one else's. `url` logs in as the services do.
 */
export async function createPrivateDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = inject('ownerDatabaseUrl');
  const name = `muse_generations_${randomBytes(5).toString('hex')}`;
  const run = async (sql: string) => {
    const admin = createDatabase({ url: serverUrl, poolSize: 1 });
    try {
      await admin.client.$executeRawUnsafe(sql);
    } finally {
      await admin.disconnect();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: await setUpTestDatabase(url.toString()),
    drop: () => run(`drop database ${name} with (force)`),
  };
}

export interface AiStack {
  /** The AI service's base URL, for AI_SERVICE_URL. */
  url: string;
  offline: OfflineModelServer;
  close(): Promise<void>;
}

/**
 * The offline model and the real ai-service in this process on free ports, with short LLM
 * retries; `env` sets more of the ai-service's variables (e.g. LLM_CONCURRENCY).
 */
export async function startAiStack(env: Record<string, string> = {}): Promise<AiStack> {
  const silent = (name: string) => createLogger(name, { level: 'silent' });
  const offline = createOfflineModelServer({ logger: silent('offline-model') });
  const { baseURL } = await offline.listen(0, '127.0.0.1');
  const config = parseAiServiceConfig({
    AI_SERVICE_TOKEN,
    OPENAI_BASE_URL: baseURL,
    LOG_LEVEL: 'silent',
    LLM_TIMEOUT_MS: '10000',
    LLM_MAX_ATTEMPTS: '3',
    LLM_TOTAL_BUDGET_MS: '20000',
    LLM_RETRY_BASE_MS: '20',
    LLM_RETRY_MAX_MS: '100',
    ...env,
  });
  const server = createAiServiceApp(createServices(config, silent('ai-service'))).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    offline,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await offline.close();
    },
  };
}

/** Worker settings that keep tests fast: quick polling and supervision, the shortest heartbeat. */
export function workerEnv(databaseUrl: string, aiServiceUrl: string, overrides: Record<string, string> = {}) {
  return {
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'test',
    AI_SERVICE_URL: aiServiceUrl,
    AI_SERVICE_TOKEN,
    AI_SERVICE_TIMEOUT_MS: '30000',
    GENERATION_POLL_INTERVAL_SECONDS: '0.5',
    GENERATION_SUPERVISE_INTERVAL_SECONDS: '1',
    GENERATION_HEARTBEAT_SECONDS: '10',
    GENERATION_RETRY_LIMIT: '1',
    GENERATION_RETRY_DELAY_SECONDS: '0',
    GENERATION_WORKER_CONCURRENCY: '2',
    WORKER_PORT: '0',
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...overrides,
  };
}

/** A worker in this process (for tests that do not kill it). */
export function startInProcessWorker(env: Record<string, string>) {
  return startWorker({
    config: parseWorkerConfig(env),
    logger: createLogger('worker-test', { level: 'silent' }),
  });
}

export interface ServiceProcess {
  child: ChildProcess;
  /** Its JSON log lines so far. */
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
  waitForLine(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
}

/** `src/worker.ts` as its own process, as the start command and docker compose run it. */
export function spawnWorker(env: Record<string, string>): ServiceProcess {
  return spawnService('src/worker.ts', env);
}

/** `src/main.ts` (the API) as its own process; its "api listening" line carries its URL. */
export function spawnApi(env: Record<string, string>): ServiceProcess {
  return spawnService('src/main.ts', env);
}

function spawnService(entry: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: API_DIR,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts.filter(Boolean)) lines.push(JSON.parse(line));
  });
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return {
    child,
    lines,
    exited: new Promise((resolve) => child.once('exit', resolve)),
    async waitForLine(msg, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const line = lines.find((entry) => entry.msg === msg);
        if (line) return line;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no "${msg}" from ${entry}; got ${JSON.stringify(lines)} ${stderr.join('')}`);
    },
  };
}

/** Whether the worker's log says it finished this generation. */
export const finishedBy = (worker: ServiceProcess, generationId: string) =>
  worker.lines.some((line) => line.msg === 'generation finished' && line.generationId === generationId);

/** Polls `check` until it returns a value other than undefined. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A campaign with a full brief (objective, key messages, themes) for the agency's client, as
 * generation tests ask ideas for; `platforms` and the counts may be chosen.
 */
export function makeBriefedCampaign(
  db: Database,
  agency: { tenant: { id: string }; client: { id: string } },
  overrides: {
    numPosts?: number;
    numReels?: number;
    platforms?: ('INSTAGRAM' | 'TIKTOK' | 'LINKEDIN')[];
  } = {},
) {
  return db.withTenantTx(agency.tenant.id, (tx) =>
    tx.campaign.create({
      data: {
        tenantId: agency.tenant.id,
        clientId: agency.client.id,
        name: 'Slow Mornings',
        objective: 'Grow awareness of the new oat latte with commuters',
        brief: 'Launch the oat latte in all twelve cafés.',
        keyMessages: ['Made with oats from farms within 50 miles'],
        themes: ['slow mornings', 'local farms'],
        platforms: overrides.platforms ?? ['INSTAGRAM', 'TIKTOK'],
        numPosts: overrides.numPosts ?? 2,
        numReels: overrides.numReels ?? 1,
        status: 'ACTIVE',
      },
    }),
  );
}
