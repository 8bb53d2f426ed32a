import type { Metadata } from 'next';
import { PortalHome } from '@/components/portal/portal-home';
import { Prefetch } from '@/components/prefetch';
import { campaignsQuery } from '@/lib/queries/campaigns';

export const metadata: Metadata = { title: 'Your campaigns' };

export default function PortalPage() {
  return (
    <Prefetch load={(queryClient, api) => queryClient.prefetchQuery(campaignsQuery(api))}>
      <PortalHome />
    </Prefetch>
  );
}
