'use client';

import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { decisionsQuery } from './decisions';
import type { Caller } from './ideas';

export function useDecisions(ideaId: string | null, version: number, caller: Caller = 'member') {
  return useQuery(decisionsQuery(useApi(), ideaId, version, caller));
}
