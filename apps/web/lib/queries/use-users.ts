'use client';

import type { InviteUserBody, UpdateUserBody, User } from '@muse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '@/components/providers';
import { describeError } from '@/lib/api-client/errors';
import { keys } from './keys';
import { usersQuery } from './users';

export function useUsers() {
  return useQuery(usersQuery(useApi()));
}

export function useUpdateUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => api.users.update(id, body),
    onSuccess: (user) => {
      queryClient.setQueryData<User[]>(keys.users, (list) => list?.map((u) => (u.id === user.id ? user : u)));
      toast.success(`${user.name} updated`);
    },
    onError: (error) => toast.error('Not changed', { description: describeError(error) }),
  });
}

/** Invites a teammate or client contact; the dialog shows field errors itself. */
export function useInviteUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteUserBody) => api.users.invite(body),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: keys.users });
      toast.success(`${user.name} is invited`, { description: `They can sign in with ${user.email}.` });
    },
    onError: (error) => toast.error('Invitation not sent', { description: describeError(error) }),
  });
}
