import 'server-only';
import { type Transport, WORKSPACE_HEADER } from '@muse/contracts';
import { serverConfig } from '@/lib/server-config';

/** Calls the API from the server with a Bearer token, naming `workspace` when there is one. */
export function serverTransport(token: string | undefined, workspace?: string): Transport {
  return (path, init) =>
    fetch(`${serverConfig.API_URL}${path}`, {
      ...init,
      cache: 'no-store',
      headers: {
        ...(init.headers as Record<string, string>),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(token && workspace ? { [WORKSPACE_HEADER]: workspace } : {}),
      },
      signal: AbortSignal.timeout(10_000),
    });
}
