import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTokenAttacks } from './items/token-attacks.ts';
import { settings } from './mode.ts';
import { type BaseStack, startBaseStack } from './stack/base-stack.ts';
import { declaredRoutes } from './stack/routes.ts';
import { summaryFor } from './summary.ts';

describe('token attacks', () => {
  let stack: BaseStack;
  beforeAll(async () => {
    stack = await startBaseStack('token attacks');
  });
  afterAll(() => stack?.stop());

  it(
    'when every authenticated route is called with forged, expired or misdirected tokens, then each is refused',
    async ({ task }) => {
      const summary = summaryFor(task, 'token attacks');
      const outcome = await checkTokenAttacks(stack, declaredRoutes());
      summary.record(outcome);
      expect(outcome.problems).toEqual([]);
    },
    settings.itemTimeoutMs,
  );
});
