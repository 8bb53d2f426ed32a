import type { Generation } from '@muse/contracts';
import { queryOptions, skipToken } from '@tanstack/react-query';
import type { Api } from '@/lib/api-client/endpoints';
import { keys } from './keys';

export const isRunning = (generation: Pick<Generation, 'status'> | undefined) =>
  generation?.status === 'QUEUED' || generation?.status === 'RUNNING';

/** How often a running generation is asked after when the live stream is not delivering its progress. */
const POLL_WITHOUT_STREAM_MS = 2_000;

/**
 * A generation; null asks for nothing. The live stream says when it moves; without the stream
 * it is polled until it has finished.
 */
export const generationQuery = (api: Api, id: string | null, streamed: boolean) =>
  queryOptions({
    queryKey: keys.generation(id ?? ''),
    queryFn: id ? () => api.generations.get(id) : skipToken,
    refetchInterval: (query) =>
      streamed || (query.state.data && !isRunning(query.state.data)) ? false : POLL_WITHOUT_STREAM_MS,
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
