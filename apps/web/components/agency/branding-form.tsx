'use client';

import type { UpdateAgencyBrandingBody } from '@muse/contracts';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { showServerErrors } from '@/components/forms/contract-form';
import { QueryError } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { useBranding, useUpdateBranding } from '@/lib/queries/use-branding';
import { useUnsavedChanges } from '@/lib/unsaved-changes';
import { type BrandingDraft, brandingResolver } from './branding-request';

/** The agency's logo: what its clients see at the top of every message it sends them. */
export function BrandingForm() {
  const branding = useBranding();
  const update = useUpdateBranding();
  const form = useForm<BrandingDraft, unknown, UpdateAgencyBrandingBody>({
    defaultValues: { logoUrl: '' },
    resolver: brandingResolver,
    reValidateMode: 'onSubmit',
  });
  const { errors, isDirty } = form.formState;
  useUnsavedChanges(isDirty);
  const saved = branding.data;

  useEffect(() => {
    if (saved) form.reset({ logoUrl: saved.logoUrl ?? '' });
  }, [saved, form]);

  const submit = form.handleSubmit((body) =>
    update.mutate(body, {
      onSuccess: () => toast.success(body.logoUrl ? 'Logo saved' : 'Logo removed'),
      onError: (error) => showServerErrors(form.setError, error),
    }),
  );

  return (
    <>
      <PageHeader
        title="Branding"
        description="Your clients see your agency, not Muse: your name and logo head the mail they receive."
      />
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle>Logo</CardTitle>
          <CardDescription>
            An https:// address of an image, about 200 × 64 pixels. Leave it empty to show your agency’s name
            instead.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {branding.isPending ? (
            <Skeleton className="h-24" />
          ) : branding.isError ? (
            <QueryError error={branding.error} retry={() => branding.refetch()} />
          ) : (
            <form onSubmit={submit} noValidate className="grid gap-4">
              <Field id="logo-url" label="Logo address" error={errors.logoUrl?.message}>
                {(control) => (
                  <Input
                    {...control}
                    {...form.register('logoUrl')}
                    type="url"
                    inputMode="url"
                    placeholder="https://your-agency.example/logo.png"
                  />
                )}
              </Field>
              {saved?.logoUrl && (
                <p className="text-sm text-slate-600">
                  Your mail shows the image at{' '}
                  <a
                    href={saved.logoUrl}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="font-medium text-brand-700 underline"
                  >
                    this address
                  </a>{' '}
                  above its content, 32 pixels high.
                </p>
              )}
              <div>
                <Button type="submit" pending={update.isPending} disabled={!isDirty}>
                  Save logo
                </Button>
              </div>
            </form>
          )}
        </CardContent>
      </Card>
    </>
  );
}
