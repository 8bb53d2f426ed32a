import { type AuthSession, isUuid } from '@muse/contracts';
import type { Database } from '@muse/db';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../http/app-error.ts';
import { announceAuthChange } from '../auth/auth-changes.ts';
import type { PrincipalCache } from '../auth/principal-cache.ts';
import type { TokenVerifier, VerifiedIdentity } from '../auth/token-verifier.ts';
import { sessionsRepository } from './sessions.repository.ts';

/** As long as the web app's session cookie lives. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;
/**
 * How long "this session is active" is trusted without asking the database: how late another
 * API process sees a sign-out it did not hear announced. This process sees its own at once.
 */
const ACTIVE_TTL_MS = 3_000;
const MAX_REMEMBERED = 10_000;

const ended = () => new AppError('unauthenticated', 'This session has ended; sign in again');
const notLocal = () =>
  new AppError('not_found', 'Sign-in is not local here: the identity provider keeps the sessions');

/**
 * Server-side sessions of local sign-in. In Clerk mode Clerk keeps the sessions: nothing here
 * runs and the routes answer 404.
 */
export function createSessionsService(deps: { db: Database; principals: PrincipalCache; local: boolean }) {
  const { db, principals, local } = deps;
  // sid → an "active" answer. Disabling a user or suspending a tenant invalidates principals
  // and may have ended sessions: answers from before such a change are not trusted.
  const active = new LRUCache<string, { subject: string; generation: number }>({
    max: MAX_REMEMBERED,
    ttl: ACTIVE_TTL_MS,
  });

  async function isActive(id: string, subject: string): Promise<boolean> {
    const known = active.get(id);
    if (known && known.subject === subject && known.generation === principals.generation) return true;
    active.delete(id);
    const generation = principals.generation;
    if (!isUuid(id) || !(await sessionsRepository.isActive(db.client, id, subject))) return false;
    if (generation === principals.generation) active.set(id, { subject, generation });
    return true;
  }

  return {
    /**
     * The verifier the API authenticates with: in local sign-in, a token naming a session
     * (`sid`) passes only while that session of its subject is active. Tokens naming none
     * (minted by tests and tools) pass as before; the web app always names one.
     */
    guard(verifier: TokenVerifier): TokenVerifier {
      if (!local) return verifier;
      return {
        async verify(token) {
          const identity = await verifier.verify(token);
          if (identity.sessionId && !(await isActive(identity.sessionId, identity.subject))) throw ended();
          return identity;
        },
      };
    },

    async open(identity: VerifiedIdentity): Promise<AuthSession> {
      if (!local) throw notLocal();
      if (identity.sessionId) {
        throw new AppError(
          'invalid_input',
          'This token already belongs to a session: sign in to open another',
        );
      }
      const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
      const id = await sessionsRepository.open(db.client, identity.subject, expiresAt);
      return { id, expiresAt: expiresAt.toISOString() };
    },

    /** Signing out. A token naming no session has none to end. */
    async endCurrent(identity: VerifiedIdentity): Promise<void> {
      if (!local) throw notLocal();
      if (!identity.sessionId) return;
      active.delete(identity.sessionId);
      await sessionsRepository.revoke(db.client, identity.sessionId, identity.subject);
      await announceAuthChange(db.client, { kind: 'session', id: identity.sessionId });
    },

    /** Another process ended this session. */
    forget(id: string): void {
      active.delete(id);
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
