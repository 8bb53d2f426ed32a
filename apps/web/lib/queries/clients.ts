import { queryOptions } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

export type ClientFilters = { q?: string; includeArchived?: boolean };

export const clientsQuery = (api: Api, filters: ClientFilters = {}) =>
  queryOptions({ queryKey: keys.clients(filters), queryFn: () => api.clients.list(filters) });

export const clientQuery = (api: Api, id: string) =>
  queryOptions({ queryKey: keys.client(id), queryFn: () => api.clients.get(id) });
