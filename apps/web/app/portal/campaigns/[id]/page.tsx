import type { Metadata } from 'next';
import { ReviewScreen } from '@/components/portal/review-screen';
import { Prefetch } from '@/components/prefetch';
import { campaignQuery } from '@/lib/queries/campaigns';
import { campaignIdeasQuery } from '@/lib/queries/ideas';
import { resourceIdOrNotFound } from '@/lib/resource-id';

export const metadata: Metadata = { title: 'Review ideas' };

export default async function ReviewPage({ params }: PageProps<'/portal/campaigns/[id]'>) {
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
      <ReviewScreen campaignId={id} />
    </Prefetch>
  );
}
