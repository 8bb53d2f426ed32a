import 'server-only';
import { createApi } from '@/lib/api-client/endpoints';
import { serverTransport } from '@/lib/api-client/server-transport';

/** Unsubscribes with a message's signed link: no session, the link is the proof. */
export function unsubscribe(token: string) {
  return createApi(serverTransport(undefined)).notifications.unsubscribe(token);
}
