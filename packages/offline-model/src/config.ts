import { env, loadConfig, parseEnv } from '@muse/config';
import { z } from 'zod';
import { FaultConfigError, type FaultUpdate, parseFaultSpec } from './faults.ts';

export interface OfflineModelConfig {
  port: number;
  host: string;
  logLevel: string;
  /** Initial faults and behaviour; POST /_faults changes them at run time, DELETE /_faults restores them. */
  initial: FaultUpdate;
  /** Opens /_requests and /_faults to this bearer token; unset, they answer 404. */
  debugToken: string | undefined;
  /** Set by `npm start`; echoed on /healthz so it knows its own services. */
  instanceId: string | undefined;
}

const milliseconds = (fallback: number) => z.coerce.number().int().min(0).max(600_000).default(fallback);

const schema = z.object({
  PORT: env.port(8900),
  // Its own name, so a HOST meant for another service never exposes the model by accident.
  OFFLINE_MODEL_HOST: z.string().default('127.0.0.1'),
  OFFLINE_MODEL_LATENCY_MS: milliseconds(0),
  OFFLINE_MODEL_RETRY_AFTER_MS: milliseconds(1000),
  OFFLINE_MODEL_HANG_MS: milliseconds(120_000),
  OFFLINE_MODEL_BANNED_PHRASE: z.string().trim().optional(),
  // e.g. `rate_limit=0.1,hang=x2`: a rate between 0 and 1, or xN for the next N calls.
  OFFLINE_MODEL_FAULTS: z
    .string()
    .default('')
    .transform((spec, ctx) => {
      try {
        return parseFaultSpec(spec);
      } catch (error) {
        if (!(error instanceof FaultConfigError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    }),
  OFFLINE_MODEL_DEBUG_TOKEN: z.string().trim().optional(),
  LOG_LEVEL: env.logLevel(),
  MUSE_INSTANCE_ID: z.string().min(1).optional(),
});

function toConfig(parsed: z.infer<typeof schema>): OfflineModelConfig {
  return Object.freeze({
    port: parsed.PORT,
    host: parsed.OFFLINE_MODEL_HOST,
    logLevel: parsed.LOG_LEVEL,
    debugToken: parsed.OFFLINE_MODEL_DEBUG_TOKEN || undefined,
    instanceId: parsed.MUSE_INSTANCE_ID,
    initial: {
      latencyMs: parsed.OFFLINE_MODEL_LATENCY_MS,
      retryAfterMs: parsed.OFFLINE_MODEL_RETRY_AFTER_MS,
      hangMs: parsed.OFFLINE_MODEL_HANG_MS,
      bannedPhrase: parsed.OFFLINE_MODEL_BANNED_PHRASE || null,
      ...parsed.OFFLINE_MODEL_FAULTS,
    },
  });
}

export function parseOfflineModelConfig(variables: Record<string, string | undefined>): OfflineModelConfig {
  return toConfig(parseEnv(schema, variables));
}

/** For the entry point: prints what is wrong and exits. */
export function loadOfflineModelConfig(): OfflineModelConfig {
  return toConfig(loadConfig('offline-model', schema));
}
