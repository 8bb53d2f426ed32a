import type { IdeaTransition } from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import { AppError } from '../../http/app-error.ts';
import { type ActivityRecord, activityRepository } from '../activity/activity.repository.ts';
import type { Principal } from '../auth/principal.ts';
import { commentsRepository } from '../comments/comments.repository.ts';
import { type IdeaForChange, type IdeaRecord, ideasRepository } from './ideas.repository.ts';
import { writeRevision } from './ideas.revisions.ts';
import type { ChangedField, IdeaChange } from './ideas.rules.ts';

export const archivedCampaign = () =>
  new AppError('conflict', 'The campaign is archived: its ideas no longer change', {
    details: [{ reason: 'campaign_archived' }],
  });

/** One idea's change, as written: what the audit log, the revisions and the comments follow from. */
export interface AppliedChange {
  before: IdeaForChange;
  after: IdeaRecord;
  changedFields: ChangedField[];
  move?: IdeaTransition;
  comment?: IdeaChange['comment'];
}

/**
 * Everything that follows the ideas' update in the same transaction: a revision of changed
 * content, the latest revision stamped as shown when an idea goes to the client, the comments,
 * and an ActivityEvent per edit, move and comment.
 */
export async function recordChanges(
  tx: TenantTx,
  tenantId: string,
  actor: Principal,
  changes: AppliedChange[],
) {
  for (const change of changes) {
    if (change.changedFields.some((field) => field !== 'scheduledFor')) {
      await writeRevision(tx, tenantId, change.after, actor.userId);
    }
  }
  await ideasRepository.markLatestRevisionSent(
    tx,
    tenantId,
    changes.filter((change) => change.move?.startsRound).map((change) => change.after.id),
  );
  const newComments = changes.flatMap(({ after, comment }) =>
    comment
      ? [
          {
            tenantId,
            ideaId: after.id,
            authorId: actor.userId,
            body: comment.body,
            visibility: comment.visibility,
          },
        ]
      : [],
  );
  const comments = newComments.length > 0 ? await commentsRepository.createMany(tx, newComments) : [];
  const commentOf = new Map(comments.map((comment) => [comment.ideaId, comment]));

  const events: ActivityRecord[] = [];
  const event = (ideaId: string, action: string, data: ActivityRecord['data']) =>
    events.push({ tenantId, actorId: actor.userId, entityType: 'idea', entityId: ideaId, action, data });
  for (const { before, after, changedFields, move } of changes) {
    const comment = commentOf.get(after.id);
    if (changedFields.length > 0) {
      event(after.id, 'idea.edited', { title: after.title, version: after.version, changedFields });
    }
    if (move) {
      event(after.id, 'idea.status_changed', {
        title: after.title,
        from: before.status,
        to: after.status,
        version: after.version,
        round: after.round,
        ...(comment ? { commentId: comment.id } : {}),
      });
    }
    if (comment) {
      event(after.id, 'idea.commented', {
        title: after.title,
        commentId: comment.id,
        visibility: comment.visibility,
      });
    }
  }
  await activityRepository.recordMany(tx, events);
}
