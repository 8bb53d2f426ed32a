import { decodeJwt } from 'jose';
import { NextResponse } from 'next/server';
import { clerkApiToken } from '@/lib/auth/api-token';
import { startSignIn } from '@/lib/auth/resolve-user';
import { HOME_BY_ROLE, safeReturnPath } from '@/lib/auth/roles';
import {
  IDENTITY_COOKIE,
  SESSION_COOKIE,
  sealIdentity,
  sealSession,
  sessionCookieOptions,
} from '@/lib/auth/session';
import { workspacePagePath } from '@/lib/auth/workspace-page';

export const dynamic = 'force-dynamic';

/** After a Clerk sign-in: look the user up in Muse and cache the role in the session cookie. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const returnTo = safeReturnPath(url.searchParams.get('returnTo'));
  const token = await clerkApiToken();
  if (!token) return NextResponse.redirect(new URL('/sign-in', request.url));
  const claims = decodeJwt(token.token);
  const sub = claims.sub ?? '';
  const start = await startSignIn(sub, token.token);
  if (start.ok === false) {
    const failed = new URL('/sign-in', request.url);
    failed.searchParams.set('error', start.code);
    return NextResponse.redirect(failed);
  }
  const identity = { sub, email: typeof claims.email === 'string' ? claims.email : '' };
  if (start.ok === 'choose') {
    const response = NextResponse.redirect(new URL(workspacePagePath(returnTo), request.url));
    response.cookies.set(IDENTITY_COOKIE, await sealIdentity(identity), sessionCookieOptions());
    return response;
  }
  const home = HOME_BY_ROLE[start.session.role];
  const target = returnTo?.startsWith(home) ? returnTo : home;
  const response = NextResponse.redirect(new URL(target, request.url));
  response.cookies.set(IDENTITY_COOKIE, await sealIdentity(identity), sessionCookieOptions());
  response.cookies.set(SESSION_COOKIE, await sealSession(start.session), sessionCookieOptions());
  return response;
}
