'use client';

import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { generationQuery } from './generations';

/** Polls a generation every second until it has finished. */
export function useGeneration(id: string | null) {
  return useQuery(generationQuery(useApi(), id));
}
