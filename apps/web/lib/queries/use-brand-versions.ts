'use client';

import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { brandVersionsQuery } from './brand-versions';

export function useBrandVersions(clientId: string) {
  return useQuery(brandVersionsQuery(useApi(), clientId));
}
