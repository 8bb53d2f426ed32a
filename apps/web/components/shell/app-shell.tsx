import type { ReactNode } from 'react';
import { NotificationBell } from '@/components/notifications/notification-bell';
import type { Session } from '@/lib/auth/session';
import { Logo } from './logo';
import { MobileNav } from './mobile-nav';
import { NavLinks, type ShellArea } from './nav-links';
import { SkipLink } from './skip-link';
import { UserMenu } from './user-menu';

/** Sidebar layout of the agency workspace and the admin console; a top bar with a drawer on phones. */
export function AppShell({
  area,
  session,
  children,
}: {
  area: ShellArea;
  session: Session;
  children: ReactNode;
}) {
  const workspace = area === 'admin' ? 'Platform admin' : (session.tenantName ?? 'Agency');
  return (
    <div className="min-h-screen bg-slate-50 lg:pl-60">
      <SkipLink />
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 flex-col border-r border-slate-200 bg-white px-3 py-4 lg:flex">
        <div className="mb-6 flex items-start justify-between gap-2">
          <Logo subtitle={workspace} className="px-2" />
          {area === 'app' && <NotificationBell area="/app" />}
        </div>
        <NavLinks area={area} role={session.role} />
        <div className="mt-auto border-t border-slate-100 pt-3">
          <UserMenu />
        </div>
      </aside>
      <header className="sticky top-0 z-20 flex h-14 items-center justify-between border-b border-slate-200 bg-white/90 px-3 backdrop-blur lg:hidden">
        <div className="flex items-center gap-1">
          <MobileNav area={area} role={session.role} workspace={workspace} />
          <Logo />
        </div>
        <div className="flex items-center gap-1">
          {area === 'app' && <NotificationBell area="/app" />}
          <UserMenu compact />
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="outline-none mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8"
      >
        {children}
      </main>
    </div>
  );
}
