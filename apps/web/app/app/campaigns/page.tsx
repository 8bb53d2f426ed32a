import type { Metadata } from 'next';
import { CampaignsList } from '@/components/agency/campaigns-list';

export const metadata: Metadata = { title: 'Campaigns' };

export default function CampaignsPage() {
  return <CampaignsList />;
}
