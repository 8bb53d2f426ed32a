import type { ReactNode } from 'react';
import { AuthBoundary } from '@/components/auth/auth-boundary';
import { Providers } from '@/components/providers';
import { SuspendedAgencyGate } from '@/components/shell/suspended-agency';
import { requireSession } from '@/lib/auth/current-session';
import type { Session } from '@/lib/auth/session';
import { serverConfig } from '@/lib/server-config';

/**
 * What every signed-in area shares: the session, the API client, queries and toasts, and one
 * page in place of the area once the API says the agency is suspended.
 */
export async function AreaLayout({ children }: { children: (session: Session) => ReactNode }) {
  const session = await requireSession();
  return (
    <AuthBoundary>
      <Providers apiUrl={serverConfig.PUBLIC_API_URL} session={session}>
        <SuspendedAgencyGate session={session}>{children(session)}</SuspendedAgencyGate>
      </Providers>
    </AuthBoundary>
  );
}
