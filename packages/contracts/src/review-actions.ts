import { z } from 'zod';
import { Idea } from './ideas.ts';
import { defineRouteContracts } from './routes.ts';

/** The answers a message's buttons give. */
export const ReviewActionDecision = z.enum(['CLIENT_APPROVED', 'CHANGES_REQUESTED']);
export type ReviewActionDecision = z.infer<typeof ReviewActionDecision>;

/**
 * Where an answer from a message stands: `ready` to be given; `changed` when the idea was sent
 * again since the message (the page shows the current version, with links that answer it);
 * `answered` when it waits for no one any more; `unavailable` when the reviewer no longer sees it.
 */
export const ReviewActionState = z.enum(['ready', 'changed', 'answered', 'unavailable']);
export type ReviewActionState = z.infer<typeof ReviewActionState>;

const ActionToken = z.string().min(1).max(4_000);

export const ReviewActionView = z
  .object({
    state: ReviewActionState,
    decision: ReviewActionDecision,
    agency: z.object({ name: z.string(), logoUrl: z.string().nullable() }),
    reviewerName: z.string(),
    campaignName: z.string(),
    /** As the reviewer sees it (the version sent); null when unavailable. */
    idea: Idea.nullable(),
    /** For `changed`: the tokens that answer the current version. */
    current: z.object({ approve: ActionToken, changes: ActionToken }).nullable(),
    /** Where the reviewer sees the whole review: its link's page, or the portal. */
    reviewUrl: z.string(),
  })
  .meta({ id: 'ReviewActionView' });
export type ReviewActionView = z.infer<typeof ReviewActionView>;

export const OpenReviewActionBody = z.strictObject({ token: ActionToken });
export const AnswerReviewActionBody = z.strictObject({
  token: ActionToken,
  /** Required to request changes: what should change. */
  comment: z.string().trim().min(1).max(4_000).optional(),
});
export type AnswerReviewActionBody = z.infer<typeof AnswerReviewActionBody>;

/**
 * Answering from a message, without an account: the signed token is the proof, bound to one idea,
 * its version, the answer and the reviewer. Opening never acts (mail scanners open links): the
 * page asks, and only the answer route changes anything. Tokens travel in bodies, not addresses.
 */
export const reviewActionRoutes = defineRouteContracts({
  open: {
    method: 'POST',
    path: '/api/review-actions/open',
    summary: 'What an answer link of a message stands for, without acting on it',
    tags: ['review'],
    auth: 'none',
    body: OpenReviewActionBody,
    response: ReviewActionView,
  },
  answer: {
    method: 'POST',
    path: '/api/review-actions/answer',
    summary: 'Gives the answer of a message’s link, if the idea still waits at that version',
    tags: ['review'],
    auth: 'none',
    body: AnswerReviewActionBody,
    response: ReviewActionView,
  },
});
