import { type NextFetchEvent, type NextMiddleware, NextRequest, NextResponse } from 'next/server';
import { areaOf, HOME_BY_ROLE } from '@/lib/auth/roles';
import { openSession, SESSION_COOKIE, type Session } from '@/lib/auth/session';
import {
  clerkFrontendOrigin,
  contentSecurityPolicy,
  createNonce,
} from '@/lib/security/content-security-policy';
import { serverConfig } from '@/lib/server-config';

/** Lets the request through to the page with its headers, so the page sees the nonce set below. */
const pass = (request: Request) => NextResponse.next({ request: { headers: request.headers } });

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
    if (!area) return pass(request);
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('returnTo', `${pathname}${search}`);
    if (request.cookies.has(SESSION_COOKIE)) signIn.searchParams.set('expired', '1');
    const response = NextResponse.redirect(signIn);
    response.cookies.delete(SESSION_COOKIE);
    return response;
  }
  const home = HOME_BY_ROLE[session.role];
  // The API refused the cookie's session (signed out elsewhere, user disabled): sign in again.
  if (pathname === '/sign-in' && request.nextUrl.searchParams.has('expired')) return pass(request);
  if (pathname === '/' || pathname === '/sign-in') return to(home);
  // The admin console says it is not theirs rather than silently sending them elsewhere.
  if (area === '/admin' && home !== '/admin') {
    return NextResponse.rewrite(new URL('/no-access', request.url), {
      request: { headers: request.headers },
    });
  }
  if (area && area !== home) return to(home);
  return pass(request);
}

const readSession = (request: NextRequest) => openSession(request.cookies.get(SESSION_COOKIE)?.value);

let clerkProxy: Promise<NextMiddleware> | undefined;

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
      return session?.sub === userId ? routeByRole(request, session) : pass(request);
    },
    {
      publishableKey: serverConfig.CLERK_PUBLISHABLE_KEY,
      secretKey: serverConfig.CLERK_SECRET_KEY,
      signInUrl: '/sign-in',
      authorizedParties: [serverConfig.WEB_ORIGIN],
    },
  );
}

async function route(request: NextRequest, event: NextFetchEvent) {
  if (serverConfig.AUTH_MODE === 'local') return routeByRole(request, await readSession(request));
  clerkProxy ??= createClerkProxy();
  return (await clerkProxy)(request, event);
}

const clerkOrigin =
  serverConfig.AUTH_MODE === 'clerk' && serverConfig.CLERK_PUBLISHABLE_KEY
    ? clerkFrontendOrigin(serverConfig.CLERK_PUBLISHABLE_KEY)
    : null;

/**
 * Routes the request and gives every response a Content-Security-Policy with a fresh nonce. Next
 * reads the nonce from the forwarded request headers and puts it on the scripts it renders.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const nonce = createNonce();
  const policy = contentSecurityPolicy({
    nonce,
    apiOrigin: new URL(serverConfig.PUBLIC_API_URL).origin,
    development: serverConfig.NODE_ENV === 'development',
    clerkOrigin,
  });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = await route(new NextRequest(request, { headers }), event);
  response?.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|healthz|readyz|.*\\.(?:svg|png|ico|webp|css|js)$).*)'],
};
