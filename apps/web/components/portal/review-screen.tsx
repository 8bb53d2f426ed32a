'use client';

import { RouteCallError } from '@muse/contracts';
import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { QueryError } from '@/components/query-state';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { useCampaign } from '@/lib/queries/use-campaigns';
import { ReviewBoard } from './review-board';

const backToPortal = (
  <Button asChild variant="secondary">
    <Link href="/portal">Back to your campaigns</Link>
  </Button>
);

/** A client contact's review of one campaign, inside the portal. */
export function ReviewScreen({ campaignId }: { campaignId: string }) {
  const campaign = useCampaign(campaignId);

  if (campaign.isError) {
    const missing = campaign.error instanceof RouteCallError && campaign.error.status === 404;
    return missing ? (
      <EmptyState
        icon={ArrowLeft}
        title="This campaign isn’t available"
        description="It doesn’t exist or it isn’t shared with you."
        action={backToPortal}
      />
    ) : (
      <QueryError error={campaign.error} retry={() => campaign.refetch()} />
    );
  }

  return (
    <ReviewBoard
      campaignId={campaignId}
      caller="member"
      campaign={campaign.data}
      back={
        <Link
          href="/portal"
          className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800"
        >
          <ArrowLeft className="size-4" aria-hidden />
          All campaigns
        </Link>
      }
      finished={backToPortal}
    />
  );
}
