import type { ReactNode } from 'react';
import { serverConfig } from '@/lib/server-config';
import { LazyClerkProvider } from './clerk-lazy';

/** In Clerk mode, Clerk's provider keeps the short-lived session fresh; local mode needs nothing. */
export function AuthBoundary({ children }: { children: ReactNode }) {
  if (serverConfig.AUTH_MODE !== 'clerk' || !serverConfig.CLERK_PUBLISHABLE_KEY) return children;
  return (
    <LazyClerkProvider publishableKey={serverConfig.CLERK_PUBLISHABLE_KEY}>{children}</LazyClerkProvider>
  );
}
