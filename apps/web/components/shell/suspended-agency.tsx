'use client';

import { type Query, useQueryClient } from '@tanstack/react-query';
import { Ban } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Logo } from '@/components/shell/logo';
import { isAgencySuspended } from '@/lib/api-client/errors';
import type { Session } from '@/lib/auth/session';

/** The one page a suspended agency's people see: what happened, who to ask, and the way out. */
export function SuspendedAgency({ session }: { session: Session }) {
  const agency = session.tenantName ?? 'Your agency';
  const ask =
    session.role === 'CLIENT'
      ? `Contact ${session.tenantName ?? 'your agency'} to find out when it will be back.`
      : 'To reactivate it, contact the Muse platform team.';
  return (
    <main className="flex min-h-screen flex-col items-center bg-slate-50 px-4 py-10 sm:py-16">
      <div className="w-full max-w-lg">
        <Logo className="mx-auto mb-8" />
        <div className="flex flex-col items-center rounded-xl border border-slate-200 bg-white px-6 py-10 text-center shadow-xs">
          <span className="flex size-11 items-center justify-center rounded-full bg-red-50 text-red-600">
            <Ban className="size-5" aria-hidden />
          </span>
          <h1 className="mt-4 text-lg font-semibold text-slate-900">{agency} is suspended</h1>
          <p className="mt-2 max-w-sm text-sm text-slate-600">
            Nobody at {session.tenantName ?? 'the agency'} or its clients can use Muse until the agency is
            reactivated. Its campaigns, ideas and comments are kept. {ask}
          </p>
          <SignOutButton className="mt-6 w-auto border border-slate-300 px-3" />
        </div>
      </div>
    </main>
  );
}

const suspendedBy = (query: Query) => isAgencySuspended(query.state.error);

/**
 * Shows the suspended page in place of the whole area as soon as any call answers that the agency
 * is suspended, rather than letting every panel show that error on its own.
 */
export function SuspendedAgencyGate({ session, children }: { session: Session; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [suspended, setSuspended] = useState(() => queryClient.getQueryCache().getAll().some(suspendedBy));

  useEffect(() => {
    const queries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && suspendedBy(event.query)) setSuspended(true);
    });
    const mutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && isAgencySuspended(event.mutation.state.error)) setSuspended(true);
    });
    return () => {
      queries();
      mutations();
    };
  }, [queryClient]);

  return suspended ? <SuspendedAgency session={session} /> : children;
}
