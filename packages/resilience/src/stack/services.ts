import { freePort } from '@muse/config/ports';
import { WEB_ORIGIN } from './auth.ts';
import { type ServiceProcess, startService } from './service-process.ts';

/** The service token the API's worker presents to the AI service. */
export const AI_SERVICE_TOKEN = 'resilience-ai-service-token-0123456789';

export interface ApiOptions {
  databaseUrl: string;
  /** MUSE_DATA_DIR: where the local key pair the API trusts lives. */
  dataDir: string;
  logDir: string;
  /** Extra or overriding variables (AI_SERVICE_URL for the worker). */
  env?: Record<string, string>;
  name?: string;
}

/** Variables common to the API and the worker: local auth, rate limits out of the way of the load. */
function serverEnv(options: ApiOptions): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: options.databaseUrl,
    MUSE_DATA_DIR: options.dataDir,
    AUTH_MODE: 'local',
    WEB_ORIGIN,
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_TENANT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_IP_PER_MINUTE: '1000000',
    GENERATION_RATE_LIMIT_PER_MINUTE: '10000',
    AI_SERVICE_TOKEN,
    ...options.env,
  };
}

/** `apps/api` as its own process (src/main.ts), on a free port. */
export async function startApi(options: ApiOptions): Promise<ServiceProcess & { url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = await startService(
    {
      name: options.name ?? 'api',
      cwd: 'apps/api',
      entry: 'src/main.ts',
      env: { ...serverEnv(options), PORT: String(port) },
      readyUrl: `${url}/readyz`,
    },
    options.logDir,
  );
  return Object.assign(api, { url });
}

/** The generation worker (apps/api src/worker.ts) as its own process, with test-paced polling. */
export async function startWorker(options: ApiOptions): Promise<ServiceProcess> {
  const port = await freePort();
  return startService(
    {
      name: options.name ?? 'worker',
      cwd: 'apps/api',
      entry: 'src/worker.ts',
      env: {
        GENERATION_POLL_INTERVAL_SECONDS: '0.5',
        GENERATION_SUPERVISE_INTERVAL_SECONDS: '1',
        GENERATION_SWEEP_INTERVAL_SECONDS: '1',
        GENERATION_HEARTBEAT_SECONDS: '10',
        ...serverEnv(options),
        WORKER_PORT: String(port),
      },
      readyUrl: `http://127.0.0.1:${port}/readyz`,
    },
    options.logDir,
  );
}

/** `apps/ai-service` as its own process on `port`, calling the model at `modelBaseUrl`. */
export function startAiService(options: {
  port: number;
  modelBaseUrl: string;
  logDir: string;
  env?: Record<string, string>;
}): Promise<ServiceProcess> {
  return startService(
    {
      name: 'ai-service',
      cwd: 'apps/ai-service',
      entry: 'src/main.ts',
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: String(options.port),
        AI_SERVICE_TOKEN,
        OPENAI_BASE_URL: options.modelBaseUrl,
        ...options.env,
      },
      readyUrl: `http://127.0.0.1:${options.port}/readyz`,
    },
    options.logDir,
  );
}
