'use client';

import { IDEA_CONTENT_FIELDS, type Idea, type IdeaRevision, type UpdateIdeaBody } from '@muse/contracts';
import { Eye, History } from 'lucide-react';
import { QueryError } from '@/components/query-state';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDate, IDEA_FIELD_LABELS, timeAgo } from '@/lib/labels';
import { useRestoreRevision, useRevisions } from '@/lib/queries/use-ideas';
import { fieldText } from '@/lib/word-diff';
import { DiffText } from './diff-text';

function changes(revision: IdeaRevision, previous: IdeaRevision | undefined) {
  return IDEA_CONTENT_FIELDS.filter(
    (field) => fieldText(revision.snapshot[field]) !== fieldText(previous?.snapshot[field]),
  ).map((field) => ({
    field,
    before: fieldText(previous?.snapshot[field]),
    after: fieldText(revision.snapshot[field]),
  }));
}

/** What restoring `revision` changes in the idea as it is now: the fields in which they differ. */
function restoredFields(revision: IdeaRevision, idea: Idea): Partial<UpdateIdeaBody> {
  return Object.fromEntries(
    IDEA_CONTENT_FIELDS.filter((field) => fieldText(revision.snapshot[field]) !== fieldText(idea[field])).map(
      (field) => [field, revision.snapshot[field]],
    ),
  );
}

/** Where earlier versions may be brought back: an idea the agency may edit, with no edits pending. */
export interface Restoring {
  idea: Idea;
  /** Why restoring must wait (edits not saved yet), or null. */
  blockedBy: string | null;
}

/**
 * Every version of the idea, newest first, each as a word diff against the one before; with
 * `restoring`, an earlier version's content can be brought back as a new version.
 */
export function RevisionHistory({ ideaId, restoring }: { ideaId: string; restoring?: Restoring }) {
  const revisions = useRevisions(ideaId);
  const restore = useRestoreRevision(restoring?.idea.campaignId ?? '');
  if (revisions.isPending) return <Skeleton className="h-40" />;
  if (revisions.isError)
    return <QueryError error={revisions.error} retry={() => revisions.refetch()} className="py-6" />;
  const ordered = [...revisions.data].sort((a, b) => a.version - b.version);
  if (ordered.length === 0)
    return <p className="py-4 text-center text-sm text-slate-500">No revisions yet.</p>;
  return (
    <>
      {restoring?.blockedBy && ordered.length > 1 && (
        <p className="mb-3 text-sm text-slate-600">
          {restoring.blockedBy} Then an earlier version can be restored.
        </p>
      )}
      <ol className="grid gap-4">
        {ordered
          .map((revision, index) => ({
            revision,
            diff: changes(revision, ordered[index - 1]),
            first: index === 0,
          }))
          .reverse()
          .map(({ revision, diff, first }) => (
            <li key={revision.id} className="rounded-lg border border-slate-200 p-4">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-semibold text-slate-900">Version {revision.version}</span>
                <span className="text-slate-500">
                  {revision.editedBy ? `by ${revision.editedBy.name}` : 'by Muse AI'} ·{' '}
                  <time dateTime={revision.createdAt} title={formatDate(revision.createdAt)}>
                    {timeAgo(revision.createdAt)}
                  </time>
                </span>
                {revision.shownToClientAt && (
                  <Badge tone="info">
                    <Eye aria-hidden />
                    Shown to client
                  </Badge>
                )}
                {restoring && Object.keys(restoredFields(revision, restoring.idea)).length > 0 && (
                  <Button
                    variant="secondary"
                    size="sm"
                    className="ml-auto"
                    disabled={restoring.blockedBy !== null}
                    pending={restore.isPending && restore.variables?.revision.id === revision.id}
                    onClick={() =>
                      restore.mutate({
                        idea: restoring.idea,
                        revision,
                        fields: restoredFields(revision, restoring.idea),
                      })
                    }
                  >
                    <History aria-hidden />
                    Restore version {revision.version}
                  </Button>
                )}
              </div>
              {first ? (
                <p className="mt-2 text-sm text-slate-500">First version.</p>
              ) : diff.length === 0 ? (
                <p className="mt-2 text-sm text-slate-500">No content changes.</p>
              ) : (
                <dl className="mt-3 grid gap-3">
                  {diff.map(({ field, before, after }) => (
                    <div key={field}>
                      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                        {IDEA_FIELD_LABELS[field]}
                      </dt>
                      <dd className="mt-1">
                        <DiffText before={before} after={after} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          ))}
      </ol>
    </>
  );
}
