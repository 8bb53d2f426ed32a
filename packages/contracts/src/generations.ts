import { z } from 'zod';
import { GenerateProgress, GenerationWarning, MAX_IDEAS_PER_TYPE, TemplateVersionSelection } from './ai.ts';
import { Platform } from './common.ts';
import { PageQuery, pageOf } from './pagination.ts';
import { defineRouteContracts, IdParams, Timestamp } from './routes.ts';

/*
 * Idea generation: an agency asks for ideas for a campaign, or for a fresh take on one idea; a
 * worker runs it against the AI service (QUEUED, RUNNING, then SUCCEEDED or FAILED). Also the
 * agency's token usage against its quota.
 */

export const GenerationStatus = z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED']);
export type GenerationStatus = z.infer<typeof GenerationStatus>;

/** Why a generation failed. */
export const GenerationErrorCode = z.enum([
  /** The LLM kept answering 429 (retried first). */
  'llm_rate_limited',
  /** The LLM could not be reached or failed (retried first). */
  'llm_unavailable',
  /** The LLM's answers were unusable, or no idea passed the guardrails. */
  'llm_bad_output',
  /** The AI service ran out of its time budget (retried first). */
  'timeout',
  /** The AI service could not be reached or did not answer in time (retried first). */
  'ai_service_unavailable',
  /** The AI service refused the request or answered something unusable. */
  'ai_service_error',
  /** Regeneration: the idea left GENERATED / CHANGES_REQUESTED while the run was under way. */
  'idea_not_editable',
  /** The campaign was archived while the run was queued. */
  'campaign_archived',
  /** Every attempt's worker stopped without finishing the run. */
  'worker_lost',
  /** The run's token budget (its share of the monthly quota) ran out before any idea was made. */
  'token_budget_exhausted',
  'internal',
]);
export type GenerationErrorCode = z.infer<typeof GenerationErrorCode>;

/** Client-chosen key that makes a retried POST safe: the same key and body return the same generation. */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1–200 visible ASCII characters');

const countField = z.int().min(0).max(MAX_IDEAS_PER_TYPE);
const instructionsField = (max: number) => z.string().trim().min(1).max(max);

/** POST /api/campaigns/:id/generate; anything left out comes from the campaign. */
export const GenerateBody = z
  .strictObject({
    numPosts: countField.optional(),
    numReels: countField.optional(),
    platforms: z
      .array(Platform)
      .min(1)
      .max(Platform.options.length)
      .refine((platforms) => new Set(platforms).size === platforms.length, 'platforms must be unique')
      .optional(),
    /** Extra direction for this run only. */
    instructions: instructionsField(2000).optional(),
  })
  .meta({ id: 'GenerateBody' });
export type GenerateBody = z.infer<typeof GenerateBody>;

/** POST /api/ideas/:id/regenerate. */
export const RegenerateIdeaBody = z
  .strictObject({ instructions: instructionsField(1500).optional() })
  .meta({ id: 'RegenerateIdeaBody' });
export type RegenerateIdeaBody = z.infer<typeof RegenerateIdeaBody>;

export const GenerateQuery = z.strictObject({
  /** `true`: answer when the generation has finished (at most 60 s), with its idea ids. */
  wait: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export type GenerateQuery = z.infer<typeof GenerateQuery>;

const IdeaCounts = z.object({ posts: z.int(), reels: z.int() });

export const Generation = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    /** Set when the run regenerates this one idea. */
    ideaId: z.uuid().nullable(),
    requestedById: z.uuid().nullable(),
    status: GenerationStatus,
    requested: IdeaCounts,
    /** Ideas written (for a regeneration: 1 once its idea was revised). */
    produced: z.int(),
    platforms: z.array(Platform),
    instructions: z.string().nullable(),
    /** The model that answered, e.g. `offline-muse-1`. */
    model: z.string().nullable(),
    /** The ideas came from the offline model rather than a hosted LLM. */
    offline: z.boolean(),
    templateVersions: TemplateVersionSelection.nullable(),
    /** The client's brand profile version the run wrote in (null before it started, and for older runs). */
    brandVersion: z.int().nullable(),
    /** Tokens of every attempt, failed ones included: what counts against the quota. */
    promptTokens: z.int(),
    completionTokens: z.int(),
    totalTokens: z.int(),
    /** How long the AI service took on the attempt that finished the run. */
    latencyMs: z.int().nullable(),
    /** From queued to finished. */
    durationMs: z.int().nullable(),
    /** Worker claims so far; more than one means a retry. */
    attempts: z.int(),
    errorCode: GenerationErrorCode.nullable(),
    errorMessage: z.string().nullable(),
    /** Ideas the AI service left out because they kept failing the guardrails. */
    warnings: z.array(GenerationWarning),
    /**
     * How far the latest attempt has got, as the AI service reported it after each batch (one LLM
     * call's worth of ideas); null until its first batch finished. `batchesTotal` grows when the
     * AI service asks again for ideas it rejected; `ideasReady` are written only if the run succeeds.
     */
    progress: GenerateProgress.nullable(),
    /** The ideas this run wrote (or revised), in the order the AI service returned them. */
    ideaIds: z.array(z.uuid()),
    queuedAt: Timestamp,
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
  })
  .meta({ id: 'Generation' });
export type Generation = z.infer<typeof Generation>;

