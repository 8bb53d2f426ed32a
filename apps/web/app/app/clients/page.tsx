import type { Metadata } from 'next';
import { ClientsList } from '@/components/agency/clients-list';
import { Prefetch } from '@/components/prefetch';
import { clientsQuery } from '@/lib/queries/clients';

export const metadata: Metadata = { title: 'Clients' };

export default function ClientsPage() {
  return (
    <Prefetch load={(queryClient, api) => queryClient.prefetchQuery(clientsQuery(api))}>
      <ClientsList />
    </Prefetch>
  );
}
