'use client';

import { CreateTenantBody } from '@muse/contracts';
import { Plus } from 'lucide-react';
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
import { useCreateTenant } from '@/lib/queries/use-tenants';

interface Draft {
  name: string;
  monthlyTokenQuota: string;
  admin: { name: string; email: string };
}

const blank: Draft = { name: '', monthlyTokenQuota: '2000000', admin: { name: '', email: '' } };

const bodyOf = ({ monthlyTokenQuota, ...draft }: Draft) => ({
  ...draft,
  monthlyTokenQuota: monthlyTokenQuota.trim() === '' ? undefined : Number(monthlyTokenQuota),
});

/** Errors keyed by their full path (admin.email), since this body nests the first admin. */
const resolver = contractResolver(fromForm(bodyOf, CreateTenantBody), {
  nouns: { name: 'a name' },
  keying: 'path',
});

export function CreateTenantDialog() {
  const [open, setOpen] = useState(false);
  const form = useForm<Draft, unknown, CreateTenantBody>({
    defaultValues: blank,
    resolver,
    reValidateMode: 'onSubmit',
  });
  const { errors } = form.formState;
  const create = useCreateTenant();

  const submit = form.handleSubmit((body) =>
    create.mutate(body, {
      onSuccess: () => {
        setOpen(false);
        // The quota stays as it was: agencies are often set up alike.
        form.reset({ ...blank, monthlyTokenQuota: form.getValues('monthlyTokenQuota') });
      },
      onError: (error) => showServerErrors(form.setError, error, 'path'),
    }),
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New agency
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New agency</DialogTitle>
          <DialogDescription>
            Creates the workspace and invites its first admin, who can then invite the team.
          </DialogDescription>
        </DialogHeader>
        <form id="tenant-form" onSubmit={submit} noValidate className="grid gap-4">
          <Field id="tenant-name" label="Agency name" error={errors.name?.message}>
            {(control) => <Input {...control} {...form.register('name')} />}
          </Field>
          <Field id="tenant-quota" label="Monthly AI token quota" error={errors.monthlyTokenQuota?.message}>
            {(control) => (
              <Input
                {...control}
                type="number"
                min={0}
                step={100000}
                {...form.register('monthlyTokenQuota')}
              />
            )}
          </Field>
          <fieldset className="grid gap-4 rounded-lg border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium text-slate-800">First admin</legend>
            <Field id="tenant-admin-name" label="Name" error={errors.admin?.name?.message}>
              {(control) => <Input {...control} {...form.register('admin.name')} />}
            </Field>
            <Field id="tenant-admin-email" label="Email" error={errors.admin?.email?.message}>
              {(control) => <Input {...control} type="email" {...form.register('admin.email')} />}
            </Field>
          </fieldset>
        </form>
        <DialogFooter>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" form="tenant-form" pending={create.isPending}>
            Create agency
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
