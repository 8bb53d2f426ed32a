'use client';

import { PLATFORM_NAMES, PLATFORMS, type Platform } from '@muse/contracts';
import { Check } from 'lucide-react';
import { cn } from '@/lib/cn';

/** Toggle buttons for platforms; `allowed` limits the choice (e.g. to the campaign's platforms). */
export function PlatformPicker({
  id,
  value,
  onChange,
  allowed = PLATFORMS,
  invalid,
  describedBy,
}: {
  id: string;
  value: Platform[];
  onChange: (value: Platform[]) => void;
  allowed?: readonly Platform[];
  invalid?: boolean;
  describedBy?: string;
}) {
  const toggle = (platform: Platform) =>
    onChange(value.includes(platform) ? value.filter((p) => p !== platform) : [...value, platform]);
  return (
    <fieldset
      id={id}
      aria-label="Platforms"
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      className="flex flex-wrap gap-2"
    >
      {allowed.map((platform) => {
        const selected = value.includes(platform);
        return (
          <button
            key={platform}
            type="button"
            aria-pressed={selected}
            onClick={() => toggle(platform)}
            className={cn(
              'inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500',
              selected
                ? 'border-brand-600 bg-brand-600 text-white'
                : 'border-slate-300 bg-white text-slate-700 hover:border-slate-400',
              invalid && !selected && 'border-red-300',
            )}
          >
            {selected && <Check className="size-3.5" aria-hidden />}
            {PLATFORM_NAMES[platform]}
          </button>
        );
      })}
    </fieldset>
  );
}
