import { generateKeyPairSync } from 'node:crypto';
import { ConfigError } from '@muse/config';
import { describe, expect, it } from 'vitest';
import { parseApiConfig, parseWorkerConfig } from './config.ts';

const DATABASE_URL = 'postgresql://muse_app:secret@127.0.0.1:5432/muse';
const LINK_SIGNING_SECRET = 'a-link-signing-secret-of-32-characters-or-more';

const publicKeyPem = (modulusLength: number) =>
  generateKeyPairSync('rsa', {
    modulusLength,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  }).publicKey;

const problemsOf = (env: Record<string, string>) => {
  try {
    parseApiConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('api configuration', () => {
  it('when only DATABASE_URL is set, then the defaults make a local development setup', () => {
    const config = parseApiConfig({ DATABASE_URL });
    expect(config).toMatchObject({
      port: 3001,
      nodeEnv: 'development',
      databasePoolSize: 10,
      auth: { mode: 'local', authorizedParties: ['http://localhost:3000'], cacheTtlMs: 5000 },
      webOrigin: 'http://localhost:3000',
      corsOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'],
      redisUrl: undefined,
      rateLimit: { perUserPerMinute: 600, perTenantPerMinute: 6000 },
      trustProxy: false,
      jsonBodyLimit: '100kb',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('when WEB_ORIGIN is on loopback, then CORS admits it under each loopback host name, on its port only', () => {
    const config = parseApiConfig({ DATABASE_URL, WEB_ORIGIN: 'http://127.0.0.1:4100' });
    expect(config.corsOrigins).toEqual([
      'http://localhost:4100',
      'http://127.0.0.1:4100',
      'http://[::1]:4100',
    ]);
    expect(config.auth.authorizedParties).toEqual(['http://127.0.0.1:4100']);
  });

  it('when DATABASE_URL is missing or not PostgreSQL, then the problem names it', () => {
    expect(problemsOf({})).toEqual(['DATABASE_URL is required']);
    expect(problemsOf({ DATABASE_URL: 'mysql://x@y/z' })).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
  });

  it('when DATABASE_URL logs in as another role than muse_app (the owner, a superuser), then it is refused', () => {
    expect(problemsOf({ DATABASE_URL: 'postgresql://postgres:secret@127.0.0.1:5432/muse' })).toEqual([
      'DATABASE_URL: must log in as muse_app, the role the migrations set up',
    ]);
  });

  it('when DATABASE_REPLICA_URLS lists replicas, then each must be a muse_app PostgreSQL URL', () => {
    const replica = 'postgresql://muse_app:secret@replica-1:5432/muse';
    expect(parseApiConfig({ DATABASE_URL }).databaseReplicas).toEqual({
      urls: [],
      maxLagMs: 2000,
      readYourWritesMs: 5000,
    });
    expect(
      parseApiConfig({ DATABASE_URL, DATABASE_REPLICA_URLS: ` ${replica} , ${replica.replace('-1', '-2')}` })
        .databaseReplicas.urls,
    ).toEqual([replica, replica.replace('-1', '-2')]);
    expect(problemsOf({ DATABASE_URL, DATABASE_REPLICA_URLS: `${replica},replica-2:5432` })).toEqual([
      'DATABASE_REPLICA_URLS.1: must be a postgresql:// connection URL',
    ]);
    expect(
      problemsOf({ DATABASE_URL, DATABASE_REPLICA_URLS: 'postgresql://postgres:secret@replica-1:5432/muse' }),
    ).toEqual(['DATABASE_REPLICA_URLS.0: must log in as muse_app, the role the migrations set up']);
  });

  it('when WEB_ORIGIN is set, then authorized parties and CORS follow it unless set themselves', () => {
    const config = parseApiConfig({ DATABASE_URL, WEB_ORIGIN: 'https://app.muse.example/' });
    expect(config.auth.authorizedParties).toEqual(['https://app.muse.example']);
    expect(config.corsOrigins).toEqual(['https://app.muse.example']);
    const explicit = parseApiConfig({
      DATABASE_URL,
      AUTH_AUTHORIZED_PARTIES: 'https://a.example, https://b.example',
      CORS_ORIGINS: 'https://c.example',
    });
    expect(explicit.auth.authorizedParties).toEqual(['https://a.example', 'https://b.example']);
    expect(explicit.corsOrigins).toEqual(['https://c.example']);
  });

  it('when AUTH_MODE=clerk has no CLERK_JWT_KEY, then it refuses to start naming the variable', () => {
    expect(problemsOf({ DATABASE_URL, AUTH_MODE: 'clerk' })).toEqual([
      'CLERK_JWT_KEY: is required when AUTH_MODE=clerk',
    ]);
  });

  it('when CLERK_JWT_KEY comes on one line with literal \\n, then it is normalised to a usable PEM', () => {
    const pem = publicKeyPem(2048);
    const config = parseApiConfig({
      DATABASE_URL,
      AUTH_MODE: 'clerk',
      CLERK_JWT_KEY: pem.trim().replaceAll('\n', '\\n'),
    });
    expect(config.auth.clerkJwtKey).toBe(pem.trim());
  });

  it('when CLERK_JWT_KEY is not an RSA-2048 public key, then it is refused', () => {
    for (const key of ['not a key', publicKeyPem(1024)]) {
      expect(problemsOf({ DATABASE_URL, AUTH_MODE: 'clerk', CLERK_JWT_KEY: key })).toEqual([
        expect.stringMatching(/^CLERK_JWT_KEY: must be an RSA-2048 public key/),
      ]);
    }
  });

  it('when local auth would run with NODE_ENV=production, then it refuses unless explicitly allowed', () => {
    expect(problemsOf({ DATABASE_URL, NODE_ENV: 'production', LINK_SIGNING_SECRET })).toEqual([
      expect.stringMatching(/^AUTH_MODE: local sign-in/),
    ]);
    const allowed = parseApiConfig({
      DATABASE_URL,
      NODE_ENV: 'production',
      LOCAL_AUTH_ALLOW_IN_PRODUCTION: 'true',
      LINK_SIGNING_SECRET,
    });
    expect(allowed.auth.mode).toBe('local');
  });

  it('when production has no LINK_SIGNING_SECRET, then it refuses to start; elsewhere a development secret stands in', () => {
    const production = { DATABASE_URL, NODE_ENV: 'production', LOCAL_AUTH_ALLOW_IN_PRODUCTION: 'true' };
    expect(problemsOf(production)).toEqual([
      expect.stringMatching(/^LINK_SIGNING_SECRET: is required in production/),
    ]);
    expect(parseApiConfig({ ...production, LINK_SIGNING_SECRET }).linkSigningSecret).toBe(
      LINK_SIGNING_SECRET,
    );
    expect(parseApiConfig({ DATABASE_URL }).linkSigningSecret).toMatch(/development/);
    expect(problemsOf({ DATABASE_URL, LINK_SIGNING_SECRET: 'short' })).toEqual([
      expect.stringMatching(/^LINK_SIGNING_SECRET: must be at least 32 characters/),
    ]);
  });

  it('when TRUST_PROXY is a boolean, a hop count or a list, then Express gets the matching value', () => {
    expect(parseApiConfig({ DATABASE_URL, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseApiConfig({ DATABASE_URL, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(parseApiConfig({ DATABASE_URL, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
  });

  it('when numbers or URLs are malformed, then each problem names its variable', () => {
    const problems = problemsOf({
      DATABASE_URL,
      PORT: 'http',
      REDIS_URL: 'http://cache',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['PORT', 'REDIS_URL', 'RATE_LIMIT_PER_MINUTE']),
    );
  });
});

describe('generation configuration', () => {
  it('when nothing is set, then the AI call outlasts the AI service budget and a job attempt outlasts the call', () => {
    const { aiService, generation } = parseApiConfig({ DATABASE_URL });
    expect(aiService).toEqual({ url: 'http://127.0.0.1:8800', token: undefined, timeoutMs: 60_000 });
    expect(aiService.timeoutMs).toBeGreaterThan(45_000);
    expect(generation.expireInSeconds * 1000).toBeGreaterThan(aiService.timeoutMs);
    expect(generation).toMatchObject({ waitTimeoutMs: 60_000, retryLimit: 3, heartbeatSeconds: 30 });
  });

  it('when the worker starts without AI_SERVICE_TOKEN, then it refuses naming the variable (the API does not need it)', () => {
    const problems = (() => {
      try {
        parseWorkerConfig({ DATABASE_URL });
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
      }
      return [];
    })();
    expect(problems).toEqual(['AI_SERVICE_TOKEN is required']);
    expect(parseWorkerConfig({ DATABASE_URL, AI_SERVICE_TOKEN: 'x'.repeat(16) }).aiService.token).toBe(
      'x'.repeat(16),
    );
  });

  it('when a job attempt could expire before its AI call times out, then GENERATION_JOB_EXPIRE_SECONDS is refused', () => {
    expect(
      problemsOf({ DATABASE_URL, AI_SERVICE_TIMEOUT_MS: '120000', GENERATION_JOB_EXPIRE_SECONDS: '120' }),
    ).toEqual(['GENERATION_JOB_EXPIRE_SECONDS: must be at least AI_SERVICE_TIMEOUT_MS + 30 s']);
  });

  it('when the heartbeat is shorter than pg-boss allows or the wait longer than a minute, then they are refused', () => {
    const problems = problemsOf({
      DATABASE_URL,
      GENERATION_HEARTBEAT_SECONDS: '5',
      GENERATION_WAIT_TIMEOUT_MS: '120000',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'GENERATION_HEARTBEAT_SECONDS',
      'GENERATION_WAIT_TIMEOUT_MS',
    ]);
  });
});
