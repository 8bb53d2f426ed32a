import 'server-only';
import { mintLocalApiToken } from './api-token';
import { identityApi } from './resolve-user';
import type { Identity } from './session';

/**
 * Local sign-in's server-side session: opened at sign-in with a token naming none yet, its id
 * sealed into the cookies so every token names it, and ended at sign-out, after which the API
 * refuses whatever a copy of the cookie mints.
 */
export async function openLocalSession(identity: Identity): Promise<string | null> {
  const { token } = await mintLocalApiToken({ sub: identity.sub, email: identity.email });
  const session = await identityApi(token)
    .sessions.open()
    .catch(() => null);
  return session?.id ?? null;
}

/**
 * Signing out. An error is not the user's to handle: a session ended already answers 401, and
 * if the API is unreachable the session still ends when it expires.
 */
export async function endLocalSession(identity: Identity & { sid: string }): Promise<void> {
  const { token } = await mintLocalApiToken(identity);
  await identityApi(token)
    .sessions.endCurrent()
    .catch(() => undefined);
}
