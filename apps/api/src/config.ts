import { createPublicKey } from 'node:crypto';
import { env, loadConfig, parseEnv } from '@muse/config';
import { APPLICATION_ROLE, logsInAsApplication } from '@muse/db';
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

/** A PostgreSQL URL the services may use: one logging in as the application role. */
const applicationLogin = () =>
  env.postgresUrl().refine(logsInAsApplication, {
    message: `must log in as ${APPLICATION_ROLE}, the role the migrations set up`,
    when: (payload) => payload.issues.length === 0,
  });

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
    DATABASE_URL: applicationLogin(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** Streaming replicas for list and detail reads, logging in as DATABASE_URL's role. */
    DATABASE_REPLICA_URLS: commaList.pipe(z.array(applicationLogin())).optional(),
    DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).default(2000),
    READ_YOUR_WRITES_SECONDS: z.coerce.number().min(0).max(300).default(5),
    AUTH_MODE: z.enum(['local', 'clerk']).default('local'),
    CLERK_JWT_KEY: pemKey.optional(),
    AUTH_AUTHORIZED_PARTIES: origins.optional(),
    AUTH_CACHE_TTL_SECONDS: z.coerce.number().min(0).max(60).default(5),
    LOCAL_AUTH_ALLOW_IN_PRODUCTION: env.boolean(false),
    WEB_ORIGIN: env.httpUrl().default('http://localhost:3000'),
    CORS_ORIGINS: origins.optional(),
    /** Bearer token Prometheus presents to GET /metrics; unset, the endpoint is off. */
    METRICS_TOKEN: env.secret(16).optional(),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_PER_TENANT_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
    RATE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
    TRUST_PROXY: trustProxy.default(false),
    JSON_BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'a size such as 100kb or 1mb')
      .default('100kb'),
    AI_SERVICE_URL: env.httpUrl().default('http://127.0.0.1:8800'),
    /** Only the worker calls the AI service: it is required there (loadWorkerConfig). */
    AI_SERVICE_TOKEN: env.secret(16).optional(),
    // Longer than the AI service's own budget for a run (LLM_TOTAL_BUDGET_MS, 45 s by default), so
    // the service answers with its own error rather than being cut off.
    AI_SERVICE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
    GENERATION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    GENERATION_TOKENS_PER_IDEA: z.coerce.number().int().min(1).max(100_000).default(1_000),
    GENERATION_WAIT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(60_000).default(60_000),
    GENERATION_RETRY_LIMIT: z.coerce.number().int().min(0).max(10).default(3),
    GENERATION_RETRY_DELAY_SECONDS: z.coerce.number().int().min(0).max(3_600).default(10),
    GENERATION_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).max(3_600).default(30),
    GENERATION_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(30).max(86_400).default(300),
    GENERATION_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
    GENERATION_SUPERVISE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(15),
    GENERATION_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
    GENERATION_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
    /** Where the worker sends email (smtp:// or smtps://); unset, every message fails with a reason saying so. */
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
    MAIL_FROM: z.string().min(3).default('Muse <no-reply@localhost>'),
    EMAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(5),
    EMAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(0).max(3_600).default(30),
    /** Notifications that come within this window reach a user in one message. */
    NOTIFICATION_BATCH_SECONDS: z.coerce.number().int().min(0).max(3_600).default(120),
    /** The hour of the day (in each user's own time zone) at which the daily digest goes out. */
    NOTIFICATION_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
    /** How often the worker looks for digests that are due. */
    NOTIFICATION_DIGEST_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /**
     * Signs the links mail carries (unsubscribe, actions from a message). Required in production;
     * elsewhere a fixed development secret stands in.
     */
    LINK_SIGNING_SECRET: env.secret(32).optional(),
    /** How often a worker sends the due review reminders and escalates overdue reviews. */
    REMINDER_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
    WORKER_PORT: env.port(3002),
    /** Set by `npm start`; echoed on /healthz and /readyz so it knows its own services. */
    MUSE_INSTANCE_ID: z.string().min(1).optional(),
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
    if (value.NODE_ENV === 'production' && !value.LINK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['LINK_SIGNING_SECRET'],
        message: 'is required in production: it signs the links in the mail Muse sends',
      });
    }
    // An attempt must outlive its AI call plus the writes after it, or healthy runs would expire.
    if (value.GENERATION_JOB_EXPIRE_SECONDS * 1000 < value.AI_SERVICE_TIMEOUT_MS + 30_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['GENERATION_JOB_EXPIRE_SECONDS'],
        message: 'must be at least AI_SERVICE_TIMEOUT_MS + 30 s',
      });
    }
  });

const workerVariables = variables.safeExtend({ AI_SERVICE_TOKEN: env.secret(16) });

type Variables = z.infer<typeof variables>;

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Signs links outside production when LINK_SIGNING_SECRET is unset; production refuses to start without one. */
const DEVELOPMENT_LINK_SIGNING_SECRET = 'muse-development-link-signing-secret-not-for-production';

