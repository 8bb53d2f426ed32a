'use client';

import { type Idea, IdeaContentFields, type ReelBeat, RouteCallError } from '@muse/contracts';
import { Plus, Save, Trash2 } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { z } from 'zod';
import {
  apiFieldErrors,
  type FieldErrors,
  splitHashtags,
  zodFieldErrors,
} from '@/components/forms/form-errors';
import { useApi } from '@/components/providers';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { IDEA_FIELD_LABELS, plural } from '@/lib/labels';
import { useReplaceCachedIdea, useUpdateIdea } from '@/lib/queries/use-ideas';

const ContentBody = z.strictObject(IdeaContentFields).partial();

const emptyBeat = (startSec: number): ReelBeat => ({ startSec, shot: '', voiceover: '', onScreenText: '' });

/**
 * Edits an idea's content from the version it was loaded with (`base`). A newer version arriving
 * from outside (a move, someone else's save) replaces the fields only while nothing is being
 * edited; with edits, they are kept, and saving shows the other version beside them (409).
 */
export function IdeaEditor({
  idea,
  campaignId,
  onDirtyChange,
}: {
  idea: Idea;
  campaignId: string;
  /** Told whether there are unsaved edits, so the drawer does not send the idea without them. */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const update = useUpdateIdea(campaignId);
  const api = useApi();
  const replaceCachedIdea = useReplaceCachedIdea();
  const [base, setBase] = useState(idea);
  /** The version someone else saved while this one was being edited: shown beside the user's text. */
  const [theirs, setTheirs] = useState<Idea | null>(null);
  const [title, setTitle] = useState(idea.title);
  const [hook, setHook] = useState(idea.hook);
  const [caption, setCaption] = useState(idea.caption);
  const [hashtags, setHashtags] = useState(idea.hashtags.join(' '));
  const [callToAction, setCallToAction] = useState(idea.callToAction);
  const [visualDirection, setVisualDirection] = useState(idea.visualDirection ?? '');
  const [audioSuggestion, setAudioSuggestion] = useState(idea.audioSuggestion ?? '');
  const [beats, setBeats] = useState<ReelBeat[]>(idea.beats ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});

  function load(next: Idea) {
    setBase(next);
    setTheirs(null);
    setTitle(next.title);
    setHook(next.hook);
    setCaption(next.caption);
    setHashtags(next.hashtags.join(' '));
    setCallToAction(next.callToAction);
    setVisualDirection(next.visualDirection ?? '');
    setAudioSuggestion(next.audioSuggestion ?? '');
    setBeats(next.beats ?? []);
  }

  const content = {
    title,
    hook,
    caption,
    hashtags: splitHashtags(hashtags),
    callToAction,
    ...(idea.type === 'POST'
      ? { visualDirection: visualDirection.trim() || null }
      : { audioSuggestion: audioSuggestion.trim() || null, beats }),
  };
  const dirty =
    JSON.stringify(content) !==
    JSON.stringify({
      title: base.title,
      hook: base.hook,
      caption: base.caption,
      hashtags: base.hashtags,
      callToAction: base.callToAction,
      ...(base.type === 'POST'
        ? { visualDirection: base.visualDirection }
        : { audioSuggestion: base.audioSuggestion, beats: base.beats ?? [] }),
    });

  useEffect(() => {
    if (idea.version !== base.version && !dirty) load(idea);
  }, [idea, base.version, dirty]);
  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ContentBody.safeParse(content);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    save(base.version);
  }

  /** Saves at `version`; a conflict keeps the user's text and fetches theirs to show beside it. */
  function save(version: number) {
    update.mutate(
      { id: idea.id, body: { ...content, version } },
      {
        onSuccess: (saved) => load(saved),
        onError: async (error) => {
          if (error instanceof RouteCallError && error.code === 'version_conflict') {
            setTheirs(await api.ideas.get(idea.id).catch(() => null));
          } else {
            setErrors(apiFieldErrors(error));
          }
        },
      },
    );
  }

  const setBeat = (index: number, patch: Partial<ReelBeat>) =>
    setBeats((list) => list.map((beat, i) => (i === index ? { ...beat, ...patch } : beat)));

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <Field id="idea-title" label="Title" error={errors.title}>
        {(control) => <Input {...control} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field id="idea-hook" label="Hook" error={errors.hook} hint="The first line people see.">
        {(control) => (
          <Textarea {...control} rows={2} value={hook} onChange={(e) => setHook(e.target.value)} />
        )}
      </Field>
      <Field
        id="idea-caption"
        label="Caption"
        error={errors.caption}
        hint={plural(caption.length, 'character')}
      >
        {(control) => (
          <Textarea {...control} rows={6} value={caption} onChange={(e) => setCaption(e.target.value)} />
        )}
      </Field>
      <Field id="idea-hashtags" label="Hashtags" error={errors.hashtags} hint="Separated by spaces">
        {(control) => <Input {...control} value={hashtags} onChange={(e) => setHashtags(e.target.value)} />}
      </Field>
      <Field id="idea-cta" label="Call to action" error={errors.callToAction}>
        {(control) => (
          <Input {...control} value={callToAction} onChange={(e) => setCallToAction(e.target.value)} />
        )}
      </Field>
      {idea.type === 'POST' ? (
        <Field id="idea-visual" label="Visual direction" error={errors.visualDirection}>
          {(control) => (
            <Textarea
              {...control}
              rows={3}
              value={visualDirection}
              onChange={(e) => setVisualDirection(e.target.value)}
            />
          )}
        </Field>
      ) : (
        <>
          <fieldset className="grid gap-3">
            <legend className="mb-1.5 text-sm font-medium text-slate-800">Script</legend>
            {errors.beats && <p className="text-xs font-medium text-red-600">{errors.beats}</p>}
            {beats.map((beat, index) => (
              <div
                key={index}
                className="grid gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-[5rem_1fr]"
              >
                <Input
                  aria-label={`Beat ${index + 1} starts at second`}
                  type="number"
                  min={0}
                  value={beat.startSec}
                  onChange={(e) => setBeat(index, { startSec: Number(e.target.value) })}
                />
                <div className="grid gap-2">
                  <Input
                    aria-label={`Beat ${index + 1} shot`}
                    placeholder="Shot"
                    value={beat.shot}
                    onChange={(e) => setBeat(index, { shot: e.target.value })}
                  />
                  <Input
                    aria-label={`Beat ${index + 1} voiceover`}
                    placeholder="Voiceover"
                    value={beat.voiceover}
                    onChange={(e) => setBeat(index, { voiceover: e.target.value })}
                  />
                  <div className="flex gap-2">
                    <Input
                      aria-label={`Beat ${index + 1} on-screen text`}
                      placeholder="On-screen text"
                      value={beat.onScreenText}
                      onChange={(e) => setBeat(index, { onScreenText: e.target.value })}
                    />
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      aria-label={`Remove beat ${index + 1}`}
                      onClick={() => setBeats((list) => list.filter((_, i) => i !== index))}
                    >
                      <Trash2 aria-hidden />
                    </Button>
                  </div>
                </div>
              </div>
            ))}
            <Button
              type="button"
              variant="secondary"
              size="sm"
              className="w-fit"
              onClick={() => setBeats((list) => [...list, emptyBeat((list.at(-1)?.startSec ?? -3) + 3)])}
            >
              <Plus aria-hidden />
              Add beat
            </Button>
          </fieldset>
          <Field id="idea-audio" label="Audio" error={errors.audioSuggestion}>
            {(control) => (
              <Input
                {...control}
                value={audioSuggestion}
                onChange={(e) => setAudioSuggestion(e.target.value)}
              />
            )}
          </Field>
        </>
      )}
      {theirs && (
        <section
          role="alert"
          aria-label="Someone else saved this idea"
          className="grid gap-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900"
        >
          <p>
            Someone else saved this idea while you were editing. Your text is still here; theirs is below.
          </p>
          <dl className="grid gap-2">
            {changedFields(base, theirs).map(({ label, value }) => (
              <div key={label}>
                <dt className="text-xs font-medium uppercase tracking-wide text-amber-700">
                  {label} (theirs)
                </dt>
                <dd className="whitespace-pre-wrap text-slate-800">{value}</dd>
              </div>
            ))}
          </dl>
          <div className="flex flex-wrap gap-2">
            <Button type="button" size="sm" pending={update.isPending} onClick={() => save(theirs.version)}>
              Save mine over theirs
            </Button>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              onClick={() => {
                replaceCachedIdea(theirs);
                load(theirs);
              }}
            >
              Use theirs
            </Button>
          </div>
        </section>
      )}
      <div className="flex justify-end">
        <Button type="submit" pending={update.isPending} disabled={!dirty || theirs !== null}>
          <Save aria-hidden />
          Save changes
        </Button>
      </div>
    </form>
  );
}

/** The text fields shown beside the user's when someone else saved meanwhile. */
const TEXT_FIELDS = [
  'title',
  'hook',
  'caption',
  'callToAction',
  'visualDirection',
  'audioSuggestion',
] as const;

/** The text fields the other save changed, as it left them. */
function changedFields(base: Idea, theirs: Idea): { label: string; value: string }[] {
  const fields: { label: string; value: string }[] = TEXT_FIELDS.filter(
    (field) => (theirs[field] ?? '') !== (base[field] ?? ''),
  ).map((field) => ({ label: IDEA_FIELD_LABELS[field], value: theirs[field] ?? '' }));
  if (theirs.hashtags.join(' ') !== base.hashtags.join(' ')) {
    fields.push({ label: IDEA_FIELD_LABELS.hashtags, value: theirs.hashtags.join(' ') });
  }
  return fields;
}
