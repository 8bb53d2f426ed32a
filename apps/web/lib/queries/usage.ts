import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

/** Tokens this month vs quota. */
export const usageQuery = (api: Api) => queryOptions({ queryKey: keys.usage, queryFn: () => api.usage() });

/** Whether any run can start this month; read afresh each time someone is about to generate. */
export const generationAllowanceQuery = (api: Api) =>
  queryOptions({
    queryKey: keys.generationAllowance,
    queryFn: () => api.generationAllowance(),
    staleTime: 0,
  });
