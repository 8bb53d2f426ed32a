import { NextResponse } from 'next/server';
import { IDENTITY_COOKIE, SESSION_COOKIE } from '@/lib/auth/session';

/** A POST (from a form), so a link or an image on another site cannot sign anyone out. */
export function POST(request: Request) {
  const response = NextResponse.redirect(new URL('/sign-in?signedOut=1', request.url), 303);
  response.cookies.delete(SESSION_COOKIE);
  response.cookies.delete(IDENTITY_COOKIE);
  return response;
}
