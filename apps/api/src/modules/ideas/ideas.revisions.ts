import { isDeepStrictEqual } from 'node:util';
import { EDITABLE_STATUSES, IDEA_CONTENT_FIELDS, ideaSnapshot } from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import { type AuditActor, type AuditEntry, audit, recordedActor } from '../activity/audit.ts';
import { liveEvent, publishLive } from '../live/live.publish.ts';
import { clientSeesChange } from './ideas.client-view.ts';
import { stateOf } from './ideas.presenter.ts';
import { type IdeaRecord, ideasRepository } from './ideas.repository.ts';
import type { ChangedField, IdeaContent } from './ideas.rules.ts';

/** An idea at its new version, and what changed to get there. */
export interface IdeaEdit {
  idea: IdeaRecord;
  changedFields: ChangedField[];
  /** The AI run that wrote the new content; a person edited it when absent. */
  generationId?: string;
}

/**
 * Writes an edit's revision and returns the audit entry that tells of it, for the caller to record
 * in the order of its other events. The revision snapshots the content at the new version: the
 * history a diff and the client's "seen" build on. A person's edit of the schedule alone has none;
 * an AI run's new version always has one.
 */
export async function writeEdit(
  tx: TenantTx,
  tenantId: string,
  actor: AuditActor,
  { idea, changedFields, generationId }: IdeaEdit,
): Promise<AuditEntry> {
  if (generationId || changedFields.some((field) => field !== 'scheduledFor')) {
    await ideasRepository.createRevision(tx, {
      tenantId,
      ideaId: idea.id,
      version: idea.version,
      snapshot: ideaSnapshot(stateOf(idea)),
      editedById: recordedActor(actor).actorId,
    });
  }
  const data = { title: idea.title, version: idea.version, changedFields };
  return generationId
    ? { entityId: idea.id, action: 'idea.regenerated', data: { ...data, generationId } }
    : { entityId: idea.id, action: 'idea.edited', data };
}

export interface ContentRevision {
  tenantId: string;
  ideaId: string;
  /** Who made the change; null for the system. */
  actorId: string | null;
  /** The new content: each field given replaces the current one. */
  content: Partial<IdeaContent>;
  /** The prompt template that wrote the content, when an AI run did. */
  templateVersion?: string;
  /** Whether the offline model wrote the content, when an AI run did; a manual edit leaves the label. */
  offlineModel?: boolean;
  /** Only while the idea is still at this version; at whatever version it is when absent. */
  expectedVersion?: number;
  /** The AI run that wrote the content, when one did: the event is then `idea.regenerated`. */
  generationId?: string;
}

export type RevisionResult =
  | { revised: IdeaRecord }
  /** Nothing was written: no such idea, not GENERATED or CHANGES_REQUESTED, or no longer at `expectedVersion`. */
  | { refused: 'not_found' | 'not_editable' | 'version_conflict' };

/**
 * Gives an idea new content as its next version, in the caller's transaction: the idea moves to
 * version + 1, an IdeaRevision records the content, and an ActivityEvent the change. Status,
 * round and comments stay. The update is conditional on the version read, so a concurrent edit
 * makes this refuse (`version_conflict`) rather than overwrite it.
 */
export async function reviseIdeaContent(tx: TenantTx, revision: ContentRevision): Promise<RevisionResult> {
  const current = await ideasRepository.findVisible(tx, revision.ideaId, { kind: 'agency' });
  if (!current) return { refused: 'not_found' };
  if (!EDITABLE_STATUSES.includes(current.status)) return { refused: 'not_editable' };
  if (revision.expectedVersion !== undefined && revision.expectedVersion !== current.version) {
    return { refused: 'version_conflict' };
  }
  const before = stateOf(current);
  const changedFields = IDEA_CONTENT_FIELDS.filter(
    (field) =>
      revision.content[field] !== undefined && !isDeepStrictEqual(revision.content[field], before[field]),
  );
  const idea = await ideasRepository.reviseAt(
    tx,
    revision.ideaId,
    { statuses: EDITABLE_STATUSES, version: current.version },
    {
      ...revision.content,
      ...(revision.templateVersion === undefined ? {} : { templateVersion: revision.templateVersion }),
      ...(revision.offlineModel === undefined ? {} : { offlineModel: revision.offlineModel }),
    },
  );
  if (!idea) return { refused: 'version_conflict' };
  const actor = { userId: revision.actorId };
  const edit = await writeEdit(tx, revision.tenantId, actor, {
    idea,
    changedFields,
    generationId: revision.generationId,
  });
  await audit(tx, revision.tenantId, actor, edit);
  await publishLive(tx, revision.tenantId, [
    liveEvent.ideaChanged(idea, clientSeesChange({ after: idea, changedFields })),
  ]);
  return { revised: idea };
}
