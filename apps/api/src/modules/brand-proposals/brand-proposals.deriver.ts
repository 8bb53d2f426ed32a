import {
  AiFeedbackText,
  type FeedbackProposalDraft,
  type IdeaStatus,
  type TokenUsage,
} from '@muse/contracts';
import type { Database } from '@muse/db';
import type { Logger } from '@muse/logger';
import { type AiServiceClient, AiServiceError } from '../../ai/ai-service.client.ts';
import type { RunningJob } from '../../jobs/job.ts';
import { clientsRepository } from '../clients/clients.repository.ts';
import { aiBrandOf } from '../generations/generations.ai-request.ts';
import { generationsRepository } from '../generations/generations.repository.ts';
import { quotaPeriod, quotaShortfall } from '../generations/generations.rules.ts';
import { type NotificationJobs, notify } from '../notifications/notify.ts';
import { reviewRoundsRepository } from '../review-rounds/review-rounds.repository.ts';
import { feedbackRequestOf, mergeProposals } from './brand-proposals.merge.ts';
import { brandProposalsRepository as repository } from './brand-proposals.repository.ts';
import { type ClientComment, deriveSignals, type ReviewedIdea } from './brand-proposals.signals.ts';

export interface DeriveJobData {
  tenantId: string;
  roundId: string;
  /** The request whose answer finished the round. */
  requestId?: string;
}

/** The most one reading of a history may spend: what it reserves against the quota. */
export const FEEDBACK_TOKEN_BUDGET = 30_000;

const NO_TOKENS: TokenUsage = { promptTokens: 0, completionTokens: 0 };

const OUTCOME_OF: Partial<Record<IdeaStatus, ReviewedIdea['outcome']>> = {
  CLIENT_APPROVED: 'approved',
  CLIENT_REJECTED: 'rejected',
  CHANGES_REQUESTED: 'changes_requested',
};

const COMMENT_WITH: Partial<Record<IdeaStatus, ClientComment['with']>> = {
  CLIENT_REJECTED: 'rejection',
  CHANGES_REQUESTED: 'change_request',
};

type History = Awaited<ReturnType<typeof repository.history>>;

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
const reviewText = (text: AiFeedbackText): AiFeedbackText => ({
  caption: clip(text.caption, 5000),
  hashtags: text.hashtags.slice(0, 30).map((tag) => clip(tag, 100)),
  callToAction: clip(text.callToAction, 500),
});

/** The history as the signals and the model read it; an idea without its first revision is its own draft. */
function reviewedOf(history: History): { ideas: ReviewedIdea[]; comments: ClientComment[] } {
  const ideas = history.ideas.flatMap((idea): ReviewedIdea[] => {
    const outcome = OUTCOME_OF[idea.status];
    if (!outcome) return [];
    const current = reviewText(idea);
    const first = idea.revisions[0]?.snapshot as Record<string, unknown> | undefined;
    const draft = AiFeedbackText.safeParse(
      first && { caption: first.caption, hashtags: first.hashtags, callToAction: first.callToAction },
    );
    return [
      {
        id: idea.id,
        type: idea.type,
        platform: idea.platform,
        title: clip(idea.title, 300),
        outcome,
        draft: draft.success ? reviewText(draft.data) : current,
        current,
      },
    ];
  });
  const comments = history.comments.map((comment) => {
    const answer = history.answerOf.get(comment.id);
    return {
      id: comment.id,
      ideaId: comment.ideaId,
      with: (answer && COMMENT_WITH[answer]) ?? 'comment',
      text: clip(comment.body.trim(), 2000),
    };
  });
  return { ideas, comments: comments.filter((comment) => comment.text !== '') };
}

/**
 * The job after a review round was answered: the signals of the client's answered history, the
 * AI's reading of it (when the quota leaves room), merged and written with the round's run in one
 * transaction. A round is derived once: a second attempt finds its run and writes nothing. A
 * transient AI failure is retried; on the last attempt, or for any other failure, the signals
 * alone are written. The round's sender and the agency's admins hear how many suggestions came.
 */
export function createBrandProposalDeriver(deps: {
  db: Database;
  ai: Pick<AiServiceClient, 'feedback'>;
  jobs: NotificationJobs;
  tokensPerIdea: number;
  logger: Logger;
}) {
  const { db, ai, jobs, logger } = deps;
  return async (job: RunningJob<DeriveJobData>): Promise<void> => {
    const { tenantId, roundId } = job.data;
    const prepared = await db.withTenantTx(tenantId, async (tx) => {
      const round = await repository.roundToDerive(tx, roundId);
      if (!round || round.derived) return null;
      const client = await clientsRepository.findById(tx, round.clientId);
      if (!client) return null;
      const since = quotaPeriod().start;
      const shortfall = quotaShortfall({
        ...(await generationsRepository.monthSpend(tx, tenantId, since, deps.tokensPerIdea)),
        tokensRequested: FEEDBACK_TOKEN_BUDGET,
      });
      return { round, client, history: await repository.history(tx, round.clientId), fitsQuota: !shortfall };
    });
    if (!prepared) return;
    const { round, client } = prepared;
    const { ideas, comments } = reviewedOf(prepared.history);
    const signals = deriveSignals(ideas, comments);
    const { request, refs } = feedbackRequestOf({
      tenantId,
      brand: aiBrandOf(client),
      ideas,
      comments,
      signals,
    });

    let drafts: FeedbackProposalDraft[] = [];
    let usage = NO_TOKENS;
    let model: string | null = null;
    if (ideas.length > 0 && prepared.fitsQuota) {
      try {
        const answer = await ai.feedback(
          { ...request, tokenBudget: FEEDBACK_TOKEN_BUDGET },
          { requestId: job.data.requestId ?? `derive-brand-proposals:${roundId}`, signal: job.signal },
        );
        ({ proposals: drafts, usage, model } = answer);
      } catch (error) {
        if (!(error instanceof AiServiceError)) throw error;
        if (error.details.transient && job.retryCount < job.retryLimit) throw error;
        usage = error.details.usage ?? NO_TOKENS;
        logger.warn({ err: error, roundId }, 'brand feedback without the AI: signals only');
      }
    }
    const proposals = mergeProposals(signals, drafts, refs, client);
    const added = await db.withTenantTx(tenantId, async (tx) => {
      const count = await repository.recordRun(
        tx,
        {
          tenantId,
          clientId: round.clientId,
          reviewRoundId: roundId,
          promptTokens: usage.promptTokens,
          completionTokens: usage.completionTokens,
          model,
        },
        proposals,
      );
      if (count) {
        // Those who hear of the round's trouble hear of what it taught: its sender and the admins.
        await notify(tx, jobs, tenantId, await reviewRoundsRepository.overdueRecipients(tx, round.sentById), {
          kind: 'BRAND_SUGGESTIONS',
          data: { clientId: round.clientId, clientName: client.name, count },
        });
      }
      return count;
    });
    logger.info(
      { roundId, signals: signals.length, fromModel: drafts.length, added },
      'brand proposals derived',
    );
  };
}
