import type { Metadata } from 'next';
import { ClientsList } from '@/components/agency/clients-list';
import { Prefetch } from '@/components/prefetch';
import { keys } from '@/lib/queries/keys';

export const metadata: Metadata = { title: 'Clients' };

export default function ClientsPage() {
  return (
    <Prefetch
      load={(queryClient, api) =>
        queryClient.prefetchQuery({ queryKey: keys.clients(), queryFn: () => api.clients.list() })
      }
    >
      <ClientsList />
    </Prefetch>
  );
}
