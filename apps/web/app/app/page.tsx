import type { Metadata } from 'next';
import { Dashboard } from '@/components/agency/dashboard';
import { Prefetch } from '@/components/prefetch';
import { recentActivityQuery } from '@/lib/queries/activity';
import { campaignsQuery } from '@/lib/queries/campaigns';

export const metadata: Metadata = { title: 'Dashboard' };

export default function DashboardPage() {
  return (
    <Prefetch
      load={(queryClient, api) =>
        Promise.all([
          queryClient.prefetchQuery(campaignsQuery(api)),
          queryClient.prefetchQuery(recentActivityQuery(api)),
        ])
      }
    >
      <Dashboard />
    </Prefetch>
  );
}
