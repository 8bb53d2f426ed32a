import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

/**
 * A client's brand profile versions, newest first. Kept under the clients' key, so that saving a
 * brand profile (which refreshes every client query) shows its new version too.
 */
export const brandVersionsQuery = (api: Api, clientId: string) =>
  queryOptions({
    queryKey: [...keys.allClients, 'brand-versions', clientId] as const,
    queryFn: () => api.clients.brandVersions(clientId),
  });
