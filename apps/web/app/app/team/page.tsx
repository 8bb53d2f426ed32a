import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { TeamTable } from '@/components/agency/team-table';
import { requireSession } from '@/lib/auth/current-session';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  if ((await requireSession()).role !== 'AGENCY_ADMIN') redirect('/app');
  return <TeamTable />;
}
