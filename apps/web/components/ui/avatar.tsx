import { cn } from '@/lib/cn';

const palette = [
  'bg-brand-100 text-brand-700',
  'bg-sky-100 text-sky-800',
  'bg-emerald-100 text-emerald-800',
  'bg-amber-100 text-amber-800',
  'bg-rose-100 text-rose-800',
];

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** Initials on a colour picked from the name, so the same person always looks the same. */
export function Avatar({ name, className }: { name: string; className?: string }) {
  const hue = [...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % palette.length;
  return (
    <span
      aria-hidden
      className={cn(
        'inline-flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold',
        palette[hue],
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
