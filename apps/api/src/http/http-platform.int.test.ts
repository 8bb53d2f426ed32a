import { Writable } from 'node:stream';
import { createDatabase, type Database } from '@muse/db';
import { createLogger } from '@muse/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeCampaign } from '../test/factories.ts';
import { startTestApp, TEST_METRICS_TOKEN, TEST_WEB_ORIGIN, type TestApp } from '../test/test-app.ts';

/** A logger whose JSON lines the test can read. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: createLogger('api-test', { level: 'info' }, sink), lines };
}

let api: TestApp;
let logs: Record<string, unknown>[];
beforeAll(async () => {
  const captured = capturedLogger();
  logs = captured.lines;
  api = await startTestApp({ logger: captured.logger, env: { JSON_BODY_LIMIT: '2kb' } });
});
afterAll(() => api.close());

describe('health, readiness and metrics', () => {
  it('when asked for /healthz, then 200 ok', async () => {
    const res = await api.http.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', service: 'api' });
  });

  it('when the database answers, then /readyz is 200', async () => {
    const res = await api.http.get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', service: 'api', checks: { database: 'ok' } });
  });

  it('when the launcher gave it an instance id, then /healthz and /readyz echo it; without one, neither does', async () => {
    const launched = await startTestApp({ env: { MUSE_INSTANCE_ID: 'this-run' } });
    try {
      expect((await launched.http.get('/readyz')).headers['x-muse-instance']).toBe('this-run');
      expect((await launched.http.get('/healthz')).headers['x-muse-instance']).toBe('this-run');
    } finally {
      await launched.close();
    }
    expect((await api.http.get('/readyz')).headers['x-muse-instance']).toBeUndefined();
  });

  it('when the database is unreachable, then /readyz is 503 unavailable', async () => {
    const unreachable: Database = createDatabase({
      url: 'postgresql://muse:muse@127.0.0.1:9/none',
      poolSize: 1,
    });
    const down = await startTestApp({ db: unreachable });
    try {
      const res = await down.http.get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'unavailable', checks: { database: 'failed' } });
    } finally {
      await down.close();
      await unreachable.disconnect();
    }
  });

  it('when the process is draining for shutdown, then /readyz is 503 while /healthz stays 200', async () => {
    const lifecycle = { draining: false };
    const draining = await startTestApp({ lifecycle });
    try {
      lifecycle.draining = true;
      expect((await draining.http.get('/readyz')).status).toBe(503);
      expect((await draining.http.get('/healthz')).status).toBe(200);
    } finally {
      await draining.close();
    }
  });

  it('when requests were served, then /metrics has their durations by route template and status', async () => {
    const { member } = await makeAgency(api.db);
    await api.http.get('/api/me').set('Authorization', await bearer(member));
    await api.http.get('/no/such/route');
    expect((await api.http.get('/metrics')).status).toBe(401);
    expect((await api.http.get('/metrics').set('Authorization', 'Bearer not-the-token-0123')).status).toBe(
      401,
    );
    const res = await api.http.get('/metrics').set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/me",status="200"\} \d+/,
    );
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} \d+/,
    );
    expect(res.text).toContain('process_cpu_seconds_total');
  });
});

describe('errors', () => {
  it('when the route does not exist, then 404 not_found in the envelope', async () => {
    const res = await api.http.get('/api/nothing-here').set('x-request-id', 'missing-1');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'not_found', message: expect.any(String), requestId: 'missing-1' },
    });
  });

  it('when the JSON body is malformed, then 400 invalid_input', async () => {
    const { admin } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/users/invitations')
      .set('Authorization', await bearer(admin))
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c",');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/JSON/) });
  });

  it('when the body exceeds the limit, then 413 payload_too_large', async () => {
    const { admin } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/users/invitations')
      .set('Authorization', await bearer(admin))
      .send({ email: 'big@example.test', name: 'x'.repeat(4000), role: 'AGENCY_MEMBER' });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('when the body is not JSON at all, then 415, and nothing is created', async () => {
    const { admin, tenant } = await makeAgency(api.db);
    const res = await api.http
      .post('/api/users/invitations')
      .set('Authorization', await bearer(admin))
      .set('Content-Type', 'text/plain')
      .send('email=a@b.c');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    const invited = await api.db.withTenantTx(tenant.id, (tx) =>
      tx.user.count({ where: { email: 'a@b.c' } }),
    );
    expect(invited).toBe(0);
  });

  async function makeAgencyWithCampaign() {
    const agency = await makeAgency(api.db);
    return { ...agency, campaign: await makeCampaign(api.db, agency.tenant, agency.client) };
  }

  it('when a route whose fields are all optional gets a body that is not JSON, then 415, not a run on defaults', async () => {
    const { member, campaign } = await makeAgencyWithCampaign();
    const res = await api.http
      .post(`/api/campaigns/${campaign.id}/generate`)
      .set('Authorization', await bearer(member))
      .set('Content-Type', 'text/plain')
      .send('numPosts=50');
    expect(res.status).toBe(415);
    const runs = await api.db.withTenantTx(campaign.tenantId, (tx) =>
      tx.generation.count({ where: { campaignId: campaign.id } }),
    );
    expect(runs).toBe(0);
  });

  it('when a route with a body gets none at all, then it reads as an empty object', async () => {
    const { member, campaign } = await makeAgencyWithCampaign();
    const res = await api.http
      .post(`/api/campaigns/${campaign.id}/generate`)
      .set('Authorization', await bearer(member));
    expect(res.status).toBe(202);
  });

  it('when something unexpected fails, then 500 internal with the request id, no internals, and the stack in the log', async () => {
    const captured = capturedLogger();
    const failing = await startTestApp({
      db: {
        ...api.db,
        withTenantTx: () => Promise.reject(new Error('pool exploded at postgres://muse:hunter2@db')),
      },
      logger: captured.logger,
    });
    try {
      const { admin } = await makeAgency(api.db);
      const res = await failing.http
        .get('/api/users')
        .set('Authorization', await bearer(admin))
        .set('x-request-id', 'boom-1');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        error: { code: 'internal', message: 'Something went wrong on our side', requestId: 'boom-1' },
      });
      expect(JSON.stringify(res.body)).not.toContain('hunter2');
      const failure = captured.lines.find((line) => line.msg === 'request failed');
      expect(failure).toMatchObject({
        requestId: 'boom-1',
        err: { stack: expect.stringContaining('pool exploded') },
      });
    } finally {
      await failing.close();
    }
  });

  it('when requests are malformed in many ways, then each gets a 4xx and the process keeps serving', async () => {
    const { admin } = await makeAgency(api.db);
    const auth = await bearer(admin);
    const attempts = [
      api.http.patch('/api/users/%E0%A4%A').set('Authorization', auth).send({ name: 'x' }),
      api.http
        .post('/api/users/invitations')
        .set('Authorization', auth)
        .set('Content-Type', 'application/json')
        .send('null'),
      api.http.post('/api/users/invitations').set('Authorization', auth).send([1, 2, 3]),
      api.http
        .post('/api/users/invitations')
        .set('Authorization', auth)
        .set('Content-Type', 'application/json; charset=latin-9')
        .send('{}'),
      api.http.get('/api/users').query('limit=1&limit=2').set('Authorization', auth),
      api.http.get('/api/users').query({ 'cursor[$ne]': 'x' }).set('Authorization', auth),
      api.http.get('/api/me').set('Authorization', `Bearer ${'a'.repeat(6000)}.b.c`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.code).toEqual(expect.any(String));
    }
    expect((await api.http.get('/healthz')).status).toBe(200);
  });
});

describe('request id', () => {
  const MINTED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it('when the caller sends a well-formed x-request-id, then it is echoed and used in errors', async () => {
    const res = await api.http.get('/api/nothing-here').set('x-request-id', 'trace.01:abc-DEF_9');
    expect(res.headers['x-request-id']).toBe('trace.01:abc-DEF_9');
    expect(res.body.error.requestId).toBe('trace.01:abc-DEF_9');
  });

  it.each([
    ['spaces and markup', 'bad id <script>alert(1)</script>'],
    ['over 128 characters', 'a'.repeat(129)],
  ])('when the x-request-id has %s, then a fresh well-formed one replaces it everywhere', async (_, sent) => {
    const res = await api.http.get('/api/nothing-here').set('x-request-id', sent);
    const echoed = res.headers['x-request-id'];
    expect(echoed).toMatch(MINTED);
    expect(echoed).not.toBe(sent);
    expect(res.body.error.requestId).toBe(echoed);
    expect(logs.some((entry) => entry.requestId === echoed && entry.msg === 'request')).toBe(true);
    expect(logs.some((entry) => entry.requestId === sent)).toBe(false);
  });
});

describe('edge protections', () => {
  it('when a listed origin calls, then CORS allows it; another origin gets no CORS headers', async () => {
    const allowed = await api.http.get('/healthz').set('Origin', TEST_WEB_ORIGIN);
    expect(allowed.headers['access-control-allow-origin']).toBe(TEST_WEB_ORIGIN);
    const other = await api.http.get('/healthz').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when a listed origin sends a preflight, then 204 with the allowed methods and headers', async () => {
    const res = await api.http
      .options('/api/users/invitations')
      .set('Origin', TEST_WEB_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const refused = await api.http
      .options('/api/users/invitations')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when any response goes out, then helmet’s security headers are on it', async () => {
    const res = await api.http.get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('when a request is logged, then the line has the request id and route, and the token is redacted', async () => {
    const { member } = await makeAgency(api.db);
    const authorization = await bearer(member);
    await api.http.get('/api/me').set('Authorization', authorization).set('x-request-id', 'logged-1');
    const line = logs.find((entry) => entry.requestId === 'logged-1' && entry.msg === 'request');
    expect(line).toMatchObject({
      route: '/api/me',
      status: 200,
      userId: member.id,
      req: { method: 'GET', url: '/api/me', headers: { authorization: '[redacted]' } },
    });
    expect(JSON.stringify(logs)).not.toContain(authorization.slice(7));
  });
});
