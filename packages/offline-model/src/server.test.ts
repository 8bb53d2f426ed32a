import { randomBytes } from 'node:crypto';
import { createLogger } from '@muse/logger';
import OpenAI, { APIConnectionTimeoutError, InternalServerError, RateLimitError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineModelServer, type OfflineModelServer, type RecordedRequest } from './server.ts';

const POST_SCHEMA = {
  type: 'object',
  properties: {
    ideas: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          platform: { type: 'string', enum: ['INSTAGRAM', 'TIKTOK', 'X'] },
          title: { type: 'string' },
          caption: { type: 'string' },
          hashtags: { type: 'array', items: { type: 'string' } },
        },
        required: ['platform', 'title', 'caption', 'hashtags'],
        additionalProperties: false,
      },
    },
  },
  required: ['ideas'],
  additionalProperties: false,
};

const MESSAGES = [
  {
    role: 'system' as const,
    content:
      'Brand: Northwind Coffee\nCampaign: Slow Mornings\n\nNever use these words or phrases:\n- cheap\n\nThemes:\n- oat latte\n- local farms',
  },
  {
    role: 'user' as const,
    content: 'Write 2 post ideas.\n\nIdea 1 — platform: INSTAGRAM\nIdea 2 — platform: X',
  },
];

const silent = createLogger('offline-model', { level: 'silent' });
const DEBUG_TOKEN = randomBytes(24).toString('base64url');

let model: OfflineModelServer;
let baseURL: string;
let url: string;

