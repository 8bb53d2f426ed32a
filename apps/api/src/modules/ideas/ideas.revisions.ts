import { isDeepStrictEqual } from 'node:util';
import { EDITABLE_STATUSES, IDEA_CONTENT_FIELDS, ideaSnapshot } from '@muse/contracts';
import type { Prisma, TenantTx } from '@muse/db';
import { activityRepository } from '../activity/activity.repository.ts';
import { stateOf } from './ideas.presenter.ts';
import { type IdeaRecord, ideasRepository } from './ideas.repository.ts';
import type { IdeaContent } from './ideas.rules.ts';

/** Snapshots the idea's content at its current version: the history a diff and the client's "seen" build on. */
export function writeRevision(tx: TenantTx, tenantId: string, idea: IdeaRecord, editedById: string | null) {
  return ideasRepository.createRevision(tx, {
    tenantId,
    ideaId: idea.id,
    version: idea.version,
    snapshot: ideaSnapshot(stateOf(idea)),
    editedById,
  });
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
  /** The audit log's action (`idea.edited` when absent) and what it adds to the event's data. */
  action?: string;
  data?: Prisma.InputJsonObject;
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
  await writeRevision(tx, revision.tenantId, idea, revision.actorId);
  await activityRepository.record(tx, {
    tenantId: revision.tenantId,
    actorId: revision.actorId,
    entityType: 'idea',
    entityId: idea.id,
    action: revision.action ?? 'idea.edited',
    data: { title: idea.title, version: idea.version, changedFields, ...revision.data },
  });
  return { revised: idea };
}
