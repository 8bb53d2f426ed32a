'use client';

import type { Client, CreateClientBody, UpdateClientBody } from '@muse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '@/components/providers';
import { describeError } from '@/lib/api-client/errors';
import { type ClientFilters, clientQuery, clientsQuery } from './clients';
import { keys } from './keys';

export function useClients(filters: ClientFilters = {}) {
  return useQuery(clientsQuery(useApi(), filters));
}

export function useClient(id: string) {
  return useQuery(clientQuery(useApi(), id));
}

/** Creates a client, or saves the brand profile of `client`; the form shows field errors itself. */
export function useSaveClient(client?: Client) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    // Without a client the form checked the body with CreateClientBody.
    mutationFn: (body: CreateClientBody | UpdateClientBody) =>
      client ? api.clients.update(client.id, body) : api.clients.create(body as CreateClientBody),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.client(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.allClients });
      toast.success(client ? 'Brand profile saved' : `${saved.name} added`);
    },
    onError: (error) => toast.error('Not saved', { description: describeError(error) }),
  });
}

/** Archives or restores the client, then refreshes what shows it: lists, the page, the activity feed. */
export function useChangeClientArchive(client: Client, change: 'archive' | 'restore') {
  const api = useApi();
  const queryClient = useQueryClient();
  const done = change === 'archive' ? 'archived' : 'restored';
  return useMutation({
    mutationFn: () => api.clients[change](client.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.client(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.allClients });
      void queryClient.invalidateQueries({ queryKey: keys.allActivity });
      toast.success(`${updated.name} ${done}`);
    },
    onError: (error) => toast.error(`Not ${done}`, { description: describeError(error) }),
  });
}
