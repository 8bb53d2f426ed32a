'use client';

import {
  type Campaign,
  type CampaignStatus,
  CreateCampaignBody,
  type Platform,
  UpdateCampaignBody,
} from '@muse/contracts';
import { Save } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type PathValue, useForm } from 'react-hook-form';
import { contractResolver, fromForm, showServerErrors } from '@/components/forms/contract-form';
import { countOf, splitLines, splitList } from '@/components/forms/form-errors';
import { PlatformPicker } from '@/components/forms/platform-picker';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { CAMPAIGN_STATUS } from '@/lib/labels';
import { useSaveCampaign } from '@/lib/queries/use-campaigns';
import { useClients } from '@/lib/queries/use-clients';
import { useUnsavedChanges } from '@/lib/unsaved-changes';
import { FirstClientStep } from './first-client-step';

interface Draft {
  clientId: string;
  name: string;
  objective: string;
  brief: string;
  keyMessages: string;
  themes: string;
  toneOverride: string;
  platforms: Platform[];
  startDate: string;
  endDate: string;
  numPosts: string;
  numReels: string;
  status: Exclude<CampaignStatus, 'ARCHIVED'>;
  reviewBy: string;
}

const draftOf = (campaign?: Campaign, clientId?: string): Draft => ({
  clientId: campaign?.clientId ?? clientId ?? '',
  name: campaign?.name ?? '',
  objective: campaign?.objective ?? '',
  brief: campaign?.brief ?? '',
  keyMessages: campaign?.keyMessages.join('\n') ?? '',
  themes: campaign?.themes.join(', ') ?? '',
  toneOverride: campaign?.toneOverride ?? '',
  platforms: campaign?.platforms ?? [],
  startDate: campaign?.startDate ?? '',
  endDate: campaign?.endDate ?? '',
  numPosts: String(campaign?.numPosts ?? 6),
  numReels: String(campaign?.numReels ?? 2),
  status: campaign && campaign.status !== 'ARCHIVED' ? campaign.status : 'DRAFT',
  reviewBy: campaign?.reviewBy ?? '',
});

/** A review-by date left as it was is not sent again: it may have passed since it was set. */
const reviewByOf = (draft: Draft, campaign?: Campaign) =>
  campaign && draft.reviewBy === (campaign.reviewBy ?? '') ? {} : { reviewBy: draft.reviewBy || null };

const bodyOf = (draft: Draft, campaign?: Campaign) => ({
  name: draft.name,
  objective: draft.objective,
  brief: draft.brief,
  keyMessages: splitLines(draft.keyMessages),
  themes: splitList(draft.themes),
  toneOverride: draft.toneOverride.trim() || null,
  platforms: draft.platforms,
  startDate: draft.startDate || null,
  endDate: draft.endDate || null,
  numPosts: countOf(draft.numPosts),
  numReels: countOf(draft.numReels),
  status: draft.status,
  ...reviewByOf(draft, campaign),
});

type CampaignBody = CreateCampaignBody | UpdateCampaignBody;

const NOUNS = { name: 'a campaign name', platforms: 'at least one platform' };

/** A new campaign names its client; an existing one keeps it. */
const schemaFor = (campaign?: Campaign) =>
  campaign
    ? fromForm((draft: Draft) => bodyOf(draft, campaign), UpdateCampaignBody)
    : fromForm((draft: Draft) => ({ ...bodyOf(draft), clientId: draft.clientId }), CreateCampaignBody);

