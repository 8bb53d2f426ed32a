import { z } from 'zod';
import {
  BulkStatusBody,
  BulkStatusResult,
  CommentPage,
  CreateCommentBody,
  Idea,
  Comment as IdeaComment,
  IdeaDecisions,
  IdeaPage,
  IdeaRevisionPage,
  ListCommentsQuery,
  ListIdeasQuery,
  ListRevisionsQuery,
  UpdateIdeaBody,
} from './ideas.ts';
import { defineRouteContracts, IdParams, Timestamp } from './routes.ts';

/** The header a review link's holder sends its token in (never in the path of an API call). */
export const REVIEW_LINK_HEADER = 'X-Muse-Review-Link';

export const REVIEW_LINK_DEFAULT_DAYS = 14;
export const REVIEW_LINK_MAX_DAYS = 90;

const expiresInDays = z.int().min(1).max(REVIEW_LINK_MAX_DAYS);

/**
 * A link for one named reviewer. With an email the link is mailed to it; a new link for the same
 * reviewer (the same email, or the same name when there is none) revokes the older one.
 */
export const CreateReviewLinkBody = z
  .strictObject({
    reviewerName: z.string().trim().min(1).max(120),
    reviewerEmail: z.email().trim().toLowerCase().max(320).nullable().default(null),
    expiresInDays: expiresInDays.default(REVIEW_LINK_DEFAULT_DAYS),
  })
  .meta({ id: 'CreateReviewLinkBody' });
export type CreateReviewLinkBody = z.infer<typeof CreateReviewLinkBody>;

/** A new link for the same reviewer, replacing this one (revoked). */
export const ReissueReviewLinkBody = z
  .strictObject({ expiresInDays: expiresInDays.default(REVIEW_LINK_DEFAULT_DAYS) })
  .meta({ id: 'ReissueReviewLinkBody' });
export type ReissueReviewLinkBody = z.infer<typeof ReissueReviewLinkBody>;

export const ReviewLinkState = z.enum(['ACTIVE', 'EXPIRED', 'REVOKED']);
export type ReviewLinkState = z.infer<typeof ReviewLinkState>;

/** A review link as the agency lists it: never its token. */
export const ReviewLink = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    reviewerName: z.string(),
    reviewerEmail: z.string().nullable(),
    state: ReviewLinkState,
    expiresAt: Timestamp,
    revokedAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'ReviewLink' });
export type ReviewLink = z.infer<typeof ReviewLink>;

/** The link and its address, which holds the token: answered once, when the link is made. */
export const IssuedReviewLink = z.object({ link: ReviewLink, url: z.url() }).meta({ id: 'IssuedReviewLink' });
export type IssuedReviewLink = z.infer<typeof IssuedReviewLink>;

export const ReviewLinkList = z.object({ items: z.array(ReviewLink) }).meta({ id: 'ReviewLinkList' });
export type ReviewLinkList = z.infer<typeof ReviewLinkList>;

/** What a link's holder reviews: whose link it is, for which agency and which campaign. */
export const ReviewSession = z
  .object({
    reviewerName: z.string(),
    agencyName: z.string(),
    expiresAt: Timestamp,
    campaign: z.object({
      id: z.uuid(),
      name: z.string(),
      brief: z.string(),
      startDate: z.iso.date().nullable(),
      endDate: z.iso.date().nullable(),
    }),
  })
  .meta({ id: 'ReviewSession' });
export type ReviewSession = z.infer<typeof ReviewSession>;

export const reviewLinkRoutes = defineRouteContracts({
  list: {
    method: 'GET',
    path: '/api/campaigns/:id/review-links',
    summary: 'A campaign’s review links, newest first, without their tokens',
    tags: ['review-links'],
    auth: 'bearer',
    params: IdParams,
    response: ReviewLinkList,
  },
  create: {
    method: 'POST',
    path: '/api/campaigns/:id/review-links',
    summary: 'Share a campaign for review with a reviewer who has no account',
    description:
      'The answer holds the link’s address once; only its hash is kept. A reviewer with an email is mailed the link. ' +
      'An earlier link for the same reviewer is revoked. An archived campaign is 409.',
    tags: ['review-links'],
    auth: 'bearer',
    params: IdParams,
    body: CreateReviewLinkBody,
    response: IssuedReviewLink,
    successStatus: 201,
    errors: [409],
  },
  revoke: {
    method: 'POST',
    path: '/api/review-links/:id/revoke',
    summary: 'Revoke a review link: its address stops working at once',
    tags: ['review-links'],
    auth: 'bearer',
    params: IdParams,
    response: ReviewLink,
  },
  reissue: {
    method: 'POST',
    path: '/api/review-links/:id/reissue',
    summary: 'A new link for the same reviewer; this one is revoked',
    tags: ['review-links'],
    auth: 'bearer',
    params: IdParams,
    body: ReissueReviewLinkBody,
    response: IssuedReviewLink,
    successStatus: 201,
    errors: [409],
  },
});

/**
 * What the holder of a review link calls, with its token in the REVIEW_LINK_HEADER: exactly
 * what a client contact sees of that one campaign, and the same answers. An expired link is
 * 410 review_link_expired, a revoked one (or a suspended agency's) 410 review_link_revoked, an
 * unknown one 401.
 */
export const reviewRoutes = defineRouteContracts({
  session: {
    method: 'GET',
    path: '/api/review',
    summary: 'Whose review link this is, and the campaign it is for',
    tags: ['review'],
    auth: 'review-link',
    response: ReviewSession,
  },
  listIdeas: {
    method: 'GET',
    path: '/api/review/ideas',
    summary: 'The campaign’s ideas sent for review or answered, as sent',
    tags: ['review'],
    auth: 'review-link',
    query: ListIdeasQuery,
    response: IdeaPage,
  },
  answer: {
    method: 'PATCH',
    path: '/api/review/ideas/:id',
    summary: 'Approve an idea, ask for changes (with a comment) or reject it',
    description: 'The client’s moves of the review workflow only; a stale `version` is 409 version_conflict.',
    tags: ['review'],
    auth: 'review-link',
    params: IdParams,
    body: UpdateIdeaBody,
    response: Idea,
    errors: [409],
  },
  bulkStatus: {
    method: 'POST',
    path: '/api/review/ideas/bulk-status',
    summary: 'Answer several ideas at once, all or none',
    tags: ['review'],
    auth: 'review-link',
    body: BulkStatusBody,
    response: BulkStatusResult,
    errors: [409],
  },
  revisions: {
    method: 'GET',
    path: '/api/review/ideas/:id/revisions',
    summary: 'The versions of an idea that were sent for review, newest first',
    tags: ['review'],
    auth: 'review-link',
    params: IdParams,
    query: ListRevisionsQuery,
    response: IdeaRevisionPage,
  },
  decisions: {
    method: 'GET',
    path: '/api/review/ideas/:id/decisions',
    summary: 'The client’s answers to an idea, oldest first',
    tags: ['review'],
    auth: 'review-link',
    params: IdParams,
    response: IdeaDecisions,
  },
  listComments: {
    method: 'GET',
    path: '/api/review/ideas/:id/comments',
    summary: 'An idea’s comments visible to the client, oldest first',
    tags: ['review'],
    auth: 'review-link',
    params: IdParams,
    query: ListCommentsQuery,
    response: CommentPage,
  },
  createComment: {
    method: 'POST',
    path: '/api/review/ideas/:id/comments',
    summary: 'Comment on an idea, to the agency',
    tags: ['review'],
    auth: 'review-link',
    params: IdParams,
    body: CreateCommentBody,
    response: IdeaComment,
    successStatus: 201,
  },
});
