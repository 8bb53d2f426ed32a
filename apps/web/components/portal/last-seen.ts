import { IDEA_CONTENT_FIELDS, type Idea, type IdeaRevision } from '@muse/contracts';
import { fieldText } from '@/lib/word-diff';

/**
 * The content the client saw in an earlier round: the most recently shown revision whose
 * content differs from what the idea says now. Null when nothing changed since then.
 */
export function lastSeenSnapshot(idea: Idea, revisions: IdeaRevision[]): Record<string, unknown> | null {
  const shown = revisions
    .filter((revision) => revision.shownToClientAt)
    .sort(
      (a, b) => (b.shownToClientAt ?? '').localeCompare(a.shownToClientAt ?? '') || b.version - a.version,
    );
  const differs = (revision: IdeaRevision) =>
    IDEA_CONTENT_FIELDS.some((field) => fieldText(revision.snapshot[field]) !== fieldText(idea[field]));
  return shown.find(differs)?.snapshot ?? null;
}
