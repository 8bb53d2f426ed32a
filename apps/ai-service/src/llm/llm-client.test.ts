import type { FaultKind, OfflineModelServer } from '@muse/offline-model';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { createMetrics } from '../metrics.ts';
import { makeConfig, silentLogger, startOfflineModel } from '../test-support/factories.ts';
import { LlmClient, type OutputSchema } from './llm-client.ts';
import { toStrictJsonSchema } from './strict-json-schema.ts';
import { UsageMeter } from './usage-meter.ts';

const Ideas = z.strictObject({ ideas: z.array(z.strictObject({ title: z.string(), caption: z.string() })) });
const IDEAS: OutputSchema<z.infer<typeof Ideas>> = {
  name: 'ideas',
  jsonSchema: toStrictJsonSchema(Ideas),
  parse: (value) => Ideas.parse(value),
};
const PROMPT = {
  system: 'Brand: Northwind Coffee\nCampaign: Slow Mornings\n\nThemes:\n- oat latte',
  user: 'Idea 1 — platform: INSTAGRAM\nIdea 2 — platform: TIKTOK',
};

let offline: OfflineModelServer;
let baseURL: string;

beforeAll(async () => {
  ({ model: offline, baseURL } = await startOfflineModel());
});
afterAll(() => offline.close());
beforeEach(() => {
  offline.faults.reset();
  offline.requests.length = 0;
});

function makeClient(env: Record<string, string> = {}) {
  const config = makeConfig(baseURL, env);
  const metrics = createMetrics();
  return {
    client: new LlmClient(config.llm, metrics, silentLogger()),
    metrics,
    budget: config.llm.totalBudgetMs,
  };
}

function call(
  budgetMs: number,
  meter = new UsageMeter(),
  signal: AbortSignal = new AbortController().signal,
) {
  return {
    purpose: 'post',
    ...PROMPT,
    schema: IDEAS,
    maxCompletionTokens: 1000,
    meter,
    signal: AbortSignal.any([signal, AbortSignal.timeout(budgetMs)]),
    deadline: performance.now() + budgetMs,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function recordedUsage() {
  return offline.requests.reduce(
    (sum, request) => ({
      promptTokens: sum.promptTokens + (request.usage?.prompt_tokens ?? 0),
      completionTokens: sum.completionTokens + (request.usage?.completion_tokens ?? 0),
    }),
    { promptTokens: 0, completionTokens: 0 },
  );
}

describe('LLM client against the offline model', () => {
  it('when the model answers, then the structured output is parsed and its usage counted', async () => {
    const { client, budget } = makeClient();
    const meter = new UsageMeter();
    const result = await client.complete(call(budget, meter));
    expect(result.model).toBe('offline-muse-1');
    expect(result.value.ideas).toHaveLength(2);
    expect(result.value.ideas[0]?.caption).toContain('oat latte');
    expect(meter.calls).toBe(1);
    expect(meter.usage).toEqual(recordedUsage());
    expect(meter.usage.promptTokens).toBeGreaterThan(0);

    const sent = offline.requests[0]?.body as Record<string, unknown>;
    expect(sent.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'ideas', strict: true, schema: IDEAS.jsonSchema },
    });
    expect(offline.requests[0]?.headers['x-stainless-retry-count']).toBe('0');
  });

  it.each<[FaultKind, string]>([
    ['rate_limit', 'llm_rate_limited'],
    ['server_error', 'llm_unavailable'],
    ['hang', 'timeout'],
    ['malformed_json', 'llm_bad_output'],
    ['truncated_json', 'llm_bad_output'],
  ])('when the model fails once with %s, then the call is retried and succeeds', async (fault, reason) => {
    const { client, metrics } = makeClient({ LLM_TIMEOUT_MS: '300' });
    offline.faults.update({ [fault]: { next: 1 }, retryAfterMs: 50 });
    const meter = new UsageMeter();
    const result = await client.complete(call(5000, meter));
    expect(result.value.ideas).toHaveLength(2);
    expect(meter.calls).toBe(2);
    expect(offline.requests.map((request) => request.fault)).toEqual([fault, null]);
    expect((await metrics.llmRetries.get()).values).toEqual([
      expect.objectContaining({ labels: { reason }, value: 1 }),
    ]);
  });

  it.each<[FaultKind, string, number]>([
    ['rate_limit', 'llm_rate_limited', 429],
    ['server_error', 'llm_unavailable', 503],
    ['hang', 'timeout', 504],
    ['malformed_json', 'llm_bad_output', 422],
    ['truncated_json', 'llm_bad_output', 422],
  ])(
    'when the model keeps failing with %s, then the call ends with %s after 3 attempts, quickly',
    async (fault, code, status) => {
      const { client } = makeClient({ LLM_TIMEOUT_MS: '300' });
      offline.faults.update({ [fault]: { rate: 1 }, retryAfterMs: 50 });
      const started = performance.now();
      const error = await failureOf(client.complete(call(5000)));
      const elapsed = performance.now() - started;
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(offline.requests).toHaveLength(3);
      // Three 300 ms timeouts plus two short backoffs at worst.
      expect(elapsed).toBeLessThan(1500);
    },
  );

  it('when the model answers 429 with Retry-After: 1, then the client waits ≥1 s and succeeds', async () => {
    const { client } = makeClient();
    offline.faults.update({ rate_limit: { next: 1 }, retryAfterMs: 1000 });
    const started = performance.now();
    const result = await client.complete(call(5000));
    const elapsed = performance.now() - started;
    expect(result.value.ideas).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(2000);
  });

  it('when Retry-After asks for longer than the time left, then the call fails at once as rate limited', async () => {
    const { client } = makeClient();
    offline.faults.update({ rate_limit: { rate: 1 }, retryAfterMs: 30_000 });
    const started = performance.now();
    const error = await failureOf(client.complete(call(5000)));
    expect(error.code).toBe('llm_rate_limited');
    expect(error.retryAfterMs).toBe(30_000);
    expect(offline.requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('when an answer is unusable and the retry succeeds, then the usage includes both calls', async () => {
    const { client, metrics } = makeClient();
    offline.faults.update({ malformed_json: { next: 1 } });
    const meter = new UsageMeter();
    await client.complete(call(5000, meter));
    const both = recordedUsage();
    expect(offline.requests.every((request) => request.usage !== null)).toBe(true);
    expect(meter.usage).toEqual(both);
    expect(meter.calls).toBe(2);
    const tokens = (await metrics.llmTokens.get()).values;
    expect(tokens.find((value) => value.labels.type === 'prompt')?.value).toBe(both.promptTokens);
  });

  it('when the model hangs past the run budget, then the call ends as timeout within the budget', async () => {
    const { client } = makeClient({ LLM_TIMEOUT_MS: '5000', LLM_MAX_ATTEMPTS: '5' });
    offline.faults.update({ hang: { rate: 1 } });
    const started = performance.now();
    const error = await failureOf(client.complete(call(400)));
    expect(error.code).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(800);
  });

  it('when more calls than LLM_CONCURRENCY run at once, then the rest wait their turn', async () => {
    const { client } = makeClient({ LLM_CONCURRENCY: '2' });
    offline.faults.update({ latencyMs: 150 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => client.complete(call(5000))));
    // Three waves of two; with no limit all six would finish together after ~150 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(440);
  });

  it('when the LLM answers its model list, then it is reachable; a closed port is not', async () => {
    expect(await makeClient().client.isReachable()).toBe(true);
    const closed = new LlmClient(makeConfig('http://127.0.0.1:1/v1').llm, createMetrics(), silentLogger());
    expect(await closed.isReachable()).toBe(false);
  });
});
