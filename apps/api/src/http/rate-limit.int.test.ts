import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, makeUser } from '../test/factories.ts';
import { captureSql } from '../test/sql-capture.ts';
import { startTestApp, type TestApp } from '../test/test-app.ts';
import { claimsFor, signClaims } from '../test/tokens.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const expectRateLimited = (res: { status: number; headers: Record<string, string>; body: unknown }) => {
  expect(res.status).toBe(429);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(res.body).toMatchObject({ error: { code: 'rate_limited', requestId: expect.any(String) } });
};

describe('rate limits with the in-memory store', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_TENANT_PER_MINUTE: '5' } });
  });
  afterAll(() => api.close());

  it('when a user exceeds its limit, then 429 rate_limited with Retry-After, and another user is unaffected', async () => {
    const { admin, member } = await makeAgency(api.db);
    const auth = await bearer(member);
    for (let i = 0; i < 3; i += 1) {
      const res = await api.http.get('/api/me').set('Authorization', auth);
      expect(res.status).toBe(200);
      expect(res.headers.ratelimit).toMatch(
        /^"ip"; r=\d+; t=\d+, "user"; r=\d+; t=\d+, "tenant"; r=\d+; t=\d+$/,
      );
    }
    expectRateLimited(await api.http.get('/api/me').set('Authorization', auth));
    expect((await api.http.get('/api/me').set('Authorization', await bearer(admin))).status).toBe(200);
  });

  it('when a tenant’s users together exceed the tenant limit, then the next user is limited too', async () => {
    const { tenant, admin, member } = await makeAgency(api.db);
    const third = await makeUser(api.db, tenant);
    for (const user of [admin, admin, admin, member, member]) {
      expect((await api.http.get('/api/me').set('Authorization', await bearer(user))).status).toBe(200);
    }
    expectRateLimited(await api.http.get('/api/me').set('Authorization', await bearer(third)));
  });

  it('when anonymous requests come in, then they are answered 401 counted only against their address', async () => {
    const res = await api.http.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.headers.ratelimit).toMatch(/^"ip"; r=\d+; t=\d+$/);
  });
});

/** A validly signed token for an identity no Muse account has: each one costs a sign-in lookup. */
const strangerAuth = async () => `Bearer ${await signClaims(claimsFor(`user_${randomUUID()}`))}`;

/**
 * Sends `limit` stranger tokens from one address (answered 401 after a database lookup), then
 * more, which must be refused without a single SQL statement.
 */
async function expectAddressLimitedBeforeSignIn(apis: TestApp[], address: string, limit: number) {
  const served = captureSql();
  try {
    for (let i = 0; i < limit; i += 1) {
      const api = apis[i % apis.length] as TestApp;
      const res = await api.http
        .get('/api/me')
        .set('X-Forwarded-For', address)
        .set('Authorization', await strangerAuth());
      expect(res.status).toBe(401);
    }
  } finally {
    served.stop();
  }
  expect(served.statements.length).toBeGreaterThan(0);

  const refused = captureSql();
  try {
    for (const api of apis) {
      expectRateLimited(
        await api.http
          .get('/api/me')
          .set('X-Forwarded-For', address)
          .set('Authorization', await strangerAuth()),
      );
    }
  } finally {
    refused.stop();
  }
  expect(refused.statements).toEqual([]);
}

describe('per-IP limit before authentication, in-memory store', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_IP_PER_MINUTE: '3', TRUST_PROXY: 'true' } });
  });
  afterAll(() => api.close());

  it('when one address sends more signed tokens of unknown identities than its limit, then the excess is 429 before any SQL, and another address is served', async () => {
    await expectAddressLimitedBeforeSignIn([api], '203.0.113.7', 3);
    expectRateLimited(await api.http.get('/api/openapi.json').set('X-Forwarded-For', '203.0.113.7'));

    const other = await api.http
      .get('/api/me')
      .set('X-Forwarded-For', '198.51.100.9')
      .set('Authorization', await strangerAuth());
    expect(other.status).toBe(401);
    expect(other.body).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});

/** Two API processes sharing one Redis store under a fresh key prefix, for the tests of a describe block. */
function twoAppsSharingRedis(env: Record<string, string>) {
  const shared = { prefix: `muse-test:${randomBytes(6).toString('hex')}:` } as {
    prefix: string;
    redis: Redis;
    first: TestApp;
    second: TestApp;
  };
  beforeAll(async () => {
    shared.redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await shared.redis.connect();
    const options = { redis: shared.redis, rateLimitPrefix: shared.prefix, env };
    shared.first = await startTestApp(options);
    shared.second = await startTestApp(options);
  });
  afterAll(async () => {
    await shared.first.close();
    await shared.second.close();
    const keys = await shared.redis.keys(`${shared.prefix}*`);
    if (keys.length > 0) await shared.redis.del(...keys);
    await shared.redis.quit();
  });
  return shared;
}

describe('rate limits with the Redis store', () => {
  const apps = twoAppsSharingRedis({ RATE_LIMIT_PER_MINUTE: '4' });

  it('when two API processes share Redis, then a user’s requests count against one limit across both', async () => {
    const { member } = await makeAgency(apps.first.db);
    const auth = await bearer(member);
    for (const api of [apps.first, apps.second, apps.first, apps.second]) {
      expect((await api.http.get('/api/me').set('Authorization', auth)).status).toBe(200);
    }
    expectRateLimited(await apps.first.http.get('/api/me').set('Authorization', auth));
    expectRateLimited(await apps.second.http.get('/api/me').set('Authorization', auth));
    expect(await apps.redis.keys(`${apps.prefix}user:*`)).toHaveLength(1);
  });
});

describe('per-IP limit before authentication, Redis store', () => {
  const apps = twoAppsSharingRedis({ RATE_LIMIT_PER_IP_PER_MINUTE: '4', TRUST_PROXY: 'true' });

  it('when one address spreads signed tokens of unknown identities over two API processes, then they share one limit and the excess is 429 before any SQL', async () => {
    await expectAddressLimitedBeforeSignIn([apps.first, apps.second], '203.0.113.8', 4);
    expect(await apps.redis.keys(`${apps.prefix}ip:*`)).toHaveLength(1);
    const other = await apps.second.http
      .get('/api/me')
      .set('X-Forwarded-For', '198.51.100.10')
      .set('Authorization', await strangerAuth());
    expect(other.status).toBe(401);
  });
});
