import path from 'node:path';
import { env, loadConfig, parseEnv } from '@muse/config';
import { TemplateName, TemplateVersion } from '@muse/contracts';
import { z } from 'zod';

const positiveMs = (fallback: number) => z.coerce.number().int().min(1).max(600_000).default(fallback);
const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * `system=v1,post=v2`: the default version per template; templates left out use v1. Post and
 * reel default to v2 since it passed the quality check (generation/template-quality.test.ts);
 * `post=v1,reel=v1` still selects v1.
 */
const PromptVersions = z
  .string()
  .default('system=v1,post=v2,reel=v2,feedback=v1')
  .transform((value, ctx) => {
    const versions: Record<TemplateName, TemplateVersion> = {
      system: 'v1',
      post: 'v1',
      reel: 'v1',
      feedback: 'v1',
    };
    for (const entry of value.split(',').map((part) => part.trim())) {
      const [name = '', version = ''] = entry.split('=').map((part) => part.trim());
      const parsedName = TemplateName.safeParse(name);
      const parsedVersion = TemplateVersion.safeParse(version);
      if (!parsedName.success || !parsedVersion.success) {
        ctx.addIssue({
          code: 'custom',
          message: `"${entry}" is not name=vN with name one of ${TemplateName.options.join(', ')}`,
        });
        return z.NEVER;
      }
      versions[parsedName.data] = parsedVersion.data;
    }
    return versions;
  });

export const AiServiceEnv = z
  .object({
    NODE_ENV: env.nodeEnv(),
    LOG_LEVEL: env.logLevel(),
    PORT: env.port(8800),
    HOST: z.string().min(1).default('0.0.0.0'),
    AI_SERVICE_TOKEN: env.secret(16),
    /** Bearer token Prometheus presents to GET /metrics; unset, the endpoint is off. */
    METRICS_TOKEN: env.secret(16).optional(),
    /** Set by `npm start`; echoed on /healthz and /readyz so it knows its own services. */
    MUSE_INSTANCE_ID: z.string().min(1).optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: env.httpUrl().optional(),
    OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
    LLM_TEMPERATURE: z.coerce.number().min(0).max(2).optional(),
    LLM_TIMEOUT_MS: positiveMs(20_000),
    LLM_MAX_ATTEMPTS: count(3, 10),
    LLM_TOTAL_BUDGET_MS: positiveMs(45_000),
    LLM_CONCURRENCY: count(4, 32),
    LLM_BATCH_SIZE: count(5, 5),
    LLM_RETRY_BASE_MS: positiveMs(500),
    LLM_RETRY_MAX_MS: positiveMs(8_000),
    GUARDRAIL_REGENERATION_ROUNDS: z.coerce.number().int().min(0).max(5).default(2),
    PROMPT_VERSIONS: PromptVersions,
  })
  .superRefine((vars, ctx) => {
    if (!vars.OPENAI_API_KEY && !vars.OPENAI_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_API_KEY'],
        message: 'is required, unless OPENAI_BASE_URL points at the offline model',
      });
    }
  });

export interface AiServiceConfig {
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  port: number;
  host: string;
  serviceToken: string;
  metricsToken: string | undefined;
  instanceId: string | undefined;
  llm: {
    apiKey: string | null;
    baseUrl: string | null;
    model: string;
    /** No API key: the base URL is the keyless offline model, and its ideas are labelled as such. */
    offline: boolean;
    temperature: number | null;
    timeoutMs: number;
    maxAttempts: number;
    totalBudgetMs: number;
    concurrency: number;
    batchSize: number;
    retryBaseMs: number;
    retryMaxMs: number;
  };
  regenerationRounds: number;
  promptVersions: Record<TemplateName, TemplateVersion>;
  promptsDir: string;
}

const PROMPTS_DIR = path.resolve(import.meta.dirname, '../prompts');

function toConfig(vars: z.infer<typeof AiServiceEnv>): AiServiceConfig {
  return Object.freeze({
    nodeEnv: vars.NODE_ENV,
    logLevel: vars.LOG_LEVEL,
    port: vars.PORT,
    host: vars.HOST,
    serviceToken: vars.AI_SERVICE_TOKEN,
    metricsToken: vars.METRICS_TOKEN,
    instanceId: vars.MUSE_INSTANCE_ID,
    llm: Object.freeze({
      apiKey: vars.OPENAI_API_KEY ?? null,
      baseUrl: vars.OPENAI_BASE_URL ?? null,
      model: vars.OPENAI_MODEL,
      offline: !vars.OPENAI_API_KEY,
      temperature: vars.LLM_TEMPERATURE ?? null,
      timeoutMs: vars.LLM_TIMEOUT_MS,
      maxAttempts: vars.LLM_MAX_ATTEMPTS,
      totalBudgetMs: vars.LLM_TOTAL_BUDGET_MS,
      concurrency: vars.LLM_CONCURRENCY,
      batchSize: vars.LLM_BATCH_SIZE,
      retryBaseMs: vars.LLM_RETRY_BASE_MS,
      retryMaxMs: vars.LLM_RETRY_MAX_MS,
    }),
    regenerationRounds: vars.GUARDRAIL_REGENERATION_ROUNDS,
    promptVersions: Object.freeze(vars.PROMPT_VERSIONS),
    promptsDir: PROMPTS_DIR,
  });
}

/** Parses a given environment: for tests. Throws ConfigError naming each bad variable. */
export function parseAiServiceConfig(vars: Record<string, string | undefined>): AiServiceConfig {
  return toConfig(parseEnv(AiServiceEnv, vars));
}

/** Parses process.env once, for the entry point; a bad variable stops the process with its name. */
export function loadAiServiceConfig(): AiServiceConfig {
  return toConfig(loadConfig('ai-service', AiServiceEnv));
}
