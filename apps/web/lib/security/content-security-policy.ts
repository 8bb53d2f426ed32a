/** A fresh, unguessable value for one response's `'nonce-…'`. */
export function createNonce(): string {
  return btoa(crypto.randomUUID());
}

/**
 * Clerk's frontend API origin, which Clerk encodes in the publishable key
 * (`pk_test_<base64 of "host$">`); the hosted sign-in loads its script from there and calls it.
 */
export function clerkFrontendOrigin(publishableKey: string): string | null {
  try {
    const host = atob(publishableKey.split('_')[2] ?? '').replace(/\$$/, '');
    return host ? new URL(`https://${host}`).origin : null;
  } catch {
    return null;
  }
}

interface PolicyOptions {
  nonce: string;
  /** Where browsers call the API (the app's data comes straight from there). */
  apiOrigin: string;
  /** React needs eval in development for its debugging aids, never in production. */
  development: boolean;
  /** Set in Clerk mode only: its hosted sign-in and the bot check it embeds. */
  clerkOrigin?: string | null;
}

/** What Clerk's hosted sign-in loads besides its frontend API (after Clerk's own recommended policy). */
const CLERK_SOURCES: Record<string, string[]> = {
  'script-src': ['https://challenges.cloudflare.com'],
  'connect-src': ['https://clerk-telemetry.com', 'https://*.clerk-telemetry.com', 'https://img.clerk.com'],
  'img-src': ['https://img.clerk.com'],
  'frame-src': ['https://challenges.cloudflare.com', 'https://*.protect.clerk.com'],
};

/**
 * The page's Content-Security-Policy: scripts only with this response's nonce (and what they load,
 * via 'strict-dynamic'), data only from this app and the API, and no framing.
 */
export function contentSecurityPolicy({ nonce, apiOrigin, development, clerkOrigin }: PolicyOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", apiOrigin],
    'frame-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'object-src': ["'none'"],
  };
  if (clerkOrigin) {
    for (const [name, sources] of Object.entries(CLERK_SOURCES)) directives[name]?.push(...sources);
    directives['script-src']?.push(clerkOrigin);
    directives['connect-src']?.push(clerkOrigin);
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
