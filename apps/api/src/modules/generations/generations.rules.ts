import { createHash } from 'node:crypto';
import {
  type GenerateBody,
  type GenerationErrorCode,
  type GenerationStatus,
  MAX_IDEAS_PER_TYPE,
  type Platform,
  type QuotaExceededDetail,
} from '@muse/contracts';
import { AppError } from '../../http/app-error.ts';
import { monthStart } from '../tenants/tenants.rules.ts';

export const UNFINISHED_STATUSES = ['QUEUED', 'RUNNING'] as const satisfies readonly GenerationStatus[];

export function isFinished(status: GenerationStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED';
}

export interface RunRequest {
  posts: number;
  reels: number;
  platforms: Platform[];
  instructions: string | null;
}

/** What a campaign generation asks for: the body where it says, the campaign (then its brand) otherwise. */
export function resolveRunRequest(
  body: GenerateBody,
  campaign: { numPosts: number; numReels: number; platforms: Platform[] },
  client: { platforms: Platform[] },
): RunRequest {
  const posts = body.numPosts ?? campaign.numPosts;
  const reels = body.numReels ?? campaign.numReels;
  const platforms = body.platforms ?? (campaign.platforms.length > 0 ? campaign.platforms : client.platforms);
  const problems: { path: string[]; message: string }[] = [];
  for (const [field, value] of [
    ['numPosts', posts],
    ['numReels', reels],
  ] as const) {
    if (value > MAX_IDEAS_PER_TYPE) {
      problems.push({
        path: [field],
        message: `the campaign plans ${value}; one run writes at most ${MAX_IDEAS_PER_TYPE}, so ask for fewer`,
      });
    }
  }
  if (posts + reels === 0) {
    problems.push({ path: ['numPosts'], message: 'ask for at least one post or reel' });
  }
  if (platforms.length === 0) {
    problems.push({ path: ['platforms'], message: 'neither the campaign nor the brand names a platform' });
  }
  if (problems.length > 0) {
    throw new AppError('invalid_input', 'The request is not valid', {
      details: problems.map((problem) => ({ location: 'body', code: 'custom', ...problem })),
    });
  }
  return { posts, reels, platforms: [...new Set(platforms)], instructions: body.instructions ?? null };
}

/**
 * Fingerprint of what an Idempotency-Key stands for: the route, its target and the body as the
 * caller sent it (keys sorted), so a reused key with another request is recognised.
 */
export function requestHash(route: 'generate' | 'regenerate', targetId: string, body: object): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify([route, targetId, canonical(body)]))
    .digest('hex');
}

/** The calendar month (UTC) the token quota applies to. */
export function quotaPeriod(now = new Date()): { start: Date; end: Date } {
  return {
    start: monthStart(now),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
  };
}

/*
 * What the AI service spends on a run, as the API can know it without rendering the prompts: every
 * LLM call sends the templates and output schema plus the run's own text (campaign, brand,
 * instructions, titles to avoid; about four characters a token) and may write up to its output
 * cap. The AI service refuses any call whose worst case does not fit the run's budget, so the
 * estimate only has to be fair: one answer and one follow-up (a retry or a guardrail redo) per batch.
 */
/** The AI service's system and idea templates with the output schema; about 1,350 tokens measured for posts, 1,600 for reels. */
const TEMPLATE_TOKENS_PER_CALL = 1_800;
/** Ideas per LLM call (the AI service's LLM_BATCH_SIZE). */
const IDEAS_PER_CALL = 5;
/** Output cap per idea, and per call, as the AI service sets max_completion_tokens. */
const OUTPUT_TOKENS_PER_IDEA = { posts: 1_200, reels: 2_000 } as const;
const OUTPUT_TOKENS_PER_CALL = 200;
const CALLS_PER_BATCH = 2;

/** The token budget of a run: what it reserves against the quota and the most the AI service may spend on it. */
export function estimateRunTokens(run: { posts: number; reels: number; promptChars: number }): number {
  const promptTokens = TEMPLATE_TOKENS_PER_CALL + Math.ceil(run.promptChars / 4);
  let total = 0;
  for (const kind of ['posts', 'reels'] as const) {
    for (let left = run[kind]; left > 0; left -= IDEAS_PER_CALL) {
      const output = OUTPUT_TOKENS_PER_IDEA[kind] * Math.min(left, IDEAS_PER_CALL) + OUTPUT_TOKENS_PER_CALL;
      total += CALLS_PER_BATCH * (promptTokens + output);
    }
  }
  return total;
}

export interface QuotaInput {
  monthlyTokenQuota: number;
  tokensUsed: number;
  /** What this month's queued and running generations may still spend (their budgets). */
  tokensReserved: number;
  /** This run's budget. */
  tokensRequested: number;
  now?: Date;
}

/**
 * Whether a run fits the monthly quota: tokens spent, plus the budgets of runs not finished yet
 * (so a burst of requests cannot each see the same headroom), plus this run's budget. No run
 * spends more than its budget, so a month that admits runs this way stays within its quota.
 * Returns the figures of the refusal, or null when it fits.
 */
export function quotaShortfall(input: QuotaInput): QuotaExceededDetail | null {
  const { tokensUsed, tokensReserved, tokensRequested, monthlyTokenQuota } = input;
  if (tokensUsed + tokensReserved + tokensRequested <= monthlyTokenQuota) return null;
  const period = quotaPeriod(input.now);
  return {
    monthlyTokenQuota,
    tokensUsed,
    tokensReserved,
    tokensRequested,
    periodStart: period.start.toISOString(),
    resetsAt: period.end.toISOString(),
  };
}

const FAILURE_MESSAGES: Record<GenerationErrorCode, string> = {
  llm_rate_limited: 'The AI provider is rate limiting us right now. Try again in a few minutes.',
  llm_unavailable: 'The AI provider could not be reached. Try again in a few minutes.',
  llm_bad_output:
    'The AI could not write usable ideas for this brief. Try again, or adjust the brief or the instructions.',
  timeout: 'The AI took too long to answer. Try again, perhaps with fewer ideas at once.',
  ai_service_unavailable: 'The AI service could not be reached. Try again in a few minutes.',
  ai_service_error: 'The AI service could not handle this request. Try again later.',
  idea_not_editable:
    'The idea moved on (it was sent to the client or decided) before its new version was ready, so it was left as it was.',
  campaign_archived: 'The campaign was archived before the ideas were written.',
  worker_lost: 'The generation stopped before it could finish. Try again.',
  token_budget_exhausted:
    'The run used up its share of the monthly token quota before it could write an idea. Try again with fewer ideas, or raise the quota.',
  internal: 'Something went wrong on our side. Try again.',
};

/** What the agency reads on a failed generation; technical detail stays in the logs. */
export function failureMessage(code: GenerationErrorCode): string {
  return FAILURE_MESSAGES[code];
}
