import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/**
 * What to show when a list is empty: what belongs here and the next step to fill it. Its title is
 * a level-2 heading, as it most often stands in for a page's content under the page's title;
 * inside a titled card it is one level below.
 */
export function EmptyState({
  icon: Icon,
  title,
  level = 2,
  description,
  action,
  className,
}: {
  icon: LucideIcon;
  title: string;
  level?: 2 | 3;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div
      className={cn(
        'flex flex-col items-center justify-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center',
        className,
      )}
    >
      <span className="flex size-11 items-center justify-center rounded-full bg-brand-50 text-brand-600">
        <Icon className="size-5" aria-hidden />
      </span>
      <Heading className="mt-4 text-base font-semibold text-slate-900">{title}</Heading>
      {description && <p className="mt-1 max-w-sm text-sm text-slate-500">{description}</p>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
