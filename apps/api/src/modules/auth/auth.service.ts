import type { Database } from '@muse/db';
import { AppError } from '../../http/app-error.ts';
import { clientsRepository } from '../clients/clients.repository.ts';
import { authRepository, type PrincipalRow } from './auth.repository.ts';
import type { Principal } from './principal.ts';
import type { PrincipalCache } from './principal-cache.ts';
import type { TokenVerifier, VerifiedIdentity } from './token-verifier.ts';
import { chooseMembership } from './workspace.ts';

/** lastSeenAt is a presence hint, not an audit trail: stamp it at most this often. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)$/i;

export interface AuthService {
  /** The verified identity behind an `Authorization` header: 401 for a missing or bad token. */
  identify(authorization: string | undefined): Promise<VerifiedIdentity>;
  /**
   * The principal in the workspace a request names (X-Muse-Workspace), or the identity's only
   * one: 401 for a missing or bad token, 403 for a blocked account or a workspace it is not in.
   */
  authenticate(authorization: string | undefined, workspace: string | undefined): Promise<Principal>;
  /**
   * A member as it is now, for a caller that proved who it is otherwise than by a token (a
   * calendar feed's secret): 401 once the membership is gone, 403 as above.
   */
  member(tenantId: string, userId: string): Promise<Principal>;
}

export function createAuthService(deps: {
  db: Database;
  verifier: TokenVerifier;
  cache: PrincipalCache;
}): AuthService {
  const { db, verifier, cache } = deps;

  async function identify(authorization: string | undefined): Promise<VerifiedIdentity> {
    const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
    if (!token) throw new AppError('unauthenticated', 'Sign in: send Authorization: Bearer <token>');
    return verifier.verify(token);
  }

  async function resolve(identity: VerifiedIdentity, workspace: string | undefined): Promise<PrincipalRow> {
    return db.withPlatformTx(async (tx) => {
      const user = chooseMembership(await authRepository.findMemberships(tx, identity.subject), workspace);
      const stale = !user.lastSeenAt || Date.now() - user.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS;
      if (stale && user.status === 'ACTIVE') await authRepository.stampLastSeen(tx, user.id);
      return user;
    });
  }

  async function withClient(row: PrincipalRow): Promise<Principal> {
    const { tenantId, clientId } = row;
    // In the user's tenant scope: clients are tenant data, invisible to the platform connection.
    const client =
      tenantId && clientId
        ? await db.withTenantTx(tenantId, (tx) => clientsRepository.findRef(tx, clientId, 'any'))
        : null;
    return toPrincipal(row, client);
  }

  async function load(identity: VerifiedIdentity, workspace: string | undefined, key: string) {
    const generation = cache.generation;
    const principal = await withClient(await resolve(identity, workspace));
    cache.set(key, principal, generation);
    return principal;
  }

  return {
    identify,

    async authenticate(authorization, workspace) {
      const identity = await identify(authorization);
      const key = `${identity.subject}\n${workspace ?? ''}`;
      return mayAct(cache.get(key) ?? (await load(identity, workspace, key)));
    },

    async member(tenantId, userId) {
      const row = await db.withPlatformTx((tx) => authRepository.findMember(tx, tenantId, userId));
      if (!row) throw new AppError('unauthenticated', 'This address belongs to no member any more');
      return mayAct(await withClient(row));
    },
  };
}

/** A principal may act unless its account is disabled or its agency suspended (403). */
function mayAct(principal: Principal): Principal {
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
