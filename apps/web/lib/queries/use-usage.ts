'use client';

import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { usageQuery } from './usage';

/** Tokens this month vs quota; agency admins only, so other roles skip the request. */
export function useUsage(enabled: boolean) {
  return useQuery({ ...usageQuery(useApi()), enabled });
}
