'use client';

import { type Client, CreateClientBody, type Platform, UpdateClientBody } from '@muse/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Save } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import {
  apiFieldErrors,
  type FieldErrors,
  normalisedWebsite,
  splitHashtags,
  splitLines,
  splitList,
  zodFieldErrors,
} from '@/components/forms/form-errors';
import { PlatformPicker } from '@/components/forms/platform-picker';
import { useApi } from '@/components/providers';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { describeError } from '@/lib/api-client/errors';
import { keys } from '@/lib/queries/keys';

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
});

/** The brand profile: everything generation uses to write in the client's voice. */
export function ClientForm({ client }: { client?: Client }) {
  const api = useApi();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(client));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const save = useMutation({
    mutationFn: (body: ReturnType<typeof bodyOf>) =>
      client ? api.clients.update(client.id, body) : api.clients.create(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.client(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.allClients });
      toast.success(client ? 'Brand profile saved' : `${saved.name} added`);
      if (!client) router.push(`/app/clients/${saved.id}`);
    },
    onError: (error) => {
      setErrors(apiFieldErrors(error));
      toast.error('Not saved', { description: describeError(error) });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = bodyOf(draft);
    const parsed = (client ? UpdateClientBody : CreateClientBody).safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, { name: 'a brand name', platforms: 'at least one platform' }));
      return;
    }
    setErrors({});
    save.mutate(body);
  }

  const text = (key: keyof Omit<Draft, 'platforms'>) => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) => set(key)(event.target.value),
  });

  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Brand basics</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field id="name" label="Brand name" error={errors.name}>
            {(control) => <Input {...control} {...text('name')} autoComplete="organization" required />}
          </Field>
          <Field id="industry" label="Industry" error={errors.industry}>
            {(control) => <Input {...control} {...text('industry')} placeholder="Specialty coffee" />}
          </Field>
          <Field id="website" label="Website" error={errors.website} className="sm:col-span-2">
            {(control) => <Input {...control} {...text('website')} type="url" placeholder="example.com" />}
          </Field>
          <Field id="platforms" label="Platforms" error={errors.platforms} className="sm:col-span-2">
            {(control) => (
              <PlatformPicker
                id={control.id}
                value={draft.platforms}
                onChange={set('platforms')}
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
            error={errors.brandVoice}
            hint="How the brand talks, in a few sentences."
          >
            {(control) => <Textarea {...control} {...text('brandVoice')} rows={4} />}
          </Field>
          <Field
            id="toneKeywords"
            label="Tone keywords"
            error={errors.toneKeywords}
            hint="Separated by commas: warm, curious, playful"
          >
            {(control) => <Input {...control} {...text('toneKeywords')} />}
          </Field>
          <Field id="targetAudience" label="Target audience" error={errors.targetAudience}>
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
          <Field id="doList" label="Always do" error={errors.doList} hint="One per line">
            {(control) => <Textarea {...control} {...text('doList')} rows={5} />}
          </Field>
          <Field id="dontList" label="Never say" error={errors.dontList} hint="One phrase per line">
            {(control) => <Textarea {...control} {...text('dontList')} rows={5} />}
          </Field>
          <Field
            id="defaultHashtags"
            label="Default hashtags"
            error={errors.defaultHashtags}
            hint="Separated by spaces: #AcmeCoffee #SpecialtyCoffee"
            className="sm:col-span-2"
          >
            {(control) => <Input {...control} {...text('defaultHashtags')} />}
          </Field>
        </CardContent>
      </Card>
      <div className="sticky bottom-0 -mx-4 flex justify-end gap-2 border-t border-slate-200 bg-slate-50/90 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        {errors.form && <p className="mr-auto self-center text-sm text-red-600">{errors.form}</p>}
        <Button type="button" variant="secondary" onClick={() => router.back()}>
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
