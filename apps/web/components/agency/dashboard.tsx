'use client';

import type { Campaign } from '@muse/contracts';
import { Building2, CheckCircle2, Clock, Coins, Megaphone, MessageSquareWarning, Plus } from 'lucide-react';
import Link from 'next/link';
import { ActivityList } from '@/components/activity/activity-list';
import { useSession } from '@/components/providers';
import { QueryError } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { StatCard } from '@/components/stat-card';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Progress } from '@/components/ui/progress';
import { Skeleton } from '@/components/ui/skeleton';
import { formatCompact, formatNumber } from '@/lib/labels';
import { useRecentActivity } from '@/lib/queries/use-activity';
import { useCampaigns } from '@/lib/queries/use-campaigns';
import { useClients } from '@/lib/queries/use-clients';
import { useUsage } from '@/lib/queries/use-usage';
import { generationBlocked } from '@/lib/quota';

function totals(campaigns: Campaign[]) {
  let awaiting = 0;
  let approved = 0;
  let rejected = 0;
  let changes = 0;
  for (const campaign of campaigns) {
    awaiting += campaign.awaitingClient;
    approved += campaign.ideaCounts.CLIENT_APPROVED ?? 0;
    rejected += campaign.ideaCounts.CLIENT_REJECTED ?? 0;
    changes += campaign.ideaCounts.CHANGES_REQUESTED ?? 0;
  }
  const answered = approved + rejected + changes;
  return {
    awaiting,
    approved,
    changes,
    approvalRate: answered === 0 ? null : Math.round((approved / answered) * 100),
  };
}

export function Dashboard() {
  const session = useSession();
  const campaigns = useCampaigns();
  const clients = useClients();
  const activity = useRecentActivity();
  const usage = useUsage(session.role === 'AGENCY_ADMIN');
  const list = campaigns.data ?? [];
  const stats = totals(list);
  const attention = list
    .filter((campaign) => (campaign.ideaCounts.CHANGES_REQUESTED ?? 0) > 0 || campaign.awaitingClient > 0)
    .slice(0, 6);
  // A campaign belongs to a client: a new agency starts with its first brand profile.
  const noClients = clients.data?.length === 0;
  const firstStep = noClients
    ? { href: '/app/clients/new', label: 'Add a client', icon: Building2 }
    : { href: '/app/campaigns/new', label: 'New campaign', icon: Plus };

  return (
    <>
      <PageHeader
        title={`${session.firstVisit ? 'Welcome' : 'Welcome back'}, ${session.name.split(' ')[0]}`}
        description="Where every campaign stands with your clients today."
        actions={
          <Button asChild>
            <Link href={firstStep.href}>
              <firstStep.icon aria-hidden />
              {firstStep.label}
            </Link>
          </Button>
        }
      />
      {campaigns.isError ? (
        <QueryError error={campaigns.error} retry={() => campaigns.refetch()} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {campaigns.isPending ? (
            Array.from({ length: 4 }, (_, index) => <Skeleton key={index} className="h-32 rounded-xl" />)
          ) : (
            <>
              <StatCard
                icon={Clock}
                label="Awaiting the client"
                value={stats.awaiting}
                detail="ideas sent for review"
              />
              <StatCard
                icon={CheckCircle2}
                label="Approval rate"
                value={stats.approvalRate === null ? '—' : `${stats.approvalRate}%`}
                detail={`${stats.approved} approved of the ideas clients answered`}
              />
              <StatCard
                icon={MessageSquareWarning}
                label="Changes requested"
                value={stats.changes}
                detail="ideas to rework and resubmit"
              />
              {session.role === 'AGENCY_ADMIN' ? (
                <StatCard
                  icon={Coins}
                  label="AI tokens this month"
                  value={usage.data ? formatCompact(usage.data.tokensUsed) : '—'}
                  detail={
                    usage.data ? (
                      <div className="grid gap-1.5">
                        <Progress
                          label="Tokens used of the monthly quota"
                          value={usage.data.tokensUsed}
                          max={Math.max(usage.data.monthlyTokenQuota, 1)}
                        />
                        <span>of {formatNumber(usage.data.monthlyTokenQuota)} quota</span>
                        {generationBlocked(
                          usage.data.tokensUsed + usage.data.tokensReserved,
                          usage.data.monthlyTokenQuota,
                        ) && (
                          <Link href="/app/usage" className="font-medium text-red-700 hover:underline">
                            Quota used up: generation is blocked
                          </Link>
                        )}
                      </div>
                    ) : usage.isError ? (
                      'Usage is not available right now'
                    ) : (
                      'Loading…'
                    )
                  }
                />
              ) : (
                <StatCard icon={Megaphone} label="Campaigns" value={list.length} detail="in your agency" />
              )}
            </>
          )}
        </div>
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Needs attention</CardTitle>
            <CardDescription>
              Campaigns with ideas at the client or back with change requests.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {campaigns.isPending ? (
              <div className="grid gap-2">
                <Skeleton className="h-14" />
                <Skeleton className="h-14" />
              </div>
            ) : attention.length === 0 ? (
              <EmptyState
                level={3}
                icon={noClients ? Building2 : Megaphone}
                title={
                  noClients
                    ? 'Start with your first client'
                    : list.length === 0
                      ? 'No campaigns yet'
                      : 'Nothing waiting on you'
                }
                description={
                  noClients
                    ? 'Campaigns are planned for a client: add its brand profile (voice, audience, platforms) first.'
                    : list.length === 0
                      ? 'Create a campaign, generate ideas and send the best ones to your client.'
                      : 'When clients ask for changes or ideas are out for review, they show up here.'
                }
                action={
                  list.length === 0 && (
                    <Button asChild>
                      <Link href={firstStep.href}>{noClients ? 'Add a client' : 'Create a campaign'}</Link>
                    </Button>
                  )
                }
                className="border-0 py-8"
              />
            ) : (
              <ul className="divide-y divide-slate-100">
                {attention.map((campaign) => (
                  <li key={campaign.id}>
                    <Link
                      href={`/app/campaigns/${campaign.id}`}
                      className="-mx-2 flex items-center justify-between gap-3 rounded-md px-2 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
                    >
                      <span className="min-w-0">
                        <span className="block truncate font-medium text-slate-900">{campaign.name}</span>
                        <span className="block truncate text-xs text-slate-500">{campaign.clientName}</span>
                      </span>
                      <span className="flex shrink-0 flex-wrap justify-end gap-1.5">
                        {(campaign.ideaCounts.CHANGES_REQUESTED ?? 0) > 0 && (
                          <Badge tone="warning">{campaign.ideaCounts.CHANGES_REQUESTED} to rework</Badge>
                        )}
                        {campaign.awaitingClient > 0 && (
                          <Badge tone="info">{campaign.awaitingClient} with client</Badge>
                        )}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recent activity</CardTitle>
          </CardHeader>
          <CardContent>
            {activity.isPending ? (
              <div className="grid gap-3">
                <Skeleton className="h-10" />
                <Skeleton className="h-10" />
                <Skeleton className="h-10" />
              </div>
            ) : activity.isError ? (
              <QueryError error={activity.error} retry={() => activity.refetch()} className="py-6" />
            ) : (
              <ActivityList events={activity.data.items} empty="No activity yet." />
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
