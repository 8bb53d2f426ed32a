import { decodeJwt } from 'jose';
import { NextResponse } from 'next/server';
import { clerkApiToken } from '@/lib/auth/api-token';
import { resolveUser } from '@/lib/auth/resolve-user';
import { HOME_BY_ROLE, safeReturnPath } from '@/lib/auth/roles';
import { SESSION_COOKIE, sealSession, sessionCookieOptions } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

/** After a Clerk sign-in: look the user up in Muse and cache the role in the session cookie. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const returnTo = safeReturnPath(url.searchParams.get('returnTo'));
  const token = await clerkApiToken();
  if (!token) return NextResponse.redirect(new URL('/sign-in', request.url));
  const resolution = await resolveUser(decodeJwt(token.token).sub ?? '', token.token);
  if (!resolution.ok) {
    const failed = new URL('/sign-in', request.url);
    failed.searchParams.set('error', resolution.code);
    return NextResponse.redirect(failed);
  }
  const home = HOME_BY_ROLE[resolution.session.role];
  const target = returnTo?.startsWith(home) ? returnTo : home;
  const response = NextResponse.redirect(new URL(target, request.url));
  response.cookies.set(SESSION_COOKIE, await sealSession(resolution.session), sessionCookieOptions());
  return response;
}
