import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { UsageReport } from '@/components/agency/usage-report';
import { requireSession } from '@/lib/auth/current-session';

export const metadata: Metadata = { title: 'Usage' };

export default async function UsagePage() {
  if ((await requireSession()).role !== 'AGENCY_ADMIN') redirect('/app');
  return <UsageReport />;
}
