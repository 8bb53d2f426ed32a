import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

/** A campaign's review links, newest first (never their addresses). */
export const reviewLinksQuery = (api: Api, campaignId: string) =>
  queryOptions({ queryKey: keys.reviewLinks(campaignId), queryFn: () => api.reviewLinks.list(campaignId) });

/** For the holder of a review link: whose link it is, and the campaign it is for. */
export const reviewSessionQuery = (api: Api) =>
  queryOptions({ queryKey: keys.reviewSession, queryFn: () => api.review.session() });
