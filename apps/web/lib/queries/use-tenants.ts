'use client';

import type { CreateTenantBody, Tenant, UpdateTenantBody } from '@muse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '@/components/providers';
import { describeError } from '@/lib/api-client/errors';
import { keys } from './keys';
import { tenantsQuery } from './tenants';

export function useTenants() {
  return useQuery(tenantsQuery(useApi()));
}

export function useUpdateTenant() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTenantBody }) => api.tenants.update(id, body),
    onSuccess: (tenant, { body }) => {
      queryClient.setQueryData<Tenant[]>(keys.tenants, (list) =>
        list?.map((t) => (t.id === tenant.id ? tenant : t)),
      );
      toast.success(
        body.status === 'SUSPENDED'
          ? `${tenant.name} is suspended`
          : body.status === 'ACTIVE'
            ? `${tenant.name} is active again`
            : `Quota of ${tenant.name} updated`,
      );
    },
    onError: (error) => toast.error('Not changed', { description: describeError(error) }),
  });
}

/** Creates an agency with its first admin; the dialog shows field errors itself. */
export function useCreateTenant() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTenantBody) => api.tenants.create(body),
    onSuccess: ({ tenant, admin }) => {
      void queryClient.invalidateQueries({ queryKey: keys.tenants });
      toast.success(`${tenant.name} created`, { description: `${admin.email} is invited as its admin.` });
    },
    onError: (error) => toast.error('Agency not created', { description: describeError(error) }),
  });
}
