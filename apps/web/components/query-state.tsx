'use client';

import { AlertTriangle, RotateCw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/api/http';
import { cn } from '@/lib/cn';

/** A failed load, what went wrong in plain words, and a retry. */
export function QueryError({
  error,
  retry,
  className,
}: {
  error: unknown;
  retry: () => void;
  className?: string;
}) {
  return (
    <div
      role="alert"
      className={cn(
        'flex flex-col items-center gap-3 rounded-xl border border-red-200 bg-red-50/60 px-6 py-10 text-center',
        className,
      )}
    >
      <AlertTriangle className="size-6 text-red-500" aria-hidden />
      <div>
        <p className="font-medium text-slate-900">This didn’t load</p>
        <p className="mt-1 text-sm text-slate-600">{describeError(error)}</p>
      </div>
      <Button variant="secondary" size="sm" onClick={retry}>
        <RotateCw aria-hidden />
        Try again
      </Button>
    </div>
  );
}
