import type { Metadata } from 'next';
import { Logo } from '@/components/shell/logo';
import { NoAccess } from '@/components/shell/no-access';
import { requireSession } from '@/lib/auth/current-session';
import { HOME_BY_ROLE } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'No access' };

/** Where the proxy sends a signed-in person who opened the admin console without being a platform admin. */
export default async function NoAccessPage() {
  const session = await requireSession();
  return (
    <main className="flex min-h-screen flex-col items-center bg-slate-50 px-4 py-10 sm:py-16">
      <div className="w-full max-w-lg">
        <Logo className="mx-auto mb-8" />
        <NoAccess
          reason="The admin console is for the people who run the Muse platform."
          home={HOME_BY_ROLE[session.role]}
        />
      </div>
    </main>
  );
}
