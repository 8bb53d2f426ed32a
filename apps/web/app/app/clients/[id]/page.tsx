import type { Metadata } from 'next';
import { ClientEditor } from '@/components/agency/client-editor';
import { Prefetch } from '@/components/prefetch';
import { keys } from '@/lib/queries/keys';
import { resourceIdOrNotFound } from '@/lib/resource-id';

export const metadata: Metadata = { title: 'Brand profile' };

export default async function ClientPage({ params }: PageProps<'/app/clients/[id]'>) {
  const id = resourceIdOrNotFound((await params).id);
  return (
    <Prefetch
      load={(queryClient, api) =>
        queryClient.prefetchQuery({ queryKey: keys.client(id), queryFn: () => api.clients.get(id) })
      }
    >
      <ClientEditor id={id} />
    </Prefetch>
  );
}
