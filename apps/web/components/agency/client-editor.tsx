'use client';

import Link from 'next/link';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { useClient } from '@/lib/queries/workspace';
import { ClientForm } from './client-form';

export function ClientEditor({ id }: { id: string }) {
  const client = useClient(id);
  if (client.isPending) return <PageSkeleton cards={3} />;
  if (client.isError) return <QueryError error={client.error} retry={() => client.refetch()} />;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href="/app/clients" className="hover:text-slate-700">
            Clients
          </Link>
        }
        title={client.data.name}
        description="Brand profile"
        actions={
          <Button asChild variant="secondary">
            <Link href={`/app/campaigns?clientId=${id}`}>View campaigns</Link>
          </Button>
        }
      />
      <ClientForm key={client.data.updatedAt} client={client.data} />
    </div>
  );
}
