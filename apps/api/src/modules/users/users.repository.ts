import type { TenantRole, UserRef, UserStatus } from '@muse/contracts';
import type { Prisma, TenantTx } from '@muse/db';
import { afterKeyset, type Keyset } from '../../shared/keyset-page.ts';

/** A user's own fields: what the platform may read of it too. */
export const USER_IDENTITY_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  status: true,
  clientId: true,
  authSubject: true,
  lastSeenAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.UserSelect;

const USER_FIELDS = {
  ...USER_IDENTITY_FIELDS,
  client: { select: { id: true, name: true } },
} as const satisfies Prisma.UserSelect;

export interface UserFilter {
  role?: TenantRole;
  status?: UserStatus;
  clientId?: string;
  after?: Keyset;
  limit: number;
}

export const usersRepository = {
  /** In sign-up order; one row beyond the page tells whether another page exists. */
  list(tx: TenantTx, filter: UserFilter) {
    return tx.user.findMany({
      where: {
        role: filter.role,
        status: filter.status,
        clientId: filter.clientId,
        ...afterKeyset(filter.after, 'asc'),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: filter.limit + 1,
      select: USER_FIELDS,
    });
  },

  findById(tx: TenantTx, id: string) {
    return tx.user.findFirst({ where: { id }, select: USER_FIELDS });
  },

  createInvitation(
    tx: TenantTx,
    data: {
      tenantId: string;
      email: string;
      name: string;
      role: UserFilter['role'] & {};
      clientId: string | null;
    },
  ) {
    return tx.user.create({ data: { ...data, status: 'INVITED' }, select: USER_FIELDS });
  },

  update(tx: TenantTx, id: string, data: Prisma.UserUncheckedUpdateInput) {
    return tx.user.update({ where: { id }, data, select: USER_FIELDS });
  },

  countActiveAdmins(tx: TenantTx, excludingUserId: string) {
    return tx.user.count({ where: { role: 'AGENCY_ADMIN', status: 'ACTIVE', id: { not: excludingUserId } } });
  },

  /**
   * Serializes team changes of one tenant: two admins demoting each other at the same moment
   * must not both see the other as the remaining admin. An advisory lock, as the tenant row is
   * not the agency's to lock (it cannot update it).
   */
  async lockTeam(tx: TenantTx, tenantId: string): Promise<void> {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`muse:team:${tenantId}`}, 0))`;
  },

  /** Who wrote, edited or did something, by id, in one query (ids of users outside the tenant stay absent). */
  async refs(tx: TenantTx, ids: readonly (string | null)[]): Promise<Map<string, UserRef>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const users = await tx.user.findMany({
      where: { id: { in: wanted } },
      select: { id: true, name: true, role: true },
    });
    return new Map(users.map((user) => [user.id, user]));
  },
};

export type UserRow = NonNullable<Awaited<ReturnType<typeof usersRepository.findById>>>;
