import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSigterm } from './items/sigterm.ts';
import { settings } from './mode.ts';
import { type GenerationStack, startGenerationStack } from './stack/generation-stack.ts';
import type { ServiceProcess } from './stack/service-process.ts';
import { summaryFor } from './summary.ts';

describe('SIGTERM under load', () => {
  let stack: GenerationStack;
  let worker: ServiceProcess;
  beforeAll(async () => {
    // The AI budgets outlast the slow model here: a run must succeed, not time out.
    stack = await startGenerationStack('SIGTERM under load', {
      generation: { AI_SERVICE_TIMEOUT_MS: '30000', GENERATION_JOB_EXPIRE_SECONDS: '60' },
      aiService: { LLM_TIMEOUT_MS: '20000', LLM_TOTAL_BUDGET_MS: '25000' },
    });
    worker = await stack.startWorker('worker');
  });
  afterAll(() => stack?.stop());

  it(
    'when the API and a worker get SIGTERM under load, then no in-flight request fails and the in-flight job is finished or released',
    async ({ task }) => {
      const summary = summaryFor(task, 'SIGTERM under load');
      const outcome = await checkSigterm(stack, worker);
      summary.record(outcome);
      expect(outcome.problems).toEqual([]);
    },
    settings.itemTimeoutMs,
  );
});
