import type { Metadata } from 'next';
import { ApprovalsReport } from '@/components/agency/approvals/approvals-report';

export const metadata: Metadata = { title: 'Approvals' };

export default function ApprovalsPage() {
  return <ApprovalsReport />;
}
