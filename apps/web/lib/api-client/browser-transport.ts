import { type Transport, WORKSPACE_HEADER } from '@muse/contracts';
import { pageTraceHeaders } from './page-trace';

interface CachedToken {
  token: string;
  expiresAt: number;
  /** The workspace of the session: every call names it. */
  workspace: string;
}

let cached: CachedToken | null = null;
let pending: Promise<CachedToken> | null = null;

/** Sends the user back to sign-in, then to this very page. */
export function redirectToSignIn(): never {
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/sign-in?expired=1&returnTo=${encodeURIComponent(here)}`);
  throw new Error('session expired');
}

async function fetchToken(): Promise<CachedToken> {
  const response = await fetch('/session/token', { cache: 'no-store', credentials: 'same-origin' });
  if (response.status === 401) redirectToSignIn();
  if (!response.ok) throw new Error(`could not get a session token (${response.status})`);
  return (await response.json()) as CachedToken;
}

/** The Bearer token for the API, refreshed 30 s before it expires; concurrent callers share one request. */
async function sessionToken(): Promise<CachedToken> {
  if (cached && cached.expiresAt * 1000 - Date.now() > 30_000) return cached;
  pending ??= fetchToken().finally(() => {
    pending = null;
  });
  cached = await pending;
  return cached;
}

/** Calls the API directly from the browser with `Authorization: Bearer`; retries once with a fresh token on 401. */
export function browserTransport(apiUrl: string): Transport {
  return async (path, init) => {
    const send = async () => {
      const { token, workspace } = await sessionToken();
      return fetch(`${apiUrl}${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          ...pageTraceHeaders(),
          authorization: `Bearer ${token}`,
          [WORKSPACE_HEADER]: workspace,
        },
      });
    };
    let response = await send();
    if (response.status === 401) {
      cached = null;
      response = await send();
      if (response.status === 401) redirectToSignIn();
    }
    return response;
  };
}
