import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

/**
 * A client's brand suggestions, open ones first. Kept under the clients' key, like its brand
 * versions, so that whatever refreshes the client (a save, an accepted suggestion) refreshes them.
 */
export const brandProposalsQuery = (api: Api, clientId: string) =>
  queryOptions({
    queryKey: [...keys.allClients, 'brand-proposals', clientId] as const,
    queryFn: () => api.clients.brandProposals(clientId),
  });
