'use client';

import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { keys } from './keys';

export function useClients(filters: { q?: string; includeArchived?: boolean } = {}) {
  const api = useApi();
  return useQuery({ queryKey: keys.clients(filters), queryFn: () => api.clients.list(filters) });
}

export function useClient(id: string) {
  const api = useApi();
  return useQuery({ queryKey: keys.client(id), queryFn: () => api.clients.get(id) });
}

export function useCampaigns(
  filters: { clientId?: string; status?: 'DRAFT' | 'ACTIVE' | 'COMPLETED' | 'ARCHIVED' } = {},
) {
  const api = useApi();
  return useQuery({ queryKey: keys.campaigns(filters), queryFn: () => api.campaigns.list(filters) });
}

export function useCampaign(id: string) {
  const api = useApi();
  return useQuery({ queryKey: keys.campaign(id), queryFn: () => api.campaigns.get(id) });
}

export function useRecentActivity(limit = 12) {
  const api = useApi();
  return useQuery({ queryKey: keys.activity({}), queryFn: () => api.activity({ limit }) });
}

/** Tokens this month vs quota; agency admins only, so other roles skip the request. */
export function useUsage(enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: keys.usage, queryFn: () => api.usage(), enabled });
}
