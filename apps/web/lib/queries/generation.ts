'use client';

import type { Generation } from '@muse/contracts';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { keys } from './keys';

export const isRunning = (generation: Pick<Generation, 'status'> | undefined) =>
  generation?.status === 'QUEUED' || generation?.status === 'RUNNING';

/** Polls a generation every second until it has finished. */
export function useGeneration(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: keys.generation(id ?? ''),
    queryFn: () => api.generations.get(id ?? ''),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && !isRunning(query.state.data) ? false : 1000),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}
