'use client';

import {
  type AnalyticsQuery,
  type AnalyticsTable,
  type ApprovalAnalytics,
  approvalsCsvName,
} from '@muse/contracts';
import { AlarmClock, CheckCheck, Download, Hourglass, RotateCcw, Send } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { QueryError } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { StatCard } from '@/components/stat-card';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { filtersOf, formatDuration, formatRate, type PeriodChoice, periodChoiceOf } from '@/lib/approvals';
import { formatDate, plural } from '@/lib/labels';
import { useApprovalAnalytics, useExportAnalyticsCsv } from '@/lib/queries/use-analytics';
import { useClients } from '@/lib/queries/use-clients';
import { CampaignStandingChart, TimeToAnswerChart, WeeklyChart } from './approvals-charts';
import { CampaignsTable, ClientsTable, ReviewersTable, WeeksTable } from './approvals-tables';

const ALL = 'all';
const PERIODS = [
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: 'custom', label: 'Custom' },
] as const satisfies readonly { value: PeriodChoice; label: string }[];

/** The period and client, kept in the address so a view can be shared. */
function useFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const period = periodChoiceOf(params.get('period'));
  const filters = filtersOf({
    period,
    from: params.get('from'),
    to: params.get('to'),
    clientId: params.get('clientId'),
  });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(name);
      else next.set(name, value);
    }
    router.replace(`${pathname}${next.size ? `?${next}` : ''}`, { scroll: false });
  };
  return { period, filters, set };
}

