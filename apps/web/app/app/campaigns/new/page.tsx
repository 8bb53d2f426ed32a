import type { Metadata } from 'next';
import Link from 'next/link';
import { CampaignForm } from '@/components/agency/campaign-form';
import { PageHeader } from '@/components/shell/page-header';

export const metadata: Metadata = { title: 'New campaign' };

export default async function NewCampaignPage({ searchParams }: PageProps<'/app/campaigns/new'>) {
  const { clientId } = await searchParams;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href="/app/campaigns" className="hover:text-slate-700">
            Campaigns
          </Link>
        }
        title="New campaign"
        description="Describe the campaign; Muse turns the brief into post and reel ideas in the client’s voice."
      />
      <CampaignForm defaultClientId={typeof clientId === 'string' ? clientId : undefined} />
    </div>
  );
}
