'use client';

import * as CheckboxPrimitive from '@radix-ui/react-checkbox';
import { Check, Minus } from 'lucide-react';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

type CheckboxProps = ComponentProps<typeof CheckboxPrimitive.Root> & {
  /** For fingers: a 44 px target around a 20 px box, drawn where the box alone would be. */
  touch?: boolean;
};

export function Checkbox({ className, touch = false, ...props }: CheckboxProps) {
  return (
    <CheckboxPrimitive.Root
      className={cn(
        'group peer flex shrink-0 items-center justify-center rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-50',
        touch && '-m-3 size-11 focus-visible:outline-offset-[-10px]',
        className,
      )}
      {...props}
    >
      <span
        className={cn(
          'flex shrink-0 items-center justify-center rounded border border-slate-400 bg-white text-white group-data-[state=checked]:border-brand-600 group-data-[state=checked]:bg-brand-600 group-data-[state=indeterminate]:border-brand-600 group-data-[state=indeterminate]:bg-brand-600',
          touch ? 'size-5' : 'size-4',
        )}
      >
        <CheckboxPrimitive.Indicator>
          {props.checked === 'indeterminate' ? (
            <Minus className="size-3" strokeWidth={3} aria-hidden />
          ) : (
            <Check className="size-3" strokeWidth={3} aria-hidden />
          )}
        </CheckboxPrimitive.Indicator>
      </span>
    </CheckboxPrimitive.Root>
  );
}
