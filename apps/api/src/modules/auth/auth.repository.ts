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

function linkArgs(userId: string, subject: string) {
  return {
    where: { id: userId, status: 'INVITED' as const, authSubject: null },
    data: { authSubject: subject, status: 'ACTIVE' as const, lastSeenAt: new Date() },
    select: PRINCIPAL_FIELDS,
  };
}

/** Sign-in runs as muse_platform: it finds the caller's own row or invitation by verified identity. */
export const authRepository = {
  findBySubject(tx: BaseTx, subject: string) {
    return tx.user.findUnique({ where: { authSubject: subject }, select: PRINCIPAL_FIELDS });
  },

  /**
   * The caller's own row and its open invitation, in one statement: one snapshot, so a
   * concurrent first sign-in that links the invitation is seen either before or after, never
   * neither (two reads could miss both).
   */
  findSelfOrInvitation(tx: BaseTx, subject: string, email: string | undefined) {
    return tx.user.findMany({
      where: {
        OR: [
          { authSubject: subject },
          ...(email ? [{ email, status: 'INVITED' as const, authSubject: null }] : []),
        ],
      },
      select: { ...PRINCIPAL_FIELDS, authSubject: true },
    });
  },

  /**
   * First sign-in of an invited user: links the invitation only while it is still unlinked, so
   * of two first sign-ins at once exactly one links (the other gets undefined and reads the
   * link back). Platform admins link in the sign-in scope; tenant users in their tenant's
   * scope, where the audit log is.
   */
  async linkInvitation(tx: BaseTx, userId: string, subject: string) {
    const [user] = await tx.user.updateManyAndReturn(linkArgs(userId, subject));
    return user;
  },

  async linkTenantInvitation(tx: TenantTx, userId: string, subject: string) {
    const [user] = await tx.user.updateManyAndReturn(linkArgs(userId, subject));
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
