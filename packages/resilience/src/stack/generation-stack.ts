import { freePort } from '@muse/config/ports';
import { createLogger } from '@muse/logger';
import { createOfflineModelServer } from '@muse/offline-model';
import { type BaseStack, startBaseStack } from './base-stack.ts';
import type { ServiceProcess } from './service-process.ts';
import { startAiService, startApi, startWorker } from './services.ts';

/**
 * Generation settings shared by the API (it creates the queue) and the workers (they own its
 * policy): short AI budgets and quick retries, so a failing run ends in seconds, not minutes.
 */
const GENERATION_ENV = {
  GENERATION_RETRY_LIMIT: '2',
  GENERATION_RETRY_DELAY_SECONDS: '1',
  AI_SERVICE_TIMEOUT_MS: '4000',
  GENERATION_JOB_EXPIRE_SECONDS: '40',
  GENERATION_WORKER_CONCURRENCY: '4',
};

/** The AI service gives up on a model call after ~1.2 s and answers with its own error. */
const AI_SERVICE_ENV = {
  LLM_TIMEOUT_MS: '1000',
  LLM_MAX_ATTEMPTS: '1',
  LLM_TOTAL_BUDGET_MS: '1200',
  LLM_RETRY_BASE_MS: '50',
  LLM_RETRY_MAX_MS: '200',
};

/**
 * The base stack plus the generation pipeline: the offline model in this process (its faults and
 * latency set directly), the AI service and the workers as processes of their own.
 */
export async function startGenerationStack(
  item: string,
  overrides: { generation?: Record<string, string>; aiService?: Record<string, string> } = {},
) {
  const model = createOfflineModelServer({ logger: createLogger('offline-model', { level: 'silent' }) });
  const { baseURL } = await model.listen(0, '127.0.0.1');
  const aiPort = await freePort();
  const env = { ...GENERATION_ENV, ...overrides.generation, AI_SERVICE_URL: `http://127.0.0.1:${aiPort}` };
  const aiServiceEnv = { ...AI_SERVICE_ENV, ...overrides.aiService };
  let base: BaseStack | undefined;
  let ai: ServiceProcess | undefined;
  /** Workers and extra API instances, stopped with the stack. */
  const processes: ServiceProcess[] = [];
  try {
    base = await startBaseStack(item, env);
    const { run, database, authority } = base;
    const startAi = () =>
      startAiService({ port: aiPort, modelBaseUrl: baseURL, logDir: run.logs, env: aiServiceEnv });
    ai = await startAi();
    const stack = base;
    return {
      ...stack,
      model,
      /** Stops the AI service: its port refuses connections until startAiService. */
      async stopAiService(): Promise<void> {
        await ai?.stop();
        ai = undefined;
      },
      async startAiService(): Promise<void> {
        ai ??= await startAi();
      },
      /** Another API process on the same database, as a second instance behind a load balancer. */
      async startApi(name: string) {
        const api = await startApi({
          name,
          databaseUrl: database.appUrl,
          dataDir: authority.dataDir,
          logDir: run.logs,
          env,
        });
        processes.push(api);
        return api;
      },
      async startWorker(name: string): Promise<ServiceProcess> {
        const worker = await startWorker({
          name,
          databaseUrl: database.appUrl,
          dataDir: authority.dataDir,
          logDir: run.logs,
          env,
        });
        processes.push(worker);
        return worker;
      },
      async stop(): Promise<void> {
        for (const service of processes) await service.stop();
        await ai?.stop();
        await model.close();
        await stack.stop();
      },
    };
  } catch (error) {
    await ai?.stop();
    await model.close();
    await base?.stop();
    throw error;
  }
}

export type GenerationStack = Awaited<ReturnType<typeof startGenerationStack>>;
