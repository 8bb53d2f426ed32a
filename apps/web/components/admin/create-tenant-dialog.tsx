'use client';

import { CreateTenantBody } from '@muse/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import { apiFieldErrors, type FieldErrors, plainMessage } from '@/components/forms/form-errors';
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
import { describeError } from '@/lib/api-client/errors';
import { keys } from '@/lib/queries/keys';

/** Field errors keyed by their full path (admin.email), since this body nests the first admin. */
function pathErrors(issues: z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues)
    errors[issue.path.map(String).join('.')] ??= plainMessage(issue, { name: 'a name' });
  return errors;
}

export function CreateTenantDialog() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [quota, setQuota] = useState('2000000');
  const [adminName, setAdminName] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const create = useMutation({
    mutationFn: (body: CreateTenantBody) => api.tenants.create(body),
    onSuccess: ({ tenant, admin }) => {
      void queryClient.invalidateQueries({ queryKey: keys.tenants });
      toast.success(`${tenant.name} created`, { description: `${admin.email} is invited as its admin.` });
      setOpen(false);
      setName('');
      setAdminName('');
      setAdminEmail('');
    },
    onError: (error) => {
      setErrors(apiFieldErrors(error));
      toast.error('Agency not created', { description: describeError(error) });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateTenantBody.safeParse({
      name,
      monthlyTokenQuota: quota.trim() === '' ? undefined : Number(quota),
      admin: { name: adminName, email: adminEmail },
    });
    if (!parsed.success) return setErrors(pathErrors(parsed.error.issues));
    setErrors({});
    create.mutate(parsed.data);
  }

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
          <Field id="tenant-name" label="Agency name" error={errors.name}>
            {(control) => <Input {...control} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field id="tenant-quota" label="Monthly AI token quota" error={errors.monthlyTokenQuota}>
            {(control) => (
              <Input
                {...control}
                type="number"
                min={0}
                step={100000}
                value={quota}
                onChange={(e) => setQuota(e.target.value)}
              />
            )}
          </Field>
          <fieldset className="grid gap-4 rounded-lg border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium text-slate-800">First admin</legend>
            <Field id="tenant-admin-name" label="Name" error={errors['admin.name']}>
              {(control) => (
                <Input {...control} value={adminName} onChange={(e) => setAdminName(e.target.value)} />
              )}
            </Field>
            <Field id="tenant-admin-email" label="Email" error={errors['admin.email']}>
              {(control) => (
                <Input
                  {...control}
                  type="email"
                  value={adminEmail}
                  onChange={(e) => setAdminEmail(e.target.value)}
                />
              )}
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
