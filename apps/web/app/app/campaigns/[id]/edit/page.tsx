import type { Metadata } from 'next';
import { CampaignEditor } from '@/components/agency/campaign-editor';
import { resourceIdOrNotFound } from '@/lib/resource-id';

export const metadata: Metadata = { title: 'Edit campaign' };

export default async function EditCampaignPage({ params }: PageProps<'/app/campaigns/[id]/edit'>) {
  const id = resourceIdOrNotFound((await params).id);
  return <CampaignEditor id={id} />;
}
