import 'server-only';
import { WORKSPACE_HEADER } from '@muse/contracts';
import { apiTokenForRequest } from '@/lib/auth/current-session';
import { serverConfig } from '@/lib/server-config';
import { createApi } from './endpoints';

/** The API on behalf of the signed-in user, for server components' first paint. */
export async function serverApi() {
  const token = await apiTokenForRequest();
  return createApi((path, init) =>
    fetch(`${serverConfig.API_URL}${path}`, {
      ...init,
      cache: 'no-store',
      headers: {
        ...(init.headers as Record<string, string>),
        ...(token ? { authorization: `Bearer ${token.token}`, [WORKSPACE_HEADER]: token.workspace } : {}),
      },
      signal: AbortSignal.timeout(10_000),
    }),
  );
}
