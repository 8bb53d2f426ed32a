import type { Metadata } from 'next';
import { Dashboard } from '@/components/agency/dashboard';
import { Prefetch } from '@/components/prefetch';
import { keys } from '@/lib/queries/keys';

export const metadata: Metadata = { title: 'Dashboard' };

export default function DashboardPage() {
  return (
    <Prefetch
      load={(queryClient, api) =>
        Promise.all([
          queryClient.prefetchQuery({ queryKey: keys.campaigns(), queryFn: () => api.campaigns.list() }),
          queryClient.prefetchQuery({
            queryKey: keys.activity({}),
            queryFn: () => api.activity({ limit: 12 }),
          }),
        ])
      }
    >
      <Dashboard />
    </Prefetch>
  );
}
