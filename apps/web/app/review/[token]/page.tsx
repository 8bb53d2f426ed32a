import type { Metadata } from 'next';
import { ReviewLinkPrefetch } from '@/components/prefetch';
import { ReviewLinkProviders } from '@/components/providers';
import { GuestReview } from '@/components/review/guest-review';
import { LinkClosed } from '@/components/review/link-closed';
import { isReviewTokenShaped } from '@/lib/review-link';
import { serverConfig } from '@/lib/server-config';

// The address holds the token: no referrer leaves it, and no search engine keeps it.
export const metadata: Metadata = {
  title: 'Review ideas',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

/** A review without an account: whoever holds the link answers its campaign's ideas. */
export default async function ReviewLinkPage({ params }: PageProps<'/review/[token]'>) {
  const { token } = await params;
  if (!isReviewTokenShaped(token)) return <LinkClosed reason="invalid" />;
  return (
    <ReviewLinkProviders apiUrl={serverConfig.PUBLIC_API_URL} token={token}>
      <ReviewLinkPrefetch token={token} closed={(reason) => <LinkClosed reason={reason} />}>
        <GuestReview />
      </ReviewLinkPrefetch>
    </ReviewLinkProviders>
  );
}
