import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GenerateIdeasRequestInput, GenerateIdeasResponse, GenerateProgress } from '@muse/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AiServiceError, createAiServiceClient } from './ai-service.client.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let url: string;
let handler: Handler;
const seen: { headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen.length = 0;
});

const request: GenerateIdeasRequestInput = {
  tenantId: '3f1c1a8e-2a53-4a5c-9a7e-0f6f0b7f3b11',
  campaign: { name: 'Slow Mornings' },
  brand: { name: 'Northwind Coffee' },
  counts: { posts: 1, reels: 0 },
  platforms: ['INSTAGRAM'],
};

const answer: GenerateIdeasResponse = {
  ideas: [
    {
      type: 'POST',
      platform: 'INSTAGRAM',
      title: 'The first sip',
      hook: 'Stop for five minutes.',
      caption: 'Stop for five minutes. The oat latte is here.',
      hashtags: ['#SlowMornings'],
      callToAction: 'Come by before work',
      templateVersion: 'post/v1',
      visualDirection: 'A cup on a windowsill at dawn',
    },
  ],
  usage: { promptTokens: 900, completionTokens: 300 },
  model: 'offline-muse-1',
  offline: true,
  templateVersions: { system: 'v1', post: 'v1' },
  counts: { requested: { posts: 1, reels: 0 }, produced: { posts: 1, reels: 0 } },
  warnings: [],
  llmCalls: 1,
  latencyMs: 12,
};

const json =
  (status: number, body: unknown): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

const envelope = (code: string, details?: unknown[]) => ({
  error: { code, message: `failed: ${code}`, ...(details ? { details } : {}), requestId: 'r-1' },
});

const client = (timeoutMs = 2_000) =>
  createAiServiceClient({ url, token: 'service-token-0123456789', timeoutMs });

async function failureOf(promise: Promise<unknown>): Promise<AiServiceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AiServiceError);
    return error as AiServiceError;
  }
  throw new Error('the call did not fail');
}

describe('AI service client', () => {
  it('when the service answers, then the ideas come back and the token and request id were sent', async () => {
    handler = json(200, answer);
    const response = await client().generate(request, { requestId: 'req-42' });
    expect(response.ideas[0]?.title).toBe('The first sip');
    expect(seen[0]?.headers).toMatchObject({
      authorization: 'Bearer service-token-0123456789',
      'x-request-id': 'req-42',
    });
    expect(JSON.parse(seen[0]?.body ?? '{}')).toMatchObject({
      requestId: 'req-42',
      tenantId: request.tenantId,
    });
  });

  it.each([
    ['llm_rate_limited', 429, true],
    ['llm_unavailable', 503, true],
    ['timeout', 504, true],
    ['llm_bad_output', 422, false],
  ] as const)(
    'when the service answers %s, then the code passes through (transient: %s) with the tokens spent',
    async (code, status, transient) => {
      handler = json(
        status,
        envelope(code, [{ usage: { promptTokens: 50, completionTokens: 7 }, llmCalls: 3 }]),
      );
      const error = await failureOf(client().generate(request, { requestId: 'r' }));
      expect(error.code).toBe(code);
      expect(error.details).toMatchObject({
        transient,
        status,
        usage: { promptTokens: 50, completionTokens: 7 },
      });
    },
  );

  it('when the service refuses the request or fails inside, then ai_service_error, not worth retrying', async () => {
    for (const [status, code] of [
      [400, 'invalid_input'],
      [401, 'unauthenticated'],
      [500, 'internal'],
    ] as const) {
      handler = json(status, envelope(code));
      const error = await failureOf(client().generate(request, { requestId: 'r' }));
      expect(error).toMatchObject({ code: 'ai_service_error', details: { transient: false, usage: null } });
    }
  });

  it('when a proxy answers 502 without an envelope, then ai_service_unavailable, worth retrying', async () => {
    handler = (_req, res) => res.writeHead(502).end('Bad Gateway');
    const error = await failureOf(client().generate(request, { requestId: 'r' }));
    expect(error).toMatchObject({
      code: 'ai_service_unavailable',
      details: { transient: true, status: 502 },
    });
  });

  it('when a 200 does not match the contract, then ai_service_error', async () => {
    handler = json(200, { ideas: 'none' });
    expect((await failureOf(client().generate(request, { requestId: 'r' }))).code).toBe('ai_service_error');
  });

  it('when the service does not answer in time or cannot be reached, then ai_service_unavailable, worth retrying', async () => {
    handler = () => {};
    const slow = await failureOf(client(200).generate(request, { requestId: 'r' }));
    expect(slow).toMatchObject({ code: 'ai_service_unavailable', details: { transient: true } });
    expect(slow.message).toMatch(/did not answer within 200 ms/);
    const unreachable = createAiServiceClient({ url: 'http://127.0.0.1:1', token: 't', timeoutMs: 2_000 });
    expect((await failureOf(unreachable.generate(request, { requestId: 'r' }))).code).toBe(
      'ai_service_unavailable',
    );
  });

  it('when the caller abandons the call, then it stops at once', async () => {
    handler = () => {};
    const abandoned = new AbortController();
    const call = client(10_000).generate(request, { requestId: 'r', signal: abandoned.signal });
    abandoned.abort();
    expect((await failureOf(call)).message).toMatch(/abandoned/);
  });
});

