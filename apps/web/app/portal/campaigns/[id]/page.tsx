import type { Metadata } from 'next';
import { ReviewScreen } from '@/components/portal/review-screen';
import { Prefetch } from '@/components/prefetch';
import { keys } from '@/lib/queries/keys';
import { resourceIdOrNotFound } from '@/lib/resource-id';

export const metadata: Metadata = { title: 'Review ideas' };

export default async function ReviewPage({ params }: PageProps<'/portal/campaigns/[id]'>) {
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
      <ReviewScreen campaignId={id} />
    </Prefetch>
  );
}
