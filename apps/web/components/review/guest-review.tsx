'use client';

import { ReviewBoard } from '@/components/portal/review-board';
import { QueryError } from '@/components/query-state';
import { SkipLink } from '@/components/shell/skip-link';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDate } from '@/lib/labels';
import { useReviewSession } from '@/lib/queries/use-review-links';
import { closedLinkOf } from '@/lib/review-link';
import { LinkClosed } from './link-closed';

/**
 * The review of a link's holder: the portal's review screen for the link's one campaign, under
 * the agency's name, with no way into the portal or the app.
 */
export function GuestReview() {
  const session = useReviewSession();
  if (session.isError) {
    const reason = closedLinkOf(session.error);
    return reason ? (
      <LinkClosed reason={reason} />
    ) : (
      <QueryError error={session.error} retry={() => session.refetch()} />
    );
  }
  const link = session.data;
  return (
    <div className="min-h-screen bg-slate-50">
      <SkipLink />
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-4xl items-center justify-between gap-3 px-4">
          <span className="truncate font-semibold text-slate-900">
            {link?.agencyName ?? <Skeleton className="h-5 w-32" />}
          </span>
          {link && <span className="truncate text-sm text-slate-500">For {link.reviewerName}</span>}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="outline-none mx-auto w-full max-w-4xl px-4 py-6 sm:py-8">
        {link ? (
          <>
            <p className="text-sm text-slate-600">
              {link.agencyName} asks for your answer on each idea. This link works until{' '}
              {formatDate(link.expiresAt)}.
            </p>
            <ReviewBoard campaignId={link.campaign.id} caller="review-link" campaign={link.campaign} />
          </>
        ) : (
          <Skeleton className="h-80 rounded-2xl" />
        )}
      </main>
    </div>
  );
}
