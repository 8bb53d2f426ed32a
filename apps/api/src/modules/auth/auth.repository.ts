import type { BaseTx, TenantTx } from '@muse/db';

const PRINCIPAL_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  status: true,
  tenantId: true,
  clientId: true,
  lastSeenAt: true,
  tenant: { select: { id: true, name: true, slug: true, status: true } },
} as const;

/**
 * Sign-in runs as muse_platform: it finds the memberships of the verified identity (its user
 * rows, one per agency) and the invitations to its verified email.
 */
export const authRepository = {
  findMemberships(tx: BaseTx, subject: string) {
    return tx.user.findMany({
      where: { authSubject: subject },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: PRINCIPAL_FIELDS,
    });
  },

  /** A member that signed in at least once (an open invitation is no member yet). */
  findMember(tx: BaseTx, tenantId: string, userId: string) {
    return tx.user.findFirst({
      where: { id: userId, tenantId, status: { not: 'INVITED' } },
      select: PRINCIPAL_FIELDS,
    });
  },

  findInvitations(tx: BaseTx, email: string) {
    return tx.user.findMany({
      where: { email, status: 'INVITED', authSubject: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, role: true, createdAt: true, tenant: { select: { id: true, name: true } } },
    });
  },

  /** An open invitation to `email`, or one this identity accepted already (a retry is no error). */
  findInvitation(tx: BaseTx, id: string, email: string, subject: string) {
    return tx.user.findFirst({
      where: { id, email, OR: [{ status: 'INVITED', authSubject: null }, { authSubject: subject }] },
      select: { id: true, tenantId: true },
    });
  },

  /**
   * Accepts an invitation only while it is still open, so of two acceptances at once exactly one
   * links (the other gets undefined). Agency invitations are accepted in the agency's scope,
   * where the audit log is; platform admin invitations on the platform connection.
   */
  async acceptInvitation(tx: BaseTx | TenantTx, id: string, subject: string) {
    const [user] = await tx.user.updateManyAndReturn({
      where: { id, status: 'INVITED', authSubject: null },
      data: { authSubject: subject, status: 'ACTIVE', lastSeenAt: new Date() },
      select: PRINCIPAL_FIELDS,
    });
    return user;
  },

  stampLastSeen(tx: BaseTx, userId: string) {
    return tx.user.update({ where: { id: userId }, data: { lastSeenAt: new Date() }, select: { id: true } });
  },
};

export type PrincipalRow = Awaited<ReturnType<typeof authRepository.findMemberships>>[number];
