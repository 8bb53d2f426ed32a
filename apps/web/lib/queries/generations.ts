import type { Generation } from '@muse/contracts';
import { queryOptions, skipToken } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

export const isRunning = (generation: Pick<Generation, 'status'> | undefined) =>
  generation?.status === 'QUEUED' || generation?.status === 'RUNNING';

/** A generation, polled every second until it has finished; null asks for nothing. */
export const generationQuery = (api: Api, id: string | null) =>
  queryOptions({
    queryKey: keys.generation(id ?? ''),
    queryFn: id ? () => api.generations.get(id) : skipToken,
    refetchInterval: (query) => (query.state.data && !isRunning(query.state.data) ? false : 1000),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