/** Create or edit a campaign; validated with the shared contract before it is sent, and again by the API. */
export function CampaignForm({
  campaign,
  defaultClientId,
}: {
  campaign?: Campaign;
  defaultClientId?: string;
}) {
  const router = useRouter();
  const clients = useClients();
  const form = useForm<Draft, unknown, CampaignBody>({
    defaultValues: draftOf(campaign, defaultClientId),
    resolver: contractResolver<Draft, CampaignBody>(schemaFor(campaign), {
      nouns: NOUNS,
      fixed: { clientId: 'Choose the client this campaign is for' },
    }),
    reValidateMode: 'onSubmit',
  });
  const { errors, isDirty } = form.formState;
  const confirmDiscard = useUnsavedChanges(isDirty);
  const [clientId, platforms, status, startDate] = form.watch([
    'clientId',
    'platforms',
    'status',
    'startDate',
  ]);
  const selectedClient = clients.data?.find((client) => client.id === clientId);
  const save = useSaveCampaign(campaign);

  const submit = form.handleSubmit((body) =>
    save.mutate(body, {
      onSuccess: (saved) => router.push(`/app/campaigns/${saved.id}`),
      onError: (error) => showServerErrors(form.setError, error),
    }),
  );

  const text = (key: Exclude<keyof Draft, 'platforms' | 'status'>) => form.register(key);
  const choose = <K extends 'clientId' | 'platforms' | 'status'>(key: K, value: PathValue<Draft, K>) =>
    form.setValue(key, value, { shouldDirty: true });

  if (!campaign && clients.data?.length === 0) return <FirstClientStep />;
  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>The campaign</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field id="clientId" label="Client" error={errors.clientId?.message}>
            {(control) => (
              <Select
                value={clientId}
                onValueChange={(value) => {
                  choose('clientId', value);
                  const client = clients.data?.find((c) => c.id === value);
                  if (client && platforms.length === 0) choose('platforms', client.platforms);
                }}
                disabled={Boolean(campaign)}
              >
                <SelectTrigger {...control}>
                  <SelectValue placeholder={clients.isPending ? 'Loading clients…' : 'Choose a client'} />
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
          <Field id="name" label="Campaign name" error={errors.name?.message}>
            {(control) => <Input {...control} {...text('name')} placeholder="Autumn harvest launch" />}
          </Field>
          <Field id="objective" label="Objective" error={errors.objective?.message} className="sm:col-span-2">
            {(control) => (
              <Input
                {...control}
                {...text('objective')}
                placeholder="Drive pre-orders of the new seasonal blend"
              />
            )}
          </Field>
          <Field
            id="brief"
            label="Brief"
            error={errors.brief?.message}
            hint="What the campaign is about, the offer, the context. The richer the brief, the better the ideas."
            className="sm:col-span-2"
          >
            {(control) => <Textarea {...control} {...text('brief')} rows={5} />}
          </Field>
          <Field
            id="keyMessages"
            label="Key messages"
            error={errors.keyMessages?.message}
            hint="One per line"
          >
            {(control) => <Textarea {...control} {...text('keyMessages')} rows={4} />}
          </Field>
          <div className="grid content-start gap-4">
            <Field id="themes" label="Themes" error={errors.themes?.message} hint="Separated by commas">
              {(control) => (
                <Input {...control} {...text('themes')} placeholder="origin stories, slow mornings" />
              )}
            </Field>
            <Field
              id="toneOverride"
              label="Tone for this campaign"
              error={errors.toneOverride?.message}
              hint={selectedClient ? `Leave empty to use ${selectedClient.name}’s usual voice` : 'Optional'}
            >
              {(control) => <Input {...control} {...text('toneOverride')} />}
            </Field>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Plan</CardTitle>
          <CardDescription>Where it runs, when, and how many ideas to generate.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field id="platforms" label="Platforms" error={errors.platforms?.message} className="sm:col-span-2">
            {(control) => (
              <PlatformPicker
                id={control.id}
                value={platforms}
                onChange={(value) => choose('platforms', value)}
                invalid={Boolean(errors.platforms)}
                describedBy={control['aria-describedby']}
              />
            )}
          </Field>
          <Field id="startDate" label="Starts" error={errors.startDate?.message}>
            {(control) => <Input {...control} {...text('startDate')} type="date" />}
          </Field>
          <Field id="endDate" label="Ends" error={errors.endDate?.message}>
            {(control) => (
              <Input {...control} {...text('endDate')} type="date" min={startDate || undefined} />
            )}
          </Field>
          <Field
            id="reviewBy"
            label="Review by"
            error={errors.reviewBy?.message}
            hint="When the client should answer; reminders and the overdue warning follow it."
          >
            {(control) => <Input {...control} {...text('reviewBy')} type="date" />}
          </Field>
          <div aria-hidden className="hidden sm:block" />
          <Field id="numPosts" label="Posts" error={errors.numPosts?.message}>
            {(control) => (
              <Input {...control} {...text('numPosts')} type="number" inputMode="numeric" min={0} max={50} />
            )}
          </Field>
          <Field id="numReels" label="Reels" error={errors.numReels?.message}>
            {(control) => (
              <Input {...control} {...text('numReels')} type="number" inputMode="numeric" min={0} max={50} />
            )}
          </Field>
          <Field id="status" label="Status" error={errors.status?.message}>
            {(control) => (
              <Select value={status} onValueChange={(value) => choose('status', value as Draft['status'])}>
                <SelectTrigger {...control}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {(['DRAFT', 'ACTIVE', 'COMPLETED'] as const).map((status) => (
                    <SelectItem key={status} value={status}>
                      {CAMPAIGN_STATUS[status].label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </Field>
        </CardContent>
      </Card>
      <div className="sticky bottom-0 -mx-4 flex justify-end gap-2 border-t border-slate-200 bg-slate-50/90 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        <Button type="button" variant="secondary" onClick={() => confirmDiscard() && router.back()}>
          Cancel
        </Button>
        <Button type="submit" pending={save.isPending}>
          <Save aria-hidden />
          {campaign ? 'Save campaign' : 'Create campaign'}
        </Button>
      </div>
    </form>
  );
}
