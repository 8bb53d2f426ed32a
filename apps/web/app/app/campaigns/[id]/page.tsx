import type { Metadata } from 'next';
import { CampaignBoard } from '@/components/agency/campaign-board';
import { Prefetch } from '@/components/prefetch';
import { campaignQuery } from '@/lib/queries/campaigns';
import { campaignIdeasQuery } from '@/lib/queries/ideas';
import { resourceIdOrNotFound } from '@/lib/resource-id';

export const metadata: Metadata = { title: 'Campaign board' };

export default async function CampaignPage({ params }: PageProps<'/app/campaigns/[id]'>) {
  const id = resourceIdOrNotFound((await params).id);
  return (
    <Prefetch
      load={(queryClient, api) =>
        Promise.all([
          queryClient.prefetchQuery(campaignQuery(api, id)),
          queryClient.prefetchQuery(campaignIdeasQuery(api, id)),
        ])
      }
    >
      <CampaignBoard campaignId={id} />
    </Prefetch>
  );
}
