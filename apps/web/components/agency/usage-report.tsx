'use client';

import { Coins } from 'lucide-react';
import { QueryError } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Progress } from '@/components/ui/progress';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDate, formatNumber, formatShareUsed, plural } from '@/lib/labels';
import { useUsage } from '@/lib/queries/use-usage';
import { blockedSentence, generationBlocked } from '@/lib/quota';

function Breakdown({
  title,
  rows,
  total,
}: {
  title: string;
  rows: { key: string; label: string; sub?: string; tokens: number }[];
  total: number;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="py-4 text-sm text-slate-500">No generations this month.</p>
        ) : (
          <ul className="grid grid-cols-1 gap-4">
            {rows.map((row) => (
              <li key={row.key} className="grid grid-cols-1 gap-1.5">
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <span
                    className="min-w-0 truncate font-medium text-slate-800"
                    title={row.sub ? `${row.label} · ${row.sub}` : row.label}
                  >
                    {row.label}
                    {row.sub && <span className="ml-1.5 font-normal text-slate-500">{row.sub}</span>}
                  </span>
                  <span className="shrink-0 tabular-nums text-slate-600">{formatNumber(row.tokens)}</span>
                </div>
                <Progress
                  label={`${row.label}: share of tokens`}
                  value={row.tokens}
                  max={Math.max(total, 1)}
                  indicatorClassName="bg-brand-400"
                />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

export function UsageReport() {
  const usage = useUsage(true);
  return (
    <>
      <PageHeader
        title="Usage"
        description="AI tokens your agency used this month, against its monthly quota."
      />
      {usage.isError ? (
        <QueryError error={usage.error} retry={() => usage.refetch()} />
      ) : usage.isPending ? (
        <Skeleton className="h-40 rounded-xl" />
      ) : (
        (() => {
          const {
            tokensUsed,
            suggestionTokens,
            tokensReserved,
            monthlyTokenQuota,
            periodStart,
            periodEnd,
            byClient,
            byCampaign,
          } = usage.data;
          const share = monthlyTokenQuota === 0 ? 100 : (tokensUsed / monthlyTokenQuota) * 100;
          return (
            // Single minmax(0, 1fr) columns: a long name truncates instead of widening the page.
            <div className="grid grid-cols-1 gap-6">
              <Card>
                <CardHeader>
                  <CardTitle>This month</CardTitle>
                  <CardDescription>
                    {periodStart ? `Since ${formatDate(periodStart)}` : 'Calendar month, UTC'}
                  </CardDescription>
                </CardHeader>
                <CardContent className="grid gap-3">
                  <p className="text-3xl font-semibold tabular-nums text-slate-900">
                    {formatNumber(tokensUsed)}
                    <span className="ml-2 text-base font-normal text-slate-500">
                      of {plural(monthlyTokenQuota, 'token')}
                    </span>
                  </p>
                  <Progress
                    label="Tokens used of the monthly quota"
                    value={tokensUsed}
                    max={Math.max(monthlyTokenQuota, 1)}
                    className="h-3"
                    indicatorClassName={share >= 90 ? 'bg-red-500' : share >= 75 ? 'bg-amber-500' : undefined}
                  />
                  {generationBlocked(tokensUsed + tokensReserved, monthlyTokenQuota) ? (
                    <p
                      role="status"
                      className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
                    >
                      The monthly quota is used up. {blockedSentence(periodEnd)} To raise it, contact the Muse
                      platform team.
                    </p>
                  ) : (
                    <p className="text-sm text-slate-500">
                      {formatShareUsed(tokensUsed, monthlyTokenQuota)}.
                    </p>
                  )}
                  {suggestionTokens > 0 && (
                    <p className="text-sm text-slate-600">
                      Of these, {plural(suggestionTokens, 'token')} went into brand suggestions from clients’
                      reviews; the lines below are the campaigns’ generations.
                    </p>
                  )}
                </CardContent>
              </Card>
              {tokensUsed === 0 ? (
                <EmptyState
                  icon={Coins}
                  title="No AI usage yet this month"
                  description="Tokens appear here as soon as you generate ideas."
                />
              ) : (
                <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
                  <Breakdown
                    title="By client"
                    total={tokensUsed}
                    rows={byClient.map((row) => ({
                      key: row.clientId,
                      label: row.clientName,
                      tokens: row.tokens,
                    }))}
                  />
                  <Breakdown
                    title="By campaign"
                    total={tokensUsed}
                    rows={byCampaign.map((row) => ({
                      key: row.campaignId,
                      label: row.campaignName,
                      sub: row.clientName,
                      tokens: row.tokens,
                    }))}
                  />
                </div>
              )}
            </div>
          );
        })()
      )}
    </>
  );
}
