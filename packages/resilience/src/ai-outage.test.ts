import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAiOutage } from './items/ai-outage.ts';
import { settings } from './mode.ts';
import { type GenerationStack, startGenerationStack } from './stack/generation-stack.ts';
import type { ServiceProcess } from './stack/service-process.ts';
import { summaryFor } from './summary.ts';

describe('AI service down or slow', () => {
  let stack: GenerationStack;
  let worker: ServiceProcess;
  beforeAll(async () => {
    stack = await startGenerationStack('AI service down or slow');
    worker = await stack.startWorker('worker');
  });
  afterAll(() => stack?.stop());

  it(
    'when the AI service is down, comes back, or its model is slow, then every generation ends SUCCEEDED or FAILED with a clear code',
    async ({ task }) => {
      const summary = summaryFor(task, 'AI service down or slow');
      const outcome = await checkAiOutage(stack, worker);
      summary.record(outcome);
      expect(outcome.problems).toEqual([]);
    },
    settings.itemTimeoutMs,
  );
});
