'use client';

import type { Tenant, UpdateTenantBody } from '@muse/contracts';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { showServerErrors } from '@/components/forms/contract-form';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { formatNumber } from '@/lib/labels';
import { useUpdateTenant } from '@/lib/queries/use-tenants';
import { type QuotaDraft, quotaResolver } from './quota-request';

/** Sets an agency's monthly token quota; open while `tenant` is set. */
export function QuotaDialog({ tenant, onClose }: { tenant: Tenant | null; onClose: () => void }) {
  const form = useForm<QuotaDraft, unknown, UpdateTenantBody>({
    defaultValues: { monthlyTokenQuota: '' },
    resolver: quotaResolver,
    reValidateMode: 'onSubmit',
  });
  const { errors } = form.formState;
  const update = useUpdateTenant();

  // Each opening starts from the agency's current quota, whatever was typed before.
  useEffect(() => {
    if (tenant) form.reset({ monthlyTokenQuota: String(tenant.monthlyTokenQuota) });
  }, [tenant, form]);

  const submit = form.handleSubmit((body) => {
    if (!tenant) return;
    update.mutate(
      { id: tenant.id, body },
      { onSuccess: onClose, onError: (error) => showServerErrors(form.setError, error) },
    );
  });

  return (
    <Dialog open={tenant !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Monthly quota of {tenant?.name}</DialogTitle>
          <DialogDescription>
            Prompt and completion tokens per calendar month. Used so far:{' '}
            {formatNumber(tenant?.usage.tokensUsedThisMonth ?? 0)}.
          </DialogDescription>
        </DialogHeader>
        <form id="quota-form" onSubmit={submit} noValidate>
          <Field id="quota" label="Tokens per month" error={errors.monthlyTokenQuota?.message}>
            {(control) => (
              <Input
                {...control}
                {...form.register('monthlyTokenQuota')}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
              />
            )}
          </Field>
        </form>
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="quota-form" pending={update.isPending}>
            Save quota
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
