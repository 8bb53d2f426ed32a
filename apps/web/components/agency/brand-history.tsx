'use client';

import { QueryError } from '@/components/query-state';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { describeBrandChange } from '@/lib/brand-changes';
import { formatDate, timeAgo } from '@/lib/labels';
import { useBrandVersions } from '@/lib/queries/use-brand-versions';

/** Every version of the brand profile, newest first: who made it, when, why and what it changed. */
export function BrandHistory({ clientId }: { clientId: string }) {
  const versions = useBrandVersions(clientId);
  return (
    <Card role="region" aria-labelledby="brand-history-title">
      <CardHeader>
        <CardTitle id="brand-history-title">Brand history</CardTitle>
        <CardDescription>
          Each saved change of the brand is a new version, and each generation keeps the version it wrote
          with.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {versions.isPending ? (
          <Skeleton className="h-24" />
        ) : versions.isError ? (
          <QueryError error={versions.error} retry={() => versions.refetch()} />
        ) : (
          <ol className="grid gap-4">
            {versions.data.map((version) => (
              <li
                key={version.number}
                aria-label={`Version ${version.number}`}
                className="border-l-2 border-slate-200 pl-3 text-sm"
              >
                <p className="font-medium text-slate-800">
                  Version {version.number}
                  <span className="font-normal text-slate-500">
                    {' · '}
                    {version.createdBy?.name ?? 'Muse'}
                    {' · '}
                    <time dateTime={version.createdAt} title={formatDate(version.createdAt)}>
                      {timeAgo(version.createdAt)}
                    </time>
                  </span>
                </p>
                {version.reason && <p className="mt-1 text-slate-700">“{version.reason}”</p>}
                {version.number === 1 ? (
                  <p className="mt-1 text-slate-500">The first profile.</p>
                ) : version.changes.length > 0 ? (
                  <ul className="mt-1 grid gap-0.5 text-slate-600">
                    {version.changes.map((change) => (
                      <li key={change.field}>{describeBrandChange(change)}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 text-slate-500">Only the order of a list changed.</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
