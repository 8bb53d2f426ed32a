import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

export const brandingQuery = (api: Api) =>
  queryOptions({ queryKey: keys.branding, queryFn: () => api.branding.get() });
