'use client';

import type { AcceptBrandProposalBody, BrandProposal } from '@muse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '@/components/providers';
import { describeError } from '@/lib/api-client/errors';
import { brandProposalsQuery } from './brand-proposals';
import { keys } from './keys';

export function useBrandProposals(clientId: string) {
  return useQuery(brandProposalsQuery(useApi(), clientId));
}

/** Accepting changes the brand profile: the client, its versions and its suggestions all refresh. */
export function useAcceptBrandProposal(proposal: BrandProposal) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptBrandProposalBody) =>
      api.clients.acceptBrandProposal(proposal.clientId, proposal.id, body),
    onSuccess: ({ client, proposal: accepted }) => {
      queryClient.setQueryData(keys.client(client.id), client);
      void queryClient.invalidateQueries({ queryKey: keys.allClients });
      void queryClient.invalidateQueries({ queryKey: keys.allActivity });
      toast.success('Added to the brand profile', {
        description: accepted.brandVersion ? `Version ${accepted.brandVersion} of the brand.` : undefined,
      });
    },
    onError: (error) => {
      // Decided meanwhile (another tab, a colleague): the list shows what happened.
      void queryClient.invalidateQueries({ queryKey: keys.allClients });
      toast.error('Not accepted', { description: describeError(error) });
    },
  });
}

export function useDismissBrandProposal(proposal: BrandProposal) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.clients.dismissBrandProposal(proposal.clientId, proposal.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.allClients });
      toast.success('Suggestion dismissed', { description: 'It will not be suggested again.' });
    },
    onError: (error) => {
      void queryClient.invalidateQueries({ queryKey: keys.allClients });
      toast.error('Not dismissed', { description: describeError(error) });
    },
  });
}
