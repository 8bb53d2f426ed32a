import 'server-only';
import { createHash } from 'node:crypto';
import { Role } from '@muse/contracts';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { serverConfig } from '@/lib/server-config';
import { localKeyPair } from './local-keys';

/**
 * The session cookie: who signed in and, cached from GET /api/me, their role and workspace, so
 * the proxy can route without calling the API on every navigation. The API still checks every
 * permission on every request.
 */
export const SESSION_COOKIE = 'muse_session';
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export const Session = z.object({
  /** The identity provider's subject: what the API maps to a user. */
  sub: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  tenantName: z.string().nullable(),
  clientName: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;

let secret: Uint8Array | undefined;

function sessionSecret(): Uint8Array {
  if (!secret) {
    // Local mode needs no extra secret: one derived from the local private key is just as private.
    const material =
      serverConfig.SESSION_SECRET ??
      createHash('sha256').update(`muse-session:${localKeyPair().privateKeyPem}`).digest('hex');
    secret = new TextEncoder().encode(material);
  }
  return secret;
}

export async function sealSession(session: Session): Promise<string> {
  return new SignJWT({ ...session })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(`${SESSION_TTL_SECONDS}s`)
    .sign(sessionSecret());
}

/** The session in a cookie value, or null when it is missing, tampered with or expired. */
export async function openSession(value: string | undefined): Promise<Session | null> {
  if (!value) return null;
  try {
    const { payload } = await jwtVerify(value, sessionSecret(), { algorithms: ['HS256'] });
    const parsed = Session.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const sessionCookieOptions = () =>
  ({
    httpOnly: true,
    sameSite: 'lax',
    secure: serverConfig.WEB_ORIGIN.startsWith('https:'),
    path: '/',
    maxAge: SESSION_TTL_SECONDS,
  }) as const;
