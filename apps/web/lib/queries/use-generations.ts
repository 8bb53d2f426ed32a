'use client';

import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { useLiveStatus } from '@/lib/live/live-updates';
import { generationQuery } from './generations';

/** A generation as it runs: moved by the live stream, polled while the stream is down. */
export function useGeneration(id: string | null) {
  return useQuery(generationQuery(useApi(), id, useLiveStatus() === 'live'));
}
