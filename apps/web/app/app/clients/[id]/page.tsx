import type { Metadata } from 'next';
import { ClientEditor } from '@/components/agency/client-editor';
import { Prefetch } from '@/components/prefetch';
import { brandProposalsQuery } from '@/lib/queries/brand-proposals';
import { brandVersionsQuery } from '@/lib/queries/brand-versions';
import { clientQuery } from '@/lib/queries/clients';
import { resourceIdOrNotFound } from '@/lib/resource-id';

export const metadata: Metadata = { title: 'Brand profile' };

export default async function ClientPage({ params }: PageProps<'/app/clients/[id]'>) {
  const id = resourceIdOrNotFound((await params).id);
  return (
    <Prefetch
      load={(queryClient, api) =>
        Promise.all([
          queryClient.prefetchQuery(clientQuery(api, id)),
          queryClient.prefetchQuery(brandVersionsQuery(api, id)),
          queryClient.prefetchQuery(brandProposalsQuery(api, id)),
        ])
      }
    >
      <ClientEditor id={id} />
    </Prefetch>
  );
}
