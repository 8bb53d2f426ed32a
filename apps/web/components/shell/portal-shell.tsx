import Link from 'next/link';
import type { ReactNode } from 'react';
import { NotificationBell } from '@/components/notifications/notification-bell';
import type { Session } from '@/lib/auth/session';
import { Logo } from './logo';
import { SkipLink } from './skip-link';
import { UserMenu } from './user-menu';

/** The client portal: no sidebar, one narrow readable column that works on a phone. */
export function PortalShell({ session, children }: { session: Session; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <SkipLink />
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-4xl items-center justify-between gap-3 px-4">
          <Link href="/portal" className="rounded-md focus-visible:outline-2 focus-visible:outline-brand-500">
            <Logo subtitle={session.clientName ?? 'Client portal'} />
          </Link>
          <div className="flex items-center gap-1">
            <Link
              href="/portal/calendar"
              className="rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
            >
              Calendar
            </Link>
            <NotificationBell area="/portal" />
            <UserMenu compact />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="outline-none mx-auto w-full max-w-4xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
