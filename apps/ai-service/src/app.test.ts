import {
  AiFailureDetail,
  ErrorEnvelope,
  type GeneratedIdea,
  GenerateIdeasResponse,
  PromptTemplateListing,
} from '@muse/contracts';
import type { FaultKind, OfflineModelServer } from '@muse/offline-model';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_SIZE } from './app.ts';
import { BannedPhrases, checkIdea, TitleRegistry } from './guardrails/guardrails.ts';
import { makeRequest, makeServices, SERVICE_TOKEN, startOfflineModel } from './test-support/factories.ts';

const SCRAPE_TOKEN = 'scrape-token-0123456789';

let offline: OfflineModelServer;
let baseURL: string;
let app: Express;

beforeAll(async () => {
  ({ model: offline, baseURL } = await startOfflineModel());
  app = createApp(makeServices(baseURL));
});
afterAll(() => offline.close());
beforeEach(() => {
  offline.faults.reset();
  offline.requests.length = 0;
});

function generate(body: unknown, target: Express = app) {
  return request(target)
    .post('/api/v1/generate')
    .set('authorization', `Bearer ${SERVICE_TOKEN}`)
    .send(body as object);
}

/** Every idea must pass the guardrails again on its own, and no title may repeat. */
function expectGuardrailClean(ideas: GeneratedIdea[], dontList: string[], avoidTitles: string[] = []) {
  const titles = new TitleRegistry(avoidTitles);
  const banned = new BannedPhrases(dontList);
  for (const idea of ideas) {
    expect(checkIdea(idea, { banned, titles }), idea.title).toEqual([]);
    titles.add(idea.title);
  }
}

function userPrompts(): string[] {
  return offline.requests.map((entry) => {
    const { messages } = entry.body as { messages: { role: string; content: string }[] };
    return messages.find((message) => message.role === 'user')?.content ?? '';
  });
}

