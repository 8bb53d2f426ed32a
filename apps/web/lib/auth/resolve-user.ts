import 'server-only';
import { createApi } from '@/lib/api/endpoints';
import { ApiRequestError } from '@/lib/api/http';
import { serverConfig } from '@/lib/server-config';
import type { Session } from './session';
import { SIGN_IN_ERRORS, type SignInErrorCode } from './sign-in-errors';

/** A failure carries a code for redirects and a message for the page that shows it directly. */
export type Resolution =
  | { ok: true; session: Session }
  | { ok: false; code: SignInErrorCode; message: string };

/** Asks the API who the token belongs to; the API's database, not the token, decides the role. */
export async function resolveUser(sub: string, token: string): Promise<Resolution> {
  const api = createApi((path, init) =>
    fetch(`${serverConfig.API_URL}${path}`, {
      ...init,
      cache: 'no-store',
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    }),
  );
  try {
    const me = await api.me();
    return {
      ok: true,
      session: {
        sub,
        userId: me.user.id,
        email: me.user.email,
        name: me.user.name,
        role: me.user.role,
        tenantName: me.tenant?.name ?? null,
        clientName: me.client?.name ?? null,
      },
    };
  } catch (error) {
    if (error instanceof ApiRequestError && (error.status === 401 || error.status === 404)) {
      return { ok: false, code: 'no-account', message: SIGN_IN_ERRORS['no-account'] };
    }
    if (error instanceof ApiRequestError && error.status === 403) {
      return { ok: false, code: 'blocked', message: error.message || SIGN_IN_ERRORS.blocked };
    }
    return { ok: false, code: 'unreachable', message: SIGN_IN_ERRORS.unreachable };
  }
}
