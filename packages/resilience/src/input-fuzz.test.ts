import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInputFuzz } from './items/input-fuzz.ts';
import { settings } from './mode.ts';
import { type BaseStack, startBaseStack } from './stack/base-stack.ts';
import { declaredRoutes } from './stack/routes.ts';
import { summaryFor } from './summary.ts';

describe('input fuzz', () => {
  let stack: BaseStack;
  beforeAll(async () => {
    stack = await startBaseStack('input fuzz');
  });
  afterAll(() => stack?.stop());

  it(
    'when every write route gets generated malformed requests, then each is refused with a 4xx and no data changes',
    async ({ task }) => {
      const summary = summaryFor(task, 'input fuzz');
      const outcome = await checkInputFuzz(stack, declaredRoutes());
      summary.record(outcome);
      expect(outcome.problems).toEqual([]);
    },
    settings.itemTimeoutMs,
  );
});
