import { generationRoutes, IdempotencyKey, type RouteContract } from '@muse/contracts';
import type { Request, Response } from 'express';
import { AppError } from '../../http/app-error.ts';
import { principalOf } from '../../http/authenticate.ts';
import { parseRequest, sendResponse } from '../../http/validation.ts';
import { can } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import type { GenerationApiMetrics, GenerationKind } from './generations.metrics.ts';
import type { GenerationRateLimit } from './generations.rate-limit.ts';
import { isFinished } from './generations.rules.ts';
import type { GenerationsService, StartedGeneration } from './generations.service.ts';

export interface GenerationsControllerDeps {
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

export function createGenerationsController(deps: GenerationsControllerDeps) {
  const { service, rateLimit, metrics } = deps;

  /** Per-tenant limit on runs; callers who may not start one at all get their 403 from the service. */
  async function limitRate(res: Response, principal: Principal, kind: GenerationKind): Promise<void> {
    if (!principal.tenantId || !can(principal.role, 'generations.create')) return;
    const retryAfterSeconds = await rateLimit.consume(principal.tenantId);
    if (retryAfterSeconds === null) return;
    metrics.request(kind, 'rate_limited');
    res.setHeader('Retry-After', String(retryAfterSeconds));
    throw new AppError(
      'rate_limited',
      `Too many generation requests for this agency; try again in ${retryAfterSeconds} s`,
    );
  }

  /** 202 while the run is under way; 200 with the finished run when the caller waited for it. */
  async function respond(
    res: Response,
    contract: RouteContract,
    principal: Principal,
    started: StartedGeneration,
    wait: boolean,
  ): Promise<void> {
    if (started.replayed) res.setHeader('Idempotent-Replayed', 'true');
    const generation =
      wait && !isFinished(started.generation.status)
        ? await service.waitUntilFinished(principal, started.generation.id, callerGone(res))
        : started.generation;
    const finishedInTime = wait && isFinished(generation.status);
    sendResponse(res, finishedInTime ? { ...contract, successStatus: 200 } : contract, {
      ...generation,
      generationId: generation.id,
    });
  }

  return {
    async generate(req: Request, res: Response) {
      const principal = principalOf(res);
      const { params, query, body } = parseRequest(generationRoutes.generate, req);
      const key = idempotencyKeyOf(req);
      await limitRate(res, principal, 'campaign');
      const started = await service.generate(principal, params.id, body, key);
      await respond(res, generationRoutes.generate, principal, started, query.wait);
    },

    async regenerate(req: Request, res: Response) {
      const principal = principalOf(res);
      const { params, query, body } = parseRequest(generationRoutes.regenerate, req);
      const key = idempotencyKeyOf(req);
      await limitRate(res, principal, 'idea');
      const started = await service.regenerate(principal, params.id, body, key);
      await respond(res, generationRoutes.regenerate, principal, started, query.wait);
    },

    async get(req: Request, res: Response) {
      const { params } = parseRequest(generationRoutes.get, req);
      sendResponse(res, generationRoutes.get, await service.get(principalOf(res), params.id));
    },

    async listForCampaign(req: Request, res: Response) {
      const { params, query } = parseRequest(generationRoutes.listForCampaign, req);
      sendResponse(
        res,
        generationRoutes.listForCampaign,
        await service.listForCampaign(principalOf(res), params.id, query),
      );
    },
  };
}
