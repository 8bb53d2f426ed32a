'use client';

import { type Campaign, type GenerateBody, MAX_IDEAS_PER_TYPE } from '@muse/contracts';
import { Sparkles } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { showServerErrors } from '@/components/forms/contract-form';
import { PlatformPicker } from '@/components/forms/platform-picker';
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
import { Textarea } from '@/components/ui/textarea';
import { isRunning } from '@/lib/queries/generations';
import { useGenerateIdeas } from '@/lib/queries/use-campaigns';
import { useGeneration } from '@/lib/queries/use-generations';
import { useGenerationAllowance } from '@/lib/queries/use-usage';
import { blockedSentence } from '@/lib/quota';
import { type GenerateDraft, generateDraftOf, generateResolver } from './generate-request';
import { GenerationProgress } from './generation-progress';

/**
 * Asks for ideas and follows the run live. The idempotency key belongs to one attempt, so a
 * double click never starts two runs, while "Try again" after a failure starts a fresh one.
 */
export function GenerateDialog({
  campaign,
  open,
  onOpenChange,
  generationId,
  onStarted,
}: {
  campaign: Campaign;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  generationId: string | null;
  onStarted: (generationId: string) => void;
}) {
  const form = useForm<GenerateDraft, unknown, GenerateBody>({
    defaultValues: generateDraftOf(campaign),
    resolver: generateResolver,
    reValidateMode: 'onSubmit',
  });
  const { errors } = form.formState;
  const platforms = form.watch('platforms');
  const generation = useGeneration(generationId);
  const running = Boolean(generationId) && (generation.isPending || isRunning(generation.data));

  const start = useGenerateIdeas(campaign.id);
  const submit = form.handleSubmit((body) =>
    start.mutate(body, {
      onSuccess: (started) => onStarted(started.generationId),
      onError: (error) => showServerErrors(form.setError, error),
    }),
  );

  const showProgress = Boolean(generationId);
  // Asked on every opening, so a quota raised or used up meanwhile is what the dialog says.
  const allowance = useGenerationAllowance(open);
  const blocked = !running && allowance.data?.blocked === true;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle className="flex items-center gap-2">
            <Sparkles className="size-5 text-brand-600" aria-hidden />
            Generate ideas
          </DialogTitle>
          <DialogDescription>
            From the brief of “{campaign.name}” and {campaign.clientName}’s brand profile.
          </DialogDescription>
        </DialogHeader>
        {showProgress && (
          <GenerationProgress
            generation={generation.data}
            onRetry={() => {
              start.reset();
              void submit();
            }}
          />
        )}
        {blocked && allowance.data && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
            Your agency has used its monthly token quota. {blockedSentence(allowance.data.resetsAt)}
          </p>
        )}
        <form id="generate-form" onSubmit={submit} noValidate className="grid gap-4">
          <fieldset
            disabled={running || start.isPending || blocked}
            className="grid gap-4 disabled:opacity-60"
          >
            <div className="grid grid-cols-2 gap-4">
              <Field id="gen-posts" label="Posts" error={errors.numPosts?.message}>
                {(control) => (
                  <Input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    {...form.register('numPosts')}
                    min={0}
                    max={MAX_IDEAS_PER_TYPE}
                  />
                )}
              </Field>
              <Field id="gen-reels" label="Reels" error={errors.numReels?.message}>
                {(control) => (
                  <Input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    {...form.register('numReels')}
                    min={0}
                    max={MAX_IDEAS_PER_TYPE}
                  />
                )}
              </Field>
            </div>
            <Field id="gen-platforms" label="Platforms" error={errors.platforms?.message}>
              {(control) => (
                <PlatformPicker
                  id={control.id}
                  value={platforms}
                  onChange={(value) => form.setValue('platforms', value, { shouldDirty: true })}
                  allowed={campaign.platforms}
                  invalid={Boolean(errors.platforms)}
                  describedBy={control['aria-describedby']}
                />
              )}
            </Field>
            <Field
              id="gen-instructions"
              label="Extra instructions"
              hint="Optional, e.g. “lean into the Saturday cupping events”."
              error={errors.instructions?.message}
            >
              {(control) => (
                <Textarea {...control} {...form.register('instructions')} rows={3} maxLength={2000} />
              )}
            </Field>
            {errors.root?.form && (
              <p role="alert" className="text-sm font-medium text-red-600">
                {errors.root.form.message}
              </p>
            )}
          </fieldset>
        </form>
        <DialogFooter>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {running ? 'Keep working — we’ll let you know' : 'Close'}
          </Button>
          {!running && (
            <Button type="submit" form="generate-form" pending={start.isPending} disabled={blocked}>
              <Sparkles aria-hidden />
              {generation.data?.status === 'SUCCEEDED' ? 'Generate more' : 'Generate'}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
