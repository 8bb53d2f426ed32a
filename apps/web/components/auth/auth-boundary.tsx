import type { ReactNode } from 'react';
import { serverConfig } from '@/lib/server-config';

/** In Clerk mode, Clerk's provider keeps the short-lived session fresh; local mode needs nothing. */
export async function AuthBoundary({ children }: { children: ReactNode }) {
  if (serverConfig.AUTH_MODE !== 'clerk' || !serverConfig.CLERK_PUBLISHABLE_KEY) return children;
  const { ClerkProvider } = await import('@clerk/nextjs');
  return <ClerkProvider publishableKey={serverConfig.CLERK_PUBLISHABLE_KEY}>{children}</ClerkProvider>;
}
