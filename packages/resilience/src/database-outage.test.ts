import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseOutage } from './items/database-outage.ts';
import { settings } from './mode.ts';
import { type BaseStack, startBaseStack } from './stack/base-stack.ts';
import { summaryFor } from './summary.ts';

describe('database outage', () => {
  let stack: BaseStack;
  beforeAll(async () => {
    stack = await startBaseStack('database outage');
  });
  afterAll(() => stack?.stop());

  it(
    'when PostgreSQL stops for 5 s under steady load, then the API answers 503 quickly, recovers within 5 s and loses no acknowledged write',
    async ({ task }) => {
      const summary = summaryFor(task, 'database outage');
      const outcome = await checkDatabaseOutage(stack);
      summary.record(outcome);
      expect(outcome.problems).toEqual([]);
    },
    settings.itemTimeoutMs,
  );
});
