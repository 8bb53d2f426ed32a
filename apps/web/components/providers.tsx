'use client';

import { type LiveStreamToken, RouteCallError } from '@muse/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { Toaster } from '@/components/ui/toaster';
import { TooltipProvider } from '@/components/ui/tooltip';
import { browserTransport } from '@/lib/api-client/browser-transport';
import { type Api, createApi } from '@/lib/api-client/endpoints';
import { reviewLinkTransport } from '@/lib/api-client/review-link-transport';
import type { Session } from '@/lib/auth/session';
import { LiveUpdates } from '@/lib/live/live-updates';

const ApiContext = createContext<Api | null>(null);
const SessionContext = createContext<Session | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <Providers>');
  return api;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <Providers>');
  return session;
}

/** Client errors (4xx) will not change by asking again; network and server errors might. */
function shouldRetry(failures: number, error: unknown) {
  if (error instanceof RouteCallError && error.status < 500) return false;
  return failures < 2;
}

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

/** apiUrl comes from the server at request time, so one build works behind any API address. */
export function Providers({
  apiUrl,
  session,
  children,
}: {
  apiUrl: string;
  session: Session;
  children: ReactNode;
}) {
  const [api] = useState(() => createApi(browserTransport(apiUrl)));
  // A platform admin's pages show nothing that changes under them: no stream.
  const issueToken = session.role === 'PLATFORM_ADMIN' ? null : api.live.token;
  return (
    <ApiProviders api={api} apiUrl={apiUrl} issueLiveToken={issueToken}>
      <SessionContext value={session}>{children}</SessionContext>
    </ApiProviders>
  );
}

/** For the holder of a review link: no session, every call carries the link's token. */
export function ReviewLinkProviders({
  apiUrl,
  token,
  children,
}: {
  apiUrl: string;
  token: string;
  children: ReactNode;
}) {
  const [api] = useState(() => createApi(reviewLinkTransport(apiUrl, token)));
  return (
    <ApiProviders api={api} apiUrl={apiUrl} issueLiveToken={api.live.reviewToken}>
      {children}
    </ApiProviders>
  );
}

function ApiProviders({
  api,
  apiUrl,
  issueLiveToken,
  children,
}: {
  api: Api;
  apiUrl: string;
  issueLiveToken: (() => Promise<LiveStreamToken>) | null;
  children: ReactNode;
}) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext value={api}>
        <LiveUpdates apiUrl={apiUrl} issueToken={issueLiveToken}>
          <TooltipProvider delayDuration={300}>
            {children}
            <Toaster />
          </TooltipProvider>
        </LiveUpdates>
      </ApiContext>
    </QueryClientProvider>
  );
}
