import 'server-only';
import { createHash } from 'node:crypto';
import { Role } from '@muse/contracts';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { serverConfig } from '@/lib/server-config';
import { localKeyPair } from './local-keys';

/**
 * The session cookie: who signed in and, cached from the API's `me` route, their role and workspace, so
 * the proxy can route without calling the API on every navigation. The API still checks every
 * permission on every request.
 */
export const SESSION_COOKIE = 'muse_session';
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export const Session = z.object({
  /** The identity provider's subject: what the API maps to a user. */
  sub: z.string(),
  /** Local sign-in: the API's session every token names; the API refuses them once it ends. */
  sid: z.string().optional(),
  /** Opened by accepting an invitation: the person's first visit of this workspace. */
  firstVisit: z.boolean().optional(),
  /** What the API's X-Muse-Workspace names: the agency's tenant id, or `platform`. */
  workspace: z.string(),
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

/**
 * The signed-in identity before (and besides) a workspace: who the identity provider vouched
 * for, so the workspace page can list its workspaces and invitations.
 */
export const IDENTITY_COOKIE = 'muse_identity';

export const Identity = z.object({ sub: z.string(), email: z.string(), sid: z.string().optional() });
export type Identity = z.infer<typeof Identity>;

function seal(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(`${SESSION_TTL_SECONDS}s`)
    .sign(sessionSecret());
}

/** The claims of a cookie value, or null when it is missing, tampered with, expired or not `schema`. */
async function open<S extends z.ZodType>(schema: S, value: string | undefined): Promise<z.infer<S> | null> {
  if (!value) return null;
  try {
    const { payload } = await jwtVerify(value, sessionSecret(), { algorithms: ['HS256'] });
    const parsed = schema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const sealSession = (session: Session) => seal({ ...session });
export const openSession = (value: string | undefined) => open(Session, value);
export const sealIdentity = (identity: Identity) =>
  seal({ sub: identity.sub, email: identity.email, sid: identity.sid });
export const openIdentity = (value: string | undefined) => open(Identity, value);

export const sessionCookieOptions = () =>
  ({
    httpOnly: true,
    sameSite: 'lax',
    secure: serverConfig.WEB_ORIGIN.startsWith('https:'),
    path: '/',
    maxAge: SESSION_TTL_SECONDS,
  }) as const;
