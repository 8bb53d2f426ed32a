import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

export const tenantsQuery = (api: Api) =>
  queryOptions({ queryKey: keys.tenants, queryFn: () => api.tenants.list() });
