/** The fields that make up an idea's content: what a revision snapshots and an edit may change. */
export const IDEA_CONTENT_FIELDS = [
  'title',
  'hook',
  'caption',
  'hashtags',
  'callToAction',
  'visualDirection',
  'durationSec',
  'beats',
  'audioSuggestion',
] as const;

export type IdeaContentField = (typeof IDEA_CONTENT_FIELDS)[number];

export function ideaSnapshot<T extends Partial<Record<IdeaContentField, unknown>>>(idea: T) {
  return Object.fromEntries(IDEA_CONTENT_FIELDS.map((field) => [field, idea[field] ?? null])) as {
    [K in IdeaContentField]: T[K] | null;
  };
}
