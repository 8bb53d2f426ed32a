'use client';

import { useQuery } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { ideaActivityQuery, recentActivityQuery } from './activity';

export function useRecentActivity(limit = 12) {
  return useQuery(recentActivityQuery(useApi(), limit));
}

export function useIdeaActivity(ideaId: string) {
  return useQuery(ideaActivityQuery(useApi(), ideaId));
}
