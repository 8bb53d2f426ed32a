import { queryOptions, skipToken } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

/**
 * Who asks: a signed-in member (the agency, a client contact), or the holder of a review link,
 * whose routes answer the same for its one campaign.
 */
export type Caller = 'member' | 'review-link';

/** Every idea of a campaign, as the board and the review screen show them. */
export const campaignIdeasQuery = (api: Api, campaignId: string, caller: Caller = 'member') =>
  queryOptions({
    queryKey: keys.ideas(campaignId),
    queryFn: caller === 'review-link' ? () => api.review.ideas() : () => api.campaigns.ideas(campaignId),
  });

/** null asks for nothing (no idea is open). */
export const ideaQuery = (api: Api, id: string | null) =>
  queryOptions({ queryKey: keys.idea(id ?? ''), queryFn: id ? () => api.ideas.get(id) : skipToken });

/** The brand check of the idea's current version: a new version is a new check. */
export const brandCheckQuery = (api: Api, idea: { id: string; version: number }) =>
  queryOptions({
    queryKey: [...keys.idea(idea.id), 'check', idea.version],
    queryFn: () => api.ideas.check(idea.id),
  });

/** The idea's revision history; null asks for nothing (a card that needs no history). */
export const revisionsQuery = (api: Api, ideaId: string | null, caller: Caller = 'member') =>
  queryOptions({
    queryKey: keys.revisions(ideaId ?? ''),
    queryFn: ideaId
      ? () => (caller === 'review-link' ? api.review.revisions(ideaId) : api.ideas.revisions(ideaId))
      : skipToken,
  });

export const commentsQuery = (api: Api, ideaId: string, caller: Caller = 'member') =>
  queryOptions({
    queryKey: keys.comments(ideaId),
    queryFn: () => (caller === 'review-link' ? api.review.comments(ideaId) : api.ideas.comments(ideaId)),
  });
