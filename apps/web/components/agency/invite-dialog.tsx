'use client';

import { InviteUserBody, type TenantRole } from '@muse/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from '@/components/forms/form-errors';
import { useApi } from '@/components/providers';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { describeError } from '@/lib/api-client/errors';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { keys } from '@/lib/queries/keys';
import { useClients } from '@/lib/queries/use-clients';

const ROLES: TenantRole[] = ['AGENCY_MEMBER', 'AGENCY_ADMIN', 'CLIENT'];

export function InviteDialog() {
  const api = useApi();
  const queryClient = useQueryClient();
  const clients = useClients();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<TenantRole>('AGENCY_MEMBER');
  const [clientId, setClientId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const invite = useMutation({
    mutationFn: (body: InviteUserBody) => api.users.invite(body),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: keys.users });
      toast.success(`${user.name} is invited`, { description: `They can sign in with ${user.email}.` });
      setOpen(false);
      setEmail('');
      setName('');
      setClientId('');
    },
    onError: (error) => {
      setErrors(apiFieldErrors(error));
      toast.error('Invitation not sent', { description: describeError(error) });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = InviteUserBody.safeParse({
      email,
      name,
      role,
      ...(role === 'CLIENT' && clientId ? { clientId } : {}),
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, { name: 'a name' }));
    setErrors({});
    invite.mutate(parsed.data);
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden />
          Invite
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Invite someone</DialogTitle>
          <DialogDescription>
            A teammate, or a contact at one of your clients who reviews ideas in the portal.
          </DialogDescription>
        </DialogHeader>
        <form id="invite-form" onSubmit={submit} noValidate className="grid gap-4">
          <Field id="invite-name" label="Name" error={errors.name}>
            {(control) => (
              <Input {...control} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
            )}
          </Field>
          <Field id="invite-email" label="Email" error={errors.email}>
            {(control) => (
              <Input
                {...control}
                type="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
          <Field id="invite-role" label="Role" error={errors.role}>
            {(control) => (
              <Select value={role} onValueChange={(value) => setRole(value as TenantRole)}>
                <SelectTrigger {...control}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {ROLES.map((value) => (
                    <SelectItem key={value} value={value}>
                      {ROLE_LABELS[value]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </Field>
          {role === 'CLIENT' && (
            <Field
              id="invite-client"
              label="Client"
              error={errors.clientId}
              hint="They will only see this client’s campaigns."
            >
              {(control) => (
                <Select value={clientId} onValueChange={setClientId}>
                  <SelectTrigger {...control}>
                    <SelectValue placeholder="Choose a client" />
                  </SelectTrigger>
                  <SelectContent>
                    {clients.data?.map((client) => (
                      <SelectItem key={client.id} value={client.id}>
                        {client.name}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            </Field>
          )}
        </form>
        <DialogFooter>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" form="invite-form" pending={invite.isPending}>
            Send invitation
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
