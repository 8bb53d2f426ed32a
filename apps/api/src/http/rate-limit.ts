import { errorBody } from '@muse/http';
import type { Logger } from '@muse/logger';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { type RedisReply, RedisStore } from 'rate-limit-redis';
import { rateLimitKeysOf } from '../modules/auth/actor.ts';
import { AppError } from './app-error.ts';
import { actorOf } from './authenticate.ts';

export interface RateLimitOptions {
  perIpPerMinute: number;
  perUserPerMinute: number;
  perTenantPerMinute: number;
  /** Shared counters across API processes; in-process memory when absent. */
  redis?: Redis;
  /** Namespace of the Redis keys. */
  redisPrefix?: string;
  logger: Logger;
}

export interface RateLimits {
  /** Before authentication: caps how many tokens one address can make the API look up. */
  perIp: RequestHandler;
  /** After authentication: per caller (a user, a review link) and per tenant. */
  perActor: RequestHandler[];
}

const WINDOW_MS = 60_000;

/**
 * Per-IP, per-user and per-tenant limits over a one-minute window. A store that fails lets
 * requests through (logged): an outage of Redis must not take the API down with it.
 */
export function createRateLimits(options: RateLimitOptions): RateLimits {
  const storeFor = (scope: string): Store | undefined => {
    const { redis } = options;
    if (!redis) return undefined;
    return new RedisStore({
      prefix: `${options.redisPrefix ?? 'muse:rl:'}${scope}:`,
      sendCommand: (command: string, ...args: string[]) =>
        redis.call(command, ...args) as Promise<RedisReply>,
    });
  };
  const limiter = (
    scope: string,
    limit: number,
    keyOf: (req: Request, res: Response) => string | undefined,
  ) =>
    rateLimit({
      windowMs: WINDOW_MS,
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      identifier: scope,
      keyGenerator: (req, res) => keyOf(req, res) ?? '',
      skip: (req, res) => keyOf(req, res) === undefined,
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
  return {
    // req.ip honours TRUST_PROXY; IPv6 clients are counted per /56, as one subscriber holds a whole prefix.
    perIp: limiter('ip', options.perIpPerMinute, (req) => (req.ip ? ipKeyGenerator(req.ip) : undefined)),
    perActor: [
      limiter('user', options.perUserPerMinute, (_req, res) => rateLimitKeysOf(actorOf(res))?.caller),
      limiter(
        'tenant',
        options.perTenantPerMinute,
        (_req, res) => rateLimitKeysOf(actorOf(res))?.tenant ?? undefined,
      ),
    ],
  };
}
