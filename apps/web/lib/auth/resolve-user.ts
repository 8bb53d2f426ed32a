import 'server-only';
import { createApi } from '@/lib/api/endpoints';
import { ApiRequestError } from '@/lib/api/http';
import { serverConfig } from '@/lib/server-config';
import type { Session } from './session';

export type Resolution = { ok: true; session: Session } | { ok: false; message: string };

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
      return {
        ok: false,
        message: 'There is no Muse account for this email. Ask your agency admin for an invitation.',
      };
    }
    if (error instanceof ApiRequestError && error.status === 403) {
      return { ok: false, message: error.message || 'This account cannot sign in right now.' };
    }
    return { ok: false, message: 'Muse is not reachable right now. Please try again in a moment.' };
  }
}
