import type { Metadata } from 'next';
import { TenantsTable } from '@/components/admin/tenants-table';
import { Prefetch } from '@/components/prefetch';
import { keys } from '@/lib/queries/keys';

export const metadata: Metadata = { title: 'Agencies' };

export default function AdminPage() {
  return (
    <Prefetch
      load={(queryClient, api) =>
        queryClient.prefetchQuery({ queryKey: keys.tenants, queryFn: () => api.tenants.list() })
      }
    >
      <TenantsTable />
    </Prefetch>
  );
}
