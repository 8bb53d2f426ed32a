import { parseEnv } from '@muse/config';
import { z } from 'zod';

const variables = z.object({
  /** `quick` runs inside the repository's test command; `long` scales durations and counts up. */
  RESILIENCE_MODE: z.enum(['quick', 'long']).default('quick'),
  /** Seed of the fuzzer's generator, to replay a run. */
  RESILIENCE_SEED: z.coerce.number().int().min(0).optional(),
});

const vars = parseEnv(variables);
const long = vars.RESILIENCE_MODE === 'long';

/** Durations in ms and counts of every item, by mode. */
export const settings = Object.freeze({
  seed: vars.RESILIENCE_SEED ?? Math.floor(Math.random() * 2 ** 31),
  outage: {
    cycles: long ? 3 : 1,
    /** How long PostgreSQL stays stopped each cycle. */
    downMs: 5_000,
    loadBeforeMs: long ? 20_000 : 2_000,
    loadAfterMs: long ? 20_000 : 2_000,
    concurrency: long ? 8 : 4,
  },
  ai: {
    /** Generations requested while the AI service is down, and while the model is slow. */
    generationsPerScenario: long ? 6 : 2,
  },
  sigterm: {
    loadBeforeMs: long ? 10_000 : 1_500,
    concurrency: long ? 16 : 6,
    /** Long mode also stops a worker whose job outlasts its drain, so another worker must take it. */
    releaseCase: long,
  },
  fuzz: {
    requests: long ? 20_000 : 1_200,
    concurrency: 8,
  },
  /** Upper bound of one item's vitest test. */
  itemTimeoutMs: long ? 600_000 : 120_000,
});