/**
 * A web app on this machine is opened as localhost, 127.0.0.1 or [::1] alike: each is its own
 * browser origin, so each name of a loopback WEB_ORIGIN may call the API.
 */
function withLoopbackAliases(webOrigin: string): string[] {
  const url = new URL(webOrigin);
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return [webOrigin];
  return LOOPBACK_HOSTS.map((host) => {
    const alias = new URL(webOrigin);
    alias.hostname = host;
    return alias.origin;
  });
}

function toConfig(value: Variables) {
  const webOrigin = new URL(value.WEB_ORIGIN).origin;
  return Object.freeze({
    port: value.PORT,
    nodeEnv: value.NODE_ENV,
    logLevel: value.LOG_LEVEL,
    databaseUrl: value.DATABASE_URL,
    databasePoolSize: value.DATABASE_POOL_SIZE,
    databaseReplicas: Object.freeze({
      urls: value.DATABASE_REPLICA_URLS ?? [],
      maxLagMs: value.DATABASE_REPLICA_MAX_LAG_MS,
      readYourWritesMs: value.READ_YOUR_WRITES_SECONDS * 1000,
    }),
    auth: Object.freeze({
      mode: value.AUTH_MODE,
      clerkJwtKey: value.CLERK_JWT_KEY,
      authorizedParties: value.AUTH_AUTHORIZED_PARTIES ?? [webOrigin],
      cacheTtlMs: value.AUTH_CACHE_TTL_SECONDS * 1000,
    }),
    webOrigin,
    corsOrigins:
      value.CORS_ORIGINS?.map((origin) => new URL(origin).origin) ?? withLoopbackAliases(webOrigin),
    metricsToken: value.METRICS_TOKEN,
    redisUrl: value.REDIS_URL,
    rateLimit: Object.freeze({
      perUserPerMinute: value.RATE_LIMIT_PER_MINUTE,
      perTenantPerMinute: value.RATE_LIMIT_PER_TENANT_PER_MINUTE,
      perIpPerMinute: value.RATE_LIMIT_PER_IP_PER_MINUTE,
    }),
    trustProxy: value.TRUST_PROXY,
    jsonBodyLimit: value.JSON_BODY_LIMIT,
    aiService: Object.freeze({
      url: value.AI_SERVICE_URL.replace(/\/+$/, ''),
      token: value.AI_SERVICE_TOKEN,
      timeoutMs: value.AI_SERVICE_TIMEOUT_MS,
    }),
    generation: Object.freeze({
      rateLimitPerMinute: value.GENERATION_RATE_LIMIT_PER_MINUTE,
      tokensPerIdea: value.GENERATION_TOKENS_PER_IDEA,
      waitTimeoutMs: value.GENERATION_WAIT_TIMEOUT_MS,
      retryLimit: value.GENERATION_RETRY_LIMIT,
      retryDelaySeconds: value.GENERATION_RETRY_DELAY_SECONDS,
      heartbeatSeconds: value.GENERATION_HEARTBEAT_SECONDS,
      expireInSeconds: value.GENERATION_JOB_EXPIRE_SECONDS,
      pollIntervalSeconds: value.GENERATION_POLL_INTERVAL_SECONDS,
      superviseIntervalSeconds: value.GENERATION_SUPERVISE_INTERVAL_SECONDS,
      sweepIntervalSeconds: value.GENERATION_SWEEP_INTERVAL_SECONDS,
      workerConcurrency: value.GENERATION_WORKER_CONCURRENCY,
    }),
    email: Object.freeze({
      smtpUrl: value.SMTP_URL,
      from: value.MAIL_FROM,
      retryLimit: value.EMAIL_RETRY_LIMIT,
      retryDelaySeconds: value.EMAIL_RETRY_DELAY_SECONDS,
    }),
    notifications: Object.freeze({
      batchSeconds: value.NOTIFICATION_BATCH_SECONDS,
      digestHour: value.NOTIFICATION_DIGEST_HOUR,
      digestSweepSeconds: value.NOTIFICATION_DIGEST_SWEEP_SECONDS,
    }),
    linkSigningSecret: value.LINK_SIGNING_SECRET ?? DEVELOPMENT_LINK_SIGNING_SECRET,
    reminders: Object.freeze({ sweepIntervalSeconds: value.REMINDER_SWEEP_SECONDS }),
    workerPort: value.WORKER_PORT,
    instanceId: value.MUSE_INSTANCE_ID,
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

/** The API's configuration plus what the generation worker needs besides (the AI service's token). */
export type WorkerConfig = ApiConfig & { aiService: { token: string } };

export function parseWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  return toConfig(parseEnv(workerVariables, env)) as WorkerConfig;
}

export function loadWorkerConfig(): WorkerConfig {
  return toConfig(loadConfig('worker', workerVariables)) as WorkerConfig;
}
