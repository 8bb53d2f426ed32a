import type { Metadata } from 'next';
import { TenantsTable } from '@/components/admin/tenants-table';
import { Prefetch } from '@/components/prefetch';
import { tenantsQuery } from '@/lib/queries/tenants';

export const metadata: Metadata = { title: 'Agencies' };

export default function AdminPage() {
  return (
    <Prefetch load={(queryClient, api) => queryClient.prefetchQuery(tenantsQuery(api))}>
      <TenantsTable />
    </Prefetch>
  );
}
