import { z } from 'zod';
import { IdeaStatus, IdeaType, Platform, ReelBeat, Role } from './common.ts';
import { PageQuery } from './pagination.ts';

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

/** PATCH /api/ideas/:id: edit content, move status, or both (content first), at a known version. */
export const UpdateIdeaBody = z
  .strictObject({
    ...IdeaContentFields,
    scheduledFor: z.iso.date().nullable(),
    version: z.int().min(1),
    status: IdeaStatus,
    comment: z.string().trim().min(1).max(4000),
  })
  .partial()
  .required({ version: true })
  .refine((body) => Object.keys(body).some((key) => key !== 'version' && key !== 'comment'), {
    message: 'change the content or the status',
  });
export type UpdateIdeaBody = z.infer<typeof UpdateIdeaBody>;

export const BulkStatusBody = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(100),
  status: IdeaStatus,
  comment: z.string().trim().min(1).max(4000).optional(),
});
export type BulkStatusBody = z.infer<typeof BulkStatusBody>;

export const ListIdeasQuery = PageQuery.extend({
  status: IdeaStatus.optional(),
  type: IdeaType.optional(),
  platform: Platform.optional(),
});
export type ListIdeasQuery = z.infer<typeof ListIdeasQuery>;

export const Idea = z.object({
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
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Idea = z.infer<typeof Idea>;

export const UserRef = z.object({ id: z.uuid(), name: z.string(), role: Role });
export type UserRef = z.infer<typeof UserRef>;

export const IdeaRevision = z.object({
  id: z.uuid(),
  version: z.int(),
  snapshot: z.record(z.string(), z.unknown()),
  editedBy: UserRef.nullable(),
  shownToClientAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type IdeaRevision = z.infer<typeof IdeaRevision>;

export const CommentVisibility = z.enum(['INTERNAL', 'CLIENT']);
export type CommentVisibility = z.infer<typeof CommentVisibility>;

export const CreateCommentBody = z.strictObject({
  body: z.string().trim().min(1).max(4000),
  /** Agency only; a client's comments are always visible to the agency and the client. */
  visibility: CommentVisibility.optional(),
});
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

export const Comment = z.object({
  id: z.uuid(),
  ideaId: z.uuid(),
  author: UserRef.nullable(),
  body: z.string(),
  visibility: CommentVisibility,
  createdAt: z.iso.datetime(),
});
export type Comment = z.infer<typeof Comment>;

export const ActivityQuery = PageQuery.extend({
  entityType: z.enum(['tenant', 'user', 'client', 'campaign', 'idea', 'generation']).optional(),
  entityId: z.uuid().optional(),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

export const ActivityEvent = z.object({
  id: z.uuid(),
  actor: UserRef.nullable(),
  entityType: z.string(),
  entityId: z.uuid(),
  action: z.string(),
  data: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ActivityEvent = z.infer<typeof ActivityEvent>;
