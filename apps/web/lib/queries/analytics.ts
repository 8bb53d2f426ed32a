import type { AnalyticsQuery } from '@muse/contracts';
import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

/** The approval figures of a period, for all clients or one. */
export const approvalAnalyticsQuery = (api: Api, filters: AnalyticsQuery) =>
  queryOptions({ queryKey: keys.analytics(filters), queryFn: () => api.analytics.approvals(filters) });
