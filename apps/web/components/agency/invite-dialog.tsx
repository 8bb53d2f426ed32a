'use client';

import { InviteUserBody, type TenantRole } from '@muse/contracts';
import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { contractResolver, fromForm, showServerErrors } from '@/components/forms/contract-form';
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
import { ROLE_LABELS } from '@/lib/auth/roles';
import { useClients } from '@/lib/queries/use-clients';
import { useInviteUser } from '@/lib/queries/use-users';

const ROLES: TenantRole[] = ['AGENCY_MEMBER', 'AGENCY_ADMIN', 'CLIENT'];

interface Draft {
  email: string;
  name: string;
  role: TenantRole;
  clientId: string;
}

const blank: Draft = { email: '', name: '', role: 'AGENCY_MEMBER', clientId: '' };

/** Only a client contact names a client. */
const bodyOf = ({ email, name, role, clientId }: Draft) => ({
  email,
  name,
  role,
  ...(role === 'CLIENT' && clientId ? { clientId } : {}),
});

const resolver = contractResolver(fromForm(bodyOf, InviteUserBody), { nouns: { name: 'a name' } });

export function InviteDialog() {
  const clients = useClients();
  const [open, setOpen] = useState(false);
  const form = useForm<Draft, unknown, InviteUserBody>({
    defaultValues: blank,
    resolver,
    reValidateMode: 'onSubmit',
  });
  const { errors } = form.formState;
  const [role, clientId] = form.watch(['role', 'clientId']);
  const invite = useInviteUser();

  const submit = form.handleSubmit((body) =>
    invite.mutate(body, {
      onSuccess: () => {
        setOpen(false);
        // The role stays as it was: the next invitation is often for the same kind of person.
        form.reset({ ...blank, role: form.getValues('role') });
      },
      onError: (error) => showServerErrors(form.setError, error),
    }),
  );

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
          <Field id="invite-name" label="Name" error={errors.name?.message}>
            {(control) => <Input {...control} {...form.register('name')} autoComplete="off" />}
          </Field>
          <Field id="invite-email" label="Email" error={errors.email?.message}>
            {(control) => <Input {...control} type="email" {...form.register('email')} autoComplete="off" />}
          </Field>
          <Field id="invite-role" label="Role" error={errors.role?.message}>
            {(control) => (
              <Select
                value={role}
                onValueChange={(value) => form.setValue('role', value as TenantRole, { shouldDirty: true })}
              >
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
              error={errors.clientId?.message}
              hint="They will only see this client’s campaigns."
            >
              {(control) => (
                <Select
                  value={clientId}
                  onValueChange={(value) => form.setValue('clientId', value, { shouldDirty: true })}
                >
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
