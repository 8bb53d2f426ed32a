import { NextResponse } from 'next/server';
import { currentIdentity, currentSession } from '@/lib/auth/current-session';
import { endLocalSession } from '@/lib/auth/local-session';
import { IDENTITY_COOKIE, SESSION_COOKIE } from '@/lib/auth/session';
import { serverConfig } from '@/lib/server-config';

/** A POST (from a form), so a link or an image on another site cannot sign anyone out. */
export async function POST(request: Request) {
  // The API's session ends first: deleting the cookies alone would leave a copy of them working.
  if (serverConfig.AUTH_MODE === 'local') {
    const signedIn = (await currentIdentity()) ?? (await currentSession());
    if (signedIn?.sid) await endLocalSession({ ...signedIn, sid: signedIn.sid });
  }
  const response = NextResponse.redirect(new URL('/sign-in?signedOut=1', request.url), 303);
  response.cookies.delete(SESSION_COOKIE);
  response.cookies.delete(IDENTITY_COOKIE);
  return response;
}
