import {
  EDITABLE_STATUSES,
  type GenerateBody,
  type ListGenerationsQuery,
  type RegenerateIdeaBody,
} from '@muse/contracts';
import type { Database, TenantTx } from '@muse/db';
import { getContext } from '@muse/request-context';
import type { ApiConfig } from '../../config.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { decodeCursor, toPageAt } from '../../shared/keyset-page.ts';
import { audit } from '../activity/audit.ts';
import type { Actor, UserActor } from '../auth/actor.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { buildAiRequest } from './generations.ai-request.ts';
import type { GenerationApiMetrics, GenerationKind } from './generations.metrics.ts';
import { type PresentedGeneration, presentGeneration } from './generations.presenter.ts';
import type { GenerationQueue } from './generations.queue.ts';
import { type GenerationRow, generationsRepository, type NewGeneration } from './generations.repository.ts';
import {
  estimateRunTokens,
  isFinished,
  quotaPeriod,
  quotaShortfall,
  requestHash,
  resolveRunRequest,
} from './generations.rules.ts';

export interface GenerationsServiceDeps {
  db: Database;
  queue: Pick<GenerationQueue, 'enqueue' | 'untilFinished'>;
  settings: ApiConfig['generation'];
  metrics: GenerationApiMetrics;
}

export interface StartedGeneration {
  generation: PresentedGeneration;
  /** The Idempotency-Key was seen before with the same request: this is that request's generation. */
  replayed: boolean;
}

type RunFields = Omit<
  NewGeneration,
  'tenantId' | 'requestedById' | 'idempotencyKey' | 'requestHash' | 'tokenBudget'
>;

interface StartRequest {
  kind: GenerationKind;
  idempotencyKey: string | null;
  hash: string;
  /** Checks the target and decides what the run asks for, inside the transaction. */
  prepare(tx: TenantTx): Promise<RunFields>;
}

/** How long an Idempotency-Key answers for its first request, as with the payment APIs that made them common. */
const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60_000;

// A waiting caller is woken by the run's announcement; the status read, cheap by primary key,
// is the fallback for an announcement missed (the listener reconnecting).
const WAIT_FIRST_POLL_MS = 250;
const WAIT_MAX_POLL_MS = 1_000;

