'use client';

import type { CreateReviewLinkBody, IssuedReviewLink, ReissueReviewLinkBody } from '@muse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '@/components/providers';
import { describeError } from '@/lib/api-client/errors';
import { keys } from './keys';
import { reviewLinksQuery, reviewSessionQuery } from './review-links';

export function useReviewLinks(campaignId: string) {
  return useQuery(reviewLinksQuery(useApi(), campaignId));
}

export function useReviewSession() {
  return useQuery(reviewSessionQuery(useApi()));
}

function useRefreshLinks(campaignId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.reviewLinks(campaignId) });
    void queryClient.invalidateQueries({ queryKey: keys.allActivity });
  };
}

/** A new link; the answer holds its address, shown once. Field errors are the form's to show. */
export function useCreateReviewLink(campaignId: string) {
  const api = useApi();
  const refresh = useRefreshLinks(campaignId);
  return useMutation({
    mutationFn: (body: CreateReviewLinkBody): Promise<IssuedReviewLink> =>
      api.reviewLinks.create(campaignId, body),
    onSuccess: ({ link }) =>
      toast.success(
        link.reviewerEmail ? `Link sent to ${link.reviewerEmail}` : `Link ready for ${link.reviewerName}`,
      ),
    onSettled: refresh,
  });
}

/** A new link for the same reviewer; the old one stops working. */
export function useReissueReviewLink(campaignId: string) {
  const api = useApi();
  const refresh = useRefreshLinks(campaignId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReissueReviewLinkBody }) =>
      api.reviewLinks.reissue(id, body),
    onSuccess: ({ link }) =>
      toast.success(`New link ready for ${link.reviewerName}; the old one no longer works`),
    onError: (error) => toast.error('No new link was made', { description: describeError(error) }),
    onSettled: refresh,
  });
}

export function useRevokeReviewLink(campaignId: string) {
  const api = useApi();
  const refresh = useRefreshLinks(campaignId);
  return useMutation({
    mutationFn: (id: string) => api.reviewLinks.revoke(id),
    onSuccess: (link) => toast.success(`${link.reviewerName}’s link no longer works`),
    onError: (error) => toast.error('The link was not revoked', { description: describeError(error) }),
    onSettled: refresh,
  });
}
