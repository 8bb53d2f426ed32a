'use client';

import type { Campaign, CreateCampaignBody, GenerateBody, UpdateCampaignBody } from '@muse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { toast } from 'sonner';
import { useApi } from '@/components/providers';
import { describeError } from '@/lib/api-client/errors';
import { saveFile } from '@/lib/save-file';
import { type CampaignFilters, campaignQuery, campaignsQuery, reviewRoundsQuery } from './campaigns';
import { campaignIdeasKeys, keys } from './keys';

export function useCampaigns(filters: CampaignFilters = {}) {
  return useQuery(campaignsQuery(useApi(), filters));
}

export function useCampaign(id: string) {
  return useQuery(campaignQuery(useApi(), id));
}

/** The campaign's review rounds, newest first (the agency's view). */
export function useReviewRounds(campaignId: string) {
  return useQuery(reviewRoundsQuery(useApi(), campaignId));
}

/** Reminds the client of a round's pending ideas now; the round comes back with its new cadence. */
export function useRemindNow(campaignId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (roundId: string) => api.reviewRounds.remind(roundId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.reviewRounds(campaignId) });
      toast.success('Reminder sent to the client');
    },
    onError: (error) => toast.error('Reminder not sent', { description: describeError(error) }),
  });
}

/** Creates a campaign, or saves `campaign`; the form shows field errors itself. */
export function useSaveCampaign(campaign?: Campaign) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    // Without a campaign the form checked the body with CreateCampaignBody.
    mutationFn: (body: CreateCampaignBody | UpdateCampaignBody) =>
      campaign ? api.campaigns.update(campaign.id, body) : api.campaigns.create(body as CreateCampaignBody),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.campaign(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.allCampaigns });
      toast.success(campaign ? 'Campaign saved' : 'Campaign created — generate its first ideas');
    },
    onError: (error) => toast.error('Not saved', { description: describeError(error) }),
  });
}

/** Starts a generation run; each run is its own request, so a retry never starts a second one. */
export function useGenerateIdeas(campaignId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: (body: GenerateBody) => api.campaigns.generate(campaignId, body, crypto.randomUUID()),
    onError: (failure) => toast.error('Generation not started', { description: describeError(failure) }),
  });
}

/** Downloads the campaign's ideas as a CSV file named `fileName`. */
export function useExportCampaignCsv(campaignId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (fileName: string) => saveFile(await api.campaigns.csv(campaignId), fileName),
    onError: (error) => toast.error('Export failed', { description: describeError(error) }),
  });
}

/** After a run has finished: the board and the campaign's counts show its ideas. */
export function useRefreshCampaign(campaignId: string) {
  const queryClient = useQueryClient();
  return useCallback(() => {
    for (const queryKey of campaignIdeasKeys(campaignId)) void queryClient.invalidateQueries({ queryKey });
  }, [queryClient, campaignId]);
}
