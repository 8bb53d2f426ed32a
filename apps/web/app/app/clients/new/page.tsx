import type { Metadata } from 'next';
import Link from 'next/link';
import { ClientForm } from '@/components/agency/client-form';
import { PageHeader } from '@/components/shell/page-header';

export const metadata: Metadata = { title: 'New client' };

export default function NewClientPage() {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href="/app/clients" className="hover:text-slate-700">
            Clients
          </Link>
        }
        title="New client"
        description="The brand profile guides every idea Muse generates for this client."
      />
      <ClientForm />
    </div>
  );
}
