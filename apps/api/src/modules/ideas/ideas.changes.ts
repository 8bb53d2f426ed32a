import { CLIENT_ANSWER_STATUSES, type IdeaTransition } from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import { AppError } from '../../http/app-error.ts';
import { type AuditEntry, audit } from '../activity/audit.ts';
import { type Actor, actorIdOf } from '../auth/actor.ts';
import { writeComments } from '../comments/comments.writer.ts';
import { liveEvent, publishLive } from '../live/live.publish.ts';
import type { NotificationJobs } from '../notifications/notify.ts';
import { followRounds } from '../review-rounds/review-rounds.lifecycle.ts';
import { clientSeesChange } from './ideas.client-view.ts';
import { type IdeaForChange, type IdeaRecord, ideasRepository } from './ideas.repository.ts';
import { writeEdit } from './ideas.revisions.ts';
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
 * content, the latest revision stamped as shown when an idea goes to the client, its review
 * round, the comments, an ActivityEvent per edit, move and comment, in that order, and the live
 * event of each changed idea (for the client's streams only when the client sees the change).
 * `sending` is what a move to the client says of itself (its review-by date).
 */
export async function recordChanges(
  tx: TenantTx,
  jobs: NotificationJobs,
  tenantId: string,
  actor: Actor,
  changes: AppliedChange[],
  sending: { reviewBy?: string } = {},
) {
  const edits = new Map<string, AuditEntry>();
  for (const { after, changedFields } of changes) {
    if (changedFields.length > 0) {
      edits.set(after.id, await writeEdit(tx, tenantId, actor, { idea: after, changedFields }));
    }
  }
  await ideasRepository.markLatestRevisionSent(
    tx,
    tenantId,
    changes.filter((change) => change.move?.startsRound).map((change) => change.after.id),
  );
  await followRounds(
    tx,
    jobs,
    tenantId,
    actorIdOf(actor),
    changes.flatMap(({ after, move }) =>
      move ? [{ ideaId: after.id, campaignId: after.campaignId, move }] : [],
    ),
    sending,
  );
  const comments = await writeComments(
    tx,
    tenantId,
    actor,
    changes.flatMap(({ after, comment }) => (comment ? [{ idea: after, ...comment }] : [])),
  );
  const commentOf = new Map(comments.map((written) => [written.comment.ideaId, written]));

  const events: AuditEntry[] = [];
  for (const { before, after, move } of changes) {
    const edit = edits.get(after.id);
    const comment = commentOf.get(after.id);
    if (edit) events.push(edit);
    if (move) {
      events.push({
        entityId: after.id,
        action: 'idea.status_changed',
        data: {
          title: after.title,
          from: before.status,
          to: after.status,
          version: after.version,
          round: after.round,
          ...(comment ? { commentId: comment.comment.id } : {}),
          ...(CLIENT_ANSWER_STATUSES.includes(before.status) && move.by === 'client'
            ? { answerChanged: true as const }
            : {}),
        },
      });
    }
    if (comment) events.push(comment.event);
  }
  await audit(tx, tenantId, actor, events);
  await publishLive(
    tx,
    tenantId,
    changes
      .filter(({ changedFields, move }) => changedFields.length > 0 || move)
      .map((change) => liveEvent.ideaChanged(change.after, clientSeesChange(change))),
  );
}
