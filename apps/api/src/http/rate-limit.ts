import type { Logger } from '@muse/logger';
import type { RequestHandler, Response } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { type RedisReply, RedisStore } from 'rate-limit-redis';
import { AppError } from './app-error.ts';
import { principalOf } from './authenticate.ts';
import { errorBody } from './error-handler.ts';

export interface RateLimitOptions {
  perUserPerMinute: number;
  perTenantPerMinute: number;
  /** Shared counters across API processes; in-process memory when absent. */
  redis?: Redis;
  /** Namespace of the Redis keys. */
  redisPrefix?: string;
  logger: Logger;
}

const WINDOW_MS = 60_000;

/**
 * Per-user and per-tenant limits over a one-minute window. A store that fails lets requests
 * through (logged): an outage of Redis must not take the API down with it.
 */
export function createRateLimits(options: RateLimitOptions): RequestHandler[] {
  const storeFor = (scope: string): Store | undefined => {
    const { redis } = options;
    if (!redis) return undefined;
    return new RedisStore({
      prefix: `${options.redisPrefix ?? 'muse:rl:'}${scope}:`,
      sendCommand: (command: string, ...args: string[]) =>
        redis.call(command, ...args) as Promise<RedisReply>,
    });
  };
  const limiter = (scope: string, limit: number, keyOf: (res: Response) => string | undefined) =>
    rateLimit({
      windowMs: WINDOW_MS,
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      identifier: scope,
      keyGenerator: (_req, res) => keyOf(res) ?? '',
      skip: (_req, res) => keyOf(res) === undefined,
      store: storeFor(scope),
      passOnStoreError: true,
      logger: {
        warn: (error, message) => options.logger.warn({ err: error }, message ?? 'rate limiter warning'),
        error: (error, message) => options.logger.error({ err: error }, message ?? 'rate limiter error'),
      },
      handler: (_req, res) => {
        res
          .status(429)
          .json(errorBody(new AppError('rate_limited', `Too many requests (${scope} limit), slow down`)));
      },
    });
  return [
    limiter('user', options.perUserPerMinute, (res) => principalOf(res).userId),
    limiter('tenant', options.perTenantPerMinute, (res) => principalOf(res).tenantId ?? undefined),
  ];
}
