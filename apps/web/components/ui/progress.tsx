'use client';

import * as ProgressPrimitive from '@radix-ui/react-progress';
import { cn } from '@/lib/cn';

/** value between 0 and max; indicatorClassName colours the bar (e.g. red near a quota). */
export function Progress({
  value,
  max = 100,
  label,
  className,
  indicatorClassName,
}: {
  value: number;
  max?: number;
  label: string;
  className?: string;
  indicatorClassName?: string;
}) {
  const bounded = Math.min(Math.max(value, 0), max);
  return (
    <ProgressPrimitive.Root
      aria-label={label}
      value={bounded}
      max={max}
      className={cn('relative h-2 w-full overflow-hidden rounded-full bg-slate-100', className)}
    >
      <ProgressPrimitive.Indicator
        className={cn('h-full rounded-full bg-brand-600 transition-all duration-500', indicatorClassName)}
        style={{ width: `${max === 0 ? 0 : (bounded / max) * 100}%` }}
      />
    </ProgressPrimitive.Root>
  );
}
