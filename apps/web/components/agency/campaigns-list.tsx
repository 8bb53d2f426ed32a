'use client';

import { CampaignStatus, PLATFORM_NAMES } from '@muse/contracts';
import { Megaphone, Plus } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { ListStates } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterSelect } from '@/components/ui/filter-select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { CAMPAIGN_STATUS, formatDateRange, plural } from '@/lib/labels';
import { useCampaigns } from '@/lib/queries/use-campaigns';
import { useClients } from '@/lib/queries/use-clients';
import { AddClientButton, FirstClientStep } from './first-client-step';

/** Campaigns with their review progress; the filters live in the URL so a view can be shared. */
export function CampaignsList() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const clientId = params.get('clientId') ?? undefined;
  const status = (params.get('status') as CampaignStatus | null) ?? undefined;
  const campaigns = useCampaigns({ clientId, status });
  const clients = useClients();

  const setFilter = (name: 'clientId' | 'status', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(name);
    else next.set(name, value);
    router.replace(`${pathname}${next.size ? `?${next}` : ''}`, { scroll: false });
  };
  const filtered = Boolean(clientId || status);
  const newHref = clientId ? `/app/campaigns/new?clientId=${clientId}` : '/app/campaigns/new';
  // A campaign belongs to a client: an agency without one is sent to add it first.
  const noClients = clients.data?.length === 0;
  const newButton = noClients ? (
    <AddClientButton />
  ) : (
    <Button asChild>
      <Link href={newHref}>
        <Plus aria-hidden />
        New campaign
      </Link>
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Plan, generate ideas and track client approval."
        actions={newButton}
      />
      <div className="mb-4 flex flex-wrap gap-2">
        <FilterSelect
          className="w-48"
          label="Filter by client"
          allLabel="All clients"
          value={clientId}
          options={(clients.data ?? []).map((client) => ({ value: client.id, label: client.name }))}
          onChange={(value) => setFilter('clientId', value)}
        />
        <FilterSelect
          className="w-40"
          label="Filter by status"
          allLabel="Any status"
          value={status}
          options={CampaignStatus.options.map((value) => ({ value, label: CAMPAIGN_STATUS[value].label }))}
          onChange={(value) => setFilter('status', value)}
        />
      </div>
      <ListStates
        query={campaigns}
        rows={3}
        empty={
          noClients ? (
            <FirstClientStep />
          ) : (
            <EmptyState
              icon={Megaphone}
              title={filtered ? 'No campaign matches these filters' : 'No campaigns yet'}
              description={
                filtered
                  ? 'Try another client or status.'
                  : 'Start with a brief; Muse generates post and reel ideas you can send to the client.'
              }
              action={
                filtered ? (
                  <Button variant="secondary" onClick={() => router.replace(pathname)}>
                    Clear filters
                  </Button>
                ) : (
                  newButton
                )
              }
            />
          )
        }
      >
        {(items) => (
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Campaign</TableHead>
                <TableHead className="hidden md:table-cell">Dates</TableHead>
                <TableHead className="hidden lg:table-cell">Platforms</TableHead>
                <TableHead>Review</TableHead>
                <TableHead className="hidden sm:table-cell">Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((campaign) => {
                const approved = campaign.ideaCounts.CLIENT_APPROVED ?? 0;
                const changes = campaign.ideaCounts.CHANGES_REQUESTED ?? 0;
                const drafts = campaign.ideaCounts.GENERATED ?? 0;
                return (
                  <TableRow key={campaign.id} className="relative">
                    <TableCell>
                      <Link
                        href={`/app/campaigns/${campaign.id}`}
                        className="font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500"
                      >
                        {campaign.name}
                      </Link>
                      <div className="text-xs text-slate-500">{campaign.clientName}</div>
                    </TableCell>
                    <TableCell className="hidden whitespace-nowrap text-slate-500 md:table-cell">
                      {formatDateRange(campaign.startDate, campaign.endDate)}
                    </TableCell>
                    <TableCell className="hidden lg:table-cell">
                      <div className="flex flex-wrap gap-1">
                        {campaign.platforms.map((platform) => (
                          <Badge key={platform}>{PLATFORM_NAMES[platform]}</Badge>
                        ))}
                      </div>
                    </TableCell>
                    <TableCell>
                      <div className="flex flex-wrap gap-1">
                        {drafts > 0 && <Badge>{plural(drafts, 'draft')}</Badge>}
                        {campaign.awaitingClient > 0 && (
                          <Badge tone="info">{campaign.awaitingClient} with client</Badge>
                        )}
                        {changes > 0 && <Badge tone="warning">{plural(changes, 'change')}</Badge>}
                        {approved > 0 && <Badge tone="success">{approved} approved</Badge>}
                        {drafts + campaign.awaitingClient + changes + approved === 0 && (
                          <span className="text-xs text-slate-500">No ideas yet</span>
                        )}
                      </div>
                    </TableCell>
                    <TableCell className="hidden sm:table-cell">
                      <Badge tone={CAMPAIGN_STATUS[campaign.status].tone}>
                        {CAMPAIGN_STATUS[campaign.status].label}
                      </Badge>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </ListStates>
    </>
  );
}
