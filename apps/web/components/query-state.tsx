'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { AlertTriangle, RotateCw } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api-client/errors';
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

/** A list page's load: the error with a retry, skeleton rows, the empty state, then the list itself. */
export function ListStates<T>({
  query,
  rows,
  empty,
  children,
}: {
  query: UseQueryResult<T[]>;
  /** Skeleton rows while loading. */
  rows: number;
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isError) return <QueryError error={query.error} retry={() => query.refetch()} />;
  if (query.isPending) {
    return (
      <div className="grid gap-2">
        {Array.from({ length: rows }, (_, index) => (
          <Skeleton key={index} className="h-14" />
        ))}
      </div>
    );
  }
  if (query.data.length === 0) return empty;
  return children(query.data);
}
