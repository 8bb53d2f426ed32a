import { IdempotencyKey, type RouteContract } from '@muse/contracts';
import type { Request, Response } from 'express';
import { AppError } from '../../http/app-error.ts';
import { sendResponse } from '../../http/validation.ts';
import type { UserActor } from '../auth/actor.ts';
import type { GenerationApiMetrics, GenerationKind } from './generations.metrics.ts';
import type { GenerationRateLimit } from './generations.rate-limit.ts';
import { isFinished } from './generations.rules.ts';
import type { GenerationsService, StartedGeneration } from './generations.service.ts';

export interface GenerationAnswerDeps {
  service: GenerationsService;
  rateLimit: GenerationRateLimit;
  metrics: GenerationApiMetrics;
}

function idempotencyKeyOf(req: Request): string | null {
  const header = req.get('idempotency-key');
  if (header === undefined) return null;
  const parsed = IdempotencyKey.safeParse(header);
  if (!parsed.success) {
    throw new AppError('invalid_input', 'The Idempotency-Key header is not valid', {
      details: [
        { path: ['Idempotency-Key'], code: 'invalid_format', message: parsed.error.issues[0]?.message },
      ],
    });
  }
  return parsed.data;
}

/** Aborted when the caller hangs up, so a ?wait=true poll stops with it. */
function callerGone(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableEnded) controller.abort();
  });
  return controller.signal;
}

export interface GenerationRequest {
  contract: RouteContract;
  kind: GenerationKind;
  actor: UserActor;
  /** `?wait=true`: answer once the run finished, if it does in time. */
  wait: boolean;
  start(idempotencyKey: string | null): Promise<StartedGeneration>;
}

/**
 * How the API answers a request that starts a run: the Idempotency-Key header, the per-tenant
 * rate limit, then 202 while the run is under way, or 200 with the finished run when the caller
 * waited for it.
 */
export function createGenerationAnswer(deps: GenerationAnswerDeps) {
  const { service, rateLimit, metrics } = deps;

  async function limitRate(res: Response, actor: UserActor, kind: GenerationKind): Promise<void> {
    if (!actor.tenantId) return;
    const retryAfterSeconds = await rateLimit.consume(actor.tenantId);
    if (retryAfterSeconds === null) return;
    metrics.request(kind, 'rate_limited');
    res.setHeader('Retry-After', String(retryAfterSeconds));
    throw new AppError(
      'rate_limited',
      `Too many generation requests for this agency; try again in ${retryAfterSeconds} s`,
    );
  }

  return async function answer(request: GenerationRequest, http: { req: Request; res: Response }) {
    const { req, res } = http;
    const key = idempotencyKeyOf(req);
    await limitRate(res, request.actor, request.kind);
    const started = await request.start(key);
    if (started.replayed) res.setHeader('Idempotent-Replayed', 'true');
    const generation =
      request.wait && !isFinished(started.generation.status)
        ? await service.waitUntilFinished(request.actor, started.generation.id, callerGone(res))
        : started.generation;
    const finishedInTime = request.wait && isFinished(generation.status);
    sendResponse(res, finishedInTime ? { ...request.contract, successStatus: 200 } : request.contract, {
      ...generation,
      generationId: generation.id,
    });
  };
}
