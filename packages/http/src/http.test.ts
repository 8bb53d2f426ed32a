import type { RouteContract } from '@muse/contracts';
import express from 'express';
import { Registry } from 'prom-client';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  bodyFailureOf,
  errorHandler,
  HttpError,
  issuesOf,
  jsonBody,
  mountRoute,
  requestContext,
  requestDurations,
  sendHealth,
} from './index.ts';

const reported: HttpError[] = [];

function appWith(mount: (app: express.Express) => void) {
  const app = express();
  const registry = new Registry();
  app.use(
    requestContext(),
    requestDurations({
      registry,
      name: 'test_request_duration_seconds',
      help: 'test',
      statusLabel: 'status',
      buckets: [1],
      routeOf: (req) => req.route?.path,
    }),
  );
  mount(app);
  app.use(
    errorHandler({
      toHttpError: (error) => (error instanceof HttpError ? error : new HttpError(500, 'internal', 'oops')),
      report: (_error, answered) => reported.push(answered),
    }),
  );
  return { app, registry };
}

const echo: RouteContract = {
  method: 'POST',
  path: '/echo/:id',
  summary: 'Echo',
  tags: ['test'],
  auth: 'none',
  body: z.object({ text: z.string() }),
};

describe('shared HTTP plumbing', () => {
  it('when a route throws, then the envelope carries the code, details, headers and the request id', async () => {
    const { app } = appWith((app) =>
      app.get('/refused', () => {
        throw new HttpError(401, 'unauthenticated', 'no token', {
          details: [{ why: 'none' }],
          headers: { 'retry-after': '3' },
        });
      }),
    );
    const res = await request(app).get('/refused').set('x-request-id', 'req-7');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.headers['retry-after']).toBe('3');
    expect(res.headers['x-request-id']).toBe('req-7');
    expect(res.body).toEqual({
      error: { code: 'unauthenticated', message: 'no token', details: [{ why: 'none' }], requestId: 'req-7' },
    });
    expect(reported.at(-1)?.code).toBe('unauthenticated');
  });

  it('when a route is mounted from its contract, then it answers on that method and path, with a JSON body of at most the limit', async () => {
    const { app, registry } = appWith((app) =>
      mountRoute(app, echo, jsonBody('1kb'), (req, res) => {
        res.json({ id: req.params.id, body: req.body });
      }),
    );
    const ok = await request(app).post('/echo/42').send({ text: 'hi' });
    expect(ok.body).toEqual({ id: '42', body: { text: 'hi' } });
    expect((await request(app).get('/echo/42')).status).toBe(404);
    const plain = await request(app).post('/echo/42').set('content-type', 'text/plain').send('hi');
    expect([plain.status, plain.body.error.code]).toEqual([415, 'unsupported_media_type']);
    expect(await registry.metrics()).toContain(
      'test_request_duration_seconds_count{method="POST",route="/echo/:id",status="200"} 1',
    );
  });

  it('when zod rejects a value, then each issue has its path as an array, unknown keys one by one', () => {
    const result = z.strictObject({ items: z.array(z.string()) }).safeParse({ items: [1], extra: true });
    expect(issuesOf(result.error as z.ZodError, 'body')).toEqual([
      { location: 'body', path: ['items', 0], code: 'invalid_type', message: expect.any(String) },
      { location: 'body', path: ['extra'], code: 'unrecognized_keys', message: 'unknown field' },
    ]);
  });

  it('when the body parser fails, then malformed JSON is invalid_input, too large payload_too_large, bad bytes invalid_input', () => {
    expect(bodyFailureOf({ type: 'entity.parse.failed' })?.code).toBe('invalid_input');
    expect(bodyFailureOf({ type: 'entity.too.large' })?.code).toBe('payload_too_large');
    expect(bodyFailureOf({ code: 'Z_DATA_ERROR' })?.code).toBe('invalid_input');
    expect(bodyFailureOf(new Error('anything else'))).toBeUndefined();
  });

  it('when a health check fails, then 503 with the failed check; the instance id is echoed', async () => {
    const { app } = appWith((app) =>
      app.get('/readyz', (_req, res) =>
        sendHealth(res, { service: 'test', instanceId: 'run-1', checks: { database: true, llm: false } }),
      ),
    );
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers['x-muse-instance']).toBe('run-1');
    expect(res.body).toEqual({
      status: 'unavailable',
      service: 'test',
      checks: { database: 'ok', llm: 'failed' },
    });
  });
});
