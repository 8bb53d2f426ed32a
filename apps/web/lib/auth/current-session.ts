import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { serverConfig } from '@/lib/server-config';
import { type ApiToken, clerkApiToken, mintLocalApiToken } from './api-token';
import { openSession, SESSION_COOKIE, type Session } from './session';

export async function currentSession(): Promise<Session | null> {
  return openSession((await cookies()).get(SESSION_COOKIE)?.value);
}

/** For pages behind the proxy: the session is there unless it expired between the two checks. */
export async function requireSession(): Promise<Session> {
  const session = await currentSession();
  if (!session) redirect('/sign-in');
  return session;
}

/** A Bearer token for the API on behalf of the signed-in user, in either auth mode. */
export async function apiTokenForRequest(): Promise<ApiToken | null> {
  const session = await currentSession();
  if (!session) return null;
  return serverConfig.AUTH_MODE === 'clerk' ? clerkApiToken() : mintLocalApiToken(session);
}
