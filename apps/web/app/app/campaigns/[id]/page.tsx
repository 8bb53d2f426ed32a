import type { Metadata } from 'next';
import { CampaignBoard } from '@/components/agency/campaign-board';
import { Prefetch } from '@/components/prefetch';
import { keys } from '@/lib/queries/keys';
import { resourceIdOrNotFound } from '@/lib/resource-id';

export const metadata: Metadata = { title: 'Campaign board' };

export default async function CampaignPage({ params }: PageProps<'/app/campaigns/[id]'>) {
  const id = resourceIdOrNotFound((await params).id);
  return (
    <Prefetch
      load={(queryClient, api) =>
        Promise.all([
          queryClient.prefetchQuery({ queryKey: keys.campaign(id), queryFn: () => api.campaigns.get(id) }),
          queryClient.prefetchQuery({ queryKey: keys.ideas(id), queryFn: () => api.campaigns.ideas(id) }),
        ])
      }
    >
      <CampaignBoard campaignId={id} />
    </Prefetch>
  );
}
