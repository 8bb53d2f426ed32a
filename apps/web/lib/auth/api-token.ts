import 'server-only';
import { mintLocalToken } from '@muse/local-auth';
import { decodeJwt } from 'jose';
import { serverConfig } from '@/lib/server-config';
import { localKeyPair } from './local-keys';

/** Local API tokens are short-lived; the browser asks for a fresh one shortly before expiry. */
const LOCAL_TOKEN_TTL_SECONDS = 10 * 60;

export interface ApiToken {
  token: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/** A token of the signed-in session `sid`; without one, only for sign-in itself (opening the session). */
export async function mintLocalApiToken(identity: {
  sub: string;
  email: string;
  sid?: string;
}): Promise<ApiToken> {
  const token = await mintLocalToken(localKeyPair().privateKeyPem, {
    subject: identity.sub,
    email: identity.email,
    authorizedParty: serverConfig.WEB_ORIGIN,
    ttlSeconds: LOCAL_TOKEN_TTL_SECONDS,
    ...(identity.sid ? { sessionId: identity.sid } : {}),
  });
  return { token, expiresAt: Math.floor(Date.now() / 1000) + LOCAL_TOKEN_TTL_SECONDS };
}

/** Clerk's session token for the signed-in user, or null when there is none. */
export async function clerkApiToken(): Promise<ApiToken | null> {
  const { auth } = await import('@clerk/nextjs/server');
  const token = await (await auth()).getToken();
  if (!token) return null;
  return { token, expiresAt: decodeJwt(token).exp ?? Math.floor(Date.now() / 1000) + 60 };
}
