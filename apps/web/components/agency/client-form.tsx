'use client';

import {
  type Client,
  CreateClientBody,
  PLATFORM_NAMES,
  type Platform,
  UpdateClientBody,
} from '@muse/contracts';
import { Save } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { contractResolver, fromForm, showServerErrors } from '@/components/forms/contract-form';
import {
  countOf,
  normalisedWebsite,
  splitHashtags,
  splitLines,
  splitList,
} from '@/components/forms/form-errors';
import { PlatformPicker } from '@/components/forms/platform-picker';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { useSaveClient } from '@/lib/queries/use-clients';
import { useUnsavedChanges } from '@/lib/unsaved-changes';

interface Draft {
  name: string;
  industry: string;
  website: string;
  brandVoice: string;
  toneKeywords: string;
  targetAudience: string;
  doList: string;
  dontList: string;
  defaultHashtags: string;
  platforms: Platform[];
  /** The longest caption per platform, as typed; blank is no limit. */
  captionMaxChars: Partial<Record<Platform, string>>;
  reminderFirstAfterDays: string;
  reminderEveryDays: string;
  reminderLimit: string;
  /** Why the brand changed (an existing client only): kept with the new version. */
  reason: string;
}

const draftOf = (client?: Client): Draft => ({
  name: client?.name ?? '',
  industry: client?.industry ?? '',
  website: client?.website ?? '',
  brandVoice: client?.brandVoice ?? '',
  toneKeywords: client?.toneKeywords.join(', ') ?? '',
  targetAudience: client?.targetAudience ?? '',
  doList: client?.doList.join('\n') ?? '',
  dontList: client?.dontList.join('\n') ?? '',
  defaultHashtags: client?.defaultHashtags.join(' ') ?? '',
  platforms: client?.platforms ?? [],
  captionMaxChars: Object.fromEntries(
    Object.entries(client?.captionMaxChars ?? {}).map(([platform, chars]) => [platform, String(chars)]),
  ),
  reminderFirstAfterDays: String(client?.reminderFirstAfterDays ?? 2),
  reminderEveryDays: String(client?.reminderEveryDays ?? 2),
  reminderLimit: String(client?.reminderLimit ?? 3),
  reason: '',
});

const bodyOf = (draft: Draft) => ({
  name: draft.name,
  industry: draft.industry,
  website: normalisedWebsite(draft.website),
  brandVoice: draft.brandVoice,
  toneKeywords: splitList(draft.toneKeywords),
  targetAudience: draft.targetAudience,
  doList: splitLines(draft.doList),
  dontList: splitLines(draft.dontList),
  defaultHashtags: splitHashtags(draft.defaultHashtags),
  platforms: draft.platforms,
  // Only the platforms the brand is on keep a limit.
  captionMaxChars: Object.fromEntries(
    draft.platforms.flatMap((platform) => {
      const chars = draft.captionMaxChars[platform]?.trim();
      return chars ? [[platform, countOf(chars)]] : [];
    }),
  ),
  reminderFirstAfterDays: countOf(draft.reminderFirstAfterDays),
  reminderEveryDays: countOf(draft.reminderEveryDays),
  reminderLimit: countOf(draft.reminderLimit),
  ...(draft.reason.trim() ? { reason: draft.reason } : {}),
});

const NOUNS = { name: 'a brand name', platforms: 'at least one platform' };

