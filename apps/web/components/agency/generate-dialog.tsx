'use client';

import type { Campaign, Platform } from '@muse/contracts';
import { Sparkles } from 'lucide-react';
import { type FormEvent, useState } from 'react';
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
import { GenerationProgress } from './generation-progress';

const MAX_PER_RUN = 30;

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
  const [numPosts, setNumPosts] = useState(String(Math.min(campaign.numPosts || 3, MAX_PER_RUN)));
  const [numReels, setNumReels] = useState(String(Math.min(campaign.numReels, MAX_PER_RUN)));
  const [platforms, setPlatforms] = useState<Platform[]>(campaign.platforms);
  const [instructions, setInstructions] = useState('');
  const [error, setError] = useState<string | null>(null);
  const generation = useGeneration(generationId);
  const running = Boolean(generationId) && (generation.isPending || isRunning(generation.data));

  const start = useGenerateIdeas(campaign.id);
  const generate = () =>
    start.mutate(
      {
        numPosts: Number(numPosts),
        numReels: Number(numReels),
        platforms,
        ...(instructions.trim() ? { instructions: instructions.trim() } : {}),
      },
      { onSuccess: (started) => onStarted(started.generationId) },
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    const posts = Number(numPosts);
    const reels = Number(numReels);
    if (![posts, reels].every((n) => Number.isInteger(n) && n >= 0 && n <= MAX_PER_RUN)) {
      setError(`Ask for 0 to ${MAX_PER_RUN} posts and reels.`);
    } else if (posts + reels === 0) setError('Ask for at least one post or reel.');
    else if (platforms.length === 0) setError('Pick at least one platform.');
    else {
      setError(null);
      generate();
    }
  }

  const showProgress = Boolean(generationId);
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
              generate();
            }}
          />
        )}
        <form id="generate-form" onSubmit={submit} noValidate className="grid gap-4">
          <fieldset disabled={running || start.isPending} className="grid gap-4 disabled:opacity-60">
            <div className="grid grid-cols-2 gap-4">
              <Field id="gen-posts" label="Posts">
                {(control) => (
                  <Input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={MAX_PER_RUN}
                    value={numPosts}
                    onChange={(e) => setNumPosts(e.target.value)}
                  />
                )}
              </Field>
              <Field id="gen-reels" label="Reels">
                {(control) => (
                  <Input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={MAX_PER_RUN}
                    value={numReels}
                    onChange={(e) => setNumReels(e.target.value)}
                  />
                )}
              </Field>
            </div>
            <Field id="gen-platforms" label="Platforms">
              {(control) => (
                <PlatformPicker
                  id={control.id}
                  value={platforms}
                  onChange={setPlatforms}
                  allowed={campaign.platforms}
                />
              )}
            </Field>
            <Field
              id="gen-instructions"
              label="Extra instructions"
              hint="Optional, e.g. “lean into the Saturday cupping events”."
            >
              {(control) => (
                <Textarea
                  {...control}
                  rows={3}
                  maxLength={2000}
                  value={instructions}
                  onChange={(e) => setInstructions(e.target.value)}
                />
              )}
            </Field>
            {error && (
              <p role="alert" className="text-sm font-medium text-red-600">
                {error}
              </p>
            )}
          </fieldset>
        </form>
        <DialogFooter>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {running ? 'Keep working — we’ll let you know' : 'Close'}
          </Button>
          {!running && (
            <Button type="submit" form="generate-form" pending={start.isPending}>
              <Sparkles aria-hidden />
              {generation.data?.status === 'SUCCEEDED' ? 'Generate more' : 'Generate'}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
