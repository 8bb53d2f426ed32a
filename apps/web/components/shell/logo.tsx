import { Sparkles } from 'lucide-react';
import { cn } from '@/lib/cn';

export function Logo({ className, subtitle }: { className?: string; subtitle?: string }) {
  return (
    <span className={cn('flex w-fit items-center gap-2', className)}>
      <span className="flex size-8 items-center justify-center rounded-lg bg-brand-600 text-white shadow-sm">
        <Sparkles className="size-4" aria-hidden />
      </span>
      <span className="flex flex-col leading-tight">
        <span className="text-lg font-semibold tracking-tight text-slate-900">Muse</span>
        {subtitle && <span className="text-xs text-slate-500">{subtitle}</span>}
      </span>
    </span>
  );
}