/** Answers the stream route with these lines, one write each, a moment apart. */
const lines =
  (items: unknown[], options: { end?: boolean } = {}): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const [first, ...rest] = items;
    const write = (item: unknown, after: unknown[]) => {
      res.write(`${typeof item === 'string' ? item : JSON.stringify(item)}\n`);
      if (after.length > 0) setTimeout(() => write(after[0], after.slice(1)), 5);
      else if (options.end === false) res.destroy();
      else res.end();
    };
    write(first, rest);
  };

const progress = (batchesDone: number, batchesTotal: number, ideasReady: number) => ({
  type: 'progress',
  batchesDone,
  batchesTotal,
  ideasReady,
});

describe('AI service client, with progress', () => {
  const heard: GenerateProgress[] = [];
  const onProgress = async (line: GenerateProgress) => {
    heard.push(line);
  };
  beforeEach(() => {
    heard.length = 0;
  });

  it('when the service streams progress and then the result, then each line is heard in order and the ideas come back', async () => {
    handler = lines([progress(1, 2, 5), progress(2, 2, 10), { type: 'result', result: answer }]);
    const response = await client().generate(request, { requestId: 'req-7', onProgress });
    expect(response.ideas[0]?.title).toBe('The first sip');
    expect(heard).toEqual([
      { batchesDone: 1, batchesTotal: 2, ideasReady: 5 },
      { batchesDone: 2, batchesTotal: 2, ideasReady: 10 },
    ]);
    expect(seen[0]?.headers).toMatchObject({
      accept: 'application/x-ndjson',
      authorization: 'Bearer service-token-0123456789',
      'x-request-id': 'req-7',
    });
  });

  it('when the next line waits for the progress to be recorded, then the call waits for it too', async () => {
    handler = lines([progress(1, 1, 1), { type: 'result', result: answer }]);
    let recorded = false;
    await client().generate(request, {
      requestId: 'r',
      onProgress: async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        recorded = true;
      },
    });
    expect(recorded).toBe(true);
  });

  it('when the stream ends with an error line, then it fails as the same answer without a stream would', async () => {
    handler = lines([
      progress(1, 2, 5),
      {
        type: 'error',
        status: 504,
        ...envelope('timeout', [{ usage: { promptTokens: 50, completionTokens: 7 }, llmCalls: 2 }]),
      },
    ]);
    const error = await failureOf(client().generate(request, { requestId: 'r', onProgress }));
    expect(error).toMatchObject({
      code: 'timeout',
      details: { transient: true, status: 504, usage: { promptTokens: 50, completionTokens: 7 } },
    });
    expect(heard).toHaveLength(1);
  });

  it('when the service refuses before streaming, then the status and envelope count as without a stream', async () => {
    handler = json(
      429,
      envelope('llm_rate_limited', [{ usage: { promptTokens: 3, completionTokens: 0 }, llmCalls: 3 }]),
    );
    const error = await failureOf(client().generate(request, { requestId: 'r', onProgress }));
    expect(error).toMatchObject({ code: 'llm_rate_limited', details: { transient: true, status: 429 } });
  });

  it('when the connection ends before the result, then ai_service_unavailable, worth retrying', async () => {
    handler = lines([progress(1, 2, 5)], { end: false });
    const cut = await failureOf(client().generate(request, { requestId: 'r', onProgress }));
    expect(cut).toMatchObject({ code: 'ai_service_unavailable', details: { transient: true } });
    handler = lines([progress(1, 2, 5)]);
    const ended = await failureOf(client().generate(request, { requestId: 'r', onProgress }));
    expect(ended).toMatchObject({ code: 'ai_service_unavailable', details: { transient: true } });
    expect(ended.message).toMatch(/stopped before its result/);
  });

  it('when a line cannot be read, then ai_service_error, not worth retrying', async () => {
    for (const bad of ['not json', JSON.stringify({ type: 'progress', batchesDone: 'one' })]) {
      handler = lines([bad, { type: 'result', result: answer }]);
      const error = await failureOf(client().generate(request, { requestId: 'r', onProgress }));
      expect(error).toMatchObject({ code: 'ai_service_error', details: { transient: false } });
    }
  });

  it('when the stream outlasts the timeout, then ai_service_unavailable with the timeout named', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(`${JSON.stringify(progress(1, 3, 5))}\n`);
    };
    const error = await failureOf(client(200).generate(request, { requestId: 'r', onProgress }));
    expect(error).toMatchObject({ code: 'ai_service_unavailable', details: { transient: true } });
    expect(error.message).toMatch(/did not answer within 200 ms/);
    expect(heard).toHaveLength(1);
  });
});