/** A call to /_requests or /_faults with the debug bearer token. */
function debug(path: string, init: RequestInit = {}) {
  return fetch(`${url}${path}`, {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${DEBUG_TOKEN}` },
  });
}

function client(timeout = 2000) {
  return new OpenAI({ apiKey: 'offline', baseURL, maxRetries: 0, timeout });
}

function ask(timeout?: number) {
  return client(timeout).chat.completions.create({
    model: 'gpt-4o-mini',
    messages: MESSAGES,
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'post_ideas', strict: true, schema: POST_SCHEMA },
    },
  });
}

async function faults(body: unknown) {
  return debug('/_faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  model = createOfflineModelServer({ logger: silent, debugToken: DEBUG_TOKEN });
  ({ baseURL, url } = await model.listen(0));
});
afterAll(() => model.close());
beforeEach(async () => {
  await debug('/_faults', { method: 'DELETE' });
  await debug('/_requests', { method: 'DELETE' });
});

describe('offline model over HTTP with the openai SDK', () => {
  it('when asked for ideas with a json_schema, then it answers schema-shaped ideas from the prompt, with usage', async () => {
    const completion = await ask();
    expect(completion.model).toBe('offline-muse-1');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const answer = JSON.parse(completion.choices[0]?.message.content ?? '');
    expect(Object.keys(answer)).toEqual(['ideas']);
    expect(answer.ideas.map((idea: { platform: string }) => idea.platform)).toEqual(['INSTAGRAM', 'X']);
    for (const idea of answer.ideas) {
      expect(Object.keys(idea)).toEqual(['platform', 'title', 'caption', 'hashtags']);
      expect(idea.caption).toMatch(/oat latte|local farms|Northwind Coffee/);
      expect(idea.caption).not.toMatch(/\bcheap\b/i);
    }
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.total_tokens).toBe(
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
  });

  it('when the same request is sent twice, then the answers are the same', async () => {
    const [first, second] = [await ask(), await ask()];
    expect(second.choices[0]?.message.content).toBe(first.choices[0]?.message.content);
  });

  it('when a request arrives, then it is logged with its body and the API key redacted', async () => {
    await ask();
    const { requests } = (await (await debug('/_requests')).json()) as { requests: RecordedRequest[] };
    expect(requests).toHaveLength(1);
    const [logged] = requests as [RecordedRequest];
    expect(logged.headers.authorization).toBe('[redacted]');
    expect(logged.body).toMatchObject({ response_format: { json_schema: { name: 'post_ideas' } } });
    expect(logged).toMatchObject({
      status: 200,
      fault: null,
      usage: { prompt_tokens: expect.any(Number) },
    });
  });

  it('when rate_limit is injected, then the SDK gets a 429 with Retry-After in seconds and milliseconds', async () => {
    await faults({ rate_limit: { next: 1 }, retryAfterMs: 1500 });
    const error = await ask().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get('retry-after')).toBe('2');
    expect((error as RateLimitError).headers.get('retry-after-ms')).toBe('1500');
    expect((await ask()).choices).toHaveLength(1);
  });

  it('when server_error is injected, then the SDK gets a 500', async () => {
    await faults({ server_error: { next: 1 } });
    await expect(ask()).rejects.toBeInstanceOf(InternalServerError);
  });

  it('when hang is injected, then the SDK times out, and the next call answers', async () => {
    await faults({ hang: { next: 1 } });
    await expect(ask(200)).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    expect((await ask()).choices).toHaveLength(1);
  });

  it('when malformed_json is injected, then the content is not JSON', async () => {
    await faults({ malformed_json: { next: 1 } });
    const completion = await ask();
    expect(() => JSON.parse(completion.choices[0]?.message.content ?? '')).toThrow();
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('when truncated_json is injected, then the content is cut off and finish_reason is length', async () => {
    await faults({ truncated_json: { next: 1 } });
    const completion = await ask();
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(() => JSON.parse(completion.choices[0]?.message.content ?? '')).toThrow();
  });

  it("when banned_phrase is injected, then the first idea uses the prompt's first don't-list phrase", async () => {
    await faults({ banned_phrase: { next: 1 } });
    const answer = JSON.parse((await ask()).choices[0]?.message.content ?? '');
    expect(answer.ideas[0].caption).toMatch(/^Cheap: /);
    expect(answer.ideas[1].caption).not.toMatch(/cheap/i);
  });

  it('when a fault has rate 1, then every call fails until the faults are cleared', async () => {
    await faults({ server_error: { rate: 1 } });
    await expect(ask()).rejects.toBeInstanceOf(InternalServerError);
    await expect(ask()).rejects.toBeInstanceOf(InternalServerError);
    const cleared = (await (await debug('/_faults', { method: 'DELETE' })).json()) as ReturnType<
      OfflineModelServer['faults']['snapshot']
    >;
    expect(cleared.faults.server_error).toEqual({ rate: 0, next: 0 });
    expect((await ask()).choices).toHaveLength(1);
  });

  it('when latency is set, then answers take at least that long', async () => {
    await faults({ latencyMs: 150 });
    const started = performance.now();
    await ask();
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('when the fault settings are invalid, then POST /_faults answers 400 and changes nothing', async () => {
    const res = await faults({ hang: { rate: 2 } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/hang.rate/);
    expect(model.faults.snapshot().faults.hang.rate).toBe(0);
  });

  it('when the request is not a valid chat completion, then it answers 400 like OpenAI', async () => {
    const res = await fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'x', messages: [] }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        message: 'messages must be a non-empty array.',
        type: 'invalid_request_error',
        param: 'messages',
        code: null,
      },
    });
    const broken = await fetch(`${baseURL}/chat/completions`, { method: 'POST', body: '{' });
    expect(broken.status).toBe(400);
  });

  it('when probed, then /healthz and /v1/models answer; unknown routes are 404', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', service: 'offline-model' });
    const models = await client().models.list();
    expect(models.data.map((entry) => entry.id)).toEqual(['offline-muse-1']);
    expect((await fetch(`${url}/nope`)).status).toBe(404);
  });
});

describe('offline model instance id', () => {
  it('when the launcher gave it an instance id, then /healthz echoes it; without one, it does not', async () => {
    const launched = createOfflineModelServer({ logger: silent, instanceId: 'this-run' });
    const { url: launchedUrl } = await launched.listen(0);
    try {
      expect((await fetch(`${launchedUrl}/healthz`)).headers.get('x-muse-instance')).toBe('this-run');
      expect((await fetch(`${url}/healthz`)).headers.get('x-muse-instance')).toBeNull();
    } finally {
      await launched.close();
    }
  });
});

describe('offline model debug endpoints', () => {
  it('when no debug token is configured, then /_requests and /_faults answer 404 as if absent', async () => {
    const open = createOfflineModelServer({ logger: silent });
    const { url: openUrl } = await open.listen(0);
    try {
      const anyBearer = { authorization: `Bearer ${DEBUG_TOKEN}` };
      expect((await fetch(`${openUrl}/_requests`)).status).toBe(404);
      expect((await fetch(`${openUrl}/_requests`, { headers: anyBearer })).status).toBe(404);
      expect((await fetch(`${openUrl}/_faults`, { method: 'DELETE', headers: anyBearer })).status).toBe(404);
    } finally {
      await open.close();
    }
  });

  it('when a debug token is configured, then only its bearer reads or changes the debug state', async () => {
    await ask();
    expect((await fetch(`${url}/_requests`)).status).toBe(401);
    const wrong = { authorization: `Bearer ${DEBUG_TOKEN}x` };
    expect((await fetch(`${url}/_requests`, { headers: wrong })).status).toBe(401);
    expect((await fetch(`${url}/_requests`, { method: 'DELETE', headers: wrong })).status).toBe(401);
    expect((await fetch(`${url}/_faults`, { headers: { authorization: DEBUG_TOKEN } })).status).toBe(401);
    const refused = await fetch(`${url}/_faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...wrong },
      body: JSON.stringify({ server_error: { rate: 1 } }),
    });
    expect(refused.status).toBe(401);
    expect(model.faults.snapshot().faults.server_error.rate).toBe(0);

    const allowed = await debug('/_requests');
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { requests: RecordedRequest[] }).requests).toHaveLength(1);
  });
});
