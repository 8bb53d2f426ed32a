'use client';

import type { UpdateAgencyBrandingBody } from '@muse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '@/components/providers';
import { brandingQuery } from './branding';
import { keys } from './keys';

export function useBranding() {
  return useQuery(brandingQuery(useApi()));
}

export function useUpdateBranding() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAgencyBrandingBody) => api.branding.update(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.branding, saved);
      void queryClient.invalidateQueries({ queryKey: keys.allActivity });
    },
  });
}
