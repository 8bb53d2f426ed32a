import type { Metadata } from 'next';
import { TeamTable } from '@/components/agency/team-table';
import { NoAccess } from '@/components/shell/no-access';
import { requireSession } from '@/lib/auth/current-session';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  if ((await requireSession()).role !== 'AGENCY_ADMIN') {
    return (
      <NoAccess
        reason="Only agency admins manage the team. Ask one of them to invite or change someone."
        home="/app"
      />
    );
  }
  return <TeamTable />;
}
