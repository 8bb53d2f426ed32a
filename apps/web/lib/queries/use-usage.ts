'use client';

import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { generationAllowanceQuery, usageQuery } from './usage';

/** Tokens this month vs quota; agency admins only, so other roles skip the request. */
export function useUsage(enabled: boolean) {
  return useQuery({ ...usageQuery(useApi()), enabled });
}

/** Whether the agency may still generate this month, for anyone who may generate. */
export function useGenerationAllowance(enabled: boolean) {
  return useQuery({ ...generationAllowanceQuery(useApi()), enabled });
}
