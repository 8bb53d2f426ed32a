'use client';

import Link from 'next/link';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { useCampaign } from '@/lib/queries/use-campaigns';
import { CampaignForm } from './campaign-form';

export function CampaignEditor({ id }: { id: string }) {
  const campaign = useCampaign(id);
  if (campaign.isPending) return <PageSkeleton cards={3} />;
  if (campaign.isError) return <QueryError error={campaign.error} retry={() => campaign.refetch()} />;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href={`/app/campaigns/${id}`} className="hover:text-slate-700">
            {campaign.data.name}
          </Link>
        }
        title="Edit campaign"
        description={campaign.data.clientName}
      />
      <CampaignForm key={campaign.data.updatedAt} campaign={campaign.data} />
    </div>
  );
}
