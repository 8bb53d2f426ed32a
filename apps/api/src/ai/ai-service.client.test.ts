import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GenerateIdeasRequestInput, GenerateIdeasResponse } from '@muse/contracts';
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
