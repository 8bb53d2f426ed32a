import { createPublicKey } from 'node:crypto';
import { env, loadConfig, parseEnv } from '@muse/config';
import { z } from 'zod';

const commaList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string()).min(1));

const origins = commaList.pipe(z.array(z.url({ protocol: /^https?$/, error: 'must be http(s) origins' })));

/** A PEM pasted into one line keeps literal `\n`; verification would then fail without a word. */
const pemKey = z
  .string()
  .transform((value) => value.replaceAll('\\n', '\n').trim())
  .refine(isRsa2048PublicKey, 'must be an RSA-2048 public key in PEM (SPKI) format');

function isRsa2048PublicKey(pem: string): boolean {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'rsa' && key.asymmetricKeyDetails?.modulusLength === 2048;
  } catch {
    return false;
  }
}

/** Express's `trust proxy`: true/false, a hop count, or addresses/subnets (comma list). */
const trustProxy = z.string().transform((value): boolean | number | string => {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
});

const variables = z
  .object({
    PORT: env.port(3001),
    NODE_ENV: env.nodeEnv(),
    LOG_LEVEL: env.logLevel(),
    DATABASE_URL: env.postgresUrl(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    AUTH_MODE: z.enum(['local', 'clerk']).default('local'),
    CLERK_JWT_KEY: pemKey.optional(),
    AUTH_AUTHORIZED_PARTIES: origins.optional(),
    AUTH_CACHE_TTL_SECONDS: z.coerce.number().min(0).max(60).default(5),
    LOCAL_AUTH_ALLOW_IN_PRODUCTION: env.boolean(false),
    WEB_ORIGIN: env.httpUrl().default('http://localhost:3000'),
    CORS_ORIGINS: origins.optional(),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_PER_TENANT_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
    TRUST_PROXY: trustProxy.default(false),
    JSON_BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'a size such as 100kb or 1mb')
      .default('100kb'),
  })
  .superRefine((value, ctx) => {
    if (value.AUTH_MODE === 'clerk' && !value.CLERK_JWT_KEY) {
      ctx.addIssue({ code: 'custom', path: ['CLERK_JWT_KEY'], message: 'is required when AUTH_MODE=clerk' });
    }
    if (
      value.AUTH_MODE === 'local' &&
      value.NODE_ENV === 'production' &&
      !value.LOCAL_AUTH_ALLOW_IN_PRODUCTION
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_MODE'],
        message:
          'local sign-in mints its own tokens and is meant for development: use AUTH_MODE=clerk in production, or set LOCAL_AUTH_ALLOW_IN_PRODUCTION=true for a demo',
      });
    }
  });

type Variables = z.infer<typeof variables>;

function toConfig(value: Variables) {
  const webOrigin = new URL(value.WEB_ORIGIN).origin;
  return Object.freeze({
    port: value.PORT,
    nodeEnv: value.NODE_ENV,
    logLevel: value.LOG_LEVEL,
    databaseUrl: value.DATABASE_URL,
    databasePoolSize: value.DATABASE_POOL_SIZE,
    auth: Object.freeze({
      mode: value.AUTH_MODE,
      clerkJwtKey: value.CLERK_JWT_KEY,
      authorizedParties: value.AUTH_AUTHORIZED_PARTIES ?? [webOrigin],
      cacheTtlMs: value.AUTH_CACHE_TTL_SECONDS * 1000,
    }),
    webOrigin,
    corsOrigins: (value.CORS_ORIGINS ?? [webOrigin]).map((origin) => new URL(origin).origin),
    redisUrl: value.REDIS_URL,
    rateLimit: Object.freeze({
      perUserPerMinute: value.RATE_LIMIT_PER_MINUTE,
      perTenantPerMinute: value.RATE_LIMIT_PER_TENANT_PER_MINUTE,
    }),
    trustProxy: value.TRUST_PROXY,
    jsonBodyLimit: value.JSON_BODY_LIMIT,
  });
}

export type ApiConfig = ReturnType<typeof toConfig>;

/** Parses the given variables; throws a ConfigError naming each bad variable. */
export function parseApiConfig(env: Record<string, string | undefined>): ApiConfig {
  return toConfig(parseEnv(variables, env));
}

/** The process's configuration: a bad variable stops the process with a message naming it. */
export function loadApiConfig(): ApiConfig {
  return toConfig(loadConfig('api', variables));
}
