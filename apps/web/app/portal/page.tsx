import type { Metadata } from 'next';
import { PortalHome } from '@/components/portal/portal-home';
import { Prefetch } from '@/components/prefetch';
import { keys } from '@/lib/queries/keys';

export const metadata: Metadata = { title: 'Your campaigns' };

export default function PortalPage() {
  return (
    <Prefetch
      load={(queryClient, api) =>
        queryClient.prefetchQuery({ queryKey: keys.campaigns(), queryFn: () => api.campaigns.list() })
      }
    >
      <PortalHome />
    </Prefetch>
  );
}
