import type { Database } from '@muse/db';
import { AppError } from '../../http/app-error.ts';
import { activityRepository } from '../activity/activity.repository.ts';
import { authRepository, type PrincipalRow } from './auth.repository.ts';
import type { Principal } from './principal.ts';
import type { PrincipalCache } from './principal-cache.ts';
import type { TokenVerifier, VerifiedIdentity } from './token-verifier.ts';

/** lastSeenAt is a presence hint, not an audit trail: stamp it at most this often. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)$/i;

export interface AuthService {
  /** The principal behind an `Authorization` header: 401 for a missing or bad token, 403 for a blocked account. */
  authenticate(authorization: string | undefined): Promise<Principal>;
}

export function createAuthService(deps: {
  db: Database;
  verifier: TokenVerifier;
  cache: PrincipalCache;
}): AuthService {
  const { db, verifier, cache } = deps;

  /**
   * Links an invitation to the identity that signed in with its email, and audits it — in the
   * tenant's scope, as the sign-in scope cannot write the audit log. When a concurrent first
   * sign-in of the same identity won, its link is read back.
   */
  async function linkInvitation(identity: VerifiedIdentity, invitation: { id: string; tenantId: string }) {
    const linked = await db.withTenantTx(invitation.tenantId, async (tx) => {
      const user = await authRepository.linkTenantInvitation(tx, invitation.id, identity.subject);
      if (user) {
        await activityRepository.record(tx, {
          tenantId: invitation.tenantId,
          actorId: user.id,
          entityType: 'user',
          entityId: user.id,
          action: 'user.joined',
          data: { email: user.email, role: user.role, clientId: user.clientId },
        });
      }
      return user ?? null;
    });
    return linked ?? db.withPlatformTx((tx) => authRepository.findBySubject(tx, identity.subject));
  }

  async function resolve(identity: VerifiedIdentity): Promise<PrincipalRow | null> {
    const found = await db.withPlatformTx(async (tx) => {
      const rows = await authRepository.findSelfOrInvitation(tx, identity.subject, identity.email);
      const user = rows.find((row) => row.authSubject === identity.subject);
      if (user) {
        const stale = !user.lastSeenAt || Date.now() - user.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS;
        if (stale && user.status === 'ACTIVE') await authRepository.stampLastSeen(tx, user.id);
        return { user };
      }
      const invitation = rows.find((row) => row.authSubject === null);
      if (invitation && !invitation.tenantId) {
        const user =
          (await authRepository.linkInvitation(tx, invitation.id, identity.subject)) ??
          (await authRepository.findBySubject(tx, identity.subject));
        return { user };
      }
      return { invitation };
    });
    if (found.user) return found.user;
    const invitation = found.invitation;
    return invitation?.tenantId
      ? linkInvitation(identity, { id: invitation.id, tenantId: invitation.tenantId })
      : null;
  }

  async function load(identity: VerifiedIdentity): Promise<Principal | null> {
    const generation = cache.generation;
    const row = await resolve(identity);
    if (!row) return null;
    const { tenantId, clientId } = row;
    const client =
      tenantId && clientId
        ? await db.withTenantTx(tenantId, (tx) => authRepository.findClient(tx, clientId))
        : null;
    const principal = toPrincipal(row, client);
    cache.set(identity.subject, principal, generation);
    return principal;
  }

  return {
    async authenticate(authorization) {
      const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
      if (!token) throw new AppError('unauthenticated', 'Sign in: send Authorization: Bearer <token>');
      const identity = await verifier.verify(token);
      const principal = cache.get(identity.subject) ?? (await load(identity));
      if (!principal) throw new AppError('unauthenticated', 'No Muse account belongs to this identity');
      if (principal.status === 'DISABLED') {
        throw new AppError('forbidden', 'Your account is disabled', {
          details: [{ reason: 'user_disabled' }],
        });
      }
      if (principal.tenant?.status === 'SUSPENDED') {
        throw new AppError('forbidden', 'Your agency’s account is suspended', {
          details: [{ reason: 'tenant_suspended' }],
        });
      }
      return principal;
    },
  };
}

function toPrincipal(row: PrincipalRow, client: Principal['client']): Principal {
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    tenantId: row.tenantId,
    clientId: row.clientId,
    tenant: row.tenant,
    client,
  };
}
