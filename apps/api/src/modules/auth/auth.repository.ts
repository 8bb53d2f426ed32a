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

/** Runs in the sign-in scope: row-level security shows only the caller's own row or invitation. */
export const authRepository = {
  findBySubject(tx: BaseTx, subject: string) {
    return tx.user.findUnique({ where: { authSubject: subject }, select: PRINCIPAL_FIELDS });
  },

  findInvitation(tx: BaseTx, email: string) {
    return tx.user.findFirst({
      where: { email, status: 'INVITED', authSubject: null },
      select: { id: true, tenantId: true },
    });
  },

  /** First sign-in of an invited platform admin (no tenant): linked in the sign-in scope. */
  linkInvitation(tx: BaseTx, userId: string, subject: string) {
    return tx.user.update({
      where: { id: userId },
      data: { authSubject: subject, status: 'ACTIVE', lastSeenAt: new Date() },
      select: PRINCIPAL_FIELDS,
    });
  },

  /**
   * First sign-in of an invited agency user or client contact, in its tenant's scope (where the
   * audit log is). Only while still an unlinked invitation: of two first sign-ins at once, one links.
   */
  async linkTenantInvitation(tx: TenantTx, userId: string, subject: string) {
    const [user] = await tx.user.updateManyAndReturn({
      where: { id: userId, status: 'INVITED', authSubject: null },
      data: { authSubject: subject, status: 'ACTIVE', lastSeenAt: new Date() },
      select: PRINCIPAL_FIELDS,
    });
    return user;
  },

  stampLastSeen(tx: BaseTx, userId: string) {
    return tx.user.update({ where: { id: userId }, data: { lastSeenAt: new Date() }, select: { id: true } });
  },

  /** In the user's tenant scope: clients are tenant data, invisible to the sign-in scope. */
  findClient(tx: TenantTx, clientId: string) {
    return tx.client.findFirst({ where: { id: clientId }, select: { id: true, name: true } });
  },
};

export type PrincipalRow = NonNullable<Awaited<ReturnType<typeof authRepository.findBySubject>>>;
