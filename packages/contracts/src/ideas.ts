import { z } from 'zod';
import { BrandCheck } from './brand-check.ts';
import { IdeaStatus, IdeaType, Platform, ReelBeat, Role } from './common.ts';
import { ClientAnswer } from './notifications.ts';
import { PageQuery, pageOf } from './pagination.ts';
import { ReviewByDate } from './review-rounds.ts';
import { defineRouteContracts, IdParams, Timestamp } from './routes.ts';

export const IdeaContentFields = {
  title: z.string().trim().min(1).max(160),
  hook: z.string().trim().max(500),
  caption: z.string().trim().max(3000),
  hashtags: z
    .array(
      z
        .string()
        .trim()
        .regex(/^#[\p{L}\p{N}_]{1,99}$/u, 'a hashtag is # followed by letters, digits or _'),
    )
    .max(30),
  callToAction: z.string().trim().max(300),
  visualDirection: z.string().trim().max(2000).nullable(),
  durationSec: z.int().min(5).max(600).nullable(),
  beats: z.array(ReelBeat).max(40).nullable(),
  audioSuggestion: z.string().trim().max(300).nullable(),
};

/**
 * PATCH /api/ideas/:id: edit content, move status, or both (content first), at a known version.
 * A `comment` is stored with the change: visible to the client when a client writes it or when
 * the idea goes to the client, internal otherwise.
 */
/** A review-by date belongs to a sending: it comes only with a move to PENDING_CLIENT. */
const sendsWithReviewBy = (body: { status?: IdeaStatus; reviewBy?: string }) =>
  body.reviewBy === undefined || body.status === 'PENDING_CLIENT';
const reviewByWithoutSending = {
  path: ['reviewBy'],
  message: 'a review-by date comes with sending to the client',
};
/** Confirming the brand check's warnings belongs to a sending too. */
const confirmsWithSending = (body: { status?: IdeaStatus; confirmBrandCheck?: boolean }) =>
  body.confirmBrandCheck === undefined || body.status === 'PENDING_CLIENT';
const confirmationWithoutSending = {
  path: ['confirmBrandCheck'],
  message: 'the brand check is confirmed when sending to the client',
};
/** Sends even though the brand check has open warnings; the audit log records who confirmed which. */
const ConfirmBrandCheck = z.literal(true);

export const UpdateIdeaBody = z
  .strictObject({
    ...IdeaContentFields,
    scheduledFor: z.iso.date().nullable(),
    version: z.int().min(1),
    status: IdeaStatus,
    comment: z.string().trim().min(1).max(4000),
    /** With a move to PENDING_CLIENT: by when the client should answer this sending. */
    reviewBy: ReviewByDate,
    confirmBrandCheck: ConfirmBrandCheck,
  })
  .partial()
  .required({ version: true })
  .refine(
    (body) =>
      Object.keys(body).some((key) => !['version', 'comment', 'reviewBy', 'confirmBrandCheck'].includes(key)),
    { message: 'change the content or the status' },
  )
  .refine(sendsWithReviewBy, reviewByWithoutSending)
  .refine(confirmsWithSending, confirmationWithoutSending)
  .meta({ id: 'UpdateIdeaBody' });
export type UpdateIdeaBody = z.infer<typeof UpdateIdeaBody>;

/** Moves every listed idea, or none: one idea that may not move fails the whole request. */
export const BulkStatusBody = z
  .strictObject({
    ids: z
      .array(z.uuid())
      .min(1)
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, 'list each idea once'),
    status: IdeaStatus,
    comment: z.string().trim().min(1).max(4000).optional(),
    /** With a move to PENDING_CLIENT: by when the client should answer this sending. */
    reviewBy: ReviewByDate.optional(),
    confirmBrandCheck: ConfirmBrandCheck.optional(),
  })
  .refine(sendsWithReviewBy, reviewByWithoutSending)
  .refine(confirmsWithSending, confirmationWithoutSending)
  .meta({ id: 'BulkStatusBody' });
export type BulkStatusBody = z.infer<typeof BulkStatusBody>;

const IdeaFilters = {
  status: IdeaStatus.optional(),
  type: IdeaType.optional(),
  platform: Platform.optional(),
};

export const ListIdeasQuery = z.strictObject({ ...PageQuery.shape, ...IdeaFilters });
export type ListIdeasQuery = z.infer<typeof ListIdeasQuery>;

