'use client';

import { AlertTriangle, RotateCw } from 'lucide-react';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

/** Body of every error.tsx: the page crashed, say so and offer to try again. */
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-4 px-6 py-20 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-red-50 text-red-500">
        <AlertTriangle className="size-6" aria-hidden />
      </span>
      <div>
        <h1 className="text-lg font-semibold text-slate-900">Something went wrong</h1>
        <p className="mt-1 text-sm text-slate-500">
          This page hit an unexpected error. Trying again usually helps.
          {error.digest && (
            <span className="mt-2 block text-xs text-slate-500">Reference: {error.digest}</span>
          )}
        </p>
      </div>
      <Button onClick={reset}>
        <RotateCw aria-hidden />
        Try again
      </Button>
    </div>
  );
}
