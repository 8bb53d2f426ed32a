import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Api } from '@/lib/api-client/endpoints';
import { serverApi } from '@/lib/api-client/server-api';

/**
 * Loads a page's first data on the server so it paints complete, then hands the cache to the
 * browser's queries. A failure here is not fatal: the browser's query retries and shows the error.
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
  return <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>;
}
