import 'server-only';
import { apiTokenForRequest } from '@/lib/auth/current-session';
import { createApi } from './endpoints';
import { serverTransport } from './server-transport';

/** The API on behalf of the signed-in user, for server components' first paint. */
export async function serverApi() {
  const token = await apiTokenForRequest();
  return createApi(serverTransport(token?.token, token?.workspace));
}