export function createGenerationsService(deps: GenerationsServiceDeps) {
  const { db, queue, settings, metrics } = deps;

  async function present(tx: TenantTx, row: GenerationRow) {
    const ideaIds = await generationsRepository.ideaIdsOf(tx, [row]);
    return presentGeneration(row, ideaIds.get(row.id) ?? []);
  }

  async function get(actor: Actor, id: string) {
    const generation = await db.withTenantTx(tenantScopeOf(actor), async (tx) => {
      const row = await generationsRepository.findById(tx, id);
      return row && present(tx, row);
    });
    if (!generation) throw notFound('Generation');
    return generation;
  }

  /** The run's budget, from the text the AI service will be sent for it. */
  async function estimateRunOf(tx: TenantTx, tenantId: string, fields: RunFields) {
    const aiRequest = buildAiRequest({
      tenantId,
      generation: fields,
      campaign: await generationsRepository.findCampaignContext(tx, fields.campaignId),
      existingTitles: await generationsRepository.existingTitles(tx, fields.campaignId),
      idea: fields.ideaId ? await generationsRepository.findIdeaToRevise(tx, fields.ideaId) : null,
    });
    return estimateRunTokens({
      posts: fields.requestedPosts,
      reels: fields.requestedReels,
      promptChars: JSON.stringify(aiRequest).length,
    });
  }

  /**
   * One transaction: replay an Idempotency-Key, or check the target and the quota, insert the
   * QUEUED generation and enqueue its job. Nothing is queued unless all of it commits.
   */
  async function start(actor: UserActor, request: StartRequest): Promise<StartedGeneration> {
    const tenantId = tenantScopeOf(actor);
    const started = await db.withTenantTx(tenantId, async (tx) => {
      await generationsRepository.lockTenant(tx, tenantId);
      if (request.idempotencyKey) {
        const previous = await generationsRepository.findByIdempotencyKey(tx, request.idempotencyKey);
        if (previous && Date.now() - previous.queuedAt.getTime() > IDEMPOTENCY_KEY_TTL_MS) {
          // The key has expired: it is free again, and this is a new request.
          await generationsRepository.releaseIdempotencyKey(tx, previous.id);
        } else if (previous) {
          if (previous.requestHash !== request.hash) {
            throw new AppError(
              'conflict',
              'This Idempotency-Key was already used for a different request: use a new key for a new request',
            );
          }
          return { generation: await present(tx, previous), replayed: true };
        }
      }
      const fields = await request.prepare(tx);
      const tokenBudget = await estimateRunOf(tx, tenantId, fields);
      const since = quotaPeriod().start;
      const shortfall = quotaShortfall({
        ...(await generationsRepository.monthSpend(tx, tenantId, since, settings.tokensPerIdea)),
        tokensRequested: tokenBudget,
      });
      if (shortfall) {
        metrics.request(request.kind, 'quota_exceeded');
        throw new AppError(
          'quota_exceeded',
          "This run would exceed the agency's monthly token quota; ask for fewer ideas or raise the quota",
          { details: [shortfall] },
        );
      }
      const created = await generationsRepository.create(tx, {
        ...fields,
        tenantId,
        requestedById: actor.userId,
        idempotencyKey: request.idempotencyKey,
        requestHash: request.idempotencyKey ? request.hash : null,
        tokenBudget,
      });
      await audit(tx, tenantId, actor, {
        entityId: created.id,
        action: 'generation.requested',
        data: {
          campaignId: created.campaignId,
          ideaId: created.ideaId,
          requested: { posts: created.requestedPosts, reels: created.requestedReels },
          platforms: created.platforms,
        },
      });
      await queue.enqueue(tx, {
        generationId: created.id,
        tenantId,
        requestId: getContext()?.requestId ?? created.id,
      });
      return { generation: presentGeneration(created, []), replayed: false };
    });
    metrics.request(request.kind, started.replayed ? 'replayed' : 'accepted');
    return started;
  }

  return {
    generate(actor: UserActor, campaignId: string, body: GenerateBody, idempotencyKey: string | null) {
      return start(actor, {
        kind: 'campaign',
        idempotencyKey,
        hash: requestHash('generate', campaignId, body),
        async prepare(tx) {
          const campaign = await generationsRepository.findCampaign(tx, campaignId);
          if (!campaign) throw notFound('Campaign');
          if (campaign.status === 'ARCHIVED') {
            throw new AppError('conflict', 'The campaign is archived: restore it before generating ideas');
          }
          const run = resolveRunRequest(body, campaign, campaign.client);
          return {
            campaignId,
            ideaId: null,
            requestedPosts: run.posts,
            requestedReels: run.reels,
            platforms: run.platforms,
            instructions: run.instructions,
          };
        },
      });
    },

    regenerate(actor: UserActor, ideaId: string, body: RegenerateIdeaBody, idempotencyKey: string | null) {
      return start(actor, {
        kind: 'idea',
        idempotencyKey,
        hash: requestHash('regenerate', ideaId, body),
        async prepare(tx) {
          const idea = await generationsRepository.findIdea(tx, ideaId);
          if (!idea) throw notFound('Idea');
          if (!EDITABLE_STATUSES.includes(idea.status)) {
            throw new AppError(
              'invalid_transition',
              `Only ideas in ${EDITABLE_STATUSES.join(' or ')} can be regenerated; this one is ${idea.status}`,
            );
          }
          if (idea.campaign.status === 'ARCHIVED') {
            throw new AppError('conflict', 'The campaign is archived: restore it before regenerating ideas');
          }
          if (await generationsRepository.hasUnfinishedRegeneration(tx, ideaId)) {
            throw new AppError('conflict', 'A new version of this idea is already being written');
          }
          return {
            campaignId: idea.campaignId,
            ideaId,
            requestedPosts: idea.type === 'POST' ? 1 : 0,
            requestedReels: idea.type === 'REEL' ? 1 : 0,
            platforms: [idea.platform],
            instructions: body.instructions ?? null,
          };
        },
      });
    },

    get,

    async listForCampaign(actor: Actor, campaignId: string, query: ListGenerationsQuery) {
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        if (!(await generationsRepository.campaignExists(tx, campaignId))) throw notFound('Campaign');
        const rows = await generationsRepository.listForCampaign(tx, campaignId, { ...query, after });
        const { items, nextCursor } = toPageAt(rows, query.limit, (row) => row.queuedAt);
        const ideaIds = await generationsRepository.ideaIdsOf(tx, items);
        return { items: items.map((row) => presentGeneration(row, ideaIds.get(row.id) ?? [])), nextCursor };
      });
    },

    /**
     * The generation once it has finished, or as it stands when the configured wait (at most
     * 60 s) runs out or the caller goes away. Polls with a growing interval.
     */
    async waitUntilFinished(actor: Actor, id: string, signal: AbortSignal) {
      const tenantId = tenantScopeOf(actor);
      const deadline = Date.now() + settings.waitTimeoutMs;
      let interval = WAIT_FIRST_POLL_MS;
      while (!signal.aborted && Date.now() < deadline) {
        // Listening before reading: an announcement between the two still wakes this wait.
        const woken = queue.untilFinished(id, Math.min(interval, Math.max(0, deadline - Date.now())), signal);
        const status = await db.withTenantTx(tenantId, (tx) => generationsRepository.findStatus(tx, id));
        if (!status || isFinished(status)) break;
        await woken;
        interval = Math.min(interval * 1.25, WAIT_MAX_POLL_MS);
      }
      return get(actor, id);
    },
  };
}

export type GenerationsService = ReturnType<typeof createGenerationsService>;
