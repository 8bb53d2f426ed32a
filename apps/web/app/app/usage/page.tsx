import type { Metadata } from 'next';
import { UsageReport } from '@/components/agency/usage-report';
import { NoAccess } from '@/components/shell/no-access';
import { requireSession } from '@/lib/auth/current-session';

export const metadata: Metadata = { title: 'Usage' };

export default async function UsagePage() {
  if ((await requireSession()).role !== 'AGENCY_ADMIN') {
    return (
      <NoAccess
        reason="Only agency admins see the token usage. Ask one of them if you need the figures."
        home="/app"
      />
    );
  }
  return <UsageReport />;
}