export const ExportIdeasQuery = z.strictObject(IdeaFilters);
export type ExportIdeasQuery = z.infer<typeof ExportIdeasQuery>;

export const Idea = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    generationId: z.uuid().nullable(),
    type: IdeaType,
    platform: Platform,
    title: z.string(),
    hook: z.string(),
    caption: z.string(),
    hashtags: z.array(z.string()),
    callToAction: z.string(),
    visualDirection: z.string().nullable(),
    durationSec: z.int().nullable(),
    beats: z.array(ReelBeat).nullable(),
    audioSuggestion: z.string().nullable(),
    status: IdeaStatus,
    version: z.int(),
    round: z.int(),
    templateVersion: z.string().nullable(),
    /** Made by the offline model rather than a hosted LLM: the UI labels it. */
    offlineModel: z.boolean(),
    scheduledFor: z.iso.date().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Idea' });
export type Idea = z.infer<typeof Idea>;

export const IdeaPage = pageOf(Idea).meta({ id: 'IdeaPage' });

export const BulkStatusResult = z.object({ items: z.array(Idea) }).meta({ id: 'BulkStatusResult' });
export type BulkStatusResult = z.infer<typeof BulkStatusResult>;

export const UserRef = z.object({ id: z.uuid(), name: z.string(), role: Role });
export type UserRef = z.infer<typeof UserRef>;

/** The review link whose holder acted, where a user would be named. */
export const ReviewLinkRef = z.object({ id: z.uuid(), reviewerName: z.string() });
export type ReviewLinkRef = z.infer<typeof ReviewLinkRef>;

export const IdeaRevision = z
  .object({
    id: z.uuid(),
    /** The idea's version when its content became this. */
    version: z.int(),
    snapshot: z.record(z.string(), z.unknown()),
    /** Null when the AI wrote it. */
    editedBy: UserRef.nullable(),
    /** When this content was first sent to the client; null if the client never saw it. */
    shownToClientAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'IdeaRevision' });
export type IdeaRevision = z.infer<typeof IdeaRevision>;

/** Newest version first. */
export const IdeaRevisionPage = pageOf(IdeaRevision).meta({ id: 'IdeaRevisionPage' });

export const CommentVisibility = z.enum(['INTERNAL', 'CLIENT']);
export type CommentVisibility = z.infer<typeof CommentVisibility>;

export const CreateCommentBody = z
  .strictObject({
    /** Plain text, stored as typed (without surrounding whitespace). */
    body: z.string().trim().min(1).max(4000),
    /** Agency only (default INTERNAL); a client's comments are always CLIENT. */
    visibility: CommentVisibility.optional(),
  })
  .meta({ id: 'CreateCommentBody' });
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

export const Comment = z
  .object({
    id: z.uuid(),
    ideaId: z.uuid(),
    author: UserRef.nullable(),
    /** Set when the holder of a review link wrote it (no author then). */
    reviewLink: ReviewLinkRef.nullable(),
    body: z.string(),
    visibility: CommentVisibility,
    createdAt: Timestamp,
  })
  .meta({ id: 'Comment' });
export type Comment = z.infer<typeof Comment>;

/** Oldest first, as a conversation reads. */
export const CommentPage = pageOf(Comment).meta({ id: 'CommentPage' });

/** One answer of the client to an idea, as the audit log recorded the move. */
export const IdeaDecision = z
  .object({
    /** The audit event of the move. */
    id: z.uuid(),
    answer: ClientAnswer,
    /** The status the answer moved the idea from: PENDING_CLIENT, or an earlier answer it changed. */
    from: IdeaStatus,
    /** The idea's version and review round once answered. */
    version: z.int(),
    round: z.int(),
    /** The reason or change request that came with the answer. */
    comment: z.string().nullable(),
    /** The client contact who answered, or the review link whose holder did. */
    by: UserRef.nullable(),
    reviewLink: ReviewLinkRef.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'IdeaDecision' });
export type IdeaDecision = z.infer<typeof IdeaDecision>;

export const IdeaDecisions = z
  .object({
    /** Oldest first, as a timeline reads. */
    items: z.array(IdeaDecision),
    /**
     * Whether the caller may still change the latest answer: it gave it, and the agency has not
     * acted on the idea since (same status, same version).
     */
    changeable: z.boolean(),
  })
  .meta({ id: 'IdeaDecisions' });
export type IdeaDecisions = z.infer<typeof IdeaDecisions>;

