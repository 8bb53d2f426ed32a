'use client';

import { CheckCircle2, ChevronRight, Inbox } from 'lucide-react';
import Link from 'next/link';
import { useSession } from '@/components/providers';
import { QueryError } from '@/components/query-state';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateRange, plural } from '@/lib/labels';
import { useCampaigns } from '@/lib/queries/use-campaigns';

export function PortalHome() {
  const session = useSession();
  const campaigns = useCampaigns();
  const list = (campaigns.data ?? []).filter((campaign) => campaign.status !== 'ARCHIVED');
  const waiting = list.filter((campaign) => campaign.awaitingClient > 0);
  const rest = list.filter((campaign) => campaign.awaitingClient === 0);
  const total = waiting.reduce((sum, campaign) => sum + campaign.awaitingClient, 0);

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        Hi {session.name.split(' ')[0]}
      </h1>
      <p className="mt-1 text-slate-600">
        {campaigns.isPending
          ? 'Loading your campaigns…'
          : total > 0
            ? `${plural(total, 'idea is', 'ideas are')} waiting for your review.`
            : 'You’re all caught up.'}
      </p>
      <div className="mt-6 grid gap-3">
        {campaigns.isError ? (
          <QueryError error={campaigns.error} retry={() => campaigns.refetch()} />
        ) : campaigns.isPending ? (
          <>
            <Skeleton className="h-24 rounded-xl" />
            <Skeleton className="h-24 rounded-xl" />
          </>
        ) : list.length === 0 ? (
          <EmptyState
            icon={Inbox}
            title="Nothing to review yet"
            description="When your agency sends ideas for your approval, they appear here. We’ll keep the list short and clear."
          />
        ) : (
          <>
            {waiting.map((campaign) => (
              <Link
                key={campaign.id}
                href={`/portal/campaigns/${campaign.id}`}
                className="group flex items-center gap-4 rounded-xl border border-brand-200 bg-white p-4 shadow-xs transition-shadow hover:shadow-md focus-visible:outline-2 focus-visible:outline-brand-500 sm:p-5"
              >
                <span className="flex size-11 shrink-0 items-center justify-center rounded-full bg-brand-600 text-base font-semibold text-white tabular-nums">
                  {campaign.awaitingClient}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block font-semibold text-slate-900">{campaign.name}</span>
                  <span className="block text-sm text-slate-500">
                    {campaign.awaitingClient} to review ·{' '}
                    {formatDateRange(campaign.startDate, campaign.endDate)}
                  </span>
                </span>
                <span className="hidden text-sm font-medium text-brand-700 sm:block">Review</span>
                <ChevronRight
                  className="size-5 shrink-0 text-brand-500 transition-transform group-hover:translate-x-0.5"
                  aria-hidden
                />
              </Link>
            ))}
            {rest.length > 0 && (
              <h2 className="mt-6 text-sm font-semibold uppercase tracking-wide text-slate-500">
                Other campaigns
              </h2>
            )}
            {rest.map((campaign) => (
              <Link
                key={campaign.id}
                href={`/portal/campaigns/${campaign.id}`}
                className="flex items-center gap-4 rounded-xl border border-slate-200 bg-white p-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
              >
                <CheckCircle2 className="size-5 shrink-0 text-emerald-500" aria-hidden />
                <span className="min-w-0 flex-1">
                  <span className="block font-medium text-slate-900">{campaign.name}</span>
                  <span className="block text-sm text-slate-500">
                    {formatDateRange(campaign.startDate, campaign.endDate)}
                  </span>
                </span>
                {(campaign.ideaCounts.CLIENT_APPROVED ?? 0) > 0 && (
                  <Badge tone="success">{campaign.ideaCounts.CLIENT_APPROVED} approved</Badge>
                )}
              </Link>
            ))}
          </>
        )}
      </div>
    </>
  );
}
