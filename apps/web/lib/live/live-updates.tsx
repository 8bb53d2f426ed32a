'use client';

import type { LiveStreamToken } from '@muse/contracts';
import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { type LiveStatus, openLiveConnection } from './live-connection';
import { staleQueriesOf } from './live-invalidation';

/** Events that arrive together (a bulk move sends one per idea) refetch each query once. */
const BATCH_MS = 50;

const LiveStatusContext = createContext<LiveStatus>('off');

/**
 * Refetches a query an event made stale. A fetch already under way may have read the state from
 * before the change, and a first fetch is not restarted by invalidation (its answer would clear
 * the mark): it is cancelled, so the refetch reads what the event announced.
 */
async function refetchStale(queryClient: QueryClient, queryKey: QueryKey) {
  await queryClient.cancelQueries({ queryKey });
  await queryClient.invalidateQueries({ queryKey });
}

/** Whether the page's live stream is delivering: queries poll only when it is not. */
export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}

/**
 * The page's one live stream: each event marks the queries it makes stale, which refetch if
 * shown. `issueToken` is null for a caller without a stream (a platform admin).
 */
export function LiveUpdates({
  apiUrl,
  issueToken,
  children,
}: {
  apiUrl: string;
  issueToken: (() => Promise<LiveStreamToken>) | null;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>(issueToken ? 'connecting' : 'off');

  useEffect(() => {
    if (!issueToken) return;
    const stale = new Map<string, QueryKey>();
    let flush: ReturnType<typeof setTimeout> | undefined;
    const markStale = (queryKeys: QueryKey[]) => {
      for (const queryKey of queryKeys) stale.set(JSON.stringify(queryKey), queryKey);
      flush ??= setTimeout(() => {
        flush = undefined;
        const due = [...stale.values()];
        stale.clear();
        for (const queryKey of due) void refetchStale(queryClient, queryKey);
      }, BATCH_MS);
    };
    const close = openLiveConnection({
      apiUrl,
      issueToken,
      onChange: (event) => markStale(staleQueriesOf(event)),
      onMissed: () => void queryClient.invalidateQueries(),
      onStatus: setStatus,
    });
    return () => {
      close();
      clearTimeout(flush);
    };
  }, [apiUrl, issueToken, queryClient]);

  // On the page's root element too, where a browser test (or a person debugging) can read it.
  useEffect(() => {
    document.documentElement.dataset.live = status;
  }, [status]);

  return <LiveStatusContext value={status}>{children}</LiveStatusContext>;
}
