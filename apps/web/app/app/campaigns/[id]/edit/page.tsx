import type { Metadata } from 'next';
import { CampaignEditor } from '@/components/agency/campaign-editor';

export const metadata: Metadata = { title: 'Edit campaign' };

export default async function EditCampaignPage({ params }: PageProps<'/app/campaigns/[id]/edit'>) {
  const { id } = await params;
  return <CampaignEditor id={id} />;
}
