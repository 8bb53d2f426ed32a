import { queryOptions, skipToken } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import type { Caller } from './ideas';
import { keys } from './keys';

/**
 * The client's answers to an idea and whether the caller may still change the latest. Under the
 * idea's key, so whatever marks the idea stale (a live event, a failed move) marks these too; and
 * by version, since every answer is a new version of the idea. null asks for nothing.
 */
export const decisionsQuery = (api: Api, ideaId: string | null, version: number, caller: Caller) =>
  queryOptions({
    queryKey: [...keys.idea(ideaId ?? ''), 'decisions', version] as const,
    queryFn: ideaId
      ? () => (caller === 'review-link' ? api.review.decisions(ideaId) : api.ideas.decisions(ideaId))
      : skipToken,
  });
