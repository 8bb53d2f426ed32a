import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { serverConfig } from '@/lib/server-config';
import { type ApiToken, clerkApiToken, mintLocalApiToken } from './api-token';
import {
  IDENTITY_COOKIE,
  type Identity,
  openIdentity,
  openSession,
  SESSION_COOKIE,
  type Session,
} from './session';

export async function currentSession(): Promise<Session | null> {
  return openSession((await cookies()).get(SESSION_COOKIE)?.value);
}

/** For pages behind the proxy: the session is there unless it expired between the two checks. */
export async function requireSession(): Promise<Session> {
  const session = await currentSession();
  if (!session) redirect('/sign-in');
  return session;
}

/** The signed-in identity, with or without a workspace chosen yet. */
export async function currentIdentity(): Promise<Identity | null> {
  return openIdentity((await cookies()).get(IDENTITY_COOKIE)?.value);
}

/**
 * A Bearer token for the API on behalf of `identity`, in either auth mode. A local cookie that
 * names no session (sealed before sessions existed) mints nothing: it could not be signed out.
 */
export async function apiTokenFor(identity: Identity): Promise<ApiToken | null> {
  if (serverConfig.AUTH_MODE === 'clerk') return clerkApiToken();
  return identity.sid ? mintLocalApiToken(identity) : null;
}

/** A Bearer token for the API on behalf of the signed-in user, and the workspace it acts in. */
export async function apiTokenForRequest(): Promise<(ApiToken & { workspace: string }) | null> {
  const session = await currentSession();
  const token = session && (await apiTokenFor(session));
  return token && session ? { ...token, workspace: session.workspace } : null;
}
