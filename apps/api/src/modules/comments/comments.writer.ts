import { CLIENT_VISIBLE_STATUSES, type CommentVisibility, type IdeaStatus } from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import { type AuditActor, type AuditEntry, recordedActor } from '../activity/audit.ts';
import { liveEvent, publishLive } from '../live/live.publish.ts';
import { type CommentRow, commentsRepository } from './comments.repository.ts';

export interface IdeaComment {
  idea: { id: string; title: string; campaignId: string; status: IdeaStatus };
  body: string;
  visibility: CommentVisibility;
}

export interface WrittenComment {
  comment: CommentRow;
  /** The `idea.commented` entry, for the caller to record in the order of its other events. */
  event: AuditEntry;
}

/**
 * What a client contact reads of comments (comments.service.ts `list`): CLIENT comments, on an
 * idea it may see at all.
 */
export const clientReadsComment = (visibility: CommentVisibility, idea: { status: IdeaStatus }) =>
  visibility === 'CLIENT' && CLIENT_VISIBLE_STATUSES.includes(idea.status);

/**
 * Writes comments on ideas, at most one per idea, in one statement (a bulk move comments on each
 * idea), and tells the live streams that may read them.
 */
export async function writeComments(
  tx: TenantTx,
  tenantId: string,
  author: AuditActor,
  comments: readonly IdeaComment[],
): Promise<WrittenComment[]> {
  if (comments.length === 0) return [];
  const { actorId, reviewLinkId } = recordedActor(author);
  const rows = await commentsRepository.createMany(
    tx,
    comments.map(({ idea, body, visibility }) => ({
      tenantId,
      ideaId: idea.id,
      authorId: actorId,
      reviewLinkId,
      body,
      visibility,
    })),
  );
  const rowOf = new Map(rows.map((row) => [row.ideaId, row]));
  await publishLive(
    tx,
    tenantId,
    comments.flatMap(({ idea, visibility }) => {
      const row = rowOf.get(idea.id);
      return row
        ? [
            liveEvent.commentAdded(
              { id: row.id, ideaId: idea.id, campaignId: idea.campaignId },
              clientReadsComment(visibility, idea),
            ),
          ]
        : [];
    }),
  );
  return comments.map(({ idea }) => {
    const comment = rowOf.get(idea.id);
    if (!comment) throw new Error('a comment insert returned no row');
    return {
      comment,
      event: {
        entityId: idea.id,
        action: 'idea.commented',
        data: { title: idea.title, commentId: comment.id, visibility: comment.visibility },
      },
    };
  });
}
