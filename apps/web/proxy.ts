import { type NextFetchEvent, type NextMiddleware, type NextRequest, NextResponse } from 'next/server';
import { areaOf, HOME_BY_ROLE } from '@/lib/auth/roles';
import { openSession, SESSION_COOKIE, type Session } from '@/lib/auth/session';
import { serverConfig } from '@/lib/server-config';

/**
 * Sends each role to its own area (/admin, /app, /portal), a signed-in visitor of `/` to their
 * home, and a visitor without a valid session to sign-in with a way back. This is routing only:
 * the API checks every permission itself.
 */
function routeByRole(request: NextRequest, session: Session | null): NextResponse {
  const { pathname, search } = request.nextUrl;
  const area = areaOf(pathname);
  const to = (path: string) => NextResponse.redirect(new URL(path, request.url));
  if (!session) {
    if (!area) return NextResponse.next();
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('returnTo', `${pathname}${search}`);
    if (request.cookies.has(SESSION_COOKIE)) signIn.searchParams.set('expired', '1');
    const response = NextResponse.redirect(signIn);
    response.cookies.delete(SESSION_COOKIE);
    return response;
  }
  const home = HOME_BY_ROLE[session.role];
  if (pathname === '/' || pathname === '/sign-in') return to(home);
  if (area && area !== home) return to(home);
  return NextResponse.next();
}

const readSession = (request: NextRequest) => openSession(request.cookies.get(SESSION_COOKIE)?.value);

let clerkProxy: NextMiddleware | undefined;

async function createClerkProxy(): Promise<NextMiddleware> {
  const { clerkMiddleware } = await import('@clerk/nextjs/server');
  return clerkMiddleware(
    async (auth, request) => {
      const { userId } = await auth();
      const session = await readSession(request);
      if (!userId) return routeByRole(request, null);
      const { pathname, search } = request.nextUrl;
      // Signed in with Clerk but no Muse session for that user yet: look the user up first.
      if (session?.sub !== userId && (pathname === '/' || areaOf(pathname))) {
        const start = new URL('/session/start', request.url);
        start.searchParams.set('returnTo', `${pathname}${search}`);
        return NextResponse.redirect(start);
      }
      return session?.sub === userId ? routeByRole(request, session) : NextResponse.next();
    },
    {
      publishableKey: serverConfig.CLERK_PUBLISHABLE_KEY,
      secretKey: serverConfig.CLERK_SECRET_KEY,
      signInUrl: '/sign-in',
      authorizedParties: [serverConfig.WEB_ORIGIN],
    },
  );
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (serverConfig.AUTH_MODE === 'local') return routeByRole(request, await readSession(request));
  clerkProxy ??= await createClerkProxy();
  return clerkProxy(request, event);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|healthz|readyz|.*\\.(?:svg|png|ico|webp|css|js)$).*)'],
};