/** What starting a run answers: the generation itself, plus `generationId` (the same as `id`). */
export const GenerateResponse = Generation.extend({ generationId: z.uuid() }).meta({
  id: 'GenerateResponse',
});
export type GenerateResponse = z.infer<typeof GenerateResponse>;

export const ListGenerationsQuery = z.strictObject({
  ...PageQuery.shape,
  status: GenerationStatus.optional(),
});
export type ListGenerationsQuery = z.infer<typeof ListGenerationsQuery>;

export const GenerationPage = pageOf(Generation).meta({ id: 'GenerationPage' });

/** The figures of a 429 `quota_exceeded` (its `details[0]`). */
export const QuotaExceededDetail = z.object({
  monthlyTokenQuota: z.int(),
  /** Tokens of this month's generations. */
  tokensUsed: z.int(),
  /** Estimated tokens of generations still queued or running. */
  tokensReserved: z.int(),
  /** Estimated tokens of the refused run. */
  tokensRequested: z.int(),
  periodStart: Timestamp,
  resetsAt: Timestamp,
});
export type QuotaExceededDetail = z.infer<typeof QuotaExceededDetail>;

export const UsageByClient = z.object({
  clientId: z.uuid(),
  clientName: z.string(),
  tokens: z.int(),
  generations: z.int(),
});
export type UsageByClient = z.infer<typeof UsageByClient>;

export const UsageByCampaign = z.object({
  campaignId: z.uuid(),
  campaignName: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  tokens: z.int(),
  generations: z.int(),
});
export type UsageByCampaign = z.infer<typeof UsageByCampaign>;

/** GET /api/usage: the agency's tokens this calendar month (UTC) against its quota, most used first. */
export const Usage = z
  .object({
    periodStart: Timestamp,
    periodEnd: Timestamp,
    monthlyTokenQuota: z.int(),
    tokensUsed: z.int(),
    tokensReserved: z.int(),
    /** Quota minus used and reserved tokens, never below 0. */
    tokensRemaining: z.int(),
    generations: z.int(),
    byClient: z.array(UsageByClient),
    byCampaign: z.array(UsageByCampaign),
  })
  .meta({ id: 'Usage' });
export type Usage = z.infer<typeof Usage>;

const WAIT_AND_KEY =
  'Send an `Idempotency-Key` header to make retries safe: the same key with the same body returns the same ' +
  'generation (header `Idempotent-Replayed: true`), with another body 409; a key is kept for 24 hours, then ' +
  'it may name a new request. `?wait=true` answers 200 with the ' +
  'finished generation and its idea ids (or 202 if it is still running after 60 s). A run that would not fit ' +
  'the monthly token quota is refused with 429 `quota_exceeded` and nothing is queued.';

export const generationRoutes = defineRouteContracts({
  generate: {
    method: 'POST',
    path: '/api/campaigns/:id/generate',
    summary: 'Generate post and reel ideas for a campaign',
    description: `Queues an AI run; counts, platforms and instructions default to the campaign's. ${WAIT_AND_KEY}`,
    tags: ['generations'],
    auth: 'bearer',
    params: IdParams,
    query: GenerateQuery,
    body: GenerateBody,
    response: GenerateResponse,
    successStatus: 202,
    errors: [409, 429],
  },
  regenerate: {
    method: 'POST',
    path: '/api/ideas/:id/regenerate',
    summary: "Replace one idea's content with a fresh AI take, as a new revision",
    description: `Only ideas in GENERATED or CHANGES_REQUESTED (else 409 invalid_transition); status and comments stay. ${WAIT_AND_KEY}`,
    tags: ['generations'],
    auth: 'bearer',
    params: IdParams,
    query: GenerateQuery,
    body: RegenerateIdeaBody,
    response: GenerateResponse,
    successStatus: 202,
    errors: [409, 429],
  },
  get: {
    method: 'GET',
    path: '/api/generations/:id',
    summary: 'One generation: status, counts, tokens, duration, error and idea ids',
    tags: ['generations'],
    auth: 'bearer',
    params: IdParams,
    response: Generation,
  },
  listForCampaign: {
    method: 'GET',
    path: '/api/campaigns/:id/generations',
    summary: "A campaign's generations, newest first",
    tags: ['generations'],
    auth: 'bearer',
    params: IdParams,
    query: ListGenerationsQuery,
    response: GenerationPage,
  },
});

/**
 * GET /api/usage/allowance: whether the agency may start a run at all this month, for everyone
 * who may generate (members too, who may not read the token figures of GET /api/usage).
 */
export const GenerationAllowance = z
  .object({
    /** The month's tokens have reached the quota: every run is refused until `resetsAt` or a raise. */
    blocked: z.boolean(),
    resetsAt: Timestamp,
  })
  .meta({ id: 'GenerationAllowance' });
export type GenerationAllowance = z.infer<typeof GenerationAllowance>;

export const usageRoutes = defineRouteContracts({
  get: {
    method: 'GET',
    path: '/api/usage',
    summary: "The agency's tokens this month against its quota, by client and campaign",
    tags: ['usage'],
    auth: 'bearer',
    response: Usage,
  },
  allowance: {
    method: 'GET',
    path: '/api/usage/allowance',
    summary: 'Whether the agency may still generate this month',
    tags: ['usage'],
    auth: 'bearer',
    response: GenerationAllowance,
  },
});
