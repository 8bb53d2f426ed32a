import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

/** The agency's latest events, for the dashboard. */
export const recentActivityQuery = (api: Api, limit = 12) =>
  queryOptions({ queryKey: keys.activity({}), queryFn: () => api.activity({ limit }) });

/** What happened to one idea, for its drawer. */
export const ideaActivityQuery = (api: Api, ideaId: string) =>
  queryOptions({
    queryKey: keys.activity({ entityType: 'idea', entityId: ideaId }),
    queryFn: () => api.activity({ entityType: 'idea', entityId: ideaId, limit: 50 }),
  });
