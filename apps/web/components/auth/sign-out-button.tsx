'use client';

import { LogOut } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { cn } from '@/lib/cn';

declare global {
  interface Window {
    Clerk?: { signOut: () => Promise<unknown> };
  }
}

/** Ends the Muse session (and Clerk's, when Clerk is on the page), then lands on sign-in. */
export function SignOutButton({ className }: { className?: string }) {
  const [pending, setPending] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    if (!window.Clerk) return;
    event.preventDefault();
    setPending(true);
    await window.Clerk.signOut().catch(() => undefined);
    form.submit();
  }
  return (
    <form action="/sign-out" method="post" onSubmit={onSubmit}>
      <button
        type="submit"
        disabled={pending}
        className={cn(
          'flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500',
          className,
        )}
      >
        <LogOut className="size-4" aria-hidden />
        Sign out
      </button>
    </form>
  );
}