describe('POST /api/v1/generate', () => {
  it('when asked for 10 posts and 5 reels over three platforms, then it answers valid, guardrail-clean ideas from the offline model', async () => {
    const body = makeRequest();
    const res = await generate(body);

    expect(res.status).toBe(200);
    const response = GenerateIdeasResponse.parse(res.body);
    expect(response.counts).toEqual({
      requested: { posts: 10, reels: 5 },
      produced: { posts: 10, reels: 5 },
    });
    expect(response.warnings).toEqual([]);
    expect(response.ideas.filter((idea) => idea.type === 'POST')).toHaveLength(10);
    expect(response.ideas.filter((idea) => idea.type === 'REEL')).toHaveLength(5);
    const postPlatforms = response.ideas.filter((idea) => idea.type === 'POST').map((idea) => idea.platform);
    expect(postPlatforms.filter((platform) => platform === 'INSTAGRAM')).toHaveLength(4);
    expect(new Set(response.ideas.map((idea) => idea.platform))).toEqual(
      new Set(['INSTAGRAM', 'TIKTOK', 'LINKEDIN']),
    );
    expectGuardrailClean(response.ideas, body.brand.dontList ?? [], body.avoidTitles);

    // The offline model writes from the prompt, so the ideas speak of this brand and its themes.
    const text = JSON.stringify(response.ideas);
    expect(text).toContain('Northwind Coffee');
    expect(text).toMatch(/slow mornings|local farms|the first sip/i);

    expect(response.model).toBe('offline-muse-1');
    expect(response.offline).toBe(true);
    expect(response.templateVersions).toEqual({ system: 'v1', post: 'v2', reel: 'v2' });
    expect(response.ideas[0]?.templateVersion).toBe('post/v2');
    expect(response.ideas.at(-1)?.templateVersion).toBe('reel/v2');
    // Two batches of five posts and one of five reels.
    expect(response.llmCalls).toBe(3);
    expect(offline.requests).toHaveLength(3);
    expect(response.usage.promptTokens).toBeGreaterThan(0);
    expect(response.usage.completionTokens).toBeGreaterThan(0);
  });

  it('when only posts are asked for, then only the system and post template versions are reported', async () => {
    const res = await generate(makeRequest({ counts: { posts: 2, reels: 0 } }));
    expect(res.status).toBe(200);
    expect(res.body.templateVersions).toEqual({ system: 'v1', post: 'v2' });
    expect(res.body.ideas).toHaveLength(2);
  });

  it('when v2 templates are chosen with the client’s history, then the offline model answers them and steers clear of what the client turned down', async () => {
    const versions = { post: 'v2', reel: 'v2' };
    const counts = { posts: 3, reels: 1 };
    const first = await generate(makeRequest({ counts, templateVersions: versions }));
    expect(first.status).toBe(200);
    const refused = first.body.ideas[0].title as string;

    offline.requests.length = 0;
    const body = makeRequest({
      counts,
      templateVersions: versions,
      examples: [
        {
          type: 'POST',
          platform: 'INSTAGRAM',
          title: 'Meet the oat farmer',
          hook: 'Our oats come from Ana’s farm.',
          caption: 'Our oats come from Ana’s farm, 40 miles up the road.',
          callToAction: 'Taste it on your way in.',
          unchanged: true,
        },
      ],
      turnedDown: [{ title: refused, reason: 'Too salesy' }],
    });
    const res = await generate(body);
    expect(res.status).toBe(200);
    const response = GenerateIdeasResponse.parse(res.body);
    expect(response.templateVersions).toEqual({ system: 'v1', post: 'v2', reel: 'v2' });
    expect(response.ideas.map((idea) => idea.templateVersion)).toEqual([
      'post/v2',
      'post/v2',
      'post/v2',
      'reel/v2',
    ]);
    expect(response.ideas.map((idea) => idea.title)).not.toContain(refused);
    expectGuardrailClean(response.ideas, body.brand.dontList ?? [], body.avoidTitles);
    expect(userPrompts()[0]).toContain('Approved post (as first written, without changes) — Instagram');
    expect(userPrompts()[0]).toContain(`- ${refused} — the client said: Too salesy`);
  });

  it("when the model slips a don't-list phrase into an idea, then the idea is regenerated and the run is clean", async () => {
    offline.faults.update({ banned_phrase: { next: 1 } });
    const body = makeRequest({ counts: { posts: 5, reels: 0 } });
    const res = await generate(body);

    expect(res.status).toBe(200);
    const response = GenerateIdeasResponse.parse(res.body);
    expect(response.counts.produced).toEqual({ posts: 5, reels: 0 });
    expect(response.warnings).toEqual([]);
    expect(JSON.stringify(response.ideas)).not.toMatch(/\bcheap\b/i);
    expectGuardrailClean(response.ideas, body.brand.dontList ?? []);

    expect(offline.requests.map((entry) => entry.fault)).toEqual(['banned_phrase', null]);
    const followUp = userPrompts()[1] ?? '';
    expect(followUp).toContain('Write 1 post idea');
    expect(followUp).toContain('Idea 1 (Instagram): It uses "cheap", which the brand never says.');
    expect(response.llmCalls).toBe(2);
    expect(response.usage).toEqual({
      promptTokens: offline.requests.reduce((sum, entry) => sum + (entry.usage?.prompt_tokens ?? 0), 0),
      completionTokens: offline.requests.reduce(
        (sum, entry) => sum + (entry.usage?.completion_tokens ?? 0),
        0,
      ),
    });
  });

  it('when an idea keeps failing the guardrails, then it is dropped with a warning and the counts say so', async () => {
    offline.faults.update({ banned_phrase: { rate: 1 }, bannedPhrase: 'guaranteed' });
    const res = await generate(makeRequest({ counts: { posts: 3, reels: 0 } }));

    expect(res.status).toBe(200);
    const response = GenerateIdeasResponse.parse(res.body);
    expect(response.counts).toEqual({ requested: { posts: 3, reels: 0 }, produced: { posts: 2, reels: 0 } });
    expect(response.warnings).toEqual([
      {
        code: 'idea_dropped',
        message: 'Post idea 1 for Instagram was left out: no draft passed the checks in 3 attempts.',
        type: 'POST',
        platform: 'INSTAGRAM',
        reasons: ['It uses "guaranteed", which the brand never says.'],
      },
    ]);
    // The first call and two follow-ups for the one slot.
    expect(offline.requests).toHaveLength(3);
  });

  it('when no idea passes the guardrails at all, then it answers 422 llm_bad_output with the warnings and usage', async () => {
    offline.faults.update({ banned_phrase: { rate: 1 } });
    const res = await generate(makeRequest({ counts: { posts: 1, reels: 0 } }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('llm_bad_output');
    expect(AiFailureDetail.parse(res.body.error.details[0]).llmCalls).toBe(3);
    expect(res.body.error.details[1]).toMatchObject({ code: 'idea_dropped' });
  });

  it.each<[FaultKind, number, string]>([
    ['rate_limit', 429, 'llm_rate_limited'],
    ['server_error', 503, 'llm_unavailable'],
    ['hang', 504, 'timeout'],
    ['malformed_json', 422, 'llm_bad_output'],
    ['truncated_json', 422, 'llm_bad_output'],
  ])(
    'when the model keeps failing with %s, then it answers %i %s with the tokens spent',
    async (fault, status, code) => {
      const failing = createApp(makeServices(baseURL, { LLM_TIMEOUT_MS: '300' }));
      offline.faults.update({ [fault]: { rate: 1 }, retryAfterMs: 50 });
      const started = performance.now();
      const res = await generate(makeRequest({ counts: { posts: 2, reels: 0 } }), failing);

      expect(res.status).toBe(status);
      const envelope = ErrorEnvelope.parse(res.body);
      expect(envelope.error.code).toBe(code);
      expect(envelope.error.requestId).toBe(res.headers['x-request-id']);
      const detail = AiFailureDetail.parse(envelope.error.details?.[0]);
      expect(detail.llmCalls).toBe(3);
      if (fault === 'malformed_json' || fault === 'truncated_json')
        expect(detail.usage.promptTokens).toBeGreaterThan(0);
      if (fault === 'rate_limit') expect(res.headers['retry-after']).toBe('1');
      expect(performance.now() - started).toBeLessThan(2000);
    },
  );

  it('when the token budget covers one batch of two, then the second is never asked for and the run says so', async () => {
    // One batch of five posts costs at most about 7,800 tokens (prompt plus its 6,200-token output cap).
    const res = await generate(
      makeRequest({ counts: { posts: 10, reels: 0 }, platforms: ['INSTAGRAM'], tokenBudget: 9_000 }),
    );

    expect(res.status).toBe(200);
    const response = GenerateIdeasResponse.parse(res.body);
    expect(offline.requests).toHaveLength(1);
    expect(response.counts.produced).toEqual({ posts: 5, reels: 0 });
    expect(response.usage.promptTokens + response.usage.completionTokens).toBeLessThanOrEqual(9_000);
    expect(response.warnings).toEqual([
      expect.objectContaining({
        code: 'token_budget_exhausted',
        message: expect.stringContaining('5 ideas'),
      }),
    ]);
  });

  it('when the token budget is smaller than one call, then the model is not asked and it answers 422 token_budget_exhausted', async () => {
    const res = await generate(makeRequest({ counts: { posts: 1, reels: 0 }, tokenBudget: 1_000 }));

    expect(res.status).toBe(422);
    expect(ErrorEnvelope.parse(res.body).error.code).toBe('token_budget_exhausted');
    expect(AiFailureDetail.parse(res.body.error.details[0])).toEqual({
      usage: { promptTokens: 0, completionTokens: 0 },
      llmCalls: 0,
    });
    expect(offline.requests).toHaveLength(0);
  });

  it('when the model fails once in each batch, then every batch recovers and all ideas arrive', async () => {
    offline.faults.update({
      server_error: { next: 1 },
      malformed_json: { next: 1 },
      truncated_json: { next: 1 },
    });
    const res = await generate(makeRequest());
    expect(res.status).toBe(200);
    expect(res.body.counts.produced).toEqual({ posts: 10, reels: 5 });
    expect(res.body.llmCalls).toBe(6);
  });
});

describe('service token', () => {
  it('when the Authorization header is missing, then 401 unauthenticated in the error envelope', async () => {
    const res = await request(app).post('/api/v1/generate').send(makeRequest());
    expect(res.status).toBe(401);
    expect(ErrorEnvelope.parse(res.body).error).toMatchObject({
      code: 'unauthenticated',
      requestId: res.headers['x-request-id'],
    });
    expect(offline.requests).toHaveLength(0);
  });

  it.each([
    ['a wrong token of the same length', `Bearer ${'x'.repeat(SERVICE_TOKEN.length)}`],
    ['a prefix of the token', `Bearer ${SERVICE_TOKEN.slice(0, -1)}`],
    ['the token with another scheme', `Basic ${SERVICE_TOKEN}`],
    ['an empty bearer', 'Bearer '],
  ])('when the caller sends %s, then 401', async (_case, header) => {
    const res = await request(app).post('/api/v1/generate').set('authorization', header).send(makeRequest());
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('when the template listing is asked for without the token, then 401', async () => {
    expect((await request(app).get('/api/v1/templates')).status).toBe(401);
  });
});

describe('input validation', () => {
  it('when the body is not valid JSON, then 400 invalid_input', async () => {
    const res = await request(app)
      .post('/api/v1/generate')
      .set('authorization', `Bearer ${SERVICE_TOKEN}`)
      .set('content-type', 'application/json')
      .send('{"tenantId": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid_input',
      message: 'The request body is not valid JSON',
    });
  });

  it('when the body has unknown fields, then 400 lists each one by its path', async () => {
    const body = { ...makeRequest(), budget: 100, campaign: { ...makeRequest().campaign, mood: 'sunny' } };
    const res = await generate(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { location: 'body', path: ['budget'], code: 'unrecognized_keys', message: 'unknown field' },
        { location: 'body', path: ['campaign', 'mood'], code: 'unrecognized_keys', message: 'unknown field' },
      ]),
    );
  });

  it('when required fields are missing or wrong, then 400 names each path', async () => {
    const { brand: _brand, ...withoutBrand } = makeRequest();
    const res = await generate({ ...withoutBrand, tenantId: 'tenant-1', platforms: ['MYSPACE'] });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((detail: { path: (string | number)[] }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining([['tenantId'], ['brand'], ['platforms', 0]]));
  });

  it('when no idea is asked for, platforms repeat or a count is too large, then 400', async () => {
    const none = await generate(makeRequest({ counts: { posts: 0, reels: 0 } }));
    expect(none.status).toBe(400);
    expect(none.body.error.details).toEqual([
      { location: 'body', path: ['counts'], code: 'custom', message: 'ask for at least one post or reel' },
    ]);
    expect((await generate(makeRequest({ platforms: ['X', 'X'] }))).status).toBe(400);
    expect((await generate(makeRequest({ counts: { posts: 31, reels: 0 } }))).status).toBe(400);
  });

  it('when a template version does not exist, then 400 names it', async () => {
    const res = await generate(makeRequest({ templateVersions: { post: 'v42' } }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      {
        location: 'body',
        path: ['templateVersions', 'post'],
        code: 'unknown_version',
        message: 'There is no version v42 of the post template.',
      },
    ]);
  });

  it('when the body is not JSON at all, then 400 says a JSON body is expected', async () => {
    const res = await request(app)
      .post('/api/v1/generate')
      .set('authorization', `Bearer ${SERVICE_TOKEN}`)
      .set('content-type', 'text/plain')
      .send('ten posts please');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });

  it(`when the body is larger than ${MAX_BODY_SIZE}, then 413 payload_too_large`, async () => {
    const res = await generate({ ...makeRequest(), instructions: 'x'.repeat(600 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

describe('service endpoints', () => {
  it('when the caller sends x-request-id, then it is echoed, forwarded to the LLM and used in errors', async () => {
    const res = await generate(makeRequest({ counts: { posts: 1, reels: 0 } })).set('x-request-id', 'gen-42');
    expect(res.headers['x-request-id']).toBe('gen-42');
    expect(offline.requests[0]?.headers['x-request-id']).toBe('gen-42');
    const unknown = await request(app).get('/api/v1/nothing').set('x-request-id', 'gen-43');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'not_found', requestId: 'gen-43' });
  });

  it('when no request id is sent, then one is minted', async () => {
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', service: 'ai-service' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the LLM is reachable, then /readyz is ok; when it is not, then 503', async () => {
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', service: 'ai-service', checks: { llm: 'ok' } });
    const unreachable = createApp(makeServices('http://127.0.0.1:1/v1'));
    const notReady = await request(unreachable).get('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks).toEqual({ llm: 'failed' });
  });

  it('when the launcher gave it an instance id, then /healthz and /readyz echo it; without one, neither does', async () => {
    const launched = createApp(makeServices(baseURL, { MUSE_INSTANCE_ID: 'this-run' }));
    expect((await request(launched).get('/readyz')).headers['x-muse-instance']).toBe('this-run');
    expect((await request(launched).get('/healthz')).headers['x-muse-instance']).toBe('this-run');
    expect((await request(app).get('/readyz')).headers['x-muse-instance']).toBeUndefined();
  });

  it('when templates are listed, then every template shows its versions and default', async () => {
    const res = await request(app).get('/api/v1/templates').set('authorization', `Bearer ${SERVICE_TOKEN}`);
    expect(res.status).toBe(200);
    const listing = PromptTemplateListing.parse(res.body);
    expect(listing.templates.map((template) => [template.name, template.defaultVersion])).toEqual([
      ['system', 'v1'],
      ['post', 'v2'],
      ['reel', 'v2'],
      ['feedback', 'v1'],
    ]);
  });

  it('when a run retried, then /metrics shows tokens, call latency, retries and outcomes', async () => {
    const observed = createApp(makeServices(baseURL, { METRICS_TOKEN: SCRAPE_TOKEN }));
    offline.faults.update({ server_error: { next: 1 } });
    await generate(makeRequest({ counts: { posts: 1, reels: 0 } }), observed).expect(200);
    await request(observed).get('/metrics').expect(401);
    const res = await request(observed).get('/metrics').set('Authorization', `Bearer ${SCRAPE_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/muse_ai_llm_tokens_total\{type="prompt"\} [1-9]/);
    expect(res.text).toContain(
      'muse_ai_llm_call_duration_seconds_count{purpose="post",outcome="llm_unavailable"} 1',
    );
    expect(res.text).toContain('muse_ai_llm_retries_total{reason="llm_unavailable"} 1');
    expect(res.text).toContain('muse_ai_generations_total{outcome="succeeded"} 1');
    expect(res.text).toContain(
      'muse_ai_http_request_duration_seconds_count{method="POST",route="/api/v1/generate",status_code="200"} 1',
    );
  });
});
