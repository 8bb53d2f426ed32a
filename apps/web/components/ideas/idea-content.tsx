import type { Idea } from '@muse/contracts';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { plural } from '@/lib/labels';
import { fieldText } from '@/lib/word-diff';
import { DiffText } from './diff-text';

type Snapshot = Record<string, unknown>;

function Section({
  label,
  field,
  idea,
  previous,
  large,
  children,
}: {
  label: string;
  field: keyof Idea;
  idea: Idea;
  previous?: Snapshot;
  large?: boolean;
  children: ReactNode;
}) {
  const before = previous ? fieldText(previous[field]) : undefined;
  const changed = before !== undefined && before !== fieldText(idea[field]);
  // Unnamed on purpose: a named section is a landmark, and each card would add another "Hook".
  return (
    <section
      className={cn(
        'grid gap-1.5',
        changed && '-mx-3 rounded-lg border-l-4 border-amber-400 bg-amber-50/70 px-3 py-2',
      )}
    >
      <h3 className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
        {label}
        {changed && (
          <span className="rounded-full bg-amber-200 px-1.5 py-px text-[10px] font-semibold normal-case tracking-normal text-amber-900">
            changed
          </span>
        )}
      </h3>
      {changed && field !== 'beats' ? (
        <DiffText before={before ?? ''} after={fieldText(idea[field])} />
      ) : (
        <div className={cn('text-slate-800', large ? 'text-base leading-7' : 'text-sm leading-6')}>
          {children}
        </div>
      )}
    </section>
  );
}

/**
 * An idea as a reader sees it: hook, caption, hashtags, and either the visual direction (posts)
 * or the beat-by-beat script (reels). With `previous`, fields that changed since then are
 * highlighted and shown as a word diff.
 */
export function IdeaContent({ idea, previous, large }: { idea: Idea; previous?: Snapshot; large?: boolean }) {
  const props = { idea, previous, large };
  return (
    <div className="grid gap-5">
      {idea.hook && (
        <Section label="Hook" field="hook" {...props}>
          <p className={cn('font-medium text-slate-900', large && 'text-lg leading-7')}>{idea.hook}</p>
        </Section>
      )}
      {idea.caption && (
        <Section label="Caption" field="caption" {...props}>
          <p className="whitespace-pre-wrap">{idea.caption}</p>
        </Section>
      )}
      {idea.hashtags.length > 0 && (
        <Section label="Hashtags" field="hashtags" {...props}>
          <p className="flex flex-wrap gap-x-2 gap-y-1 text-brand-700">
            {idea.hashtags.map((tag) => (
              <span key={tag}>{tag}</span>
            ))}
          </p>
        </Section>
      )}
      {idea.callToAction && (
        <Section label="Call to action" field="callToAction" {...props}>
          <p>{idea.callToAction}</p>
        </Section>
      )}
      {idea.type === 'POST' && idea.visualDirection && (
        <Section label="Visual direction" field="visualDirection" {...props}>
          <p className="whitespace-pre-wrap">{idea.visualDirection}</p>
        </Section>
      )}
      {idea.type === 'REEL' && idea.beats && idea.beats.length > 0 && (
        <Section
          label={`Script${idea.durationSec ? ` · ${plural(idea.durationSec, 'second')}` : ''}`}
          field="beats"
          {...props}
        >
          <ol className="grid gap-3">
            {idea.beats.map((beat, index) => (
              <li
                key={`${beat.startSec}-${index}`}
                className="grid grid-cols-[3.25rem_1fr] gap-3 rounded-lg border border-slate-200 bg-white p-3"
              >
                <span className="font-mono text-sm font-semibold tabular-nums text-brand-700">
                  0:{String(beat.startSec).padStart(2, '0')}
                </span>
                <div className="grid gap-1 text-sm">
                  <p className="text-slate-900">
                    <span className="sr-only">Shot: </span>
                    {beat.shot}
                  </p>
                  {beat.voiceover && (
                    <p className="text-slate-600">
                      <span className="font-medium text-slate-500">Voiceover: </span>“{beat.voiceover}”
                    </p>
                  )}
                  {beat.onScreenText && (
                    <p className="text-slate-600">
                      <span className="font-medium text-slate-500">On screen: </span>
                      <span className="rounded bg-slate-900 px-1.5 py-0.5 text-xs font-semibold text-white">
                        {beat.onScreenText}
                      </span>
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </Section>
      )}
      {idea.type === 'REEL' && idea.audioSuggestion && (
        <Section label="Audio" field="audioSuggestion" {...props}>
          <p>{idea.audioSuggestion}</p>
        </Section>
      )}
    </div>
  );
}