function Filters({ period, filters, set }: ReturnType<typeof useFilters>) {
  const clients = useClients();
  return (
    <div className="mb-6 flex flex-wrap items-end gap-3">
      <SegmentedControl
        label="Period"
        value={period}
        options={PERIODS}
        onValueChange={(value) =>
          set(
            value === 'custom'
              ? { period: value, from: filters.from, to: filters.to }
              : { period: value, from: undefined, to: undefined },
          )
        }
      />
      {period === 'custom' && (
        <>
          <div className="grid gap-1">
            <Label htmlFor="approvals-from">From</Label>
            <Input
              id="approvals-from"
              type="date"
              value={filters.from ?? ''}
              max={filters.to}
              onChange={(event) => event.target.value && set({ from: event.target.value })}
              className="w-40"
            />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="approvals-to">To</Label>
            <Input
              id="approvals-to"
              type="date"
              value={filters.to ?? ''}
              min={filters.from}
              onChange={(event) => event.target.value && set({ to: event.target.value })}
              className="w-40"
            />
          </div>
        </>
      )}
      <Select
        value={filters.clientId ?? ALL}
        onValueChange={(value) => set({ clientId: value === ALL ? undefined : value })}
      >
        <SelectTrigger className="w-48" aria-label="Client">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All clients</SelectItem>
          {clients.data?.map((client) => (
            <SelectItem key={client.id} value={client.id}>
              {client.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}

/** A chart with its table under it, and the table as CSV. */
function Section({
  title,
  description,
  table,
  figures,
  filters,
  empty,
  chart,
  children,
}: {
  title: string;
  description: string;
  table: AnalyticsTable;
  figures: ApprovalAnalytics;
  filters: AnalyticsQuery;
  /** What the section says when it has no line. */
  empty?: string;
  chart?: ReactNode;
  children: ReactNode;
}) {
  const exportCsv = useExportAnalyticsCsv(filters);
  const fileName = approvalsCsvName(table, figures);
  return (
    <Card>
      <CardHeader className="flex flex-row items-start justify-between gap-3">
        <div>
          <CardTitle>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        <Button
          variant="secondary"
          size="sm"
          disabled={exportCsv.isPending || Boolean(empty)}
          onClick={() => exportCsv.mutate({ table, fileName })}
          aria-label={`Download ${title.toLowerCase()} as CSV`}
        >
          <Download aria-hidden />
          CSV
        </Button>
      </CardHeader>
      <CardContent className="grid gap-4">
        {empty ? (
          <p className="py-4 text-sm text-slate-500">{empty}</p>
        ) : (
          <>
            {chart && <figure aria-label={`${title}: chart`}>{chart}</figure>}
            {children}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function HowItIsCounted() {
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-600 shadow-xs">
      <summary className="cursor-pointer font-medium text-slate-800">How it is counted</summary>
      <ul className="mt-3 grid list-disc gap-1.5 pl-5">
        <li>
          A <strong>round</strong> is one sending of an idea to the client (moved to With client). Each
          sending is a new round; the period and the weeks count rounds by the day they were sent (UTC).
        </li>
        <li>
          A round is <strong>answered</strong> by the client’s first approval, change request or rejection in
          it, by a client contact or a review link’s reviewer. Time to answer runs from the sending to that
          answer; if the client then changed its answer, the round counts the new answer at the first one’s
          time.
        </li>
        <li>
          <strong>First-round approval</strong>: of the ideas whose first round was answered, the share
          approved. <strong>Change requests</strong>: of the answered rounds, the share answered with a change
          request. <strong>Rounds per idea</strong>: rounds ÷ the ideas they are of.
        </li>
        <li>
          A round neither answered nor taken back is <strong>waiting</strong>; <strong>overdue</strong> once
          its review-by date (the sending’s, else the campaign’s) has passed.
        </li>
        <li>The figures come from the activity log; where a campaign’s ideas stand is their status now.</li>
      </ul>
    </details>
  );
}

function Report({ figures, filters }: { figures: ApprovalAnalytics; filters: AnalyticsQuery }) {
  const { totals } = figures;
  const noRounds = totals.sent === 0 ? 'No idea was sent to a client in this period.' : undefined;
  const section = { figures, filters, empty: noRounds };
  return (
    <div className="grid grid-cols-1 gap-6">
      <p className="text-sm text-slate-500">
        Rounds sent {formatDate(figures.from)} – {formatDate(figures.to)}.
      </p>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <StatCard icon={Send} label="Rounds sent" value={totals.sent} detail={plural(totals.ideas, 'idea')} />
        <StatCard
          icon={Hourglass}
          label="Median time to answer"
          value={formatDuration(totals.medianAnswerSeconds)}
          detail={`p90 ${formatDuration(totals.p90AnswerSeconds)}`}
        />
        <StatCard
          icon={CheckCheck}
          label="First-round approval"
          value={formatRate(totals.firstRoundApprovalRate)}
          detail={`${totals.firstRoundApproved} of ${plural(totals.firstRoundAnswered, 'first round')}`}
        />
        <StatCard
          icon={RotateCcw}
          label="Change requests"
          value={formatRate(totals.changeRequestRate)}
          detail={`${totals.changeRequests} of ${totals.answered} answered`}
        />
        <StatCard
          icon={AlarmClock}
          label="Overdue"
          value={totals.overdue}
          detail={`${totals.waiting} waiting for the client`}
        />
      </div>
      <Section
        {...section}
        table="clients"
        title="Time to answer by client"
        description="Median and p90 time from sending to the client’s answer."
        chart={<TimeToAnswerChart lines={figures.byClient} />}
      >
        <ClientsTable lines={figures.byClient} />
      </Section>
      <Section
        {...section}
        table="weeks"
        title="By week"
        description="Rounds sent each week, how many were answered, and how fast."
        chart={<WeeklyChart weeks={figures.byWeek} />}
      >
        <WeeksTable lines={figures.byWeek} />
      </Section>
      <Section
        {...section}
        table="campaigns"
        title="Where each campaign stands"
        description="Every idea of the campaigns sent to the client in the period, by its status now."
        chart={<CampaignStandingChart campaigns={figures.byCampaign} />}
      >
        <CampaignsTable lines={figures.byCampaign} />
      </Section>
      <Section
        {...section}
        empty={figures.byReviewer.length === 0 ? 'No round was answered in this period.' : undefined}
        table="reviewers"
        title="By reviewer"
        description="Client contacts and review-link reviewers, for the rounds they answered."
      >
        <ReviewersTable lines={figures.byReviewer} />
      </Section>
      <HowItIsCounted />
    </div>
  );
}

export function ApprovalsReport() {
  const filtering = useFilters();
  const analytics = useApprovalAnalytics(filtering.filters);
  return (
    <>
      <PageHeader title="Approvals" description="How your clients answer what you send them for review." />
      <Filters {...filtering} />
      {analytics.isError ? (
        <QueryError error={analytics.error} retry={() => analytics.refetch()} />
      ) : analytics.isPending ? (
        <Skeleton className="h-96 rounded-xl" />
      ) : (
        <Report figures={analytics.data} filters={filtering.filters} />
      )}
    </>
  );
}