export const ListRevisionsQuery = z.strictObject(PageQuery.shape);
export type ListRevisionsQuery = z.infer<typeof ListRevisionsQuery>;

export const ListCommentsQuery = z.strictObject(PageQuery.shape);
export type ListCommentsQuery = z.infer<typeof ListCommentsQuery>;

export const ideaRoutes = defineRouteContracts({
  listForCampaign: {
    method: 'GET',
    path: '/api/campaigns/:id/ideas',
    summary: 'List a campaign’s ideas in the order they were made',
    description: 'A client contact sees only ideas sent to it for review, or answered.',
    tags: ['ideas'],
    auth: 'bearer',
    params: IdParams,
    query: ListIdeasQuery,
    response: IdeaPage,
  },
  exportCsv: {
    method: 'GET',
    path: '/api/campaigns/:id/ideas.csv',
    summary: 'Export a campaign’s ideas as CSV',
    description:
      'RFC 4180, UTF-8 with a byte order mark. Cells that a spreadsheet would read as a formula start with an apostrophe.',
    tags: ['ideas'],
    auth: 'bearer',
    params: IdParams,
    query: ExportIdeasQuery,
    contentType: 'text/csv',
  },
  get: {
    method: 'GET',
    path: '/api/ideas/:id',
    summary: 'One idea',
    tags: ['ideas'],
    auth: 'bearer',
    params: IdParams,
    response: Idea,
  },
  update: {
    method: 'PATCH',
    path: '/api/ideas/:id',
    summary: 'Edit an idea’s content, move it through the review workflow, or both',
    description:
      'Content changes only in GENERATED and CHANGES_REQUESTED, by the agency, and writes a revision. ' +
      'Moves follow the review workflow: a move of the other side is 403, a move the workflow does not have is 409 invalid_transition. ' +
      'A stale `version` is 409 version_conflict. Sending to the client while the brand check has open warnings ' +
      'is 409 brand_check_open (details: the findings) unless `confirmBrandCheck` is true.',
    tags: ['ideas'],
    auth: 'bearer',
    params: IdParams,
    body: UpdateIdeaBody,
    response: Idea,
    errors: [409],
  },
  bulkStatus: {
    method: 'POST',
    path: '/api/ideas/bulk-status',
    summary: 'Move several ideas to one status, all or none',
    description:
      'Sending to the client while any idea’s brand check has open warnings is 409 brand_check_open ' +
      '(details: the findings of each such idea) unless `confirmBrandCheck` is true.',
    tags: ['ideas'],
    auth: 'bearer',
    body: BulkStatusBody,
    response: BulkStatusResult,
    errors: [409],
  },
  check: {
    method: 'GET',
    path: '/api/ideas/:id/check',
    summary: 'The brand check of an idea’s current version',
    description:
      'What to look at before the idea goes to the client: the brand’s don’ts, platform limits, claims that need proof, ' +
      'hashtags and the call to action. The agency’s only.',
    tags: ['ideas'],
    auth: 'bearer',
    params: IdParams,
    response: BrandCheck,
  },
  revisions: {
    method: 'GET',
    path: '/api/ideas/:id/revisions',
    summary: 'An idea’s content history, newest first',
    description: 'A client contact sees only the versions that were sent to it.',
    tags: ['ideas'],
    auth: 'bearer',
    params: IdParams,
    query: ListRevisionsQuery,
    response: IdeaRevisionPage,
  },
  decisions: {
    method: 'GET',
    path: '/api/ideas/:id/decisions',
    summary: 'The client’s answers to an idea, oldest first',
    description:
      'Every approval, rejection and change request, with its reason, who gave it and when; and whether the caller may still change the latest one.',
    tags: ['ideas'],
    auth: 'bearer',
    params: IdParams,
    response: IdeaDecisions,
  },
  listComments: {
    method: 'GET',
    path: '/api/ideas/:id/comments',
    summary: 'An idea’s comments, oldest first',
    description: 'A client contact sees only comments visible to the client.',
    tags: ['ideas'],
    auth: 'bearer',
    params: IdParams,
    query: ListCommentsQuery,
    response: CommentPage,
  },
  createComment: {
    method: 'POST',
    path: '/api/ideas/:id/comments',
    summary: 'Comment on an idea',
    tags: ['ideas'],
    auth: 'bearer',
    params: IdParams,
    body: CreateCommentBody,
    response: Comment,
    successStatus: 201,
  },
});
