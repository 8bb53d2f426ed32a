import type { CampaignStatus } from '@muse/contracts';
import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

export type CampaignFilters = { clientId?: string; status?: CampaignStatus };

export const campaignsQuery = (api: Api, filters: CampaignFilters = {}) =>
  queryOptions({ queryKey: keys.campaigns(filters), queryFn: () => api.campaigns.list(filters) });

export const campaignQuery = (api: Api, id: string) =>
  queryOptions({ queryKey: keys.campaign(id), queryFn: () => api.campaigns.get(id) });

export const reviewRoundsQuery = (api: Api, campaignId: string) =>
  queryOptions({
    queryKey: keys.reviewRounds(campaignId),
    queryFn: () => api.campaigns.reviewRounds(campaignId),
  });