/** The brand profile: everything generation uses to write in the client's voice. */
export function ClientForm({ client }: { client?: Client }) {
  const router = useRouter();
  const form = useForm<Draft, unknown, CreateClientBody | UpdateClientBody>({
    defaultValues: draftOf(client),
    // A change saved elsewhere meanwhile (an accepted suggestion, a colleague) shows in the fields
    // the user has not touched; what the user typed stays.
    values: client ? draftOf(client) : undefined,
    resetOptions: { keepDirtyValues: true },
    resolver: contractResolver(fromForm(bodyOf, client ? UpdateClientBody : CreateClientBody), {
      nouns: NOUNS,
    }),
    reValidateMode: 'onSubmit',
  });
  const { errors, isDirty } = form.formState;
  const confirmDiscard = useUnsavedChanges(isDirty);
  const save = useSaveClient(client);

  const submit = form.handleSubmit((body) =>
    save.mutate(body, {
      onSuccess: (saved) => {
        if (client) form.reset(draftOf(saved));
        else router.push(`/app/clients/${saved.id}`);
      },
      onError: (error) => showServerErrors(form.setError, error),
    }),
  );

  const text = (key: keyof Omit<Draft, 'platforms' | 'captionMaxChars'>) => form.register(key);
  const platforms = form.watch('platforms');

  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Brand basics</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field id="name" label="Brand name" error={errors.name?.message}>
            {(control) => <Input {...control} {...text('name')} autoComplete="organization" required />}
          </Field>
          <Field id="industry" label="Industry" error={errors.industry?.message}>
            {(control) => <Input {...control} {...text('industry')} placeholder="Specialty coffee" />}
          </Field>
          <Field id="website" label="Website" error={errors.website?.message} className="sm:col-span-2">
            {(control) => <Input {...control} {...text('website')} type="url" placeholder="example.com" />}
          </Field>
          <Field id="platforms" label="Platforms" error={errors.platforms?.message} className="sm:col-span-2">
            {(control) => (
              <PlatformPicker
                id={control.id}
                value={platforms}
                onChange={(value) => form.setValue('platforms', value, { shouldDirty: true })}
                invalid={Boolean(errors.platforms)}
                describedBy={control['aria-describedby']}
              />
            )}
          </Field>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Voice and audience</CardTitle>
          <CardDescription>Ideas are written in this voice, for this audience.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <Field
            id="brandVoice"
            label="Brand voice"
            error={errors.brandVoice?.message}
            hint="How the brand talks, in a few sentences."
          >
            {(control) => <Textarea {...control} {...text('brandVoice')} rows={4} />}
          </Field>
          <Field
            id="toneKeywords"
            label="Tone keywords"
            error={errors.toneKeywords?.message}
            hint="Separated by commas: warm, curious, playful"
          >
            {(control) => <Input {...control} {...text('toneKeywords')} />}
          </Field>
          <Field id="targetAudience" label="Target audience" error={errors.targetAudience?.message}>
            {(control) => <Textarea {...control} {...text('targetAudience')} rows={3} />}
          </Field>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Guardrails</CardTitle>
          <CardDescription>Generated ideas never use a phrase from the “never say” list.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field id="doList" label="Always do" error={errors.doList?.message} hint="One per line">
            {(control) => <Textarea {...control} {...text('doList')} rows={5} />}
          </Field>
          <Field id="dontList" label="Never say" error={errors.dontList?.message} hint="One phrase per line">
            {(control) => <Textarea {...control} {...text('dontList')} rows={5} />}
          </Field>
          <Field
            id="defaultHashtags"
            label="Default hashtags"
            error={errors.defaultHashtags?.message}
            hint="Separated by spaces: #AcmeCoffee #SpecialtyCoffee"
            className="sm:col-span-2"
          >
            {(control) => <Input {...control} {...text('defaultHashtags')} />}
          </Field>
          {platforms.length > 0 && (
            <fieldset aria-describedby="caption-length-hint" className="grid gap-2 sm:col-span-2">
              {/* Floated, the legend is laid out as a grid item rather than on the fieldset's border. */}
              <legend className="float-left text-sm font-medium text-slate-800">Caption length</legend>
              <p id="caption-length-hint" className="text-xs text-slate-500">
                The most characters a caption may have on each platform, hashtags aside. Optional: ideas are
                written within it, and the brand check warns above it.
              </p>
              <div className="grid gap-4 sm:grid-cols-3">
                {platforms.map((platform) => (
                  <Field
                    key={platform}
                    id={`captionMaxChars-${platform}`}
                    label={PLATFORM_NAMES[platform]}
                    error={errors.captionMaxChars?.[platform]?.message}
                  >
                    {(control) => (
                      <Input
                        {...control}
                        {...form.register(`captionMaxChars.${platform}`)}
                        type="number"
                        inputMode="numeric"
                        min={40}
                        max={5000}
                        placeholder="No limit"
                      />
                    )}
                  </Field>
                ))}
              </div>
            </fieldset>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Review reminders</CardTitle>
          <CardDescription>
            While ideas wait for the client, its contacts are reminded by email — and once more the day before
            the review-by date. A limit of 0 sends none.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-3">
          <Field
            id="reminderFirstAfterDays"
            label="First reminder after (days)"
            error={errors.reminderFirstAfterDays?.message}
          >
            {(control) => (
              <Input
                {...control}
                {...text('reminderFirstAfterDays')}
                type="number"
                inputMode="numeric"
                min={1}
                max={30}
              />
            )}
          </Field>
          <Field id="reminderEveryDays" label="Then every (days)" error={errors.reminderEveryDays?.message}>
            {(control) => (
              <Input
                {...control}
                {...text('reminderEveryDays')}
                type="number"
                inputMode="numeric"
                min={1}
                max={30}
              />
            )}
          </Field>
          <Field id="reminderLimit" label="At most (reminders)" error={errors.reminderLimit?.message}>
            {(control) => (
              <Input
                {...control}
                {...text('reminderLimit')}
                type="number"
                inputMode="numeric"
                min={0}
                max={10}
              />
            )}
          </Field>
        </CardContent>
      </Card>
      {client && (
        <Field
          id="reason"
          label="Why this change (optional)"
          error={errors.reason?.message}
          hint="Kept in the brand history with the new version."
        >
          {(control) => (
            <Input {...control} {...text('reason')} placeholder="The client asked us never to say “cheap”" />
          )}
        </Field>
      )}
      <div className="sticky bottom-0 -mx-4 flex justify-end gap-2 border-t border-slate-200 bg-slate-50/90 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        {errors.root?.form && (
          <p className="mr-auto self-center text-sm text-red-600">{errors.root.form.message}</p>
        )}
        <Button type="button" variant="secondary" onClick={() => confirmDiscard() && router.back()}>
          Cancel
        </Button>
        <Button type="submit" pending={save.isPending}>
          <Save aria-hidden />
          {client ? 'Save brand profile' : 'Add client'}
        </Button>
      </div>
    </form>
  );
}
