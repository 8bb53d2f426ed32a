import { RouteCallError } from '@muse/contracts';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { type Api, createApi } from '@/lib/api-client/endpoints';
import { reviewLinkTransport } from '@/lib/api-client/review-link-transport';
import { serverApi } from '@/lib/api-client/server-api';
import { campaignIdeasQuery } from '@/lib/queries/ideas';
import { reviewSessionQuery } from '@/lib/queries/review-links';
import { type ClosedLink, closedLinkOf } from '@/lib/review-link';
import { serverConfig } from '@/lib/server-config';

/**
 * Loads a page's first data on the server so it paints complete, then hands the cache to the
 * browser's queries. A failure here is not fatal: the browser's query retries and shows the error;
 * but a 404 means the page names nothing, which the area's not-found page says with a way back.
 */
export async function Prefetch({
  load,
  children,
}: {
  load: (queryClient: QueryClient, api: Api) => Promise<unknown>;
  children: ReactNode;
}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
  await load(queryClient, await serverApi()).catch(() => undefined);
  // What the page is about does not exist (or is not this reader's): its area's not-found page, not a retry.
  const missing = queryClient
    .getQueryCache()
    .getAll()
    .some(({ state }) => state.error instanceof RouteCallError && state.error.status === 404);
  if (missing) notFound();
  return <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>;
}

/** The server's calls as the holder of a review link. */
const serverFetch: typeof fetch = (input, init) =>
  fetch(input, { ...init, cache: 'no-store', signal: AbortSignal.timeout(10_000) });

/**
 * The guest review's first data, loaded with the link's token: the link and its campaign's ideas.
 * A link the API refuses renders `closed` instead, with nothing of the campaign.
 */
export async function ReviewLinkPrefetch({
  token,
  closed,
  children,
}: {
  token: string;
  closed: (reason: ClosedLink) => ReactNode;
  children: ReactNode;
}) {
  const api = createApi(reviewLinkTransport(serverConfig.API_URL, token, serverFetch));
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
  try {
    const session = await queryClient.fetchQuery(reviewSessionQuery(api));
    await queryClient.prefetchQuery(campaignIdeasQuery(api, session.campaign.id, 'review-link'));
  } catch (error) {
    const reason = closedLinkOf(error);
    if (reason) return closed(reason);
  }
  return <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>;
}
