import { queryOptions, skipToken } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

/** Every idea of a campaign, as the board and the review screen show them. */
export const campaignIdeasQuery = (api: Api, campaignId: string) =>
  queryOptions({ queryKey: keys.ideas(campaignId), queryFn: () => api.campaigns.ideas(campaignId) });

/** null asks for nothing (no idea is open). */
export const ideaQuery = (api: Api, id: string | null) =>
  queryOptions({ queryKey: keys.idea(id ?? ''), queryFn: id ? () => api.ideas.get(id) : skipToken });

/** The idea's revision history; null asks for nothing (a card that needs no history). */
export const revisionsQuery = (api: Api, ideaId: string | null) =>
  queryOptions({
    queryKey: keys.revisions(ideaId ?? ''),
    queryFn: ideaId ? () => api.ideas.revisions(ideaId) : skipToken,
  });

export const commentsQuery = (api: Api, ideaId: string) =>
  queryOptions({ queryKey: keys.comments(ideaId), queryFn: () => api.ideas.comments(ideaId) });
