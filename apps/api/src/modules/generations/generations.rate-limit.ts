import type { Logger } from '@muse/logger';
import { MemoryStore, type Options, type Store } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { type RedisReply, RedisStore } from 'rate-limit-redis';

const WINDOW_MS = 60_000;

export interface GenerationRateLimitOptions {
  perMinute: number;
  /** Shared counters across API processes; in-process memory when absent. */
  redis?: Redis;
  redisPrefix?: string;
  logger: Logger;
}

export type GenerationRateLimit = ReturnType<typeof createGenerationRateLimit>;

/**
 * Generation requests per tenant and minute, on top of the API's general limits: each one spends
 * LLM tokens. Like those, it lets requests through (logged) when its store fails.
 */
export function createGenerationRateLimit(options: GenerationRateLimitOptions) {
  const { redis } = options;
  const store: Store = redis
    ? new RedisStore({
        prefix: `${options.redisPrefix ?? 'muse:rl:'}generations:`,
        sendCommand: (command: string, ...args: string[]) =>
          redis.call(command, ...args) as Promise<RedisReply>,
      })
    : new MemoryStore();
  let ready: Promise<void> | undefined;

  return {
    /** Counts one request of the tenant: null within the limit, else the seconds until the window resets. */
    async consume(tenantId: string): Promise<number | null> {
      let hits: Awaited<ReturnType<Store['increment']>>;
      try {
        // The stores only read windowMs of the middleware's options.
        ready ??= Promise.resolve(store.init?.({ windowMs: WINDOW_MS } as Options));
        await ready;
        hits = await store.increment(tenantId);
      } catch (error) {
        ready = undefined;
        options.logger.warn(
          { err: error },
          'generation rate limit store failed; letting the request through',
        );
        return null;
      }
      if (hits.totalHits <= options.perMinute) return null;
      return Math.max(1, Math.ceil(((hits.resetTime?.getTime() ?? 0) - Date.now()) / 1000));
    },
  };
}
