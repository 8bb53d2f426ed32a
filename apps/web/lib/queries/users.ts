import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

export const usersQuery = (api: Api) =>
  queryOptions({ queryKey: keys.users, queryFn: () => api.users.list() });
