import type { AddressInfo } from 'node:net';
import {
  AiFailureDetail,
  ErrorEnvelope,
  type GenerateIdeasRequestInput,
  GenerateIdeasResponse,
  GenerateStreamLine,
} from '@muse/contracts';
import type { OfflineModelServer } from '@muse/offline-model';
import type { Express } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { makeRequest, makeServices, SERVICE_TOKEN, startOfflineModel } from './test-support/factories.ts';

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

interface Streamed {
  status: number;
  headers: Headers;
  /** Each line as it arrived, with the milliseconds since the request was sent. */
  lines: { line: GenerateStreamLine; at: number }[];
  /** The body of an answer that is not a stream. */
  body: unknown;
}

/** Calls the stream route over real HTTP, reading each line the moment it arrives. */
async function streamGenerate(body: GenerateIdeasRequestInput, env: Record<string, string> = {}) {
  const app: Express = createApp(makeServices(baseURL, env));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  try {
    const started = performance.now();
    const res = await fetch(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/generate/stream`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${SERVICE_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    const streamed: Streamed = { status: res.status, headers: res.headers, lines: [], body: undefined };
    if (!res.headers.get('content-type')?.startsWith('application/x-ndjson')) {
      streamed.body = await res.json();
      return streamed;
    }
    let partial = '';
    for await (const chunk of (res.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream())) {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const text of parts) {
        streamed.lines.push({
          line: GenerateStreamLine.parse(JSON.parse(text)),
          at: performance.now() - started,
        });
      }
    }
    expect(partial).toBe('');
    return streamed;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const progressOf = (streamed: Streamed) =>
  streamed.lines.flatMap(({ line }) => (line.type === 'progress' ? [line] : []));

describe('POST /api/v1/generate/stream', () => {
  it('when a run has three batches, then a progress line follows each as it finishes, then the result', async () => {
    // One call at a time, each taking a while: the lines must arrive apart, not all at the end.
    offline.faults.update({ latencyMs: 150 });
    const streamed = await streamGenerate(makeRequest(), { LLM_CONCURRENCY: '1' });

    expect(streamed.status).toBe(200);
    expect(streamed.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(progressOf(streamed)).toEqual([
      { type: 'progress', batchesDone: 1, batchesTotal: 3, ideasReady: 5 },
      { type: 'progress', batchesDone: 2, batchesTotal: 3, ideasReady: 10 },
      { type: 'progress', batchesDone: 3, batchesTotal: 3, ideasReady: 15 },
    ]);
    const last = streamed.lines.at(-1);
    expect(last?.line.type).toBe('result');
    const result = GenerateIdeasResponse.parse(last?.line.type === 'result' && last.line.result);
    expect(result.counts.produced).toEqual({ posts: 10, reels: 5 });
    expect(result.llmCalls).toBe(3);
    expect(streamed.lines).toHaveLength(4);
    const [first] = streamed.lines;
    expect((last?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThan(250);
  });

  it('when a follow-up round asks again for a rejected idea, then the total grows by its batch', async () => {
    offline.faults.update({ banned_phrase: { next: 1 } });
    const streamed = await streamGenerate(makeRequest({ counts: { posts: 5, reels: 0 } }));

    expect(progressOf(streamed)).toEqual([
      { type: 'progress', batchesDone: 1, batchesTotal: 1, ideasReady: 4 },
      { type: 'progress', batchesDone: 2, batchesTotal: 2, ideasReady: 5 },
    ]);
    expect(streamed.lines.at(-1)?.line).toMatchObject({ type: 'result', result: { warnings: [] } });
  });

  it('when the token budget skips a batch, then it still counts as done and the result says what was left out', async () => {
    const streamed = await streamGenerate(
      makeRequest({ counts: { posts: 10, reels: 0 }, platforms: ['INSTAGRAM'], tokenBudget: 9_000 }),
      { LLM_CONCURRENCY: '1' },
    );

    expect(progressOf(streamed)).toEqual([
      { type: 'progress', batchesDone: 1, batchesTotal: 2, ideasReady: 5 },
      { type: 'progress', batchesDone: 2, batchesTotal: 2, ideasReady: 5 },
    ]);
    expect(offline.requests).toHaveLength(1);
    expect(streamed.lines.at(-1)?.line).toMatchObject({
      type: 'result',
      result: { warnings: [{ code: 'token_budget_exhausted' }] },
    });
  });

  it('when the run fails before any batch finished, then it is answered as /generate answers it: status and envelope', async () => {
    offline.faults.update({ rate_limit: { rate: 1 }, retryAfterMs: 50 });
    const streamed = await streamGenerate(makeRequest({ counts: { posts: 2, reels: 0 } }));

    expect(streamed.status).toBe(429);
    expect(streamed.headers.get('retry-after')).toBe('1');
    const envelope = ErrorEnvelope.parse(streamed.body);
    expect(envelope.error.code).toBe('llm_rate_limited');
    expect(AiFailureDetail.parse(envelope.error.details?.[0]).llmCalls).toBe(3);
  });

  it('when a template version does not exist, then 400 as on /generate', async () => {
    const streamed = await streamGenerate(makeRequest({ templateVersions: { post: 'v42' } }));
    expect(streamed.status).toBe(400);
    expect(ErrorEnvelope.parse(streamed.body).error.code).toBe('invalid_input');
  });

  it('when one batch finished and another runs out of time, then the last line is the error with its status and the tokens spent', async () => {
    // Both batches are asked at once; the first call to arrive hangs past the run's budget.
    offline.faults.update({ hang: { next: 1 } });
    const streamed = await streamGenerate(
      makeRequest({ counts: { posts: 5, reels: 5 }, platforms: ['INSTAGRAM'] }),
      {
        LLM_TIMEOUT_MS: '5000',
        LLM_TOTAL_BUDGET_MS: '800',
      },
    );

    expect(streamed.status).toBe(200);
    expect(progressOf(streamed)).toEqual([
      { type: 'progress', batchesDone: 1, batchesTotal: 2, ideasReady: 5 },
    ]);
    const last = streamed.lines.at(-1)?.line;
    expect(last).toMatchObject({ type: 'error', status: 504, error: { code: 'timeout' } });
    const detail = AiFailureDetail.parse(last?.type === 'error' && last.error.details?.[0]);
    expect(detail.usage.promptTokens).toBeGreaterThan(0);
    expect(detail.llmCalls).toBe(2);
  });

  it('when the token is missing, then 401 before anything runs', async () => {
    const app = createApp(makeServices(baseURL));
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const res = await fetch(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/generate/stream`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(makeRequest()),
      },
    );
    server.close();
    expect(res.status).toBe(401);
    expect(offline.requests).toHaveLength(0);
  });
});
